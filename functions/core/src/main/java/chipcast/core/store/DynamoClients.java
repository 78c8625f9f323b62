package chipcast.core.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the DynamoDB client of a container. Bounded timeouts keep a hung store from holding a
 * function to its Lambda timeout; the SDK's standard retry mode backs off on throttling.
 */
public final class DynamoClients {
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(6);
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private DynamoClients() {
    }

    /**
     * Region from AWS_REGION, credentials from the default chain (it re-reads them after a SnapStart
     * restore). DYNAMODB_ENDPOINT points the client at a local store such as dynalite instead.
     */
    public static DynamoDbClient fromEnvironment(Map<String, String> env) {
        return builder(env).build();
    }

    public static DynamoDbClientBuilder builder(Map<String, String> env) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(RetryMode.STANDARD)
                        .build());
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
            if (env.get("AWS_ACCESS_KEY_ID") == null) {
                // A local store accepts any signature; a developer machine may have no AWS credentials at all.
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            }
        }
        return builder;
    }
}
