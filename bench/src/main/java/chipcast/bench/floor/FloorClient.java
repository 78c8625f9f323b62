package chipcast.bench.floor;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.net.URI;
import java.util.Map;

/**
 * What both floor handlers do: the SDK's DynamoDB client with the url-connection HTTP client only, the
 * default credentials chain, and one GetItem of a chip by id. No JSON library, no framework.
 */
final class FloorClient {
    private final DynamoDbClient dynamo;
    private final String table;

    FloorClient() {
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

    String getChip(String chipId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(chipId))));
        return (response.hasItem() ? "found " : "missing ") + chipId;
    }
}
