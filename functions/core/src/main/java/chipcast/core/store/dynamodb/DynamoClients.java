package chipcast.core.store.dynamodb;

import chipcast.core.retry.Backoff;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
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

    /**
     * Three attempts with short, jittered backoff (longer for throttling): the SDK's DynamoDB default
     * (up to 9 attempts, throttling backoff up to 20 s) can hold a request for most of a minute, which
     * an API caller would rather get as a quick 503 with Retry-After.
     */
    static final RetryStrategy RETRY = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(3)
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofMillis(250)))
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(1)))
            .build();

    /** Retries of the items a batch call leaves unprocessed: 50 ms doubling to 2 s, 8 attempts in all. */
    public static final Backoff BATCH_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 8, Backoff.Sleeper.REAL);

    private DynamoClients() {
    }

    /**
     * Region from AWS_REGION, credentials from the default chain (it re-reads them after a SnapStart
     * restore). DYNAMODB_ENDPOINT points the client at a local store such as dynalite instead.
     */
    public static DynamoDbClient fromEnvironment(Map<String, String> env) {
        return builder(env).build();
    }

    /**
     * @param interceptors observers of each call (tests count requests or inject faults); they join the
     *                     same override configuration, which a second overrideConfiguration call would replace
     */
    public static DynamoDbClientBuilder builder(Map<String, String> env, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(API_CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .retryStrategy(RETRY);
        for (ExecutionInterceptor interceptor : interceptors) {
            override.addExecutionInterceptor(interceptor);
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")))
                .overrideConfiguration(override.build());
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
