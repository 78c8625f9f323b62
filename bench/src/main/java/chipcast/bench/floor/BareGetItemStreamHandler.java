package chipcast.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The floor of issue 6 as the runtime runs it cheapest: a stream handler (the Lambda runtime hands it the
 * event's bytes and runs no serialiser), the SDK's DynamoDB client with the url-connection HTTP client,
 * default credentials chain, one GetItem of a chip by id. No JSON library, no framework.
 */
public final class BareGetItemStreamHandler implements RequestStreamHandler {
    private final DynamoDbClient dynamo;
    private final String table;

    public BareGetItemStreamHandler() {
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
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // The event is a JSON string ("nvidia-h100-sxm"): its quotes are all the parsing it needs.
        String chipId = new String(input.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\"", "");
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(chipId))));
        output.write(((response.hasItem() ? "found " : "missing ") + chipId).getBytes(StandardCharsets.UTF_8));
    }
}
