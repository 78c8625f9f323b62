package chipcast.local;

import com.fasterxml.jackson.databind.JsonNode;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.loader.DataLoaderHandler;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function is a stream handler: it gets the event's bytes exactly as the Lambda runtime passes
 * them and answers bytes. These tests send raw bytes, not event objects: what API Gateway, the schedule
 * and CloudFormation would send, and what nobody should.
 */
class EventBytesTest {
    private static final List<String> API_FUNCTIONS = List.of("ChipSpecFunction", "ForecastFunction", "ScenarioFunction",
            "BenchmarkFunction");

    private static JsonNode invoke(String function, String event) throws Exception {
        byte[] answer = Invoker.invokeRaw(TestStack.handler(function), event.getBytes(StandardCharsets.UTF_8),
                new LocalContext(function, true));
        return LocalJson.MAPPER.readTree(answer);
    }

    @Test
    void bytesThatAreNoApiGatewayEventAre400JsonNotAnException() throws Exception {
        List<String> broken = List.of("", "   ", "null", "not json", "[]", "\"GET /chips\"", "42", "{", "{\"routeKey\":{}}",
                "{routeKey:\"GET /chips\"}", "{\"routeKey\":\"GET /chips\"}{}", "\u00ff\u00fe",
                "{\"headers\":[1]}", "{\"pathParameters\":\"x\"}", "{\"routeKey\":\"GET /chips\"} trailing",
                "{\"routeKey\":\"GET /chips\",\"routeKey\":\"GET /chips\"}", "[".repeat(100));
        for (String function : API_FUNCTIONS) {
            for (String event : broken) {
                JsonNode response = invoke(function, event);
                assertEquals(400, response.path("statusCode").asInt(), function + " <" + event + ">");
                JsonNode body = LocalJson.MAPPER.readTree(response.path("body").asText());
                assertEquals("INVALID_BODY", body.path("error").path("code").asText(), function + " <" + event + ">");
            }
        }
    }

    @Test
    void unknownFieldsAndNullMapsAreServed() throws Exception {
        String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /chips/{chipId}\",\"cookies\":[\"a=b\"],"
                + "\"headers\":null,\"queryStringParameters\":null,\"stageVariables\":{\"x\":\"y\"},"
                + "\"pathParameters\":{\"chipId\":\"nvidia-h100-sxm\",\"ignored\":null},"
                + "\"requestContext\":{\"http\":{\"method\":\"GET\"},\"authorizer\":{\"jwt\":{\"claims\":{\"n\":[1,{\"d\":2}]}}}},"
                + "\"body\":null,\"isBase64Encoded\":false}";
        JsonNode response = invoke("ChipSpecFunction", event);
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals("nvidia-h100-sxm", LocalJson.MAPPER.readTree(response.path("body").asText()).path("id").asText());
    }

