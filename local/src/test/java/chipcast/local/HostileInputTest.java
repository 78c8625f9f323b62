package chipcast.local;

import chipcast.core.request.ErrorCode;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, hostile input: thousands of seeded malformed requests over every template route, sent
 * straight to the handlers as API Gateway events and over the local server's HTTP path. None may
 * answer 5xx; every answer is JSON with a stable error code (or a 2xx JSON body when the random
 * input happens to be valid), carries Content-Type: application/json and echoes no stack trace or markup.
 */
class HostileInputTest {
    static final long SEED = 20_240_318L;
    static final int HANDLER_REQUESTS = 8_000;
    static final int HTTP_REQUESTS = 3_000;
    static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

    @RegisterExtension
    static final LocalServerExtension SERVER = new LocalServerExtension();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();


    /** A real page token, the raw material of the forged ones. */
    static String realToken() throws Exception {
        APIGatewayV2HTTPEvent event = TestStack.event("list-chips.json");
        event.setQueryStringParameters(Map.of("limit", "2"));
        APIGatewayV2HTTPResponse page = TestStack.invoke("ChipSpecFunction", event);
        String token = LocalJson.MAPPER.readTree(page.getBody()).path("nextToken").asText(null);
        assertTrue(token != null && token.contains("."), page.getBody());
        return token;
    }

    static HostileRequests generator(long seed) throws Exception {
        return new HostileRequests(seed, TestStack.ROOT, TestStack.env().template().routes(), realToken());
    }

