package chipcast.local;

import chipcast.core.request.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local server's HTTP path: template routes, API Gateway-style events, JSON answers. */
class LocalServerTest {
    @RegisterExtension
    static final LocalServerExtension SERVER = new LocalServerExtension();
    static final HttpClient HTTP = HttpClient.newHttpClient();


    static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.url() + pathAndQuery));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
        return LocalJson.MAPPER.readTree(response.body());
    }

    @Test
    void servesAChipOverHttp() throws Exception {
        HttpResponse<String> response = send("GET", "/chips/furiosa-rngd", null);
        assertEquals(200, response.statusCode());
        assertEquals("FuriosaAI", json(response).path("vendor").asText());
    }

    @Test
    void staticRouteWinsOverParameterRoute() throws Exception {
        HttpResponse<String> response = send("GET", "/chips/compare?ids=nvidia-h100-sxm,nvidia-b200", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("nvidia-h100-sxm", json(response).path("baseline").asText());
    }

    @Test
    void repeatedQueryKeysAreJoinedLikeApiGateway() throws Exception {
        HttpResponse<String> response = send("GET", "/chips/compare?ids=nvidia-h100-sxm&ids=amd-mi300x", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, json(response).path("chips").size());
        HttpResponse<String> limit = send("GET", "/chips?limit=1&limit=2", null);
        assertEquals(400, limit.statusCode());
    }

    @Test
    void unknownRoutesAndMethodsAre404Json() throws Exception {
        for (String[] request : new String[][]{{"GET", "/nope"}, {"DELETE", "/chips/nvidia-b200"}, {"GET", "/chips/a/b"}}) {
            HttpResponse<String> response = send(request[0], request[1], null);
            assertEquals(404, response.statusCode(), request[1]);
            assertEquals("ROUTE_NOT_FOUND", json(response).path("error").path("code").asText());
        }
    }

    @Test
    void malformedUrlsAre400Json() throws Exception {
        // Java's HTTP client refuses to send such a URL, so this one goes over a plain socket.
        Raw answer = raw("GET /chips?vendor=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertGatewayError(answer, 400, "MALFORMED_REQUEST");
        HttpResponse<String> undecodable = send("GET", "/chips?vendor=%FF%FE", null);
        assertEquals(400, undecodable.statusCode());
        assertEquals("vendor", json(undecodable).path("error").path("parameter").asText());
    }

    /** An answer read off a socket: status, headers (names in lower case) and body. */
    record Raw(int status, Map<String, String> headers, String body, String text) {
    }

    static Raw raw(String request) throws Exception {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    static Raw raw(byte[] request) throws Exception {
        return raw(SERVER.port(), request);
    }

    /** A request written to a local server's socket as bytes, and its answer as the server sent it. */
    static Raw raw(int port, byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.shutdownOutput(); // all sent: a head cut short ends here, not after the server's idle time
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(text.startsWith("HTTP/1.1 ") && end > 0, "an HTTP answer: " + text);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : text.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            return new Raw(Integer.parseInt(text.substring(9, 12)), headers, text.substring(end + 4), text);
        }
    }

    /** The gateway's answer has the functions' error shape and the headers of every other answer. */
    static void assertGatewayError(Raw answer, int status, String code) throws Exception {
        assertEquals(status, answer.status(), answer.text());
        assertEquals(ErrorCode.valueOf(code).status(), status);
        assertEquals("application/json", answer.headers().get("content-type"), answer.text());
        assertEquals("nosniff", answer.headers().get("x-content-type-options"), answer.text());
        assertEquals("no-store", answer.headers().get("cache-control"), answer.text());
        JsonNode error = LocalJson.MAPPER.readTree(answer.body()).path("error");
        assertEquals(code, error.path("code").asText(), answer.text());
        assertFalse(error.path("message").asText().isEmpty());
        assertFalse(answer.body().contains("<"), "no markup: " + answer.body());
    }

    static final String HOST = "Host: localhost\r\n";

    /** What the JDK server answers with HTML (400, 404, 501) or not at all; each gets the JSON shape now. */
    static final List<String> MALFORMED = List.of(
            "GARBAGE\r\n\r\n",
            "GET /chips\r\n\r\n",
            "GET\t/chips\tHTTP/1.1\r\n\r\n",
            "GET /chips extra HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /chips HTTP/9.9\r\n" + HOST + "\r\n",
            "GET /chips?vendor=%E0%A4%A HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /chips?vendor=%zz HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /chips|x HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /caf\u00e9 HTTP/1.1\r\n" + HOST + "\r\n",
            "GET * HTTP/1.1\r\n" + HOST + "\r\n",
            "GET mailto:x HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /chips#top HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "NoColon\r\n\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "Bad Name: v\r\n\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "X-A: v\r\n folded\r\n\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "X-A: a\u0001b\r\n\r\n",
            "POST /forecasts/calculate HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n",
            "POST /forecasts/calculate HTTP/1.1\r\n" + HOST + "Content-Length: -1\r\n\r\n",
            "POST /forecasts/calculate HTTP/1.1\r\n" + HOST + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
            "POST /forecasts/calculate HTTP/1.1\r\n" + HOST + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
            "POST /forecasts/calculate HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip\r\n\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "X-Many: v\r\n".repeat(201) + "\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "X-Long: " + "v".repeat(10_300) + "\r\n\r\n",
            "GET /chips?q=" + "a".repeat(10_300) + " HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST + "X-Huge: " + "v".repeat(400_000) + "\r\n\r\n",
            "GET /chips HTTP/1.1\r\n" + HOST);

    @Test
    void malformedRequestLinesUrlsAndHeadersGetTheJsonErrorShape() throws Exception {
        for (String request : MALFORMED) {
            Raw answer = raw(request);
            assertEquals(400, answer.status(), request.length() > 200 ? request.substring(0, 200) : request);
            assertGatewayError(answer, 400, "MALFORMED_REQUEST");
        }
        Raw head = raw("HEAD /chips|x HTTP/1.1\r\n" + HOST + "\r\n");
        assertEquals(400, head.status());
        assertEquals("", head.body(), "a HEAD gets no body");
    }

    @Test
    void wellFormedRawRequestsStillReachTheFunctions() throws Exception {
        Raw chip = raw("GET /chips/furiosa-rngd HTTP/1.1\r\n" + HOST + "\r\n");
        assertEquals(200, chip.status(), chip.text());
        assertEquals("close", chip.headers().get("connection"), "one request per connection");
        // A path that starts with "//" is a path, not a host (the JDK server alone answers it with an HTML 404).
        assertGatewayError(raw("GET //chips HTTP/1.1\r\n" + HOST + "\r\n"), 404, "ROUTE_NOT_FOUND");
        Raw absolute = raw("GET http://localhost/chips/furiosa-rngd HTTP/1.1\r\n" + HOST + "\r\n");
        assertEquals(200, absolute.status(), absolute.text());
        Raw http10 = raw("GET /chips/furiosa-rngd HTTP/1.0\r\n\r\n");
        assertEquals(200, http10.status(), http10.text());
        Raw chunked = raw("POST /forecasts/calculate HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + "2\r\n{}\r\n0\r\n\r\n");
        assertEquals(400, chunked.status(), "the handler's own answer to an empty body: " + chunked.text());
        assertEquals("INVALID_BODY", LocalJson.MAPPER.readTree(chunked.body()).path("error").path("code").asText(), chunked.text());
    }

    @Test
    void expectContinueAndManyRequestsInARowWork() throws Exception {
        String body = "{\"knownPoints\":[{\"year\":2023,\"value\":10},{\"year\":2028,\"value\":40}],\"unit\":\"billion\",\"currency\":\"USD\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SERVER.url() + "/forecasts/calculate"))
                .expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 500, response.body());
        for (int i = 0; i < 30; i++) {
            assertEquals(200, send("GET", "/chips/furiosa-rngd", null).statusCode());
        }
    }

    @Test
    void headIsAnsweredWithoutABodyAndWithoutTheJdkWarning() throws Exception {
        java.util.logging.Logger jdk = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
        List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jdk.addHandler(capture);
        try {
            HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(SERVER.url() + "/chips/furiosa-rngd"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            // API Gateway routes a HEAD like any other method: GET routes do not match it, $default answers.
            assertEquals(404, head.statusCode());
            assertEquals("", head.body());
            assertEquals("application/json", head.headers().firstValue("content-type").orElse(""));
            assertEquals("nosniff", head.headers().firstValue("x-content-type-options").orElse(""));
        } finally {
            jdk.removeHandler(capture);
        }
        assertEquals(List.of(), warnings.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    @Test
    void theUnsignedPutIsForbiddenInTheDocumentedShapeWithTheUsualHeaders() throws Exception {
        Raw put = raw("PUT /scenarios/my-scenario HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        assertGatewayError(put, 403, "FORBIDDEN");
        HttpResponse<String> none = send("GET", "/chips/compare/too/deep", null);
        assertEquals(404, none.statusCode());
        assertEquals("no-store", none.headers().firstValue("cache-control").orElse(""));
    }
}
