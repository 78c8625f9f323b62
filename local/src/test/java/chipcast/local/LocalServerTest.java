package chipcast.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local server's HTTP path: template routes, API Gateway-style events, JSON answers. */
class LocalServerTest {
    static LocalServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new LocalServer(TestStack.env(), 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery));
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
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("GET /chips?vendor=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // The JDK's HTTP server refuses the URL itself (as API Gateway would): a 400, never a 5xx.
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
        HttpResponse<String> undecodable = send("GET", "/chips?vendor=%FF%FE", null);
        assertEquals(400, undecodable.statusCode());
        assertEquals("vendor", json(undecodable).path("error").path("parameter").asText());
    }
}