    @Test
    void malformedRequestsStraightToTheHandlersNeverAnswer5xxOrNonJson() throws Exception {
        HostileRequests requests = generator(SEED);
        Router router = new Router(TestStack.env().template().routes());
        Tally tally = new Tally("handler");
        for (int i = 0; i < HANDLER_REQUESTS; i++) {
            HostileRequests.Probe probe = requests.next();
            APIGatewayV2HTTPResponse response;
            String functionId;
            APIGatewayV2HTTPEvent event = event(probe, router);
            functionId = functionOf(probe, router);
            long started = System.nanoTime();
            try {
                response = TestStack.invoke(functionId, event);
            } catch (RuntimeException | StackOverflowError e) {
                tally.failure(probe, "the handler threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
                continue;
            }
            tally.timed(probe, (System.nanoTime() - started) / 1_000_000);
            Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
            tally.record(probe, response.getStatusCode(), headers.get("Content-Type"), response.getBody(), false);
        }
        tally.report();
    }

    @Test
    void malformedRequestsToTheDiscoveryRoutesNeverAnswer5xxOrNonJson() throws Exception {
        HostileRequests requests = generator(SEED + 2);
        Router router = new Router(TestStack.env().template().routes());
        Tally tally = new Tally("discovery");
        for (int i = 0; i < HANDLER_REQUESTS / 4; i++) {
            HostileRequests.Probe probe = requests.discoveryProbe();
            APIGatewayV2HTTPResponse response;
            try {
                response = TestStack.invoke(functionOf(probe, router), event(probe, router));
            } catch (RuntimeException | StackOverflowError e) {
                tally.failure(probe, "the handler threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
                continue;
            }
            Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
            tally.record(probe, response.getStatusCode(), headers.get("Content-Type"), response.getBody(), false);
        }
        tally.report();
    }

    /**
     * Whether the gateway routes this request to an AWS_IAM route, judged as the server does: a mutated
     * path can land on another route than the one it was generated from (e.g. PUT /scenarios/{id}).
     */
    private static boolean servedByIamRoute(HostileRequests.Probe probe, String target) {
        if (probe.route() != null && probe.route().iamAuth()) {
            return true;
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        try {
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Router.Match match = new Router(TestStack.env().template().routes()).match(probe.method(), path);
        return match != null && match.route().iamAuth();
    }

    @Test
    void malformedRequestsOverTheLocalServerNeverAnswer5xxOrNonJson() throws Exception {
        HostileRequests requests = generator(SEED + 1);
        Tally tally = new Tally("http");
        for (int i = 0; i < HTTP_REQUESTS; i++) {
            HostileRequests.Probe probe = requests.next();
            String target = target(probe);
            long started = System.nanoTime();
            try {
                RawAnswer answer = send(probe, target);
                tally.record(probe, answer.status, answer.contentType, answer.body, servedByIamRoute(probe, target));
            } catch (IOException e) {
                tally.failure(probe, "no answer: " + e);
            }
            tally.timed(probe, (System.nanoTime() - started) / 1_000_000);
        }
        tally.report();
    }

    static final int CSV_OR_STATIC_REQUESTS = 1_500;

    /**
     * CSV variants (the routes that serve CSV, asked with format=csv or an Accept for text/csv, hostile formats and
     * Accept headers) to the handlers and over HTTP, and static-file probes (built files, traversals, encodings, dot
     * files, other methods) over HTTP: no 5xx; CSV only where it was asked for on a route that serves it, as UTF-8
     * with its BOM; a built file only for a GET or HEAD of a clean path; everything else the API's JSON.
     */
    @Test
    void csvVariantsAndStaticFileProbesAnswerCsvOrFilesOnlyWhereAskedAndJsonOtherwise() throws Exception {
        List<String> built = builtFiles();
        HostileRequests requests = generator(SEED + 2);
        Router router = new Router(TestStack.env().template().routes());
        Tally handlers = new Tally("csv-handler");
        Tally http = new Tally("csv-static-http");
        for (int i = 0; i < CSV_OR_STATIC_REQUESTS; i++) {
            HostileRequests.Probe probe = requests.csvOrStatic(built);
            if (probe.kind() == HostileRequests.Kind.CSV) {
                APIGatewayV2HTTPResponse response = TestStack.invoke(functionOf(probe, router), event(probe, router));
                Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
                handlers.judged(probe, response.getStatusCode(), csvOrStaticProblem(handlers, probe, response.getStatusCode(),
                        headers.get("Content-Type"), response.getBody()));
            }
            RawAnswer answer = answer(http, probe);
            if (answer == null) {
                continue;
            }
            http.judged(probe, answer.status, csvOrStaticProblem(http, probe, answer.status, answer.contentType, answer.body));
        }
        handlers.report();
        http.report();
        assertTrue(handlers.csvAnswers > 0 && http.csvAnswers > 0 && http.fileAnswers > 0,
                "the probes reached CSV answers and files: " + handlers.csvAnswers + ", " + http.csvAnswers + ", " + http.fileAnswers);
    }

    static final int ROUND_HANDLER_REQUESTS = 5_000;
    static final int ROUND_HTTP_REQUESTS = 2_500;

    /**
     * Issue 15: what this round added (the benchmark and discovery routes, CSV variants) straight to the handlers, and
     * the explorer's static files with traversals over HTTP, every answer judged against docs/openapi.yaml
     * ({@link Contract}: a documented status, headers and body, or the gateway's 404/400 where no operation covers the
     * request): no 5xx, and no file but the build's, byte for byte.
     */
    @Test
    void thisRoundsRoutesAndTheSiteAnswerAsTheDocumentSays() throws Exception {
        List<String> built = builtFiles();
        Map<String, byte[]> files = new java.util.HashMap<>();
        for (String file : built) {
            files.put(file, java.nio.file.Files.readAllBytes(TestStack.ROOT.resolve("web/dist" + file)));
        }
        byte[] openapi = java.nio.file.Files.readAllBytes(TestStack.ROOT.resolve("docs/openapi.yaml"));
        HostileRequests requests = generator(SEED + 3);
        Router router = new Router(TestStack.env().template().routes());
        Tally handlers = new Tally("round-handler");
        for (int i = 0; i < ROUND_HANDLER_REQUESTS; i++) {
            HostileRequests.Probe probe = requests.roundProbe();
            APIGatewayV2HTTPEvent event = event(probe, router);
            APIGatewayV2HTTPResponse response = TestStack.invoke(functionOf(probe, router), event);
            Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
            // judged as the answer of the route the event went to (its parameters as one segment, as API Gateway gives them)
            String routePath = event.getRouteKey().substring(event.getRouteKey().indexOf(' ') + 1).replaceAll("\\{[^}]+}", "p");
            List<String> problems = Contract.DOCUMENT.problems(probe.method(), routePath, response.getStatusCode(),
                    headers, response.getBody());
            handlers.judged(probe, response.getStatusCode(), response.getStatusCode() >= 500 ? "status " + response.getStatusCode()
                    : problems.isEmpty() ? null : problems + " " + HostileRequestsText.cut(response.getBody()));
        }
        Tally http = new Tally("site-http");
        for (int i = 0; i < ROUND_HTTP_REQUESTS; i++) {
            HostileRequests.Probe probe = requests.traversalProbe(built);
            RawAnswer answer = answer(http, probe);
            if (answer == null) {
                continue;
            }
            if (answer.status() == 200 && answer.contentType() != null && !answer.contentType().startsWith("application/json")) {
                http.fileAnswers++;
            }
            http.judged(probe, answer.status(), siteProblem(probe, answer, files, openapi));
        }
        handlers.report();
        http.report();
        assertTrue(http.fileAnswers > 0, "some probes were built files");
    }

    /** A file answer must be one of the build's (or this document) and asked for by GET or HEAD; the rest is the contract's. */
    static String siteProblem(HostileRequests.Probe probe, RawAnswer answer, Map<String, byte[]> files, byte[] openapi) {
        if (answer.status() >= 500) {
            return "status " + answer.status();
        }
        boolean json = answer.contentType() != null && answer.contentType().startsWith("application/json");
        if (answer.status() == 200 && !json) {
            byte[] body = answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!probe.method().equals("GET") && !probe.method().equals("HEAD")) {
                return "a file answer to " + probe.method();
            }
            boolean ours = body.length == 0 || java.util.Arrays.equals(body, openapi)
                    || files.values().stream().anyMatch(f -> java.util.Arrays.equals(f, body));
            if (!ours) {
                return "a file that is not in web/dist: " + HostileRequestsText.cut(answer.body());
            }
        }
        String path = target(probe);
        path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        try {
            List<String> problems = Contract.DOCUMENT.problems(probe.method(), path, answer.status(), answer.headers(), answer.body());
            return problems.isEmpty() ? null : problems.toString();
        } catch (RuntimeException e) {
            // a path no URI parser accepts: the gateway's 400 MALFORMED_REQUEST or 404 in the API's shape
            return answer.status() == 400 || answer.status() == 404 ? (json || answer.body().isEmpty() ? null : "not JSON")
                    : "status " + answer.status() + " to an unparseable path";
        }
    }

    /** A probe's answer over HTTP, or null with the failure tallied when none came. */
    static RawAnswer answer(Tally tally, HostileRequests.Probe probe) throws InterruptedException {
        try {
            return send(probe, target(probe));
        } catch (IOException e) {
            tally.failure(probe, "no answer: " + e);
            return null;
        }
    }

    /** The built explorer's files as request paths (/index.html, /assets/...). */
    static List<String> builtFiles() throws IOException {
        chipcast.site.WebBuild.ensureBuilt(TestStack.ROOT, m -> { }, true);
        java.nio.file.Path dist = TestStack.ROOT.resolve("web/dist");
        try (var walk = java.nio.file.Files.walk(dist)) {
            return walk.filter(java.nio.file.Files::isRegularFile).map(f -> "/" + dist.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.contains("/.")).sorted().toList();
        }
    }

    /** Whether a probe asked for CSV on a route that serves it (format=csv wins; else Accept; ties are JSON's). */
    static boolean askedForCsv(HostileRequests.Probe probe) {
        List<String> formats = probe.query().stream().filter(q -> q.getKey().equals("format")).map(Map.Entry::getValue).toList();
        if (!formats.isEmpty()) {
            return String.join(",", formats).trim().equalsIgnoreCase("csv");
        }
        String accept = probe.accept() == null ? "" : probe.accept().toLowerCase(Locale.ROOT);
        return accept.contains("text/csv") || accept.contains("text/*");
    }

    static String csvOrStaticProblem(Tally tally, HostileRequests.Probe probe, int status, String contentType, String body) {
        if (status >= 500) {
            return "status " + status;
        }
        if (contentType != null && contentType.startsWith("text/csv")) {
            tally.csvAnswers++;
            if (probe.kind() != HostileRequests.Kind.CSV || !askedForCsv(probe)) {
                return "CSV that was not asked for";
            }
            if (status != 200 || !contentType.equals(chipcast.core.csv.Csv.CONTENT_TYPE) || !body.startsWith("\uFEFF")) {
                return "a CSV answer that is not 200 " + chipcast.core.csv.Csv.CONTENT_TYPE + " with its BOM";
            }
            return body.contains("Exception") || body.contains("at chipcast.") ? "stack trace in a CSV answer" : null;
        }
        boolean json = contentType != null && contentType.startsWith("application/json");
        if (probe.method().equals("HEAD") && (body == null || body.isEmpty()) && status != 200) {
            return json ? null : "a HEAD answered " + status + " " + contentType + " (a GET would get the API's JSON error)";
        }
        if (!json && status == 200 && contentType != null) {
            tally.fileAnswers++;
            String path = probe.path();
            if (probe.kind() != HostileRequests.Kind.STATIC_FILE || !(probe.method().equals("GET") || probe.method().equals("HEAD"))) {
                return "a file answer (" + contentType + ") to " + probe.method() + " " + path;
            }
            if (path.contains("..") || path.toLowerCase(Locale.ROOT).contains("%2e") || path.contains("/.") || path.contains("%00")) {
                return "a file answer to a path that is not a clean path";
            }
            return null;
        }
        return tally.problem(status, contentType, body, false);
    }

    // ---- building requests as API Gateway does ----

    static APIGatewayV2HTTPEvent event(HostileRequests.Probe probe, Router router) {
        String routeKey;
        Map<String, String> params;
        if (probe.route() != null) {
            routeKey = probe.route().routeKey();
            params = probe.pathParameters() == null || probe.pathParameters().isEmpty() ? null : probe.pathParameters();
        } else {
            Router.Match match = router.match(probe.method(), probe.path());
            routeKey = match.route().routeKey();
            params = match.pathParameters().isEmpty() ? null : match.pathParameters();
        }
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(encodePath(probe.path()));
        event.setRawQueryString(encodeQuery(probe.query()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "api.chipcast.example");
        headers.put("user-agent", "hostile-input-test");
        if (probe.contentType() != null) {
            headers.put("content-type", probe.contentType());
        }
        if (probe.accept() != null) {
            headers.put("accept", probe.accept());
        }
        event.setHeaders(headers);
        event.setQueryStringParameters(LocalServer.query(encodeQuery(probe.query())));
        event.setPathParameters(params);
        event.setBody(probe.eventBody());
        event.setIsBase64Encoded(probe.base64());
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(probe.method());
        http.setPath(event.getRawPath());
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("203.0.113.10");
        context.setHttp(http);
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setRequestId("hostile");
        event.setRequestContext(context);
        return event;
    }

    static String functionOf(HostileRequests.Probe probe, Router router) {
        return probe.route() != null ? probe.route().functionId() : router.match(probe.method(), probe.path()).route().functionId();
    }

    static String target(HostileRequests.Probe probe) {
        if (probe.rawTarget()) {
            StringBuilder raw = new StringBuilder(probe.path());
            String sep = "?";
            for (Map.Entry<String, String> q : probe.query()) {
                raw.append(sep).append(q.getKey()).append('=').append(q.getValue());
                sep = "&";
            }
            // Unencoded, except CR and LF: they end an HTTP request line, so no client can send them in one.
            return raw.toString().replace("\r", "%0D").replace("\n", "%0A");
        }
        String query = encodeQuery(probe.query());
        return encodePath(probe.path()) + (query.isEmpty() ? "" : "?" + query);
    }

    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0 || path.startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment));
        }
        String encoded = out.toString();
        return encoded.startsWith("//") && !path.startsWith("//") ? encoded.substring(1) : encoded;
    }