    @Test
    void theAnswerIsPayloadFormat2AsApiGatewayReadsIt() throws Exception {
        JsonNode response = invoke("ChipSpecFunction", TestStack.read("events/get-chip.json"));
        Set<String> fields = new java.util.TreeSet<>();
        response.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("statusCode", "headers", "body", "isBase64Encoded"), fields);
        assertTrue(response.path("statusCode").isInt());
        assertTrue(response.path("body").isTextual(), "the body is a JSON document inside a string");
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertEquals("application/json", response.path("headers").path("Content-Type").asText());
        assertEquals("nosniff", response.path("headers").path("X-Content-Type-Options").asText());
    }

    @Test
    void theRecalculationReadsItsScheduleInputAndRefusesAnythingButAnObject() throws Exception {
        JsonNode none = invoke("RecalculationFunction", "");
        assertEquals("invoke", none.path("trigger").asText(), "no input: a plain invocation");
        assertEquals("SUCCESS", none.path("status").asText());
        assertEquals("schedule", invoke("RecalculationFunction", "{\"trigger\":\"schedule\"}").path("trigger").asText());
        // A schedule whose Input is broken fails the invocation, so its retry policy and dead-letter queue see it.
        assertThrows(UncheckedIOException.class, () -> invoke("RecalculationFunction", "[\"not an object\"]"));
    }

    /** A stand-in for CloudFormation's pre-signed response URL: keeps what the function PUT there. */
    private static final class CloudFormation implements AutoCloseable {
        final AtomicReference<String> put = new AtomicReference<>();
        private final HttpServer server;

        CloudFormation() throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                put.set(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String event(String requestType, String hash) {
            return TestStack.read("events/dataset-load.json")
                    .replace("\"RequestType\": \"Create\"", "\"RequestType\": \"" + requestType + "\"")
                    .replace("\"ResponseURL\": \"\"", "\"ResponseURL\": \"http://127.0.0.1:" + server.getAddress().getPort() + "/presigned\"")
                    .replace("see template.yaml", hash);
        }

        JsonNode answer() throws Exception {
            assertTrue(put.get() != null && put.get().startsWith("PUT "), String.valueOf(put.get()));
            return LocalJson.MAPPER.readTree(put.get().substring("PUT ".length()));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void theLoaderAnswersCloudFormationOnTheResponseUrlWithTheDatasetHash() throws Exception {
        try (CloudFormation cloudFormation = new CloudFormation()) {
            JsonNode result = invoke("DataLoaderFunction", cloudFormation.event("Delete", "abc123"));
            assertEquals("SUCCESS", result.path("status").asText());
            assertTrue(result.path("written").isMissingNode(), "Delete loads nothing (the tables go with the stack)");
            JsonNode answer = cloudFormation.answer();
            assertEquals("SUCCESS", answer.path("Status").asText());
            assertEquals("DatasetLoad", answer.path("LogicalResourceId").asText());
            assertEquals("5d478078-13e9-baf0-464a-7ef285ecc786", answer.path("RequestId").asText());
            assertEquals("abc123", answer.path("Data").path("DatasetSha256Loaded").asText());
        }
    }

    @Test
    void theLoaderAnswersFailedWhenTheStoreIsDownSoTheStackDoesNotWaitAnHour() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new LinkedHashMap<>(TestStack.env().environment("DataLoaderFunction"));
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + port);
        try (CloudFormation cloudFormation = new CloudFormation();
             DynamoDbClient down = DynamoClients.fromEnvironment(env)) {
            byte[] answer = Invoker.invokeRaw(new DataLoaderHandler(down, env),
                    cloudFormation.event("Create", "abc123").getBytes(StandardCharsets.UTF_8),
                    new LocalContext("DataLoaderFunction", true));
            assertEquals("FAILED", LocalJson.MAPPER.readTree(answer).path("status").asText());
            assertEquals("FAILED", cloudFormation.answer().path("Status").asText());
            assertTrue(cloudFormation.answer().path("Reason").asText().startsWith("dataset load failed"));
        }
    }

    @Test
    void theRecalculationAnswersAnUpdateWithTheResourcesOwnIdAndFieldsOfAnyType() throws Exception {
        try (CloudFormation cloudFormation = new CloudFormation()) {
            // An Update names the resource's physical id; a field that is not a string must not break the answer.
            String event = cloudFormation.event("Update", "abc123")
                    .replace("\"LogicalResourceId\": \"DatasetLoad\"",
                            "\"LogicalResourceId\": \"InitialRecalculation\", \"PhysicalResourceId\": \"recalc-1\"")
                    .replace("\"RequestId\": \"5d478078-13e9-baf0-464a-7ef285ecc786\"", "\"RequestId\": 42");
            JsonNode result = invoke("RecalculationFunction", event);
            assertEquals("deploy", result.path("trigger").asText());
            assertEquals("SUCCESS", result.path("status").asText());
            JsonNode answer = cloudFormation.answer();
            assertEquals("SUCCESS", answer.path("Status").asText());
            assertEquals("recalc-1", answer.path("PhysicalResourceId").asText(), "an Update keeps the resource's id");
            assertEquals("42", answer.path("RequestId").asText());
            assertEquals("InitialRecalculation", answer.path("LogicalResourceId").asText());
        }
    }
}
