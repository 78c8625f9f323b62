package chipcast.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.net.URI;
import java.util.Map;

/**
 * The floor of a JVM Lambda reading DynamoDB: the SDK's client with the url-connection HTTP client,
 * default credentials chain, and one GetItem of a chip by id. No JSON library, no framework.
 */
public final class BareGetItemHandler implements RequestHandler<String, String> {
    private final DynamoDbClient dynamo;
    private final String table;

    public BareGetItemHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")));
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.dynamo = builder.build();
        this.table = System.getenv("CHIPS_TABLE");
    }

    @Override
    public String handleRequest(String chipId, Context context) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(chipId))));
        return response.hasItem() ? "found " + chipId : "missing " + chipId;
    }
}
