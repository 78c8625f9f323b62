package chipcast.local;

import chipcast.core.http.ApiHandler;
import chipcast.core.http.ApiResponse;
import chipcast.core.request.ErrorCode;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * An HTTP server that plays API Gateway (HTTP API, payload 2.0) in front of the real handlers: routes
 * come from template.yaml, events are built the way API Gateway builds them. The port is GatewayFront's,
 * which answers malformed requests in the API's error shape before they reach the JDK's server behind it.
 */
public final class LocalServer implements AutoCloseable {
    /** API Gateway refuses payloads above 10 MB before any function runs. */
    static final int GATEWAY_MAX_BODY = 10 * 1024 * 1024;

    private final LocalEnvironment env;
    private final Router router;
    private final StaticFiles statics;
    private final HttpServer server;
    private final GatewayFront front;
    private final boolean logRequests;

    /** A server that logs nothing per request (tests). */
    public LocalServer(LocalEnvironment env, int port) throws IOException {
        this(env, port, false);
    }

    /** @param logRequests print each function's request log line to stderr, as `./run-local.sh` does */
    public LocalServer(LocalEnvironment env, int port, boolean logRequests) throws IOException {
        this.env = env;
        this.logRequests = logRequests;
        this.router = new Router(env.template().routes());
        this.statics = new StaticFiles(env.root(), router);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        this.front = new GatewayFront(port, server.getAddress());
    }

    public void start() {
        server.start();
        front.start();
    }

    public int port() {
        return front.port();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (statics.serve(exchange)) {
                return; // the explorer, /docs or /openapi.yaml: a GET no API route claims
            }
            int status;
            Map<String, String> headers;
            byte[] body;
            try {
                APIGatewayV2HTTPResponse response = dispatch(exchange);
                status = response.getStatusCode();
                headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
                String text = response.getBody() == null ? "" : response.getBody();
                body = response.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
            } catch (GatewayError e) {
                // The gateway's own answers have the functions' shape and headers.
                ApiResponse response = ApiResponse.error(e.code, e.getMessage(), null);
                status = response.status();
                headers = ApiHandler.headers(response);
                body = response.body().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                // A fault of this server, not of a handler (those answer for themselves).
                Log.STDERR.info("the local gateway failed: " + e);
                ApiResponse response = ApiResponse.json(502,
                        Map.of("error", Map.of("code", "BAD_GATEWAY", "message", "the local gateway failed")));
                status = response.status();
                headers = ApiHandler.headers(response);
                body = response.body().getBytes(StandardCharsets.UTF_8);
            }
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            // A HEAD is answered with the headers a GET would get, and no body (as API Gateway and RFC 9110 do).
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (body.length > 0 && !head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private APIGatewayV2HTTPResponse dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = decode(rawPath);
        Router.Match match = router.match(method, path);
        if (match == null) {
            throw new GatewayError(ErrorCode.ROUTE_NOT_FOUND, "no such route");
        }
        byte[] bytes = readBody(exchange.getRequestBody());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        if (match.route().iamAuth() && !headers.getOrDefault("authorization", "").startsWith("AWS4-HMAC-SHA256")) {
            // What API Gateway does for an AWS_IAM route without a SigV4 signature (it checks the signature too).
            throw new GatewayError(ErrorCode.FORBIDDEN, "this route requires AWS_IAM (SigV4-signed) requests");
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(match.route().routeKey());
        event.setRawPath(rawPath);
        event.setRawQueryString(rawQuery == null ? "" : rawQuery);
        event.setHeaders(headers);
        event.setQueryStringParameters(query(rawQuery));
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        String contentType = headers.getOrDefault("content-type", "");
        if (bytes.length > 0) {
            String text = textBody(contentType, bytes);
            event.setIsBase64Encoded(text == null);
            event.setBody(text != null ? text : Base64.getEncoder().encodeToString(bytes));
        }
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        http.setUserAgent(headers.get("user-agent"));
        context.setHttp(http);
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey(match.route().routeKey());
        context.setStage("$default");
        context.setApiId("local");
        context.setAccountId("000000000000");
        context.setDomainName("localhost");
        context.setTimeEpoch(Instant.now().toEpochMilli());
        event.setRequestContext(context);
        String functionId = match.route().functionId();
        Object handler = env.handler(functionId);
        return (APIGatewayV2HTTPResponse) Invoker.invoke(handler, event, new LocalContext(functionId, !logRequests));
    }

    /** Query parameters as API Gateway v2 gives them: repeated keys joined with commas. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        return params.isEmpty() ? null : params;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayError(ErrorCode.MALFORMED_REQUEST, "malformed percent-encoding in the URL");
        }
    }

    /** API Gateway passes text bodies as they are and base64-encodes everything else. */
    private static String textBody(String contentType, byte[] bytes) {
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean textual = type.isEmpty() || type.contains("json") || type.startsWith("text/") || type.contains("xml")
                || type.contains("javascript") || type.contains("x-www-form-urlencoded");
        if (!textual) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(GATEWAY_MAX_BODY + 1);
        if (bytes.length > GATEWAY_MAX_BODY) {
            throw new GatewayError(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than API Gateway's 10 MB");
        }
        return bytes;
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
    }

    /** An answer the gateway gives itself, before any function runs. */
    static final class GatewayError extends RuntimeException {
        final ErrorCode code;

        GatewayError(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    static List<String> routesSummary(TemplateModel template) {
        return template.routes().stream().map(r -> r.routeKey() + " -> " + r.functionId()).toList();
    }
}
