package chipcast.local;

import chipcast.core.store.dynamodb.DynamoClients;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store that is down, hung or throttling yields 503 STORE_UNAVAILABLE with Retry-After, never a 500. */
class StoreFaultTest {

    static DynamoDbClient clientFor(String endpoint, ExecutionInterceptor... interceptors) {
        Map<String, String> env = new HashMap<>();
        env.put("DYNAMODB_ENDPOINT", endpoint);
        env.put("AWS_REGION", "us-east-1");
        return DynamoClients.builder(env, interceptors).build();
    }

    static APIGatewayV2HTTPResponse getChip(DynamoDbClient client) {
        Object handler = TestStack.env().newHandler("ChipSpecFunction", client);
        return invoke(handler, TestStack.event("get-chip.json"), "ChipSpecFunction");
    }

    static APIGatewayV2HTTPResponse invoke(Object handler, APIGatewayV2HTTPEvent event, String functionId) {
        return (APIGatewayV2HTTPResponse) Invoker.invoke(handler, event, new LocalContext(functionId, true));
    }

    static void assertUnavailable(APIGatewayV2HTTPResponse response) {
        assertEquals(503, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("\"STORE_UNAVAILABLE\""), response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    @Test
    void storeRefusingConnectionsIs503() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DynamoDbClient client = clientFor("http://127.0.0.1:" + port)) {
            assertUnavailable(getChip(client));
        }
    }

    @Test
    void scenarioReadsAndConditionalWritesOnADownStoreAre503() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DynamoDbClient client = clientFor("http://127.0.0.1:" + port)) {
            Object handler = TestStack.env().newHandler("ScenarioFunction", client);
            for (String file : List.of("compare-training.json", "compare-market.json", "list-scenarios.json", "put-scenario.json")) {
                assertUnavailable(invoke(handler, TestStack.event(file), "ScenarioFunction"));
            }
        }
    }

    @Test
    void storeThatAcceptsAndNeverAnswersIs503AfterTheCallTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket hung = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(hung.accept()); // accept, never answer
                    }
                } catch (Exception ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (DynamoDbClient client = clientFor("http://127.0.0.1:" + hung.getLocalPort())) {
                assertUnavailable(getChip(client));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void storeStoppedMidRunIs503() {
        Dynalite second = Dynalite.start(TestStack.ROOT, Log.QUIET);
        try (DynamoDbClient client = clientFor(second.endpoint())) {
            second.close();
            assertUnavailable(getChip(client));
        }
    }

    @Test
    void throttlingIsRetriedWithBackoffThen503() {
        ThrottleInjector throttle = new ThrottleInjector(Integer.MAX_VALUE);
        try (DynamoDbClient client = clientFor(TestStack.env().endpoint(), throttle)) {
            assertUnavailable(getChip(client));
        }
        assertEquals(3, throttle.injected.get(), "three attempts with backoff, then 503");
    }

    @Test
    void aThrottleThatClearsIsAbsorbedByRetries() {
        ThrottleInjector throttle = new ThrottleInjector(1);
        try (DynamoDbClient client = clientFor(TestStack.env().endpoint(), throttle)) {
            assertEquals(200, getChip(client).getStatusCode());
        }
        assertEquals(1, throttle.injected.get());
    }

    /** Replaces the store's answer with a throttling error, as DynamoDB sends it, for the first N attempts. */
    static final class ThrottleInjector implements ExecutionInterceptor {
        final AtomicInteger injected = new AtomicInteger();
        final int times;

        ThrottleInjector(int times) {
            this.times = times;
        }

        private boolean inject() {
            return injected.get() < times;
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!inject()) {
                return context.httpResponse();
            }
            return context.httpResponse().toBuilder().statusCode(400).statusText("Bad Request").build();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!inject()) {
                return context.responseBody();
            }
            injected.incrementAndGet();
            String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}";
            return Optional.of(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        }
    }
}
