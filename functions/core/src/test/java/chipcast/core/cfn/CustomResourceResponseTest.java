package chipcast.core.cfn;

import chipcast.core.log.Log;
import chipcast.core.retry.Backoff;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer to CloudFormation lands, or the function says so in its log: never a silent hour-long wait. */
class CustomResourceResponseTest {
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Log log = Log.to(new LambdaLogger() {
        @Override
        public void log(String message) {
            logged.add(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            logged.add(level + " " + message);
        }
    });
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    private CustomResourceResponse sender(int attempts, Duration readTimeout) {
        return new CustomResourceResponse(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), attempts, pauses::add),
                Duration.ofMillis(500), readTimeout);
    }

    private static CustomResourceRequest request(String url) {
        return new CustomResourceRequest("Create", url, "stack", "request-1", "DatasetLoad", null,
                new CustomResourceRequest.Properties("abc"));
    }

    /** A response URL that answers each PUT with the next status of {@code statuses} (the last one repeats). */
    private String url(List<String> bodies, int... statuses) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            if (status == 0) {
                try {
                    release.await(5, TimeUnit.SECONDS); // never answers in time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/presigned";
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aResponseUrlThatFailsOnceGetsTheAnswerOnTheRetry() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        boolean delivered = sender(4, Duration.ofSeconds(2)).answer(request(url(bodies, 500, 200)), "SUCCESS",
                "dataset loaded", "chipcast-dataset", Map.of("DatasetSha256Loaded", "abc"), log);
        assertTrue(delivered);
        assertEquals(2, bodies.size(), "the failed PUT and its retry");
        assertEquals(1, pauses.size(), "one backoff, not slept");
        JsonNode answer = JsonMapper.builder().build().readTree(bodies.get(1));
        assertEquals("SUCCESS", answer.path("Status").asText());
        assertEquals("chipcast-dataset", answer.path("PhysicalResourceId").asText(), "a Create gets the new id");
        assertEquals("request-1", answer.path("RequestId").asText());
        assertEquals("abc", answer.path("Data").path("DatasetSha256Loaded").asText());
        assertTrue(logged.isEmpty(), "nothing to report: " + logged);
    }

    @Test
    void aResponseUrlThatNeverAnswersIsRetriedThenLoggedAsAnError() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        boolean delivered = sender(3, Duration.ofMillis(300)).answer(request(url(bodies, 0)), "FAILED", "load failed",
                "chipcast-dataset", Map.of(), log);
        assertFalse(delivered);
        assertEquals(2, pauses.size(), "three tries, two pauses");
        assertEquals(1, logged.size(), String.valueOf(logged));
        assertTrue(logged.get(0).startsWith("ERROR "), logged.get(0));
        assertTrue(logged.get(0).contains("custom resource answer not delivered") && logged.get(0).contains("SocketTimeoutException"),
                logged.get(0));
    }

    @Test
    void anErrorStatusOrARefusedConnectionIsNotADelivery() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        assertFalse(sender(2, Duration.ofSeconds(1)).answer(request(url(bodies, 403)), "SUCCESS", "ok", "id", Map.of(), log));
        assertTrue(logged.get(0).contains("\"httpStatus\":403"), logged.get(0));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertFalse(sender(2, Duration.ofSeconds(1)).answer(request("http://127.0.0.1:" + closed + "/x"), "SUCCESS", "ok",
                "id", Map.of(), log));
        assertTrue(sender(2, Duration.ofSeconds(1)).answer(request(""), "SUCCESS", "ok", "id", Map.of(), log),
                "a local invocation has nobody waiting");
    }
}