    static String encodeQuery(List<Map.Entry<String, String>> query) {
        return query.stream().map(q -> encode(q.getKey()) + "=" + encode(q.getValue())).collect(Collectors.joining("&"));
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (UTF-8; a lone surrogate becomes '?'). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** What java.net.URI accepts as a URL; anything else the local gateway answers 400 MALFORMED_REQUEST. */
    static boolean validUri(String url) {
        try {
            URI uri = new URI(url);
            HttpRequest.newBuilder(uri); // the client's own checks (scheme, host)
            return true;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether java.net.http can send the target: a valid URI, ASCII only (the client fails on other
     * characters in a request line, before sending) and in origin form (not "//host...", which the JDK
     * server reads as an authority with an empty path).
     */
    static boolean sendableByHttpClient(String target) {
        return validUri("http://localhost" + target) && target.chars().allMatch(c -> c < 0x7f) && !target.startsWith("//");
    }

    /** An answer over HTTP: its status, Content-Type, body and every header (one value each). */
    record RawAnswer(int status, String contentType, String body, Map<String, String> headers) {
    }

    /** A probe over the local server: by java.net.http where it can send it, else written to a socket as-is. */
    static RawAnswer send(HostileRequests.Probe probe, String target) throws IOException, InterruptedException {
        if (!sendableByHttpClient(target) || (probe.accept() != null && probe.accept().length() >= 1000)) {
            return sendRaw(probe, target);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.url() + target))
                .method(probe.method(), probe.httpBody().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.httpBody()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (probe.accept() != null) {
            request.header("Accept", probe.accept());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
        return new RawAnswer(response.statusCode(), response.headers().firstValue("content-type").orElse(null), response.body(),
                headers);
    }

    /** A request the HTTP client refuses to send (not a valid URI), written to a socket as-is. */
    static RawAnswer sendRaw(HostileRequests.Probe probe, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", SERVER.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(probe.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n")
                    .append("Content-Length: ").append(probe.httpBody().length).append("\r\n");
            if (probe.contentType() != null) {
                head.append("Content-Type: ").append(probe.contentType()).append("\r\n");
            }
            if (probe.accept() != null) {
                head.append("Accept: ").append(probe.accept()).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(probe.httpBody());
            out.flush();
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                throw new IOException("not an HTTP answer: " + HostileRequestsText.cut(text));
            }
            int status = Integer.parseInt(text.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : text.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("HTTP/")) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            String contentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return new RawAnswer(status, contentType, text.substring(end + 4), headers);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    // ---- pass criteria and counts ----

    static final class Tally {
        final String channel;
        final Map<Integer, Integer> byStatus = new TreeMap<>();
        final Map<String, Integer> byKind = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int tried;
        long slowestMs;
        String slowest = "";

        /** Reported, never asserted: a hint when the run gets slow. */
        void timed(HostileRequests.Probe probe, long ms) {
            if (ms > slowestMs) {
                slowestMs = ms;
                slowest = describe(probe);
            }
        }

        Tally(String channel) {
            this.channel = channel;
        }

        void failure(HostileRequests.Probe probe, String problem) {
            tried++;
            byKind.merge(probe.kind().name(), 1, Integer::sum);
            failures.add(problem + " <- " + describe(probe));
        }

        int csvAnswers;
        int fileAnswers;

        /** An answer judged by the caller: problem null when it is a good one. */
        void judged(HostileRequests.Probe probe, int status, String problem) {
            tried++;
            byKind.merge(probe.kind().name(), 1, Integer::sum);
            byStatus.merge(status, 1, Integer::sum);
            if (problem != null) {
                failures.add(problem + " <- " + describe(probe) + " -> " + status);
            }
        }

        void record(HostileRequests.Probe probe, int status, String contentType, String body, boolean iamRoute) {
            tried++;
            byKind.merge(probe.kind().name(), 1, Integer::sum);
            byStatus.merge(status, 1, Integer::sum);
            String problem = explorerPage(probe, status, contentType) ? null : problem(status, contentType, body, iamRoute);
            if (problem != null) {
                failures.add(problem + " <- " + describe(probe) + " -> " + status + " " + HostileRequestsText.cut(body));
            }
        }

        /** GET or HEAD of "/" (any query) is the explorer's page, served beside the API by StaticFiles (BrowserTest tests it). */
        private static boolean explorerPage(HostileRequests.Probe probe, int status, String contentType) {
            return "/".equals(probe.path()) && ("GET".equals(probe.method()) || "HEAD".equals(probe.method()))
                    && status == 200 && contentType != null && contentType.startsWith("text/html");
        }

        private String problem(int status, String contentType, String body, boolean iamRoute) {
            if (status >= 500) {
                return "status " + status;
            }
            boolean json = contentType != null && contentType.startsWith("application/json");
            if (!json) {
                return "Content-Type " + contentType;
            }
            JsonNode node;
            try {
                node = LocalJson.MAPPER.readTree(body);
            } catch (Exception e) {
                return "body is not JSON";
            }
            if (node == null || !node.isContainerNode()) {
                return "body is not a JSON object or array";
            }
            if (status < 200 || status >= 300) {
                String code = node.path("error").path("code").asText("");
                if (!CODES.contains(code)) {
                    return "error.code '" + code + "' is not an ErrorCode";
                }
                if (code.equals("FORBIDDEN") && !iamRoute) {
                    return "FORBIDDEN on a route without AWS_IAM";
                }
                if (CODES.contains(code) && ErrorCode.valueOf(code).status() != status) {
                    return "status " + status + " does not match " + code;
                }
            }
            if (body.contains("Exception") || body.contains("at chipcast.")) {
                return "stack trace or exception name in the body";
            }
            if (body.toLowerCase(Locale.ROOT).contains("<script")) {
                return "raw <script echoed";
            }
            return null;
        }

        void report() {
            System.out.println("[hostile-input] channel=" + channel + " requests=" + tried + " byStatus=" + byStatus
                    + " byKind=" + byKind
                    + " failures=" + failures.size() + " slowestMs=" + slowestMs + " (" + HostileRequestsText.cut(slowest) + ")");
            failures.stream().limit(25).forEach(f -> System.out.println("[hostile-input] " + channel + " " + f));
            assertTrue(failures.isEmpty(), failures.size() + " bad answers on the " + channel + " channel, e.g.:\n"
                    + failures.stream().limit(25).collect(Collectors.joining("\n")));
            assertEquals(tried, byStatus.values().stream().mapToInt(Integer::intValue).sum());
        }

        private static String describe(HostileRequests.Probe p) {
            return p.kind() + " " + p.method() + " " + HostileRequestsText.cut(p.path())
                    + (p.route() == null ? "" : " [" + p.route().routeKey() + " " + HostileRequestsText.cut(String.valueOf(p.pathParameters())) + "]")
                    + " query=" + HostileRequestsText.cut(String.valueOf(p.query()))
                    + (p.accept() == null ? "" : " accept=" + HostileRequestsText.cut(p.accept()))
                    + (p.eventBody() == null ? "" : " body=" + HostileRequestsText.cut(p.eventBody()) + (p.base64() ? " (base64)" : ""))
                    + " contentType=" + p.contentType();
        }
    }

    /** Failure messages stay readable: long and control-laden inputs are shortened and escaped. */
    static final class HostileRequestsText {
        static String cut(String text) {
            if (text == null) {
                return "null";
            }
            String shown = text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
            StringBuilder out = new StringBuilder();
            shown.chars().forEach(c -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                } else {
                    out.append((char) c);
                }
            });
            return out.toString();
        }
    }
}
