package chipcast.local;

import chipcast.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A seeded generator of malformed API requests over the routes of template.yaml. Each probe is
 * described at the HTTP level (method, decoded path, query pairs, body bytes) so the same probe can be
 * sent as an API Gateway event straight to a handler or over the local server's HTTP path.
 */
final class HostileRequests {
    enum Kind { PATH, PATH_PARAMETER, QUERY, BODY, BASE64_BODY, NEXT_TOKEN, CSV, STATIC_FILE }

    /**
     * @param route          set when the probe targets a route directly (path parameters as given);
     *                       null when the path itself is hostile and routing decides, as API Gateway does
     * @param eventBody      the event body as a handler sees it (base64 text when {@code base64})
     * @param httpBody       the bytes sent over HTTP
     * @param rawTarget      send the path and query unencoded over HTTP (it may not be a valid URI)
     */
    record Probe(Kind kind, String method, TemplateModel.Route route, Map<String, String> pathParameters, String path,
                 List<Map.Entry<String, String>> query, String contentType, String eventBody, boolean base64,
                 byte[] httpBody, boolean rawTarget, String accept) {
        /** A probe without an Accept header. */
        Probe(Kind kind, String method, TemplateModel.Route route, Map<String, String> pathParameters, String path,
              List<Map.Entry<String, String>> query, String contentType, String eventBody, boolean base64,
              byte[] httpBody, boolean rawTarget) {
            this(kind, method, route, pathParameters, path, query, contentType, eventBody, base64, httpBody, rawTarget, null);
        }
    }

    static final String ONE_MB = " ".repeat(1024 * 1024);
    private static final String TEN_KB = "x".repeat(10 * 1024);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final Path root;
    private final Random random;
    private final List<TemplateModel.Route> routes;
    private final List<TemplateModel.Route> bodyRoutes;
    private final List<TemplateModel.Route> parameterRoutes;
    private final Map<String, List<String>> seedBodies;
    private final List<String> queryNames;
    private final List<String> seedValues;
    private final String realToken;

    HostileRequests(long seed, Path root, List<TemplateModel.Route> routes, String realToken) {
        this.root = root;
        this.random = new Random(seed);
        this.routes = routes;
        this.bodyRoutes = routes.stream().filter(r -> r.method().equals("POST") || r.method().equals("PUT")).toList();
        this.parameterRoutes = routes.stream().filter(r -> r.path().contains("{")).toList();
        this.realToken = realToken;
        this.seedBodies = new HashMap<>();
        Set<String> names = new TreeSet<>(List.of("nextToken", "limit"));
        Set<String> values = new TreeSet<>();
        for (JsonNode event : events(root)) {
            String routeKey = event.path("routeKey").asText();
            if (event.hasNonNull("body")) {
                seedBodies.computeIfAbsent(routeKey, k -> new ArrayList<>()).add(event.path("body").asText());
            }
            event.path("queryStringParameters").properties().forEach(f -> {
                names.add(f.getKey());
                values.add(f.getValue().asText());
            });
            event.path("pathParameters").properties().forEach(f -> values.add(f.getValue().asText()));
        }
        names.addAll(openApiQueryNames(root));
        this.queryNames = List.copyOf(names);
        this.seedValues = List.copyOf(values);
    }

    /** Every events/*.json file: real requests to mutate. */
    private static List<JsonNode> events(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("events"))) {
            List<JsonNode> events = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                events.add(LocalJson.MAPPER.readTree(Files.readString(file)));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Query parameter names documented anywhere in docs/openapi.yaml, so new routes' names are covered too. */
    private static Set<String> openApiQueryNames(Path root) {
        Set<String> names = new TreeSet<>();
        Path file = root.resolve("docs/openapi.yaml");
        if (!Files.exists(file)) {
            return names;
        }
        try {
            collectQueryNames(new Yaml().load(Files.readString(file)), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void collectQueryNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            if ("query".equals(map.get("in")) && map.get("name") instanceof String name) {
                names.add(name);
            }
            map.values().forEach(v -> collectQueryNames(v, names));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectQueryNames(v, names));
        }
    }

    Probe next() {
        int pick = random.nextInt(100);
        if (pick < 15) {
            return pathProbe();
        } else if (pick < 30 && !parameterRoutes.isEmpty()) {
            return pathParameterProbe();
        } else if (pick < 58) {
            return queryProbe();
        } else if (pick < 80 && !bodyRoutes.isEmpty()) {
            return bodyProbe();
        } else if (pick < 90 && !bodyRoutes.isEmpty()) {
            return base64Probe();
        } else if (pick >= 95) {
            Probe benchmarks = benchmarkProbe();
            if (benchmarks != null) {
                return benchmarks;
            }
        }
        return tokenProbe();
    }

    // ---- the discovery routes (issue 13) ----

    private static final List<String> DISCOVERY = List.of("GET /vendors", "GET /markets", "GET /fx-rates", "GET /claims",
            "GET /claims/{claimId}", "GET /forecasts/consensus");

    /**
     * The discovery routes with the parameters they take, each hostile in turn: limit, a page token of another
     * listing (the chips' token replayed on /vendors, /markets, /fx-rates or /claims) or forged, editions, claimId.
     */
    Probe discoveryProbe() {
        List<TemplateModel.Route> discovery = routes.stream().filter(r -> DISCOVERY.contains(r.routeKey())).toList();
        TemplateModel.Route route = discovery.isEmpty() ? route(routes) : route(discovery);
        Map<String, String> params = new HashMap<>();
        if (route.path().contains("{claimId}")) {
            params.put("claimId", switch (random.nextInt(6)) {
                case 0 -> "nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000".toUpperCase();
                case 1 -> "a." + word();
                case 2 -> word() + "..";
                case 3 -> "-" + word();
                default -> hostile();
            });
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> query.add(new AbstractMap.SimpleEntry<>("limit", hostile()));
            case 1 -> query.add(new AbstractMap.SimpleEntry<>("nextToken", random.nextBoolean() ? realToken : forgePayload(realToken)));
            case 2 -> {
                query.add(new AbstractMap.SimpleEntry<>("market", random.nextBoolean() ? "ai-inference-chips" : hostile()));
                query.add(new AbstractMap.SimpleEntry<>("editions", random.nextBoolean() ? hostile() : pick(List.of("all", "latest", "ALL"))));
            }
            default -> query.add(new AbstractMap.SimpleEntry<>(pick(List.of("limit", "nextToken", "editions", "vendor")), hostile()));
        }
        Kind kind = params.isEmpty() ? Kind.QUERY : Kind.PATH_PARAMETER;
        return new Probe(kind, "GET", route, params, concretePath(route, params), query, null, null, false, new byte[0],
                random.nextInt(10) == 0);
    }

    // ---- paths ----

    private Probe pathProbe() {
        TemplateModel.Route route = route(routes);
        String base = "$default".equals(route.path()) ? "/" + word() : concretePath(route, Map.of());
        String path = switch (random.nextInt(12)) {
            case 0 -> base + "/" + word();
            case 1 -> base + "/..";
            case 2 -> base + "/./" + word();
            case 3 -> base + "/";
            case 4 -> base.toUpperCase();
            case 5 -> base + "/" + unicode(8);
            case 6 -> base + "/" + "a".repeat(10 * 1024);
            case 7 -> "//" + base;
            case 8 -> base.replace("/", "//");
            case 9 -> "/" + word() + "/" + word() + "/" + word();
            case 10 -> base + "/%2e%2e/%00";
            default -> "/" + hostile();
        };
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        String method = "ANY".equals(route.method()) || random.nextInt(4) == 0 ? pick(METHODS) : route.method();
        return new Probe(Kind.PATH, method, null, null, path, query(route, random.nextInt(3)), "application/json",
                null, false, new byte[0], random.nextInt(10) == 0);
    }

    private Probe pathParameterProbe() {
        TemplateModel.Route route = route(parameterRoutes);
        Map<String, String> params = new HashMap<>();
        for (String name : parameterNames(route.path())) {
            params.put(name, switch (random.nextInt(8)) {
                case 0 -> "";
                case 1 -> pick(seedValues).toUpperCase();
                case 2 -> TEN_KB;
                case 3 -> control() + pick(seedValues);
                case 4 -> unicode(1 + random.nextInt(20));
                case 5 -> mutate(pick(seedValues));
                default -> hostile();
            });
        }
        return new Probe(Kind.PATH_PARAMETER, route.method().equals("ANY") ? "GET" : route.method(), route, params,
                concretePath(route, params), query(route, random.nextInt(2)), null, null, false, new byte[0],
                random.nextInt(10) == 0);
    }

    // ---- query strings ----

    private Probe queryProbe() {
        TemplateModel.Route route = route(routes);
        Map<String, String> params = pathParameterValues(route);
        List<Map.Entry<String, String>> query = query(route, 1 + random.nextInt(4));
        if (random.nextInt(4) == 0 && !query.isEmpty()) {
            // repeated keys: API Gateway joins the values with commas
            Map.Entry<String, String> first = query.get(0);
            query.add(new AbstractMap.SimpleEntry<>(first.getKey(), random.nextBoolean() ? hostile() : first.getValue()));
        }
        String method = route.method().equals("ANY") ? pick(METHODS) : route.method();
        String path = "$default".equals(route.path()) ? "/" + word() : concretePath(route, params);
        return new Probe(Kind.QUERY, method, "$default".equals(route.path()) ? null : route, params, path, query,
                null, null, false, new byte[0], random.nextInt(10) == 0);
    }

    private List<Map.Entry<String, String>> query(TemplateModel.Route route, int count) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = switch (random.nextInt(10)) {
                case 0 -> word();             // unknown key
                case 1 -> hostile();          // unknown and hostile
                case 2 -> pick(queryNames).toUpperCase();
                default -> pick(queryNames);
            };
            String value = random.nextInt(5) == 0 ? pick(seedValues) : hostile();
            query.add(new AbstractMap.SimpleEntry<>(key, value));
        }
        return query;
    }

    // ---- bodies ----

    private Probe bodyProbe() {
        TemplateModel.Route route = route(bodyRoutes);
        String seed = seedBody(route);
        String body = switch (random.nextInt(14)) {
            case 0 -> seed.substring(0, random.nextInt(Math.max(1, seed.length())));         // truncated
            case 1 -> pick(List.of("{", "}", "[", "NaN", "{'a':1}", "{\"a\":1,}", "{} x", "// c\n{}", "nul", "\"\"",
                    "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1e309}", "{\"a\":0x10}", "{\"a\":01}", "\uFEFF{}"));
            case 2 -> wrongType(seed);
            case 3 -> "[".repeat(10_000) + "]".repeat(random.nextBoolean() ? 10_000 : 0);
            case 4 -> "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
            case 5 -> duplicateKey(seed);
            case 6 -> "[" + seed + "]";
            case 7 -> arraysForObjects(seed);
            case 8 -> numbersAsStrings(seed);
            case 9 -> random.nextInt(3) == 0 ? seed + ONE_MB : seed.substring(0, seed.length() - 1)
                    + ",\"pad\":\"" + "p".repeat(70 * 1024) + "\"}";
            case 10 -> unknownField(seed);
            case 11 -> mutate(seed);
            case 12 -> hostile();
            default -> wrongType(wrongType(seed));
        };
        String contentType = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2 -> "application/json; charset=utf-8";
            case 3 -> "APPLICATION/JSON";
            case 4 -> "application/x-www-form-urlencoded";
            default -> "application/json";
        };
        return new Probe(Kind.BODY, route.method(), route, pathParameterValues(route),
                concretePath(route, pathParameterValues(route)), List.of(), contentType, body, false,
                body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Bodies as API Gateway sends non-text payloads: base64 with isBase64Encoded=true. */
    private Probe base64Probe() {
        TemplateModel.Route route = route(bodyRoutes);
        String seed = seedBody(route);
        byte[] bytes = switch (random.nextInt(5)) {
            case 0 -> seed.getBytes(StandardCharsets.UTF_8);
            case 1 -> mutate(seed).getBytes(StandardCharsets.UTF_8);
            case 2 -> randomBytes(1 + random.nextInt(256));                      // not UTF-8
            case 3 -> (seed + ONE_MB).getBytes(StandardCharsets.UTF_8);            // over the limit once decoded
            default -> wrongType(seed).getBytes(StandardCharsets.UTF_8);
        };
        String eventBody = switch (random.nextInt(6)) {
            case 0 -> pick(List.of("!!!", "abc", "====", "a=b=", "\u00e9\u00e9", "YQ", " "));  // invalid base64
            case 1 -> seed;                                                       // plain JSON marked base64
            default -> Base64.getEncoder().encodeToString(bytes);
        };
        String contentType = random.nextBoolean() ? "application/octet-stream" : "application/json";
        return new Probe(Kind.BASE64_BODY, route.method(), route, pathParameterValues(route),
                concretePath(route, pathParameterValues(route)), List.of(), contentType, eventBody, true, bytes, false);
    }

    private String seedBody(TemplateModel.Route route) {
        List<String> seeds = seedBodies.getOrDefault(route.routeKey(), List.of("{}"));
        return pick(seeds);
    }

    private String wrongType(String seed) {
        JsonNode node;
        try {
            node = LocalJson.MAPPER.readTree(seed);
        } catch (Exception e) {
            return seed;
        }
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(node, containers);
        if (containers.isEmpty()) {
            return seed;
        }
        JsonNode target = pick(containers);
        String raw = "__RAW_" + random.nextInt(1_000_000) + "__";
        String replacement = pick(List.of("\"6\"", "\"NaN\"", "1e309", "-1e309", "NaN", "-1", "0", "1e400",
                "99999999999999999999999999", "-0", "1.5", "true", "null", "[]", "{}", "[1,2]", "\"\"",
                "\"" + "9".repeat(100) + "\"", "\"<script>alert(1)</script>\"", "{\"year\":2023}"));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            object.put(pick(fields), raw);
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            array.set(random.nextInt(array.size()), array.textNode(raw));
        } else {
            return seed;
        }
        return Json.write(node).replace("\"" + raw + "\"", replacement);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collectContainers(child, out));
        }
    }

    private String duplicateKey(String seed) {
        int colon = seed.indexOf(':');
        int open = seed.indexOf('{');
        if (open < 0 || colon < 0) {
            return "{\"a\":1,\"a\":2}";
        }
        String firstKey = seed.substring(open + 1, colon).trim();
        return "{" + firstKey + ": 1, " + seed.substring(open + 1);
    }

    private String arraysForObjects(String seed) {
        return seed.replace("{\"year\"", "[{\"year\"").replace("}, {", "}], [{").replace("}]", "}]]");
    }

    private String numbersAsStrings(String seed) {
        return seed.replaceAll("(:\\s*)(-?[0-9][0-9.eE+-]*)", "$1\"$2\"");
    }

    private String unknownField(String seed) {
        int open = seed.indexOf('{');
        String name = pick(List.of("utilization", "cagrpercent", "Points", "points ", "__proto__", "constructor",
                unicode(5), "", TEN_KB, "<script>x</script>"));
        String field = Json.write(name) + ": 1, ";
        return open < 0 ? "{" + field + "\"a\":1}" : seed.substring(0, open + 1) + field + seed.substring(open + 1);
    }

    // ---- page tokens ----

    private Probe tokenProbe() {
        String token = realToken;
        String forged = switch (random.nextInt(10)) {
            case 0, 1, 2 -> flipBit(token);
            case 3 -> token.substring(0, random.nextInt(token.length()));
            case 4 -> token + pick(List.of("x", ".", "=", "%", " ", "\u0000", "."+ token));
            case 5 -> {
                int dot = token.indexOf('.');
                yield token.substring(dot + 1) + "." + token.substring(0, dot);
            }
            case 6 -> forgePayload(token);
            case 7 -> hostile();
            case 8 -> token.toUpperCase();
            default -> mutate(token);
        };
        List<Map.Entry<String, String>> query = new ArrayList<>();
        query.add(new AbstractMap.SimpleEntry<>("nextToken", forged));
        query.add(new AbstractMap.SimpleEntry<>("limit", random.nextInt(4) == 0 ? hostile() : "2"));
        if (random.nextInt(5) == 0) {
            query.add(new AbstractMap.SimpleEntry<>("vendor", "nvidia"));
        }
        TemplateModel.Route route = routes.stream().filter(r -> r.routeKey().equals("GET /chips")).findFirst()
                .orElse(route(routes));
        return new Probe(Kind.NEXT_TOKEN, "GET", route, Map.of(), route.path(), query, null, null, false,
                new byte[0], false);
    }

    // ---- the benchmark routes: filter combinations, their values, and tokens of other queries ----

    private static final List<String> BENCHMARK_FILTERS = List.of("chipId", "model", "scenario", "workload",
            "sourceKind", "limit", "nextToken");

    /** GET /benchmarks with real filters mixed with hostile ones, or a hostile id; null if the template lacks them. */
    private Probe benchmarkProbe() {
        TemplateModel.Route list = routes.stream().filter(r -> r.routeKey().equals("GET /benchmarks")).findFirst()
                .orElse(null);
        TemplateModel.Route one = routes.stream().filter(r -> r.routeKey().equals("GET /benchmarks/{benchmarkId}"))
                .findFirst().orElse(null);
        if (list == null || one == null) {
            return null;
        }
        if (random.nextInt(4) == 0) {
            String id = switch (random.nextInt(6)) {
                case 0 -> "mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline".toUpperCase();
                case 1 -> "mlperf-v5.1-" + "a.".repeat(200);
                case 2 -> "mlperf..v5.1";
                case 3 -> "." + word();
                case 4 -> mutate("mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline");
                default -> hostile();
            };
            Map<String, String> params = Map.of("benchmarkId", id);
            return new Probe(Kind.PATH_PARAMETER, "GET", one, params, concretePath(one, params), List.of(), null, null,
                    false, new byte[0], random.nextInt(10) == 0);
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String key = pick(BENCHMARK_FILTERS);
            String value = switch (key) {
                case "chipId" -> pick(List.of("nvidia-h100-sxm", "nvidia-b200", "intel-gaudi2", "NVIDIA-B200", hostile()));
                case "model" -> pick(List.of("llama-2-70b", "llama-3.1-405b", "deepseek-r1", "llama-3..1", hostile()));
                case "scenario" -> pick(List.of("Offline", "server", "INTERACTIVE", "batch", hostile()));
                case "workload" -> pick(List.of("1k/1k", "1k1k", "8k/1k", "1024/1024", "99999999k/1", "/", hostile()));
                case "sourceKind" -> pick(List.of("mlperf-inference", "inferencex", "mlperf", hostile()));
                case "limit" -> pick(List.of("1", "100", "101", hostile()));
                default -> pick(List.of(realToken, flipBit(realToken), forgePayload(realToken), hostile()));
            };
            query.add(new AbstractMap.SimpleEntry<>(key, value));
        }
        return new Probe(Kind.QUERY, "GET", list, Map.of(), list.path(), query, null, null, false, new byte[0],
                random.nextInt(10) == 0);
    }

    private String flipBit(String token) {
        char[] chars = token.toCharArray();
        int i = random.nextInt(chars.length);
        chars[i] = (char) (chars[i] ^ (1 << random.nextInt(7)));
        return new String(chars);
    }

    /** A payload the client shaped (another key, another scope), keeping the real signature. */
    private String forgePayload(String token) {
        int dot = token.indexOf('.');
        String payload = pick(List.of("{\"v\":1,\"q\":\"chips||||\",\"k\":{\"id\":\"zzz\"}}",
                "{\"v\":1,\"q\":\"chips||||\",\"k\":{\"id\":{\"S\":\"a\"}}}", "{\"v\":1,\"q\":\"chips||||\",\"k\":{}}",
                "{\"v\":1,\"q\":\"chips||||\",\"k\":{\"catalog\":\"chip\",\"id\":\"" + TEN_KB + "\"}}", "[]", "null", "{"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
    }

    // ---- CSV answers and the explorer's static files ----

    /** The routes docs/openapi.yaml gives the {@code format} parameter: those serve CSV. */
    private static Set<String> csvRouteKeys(Path root) {
        Set<String> keys = new TreeSet<>();
        Path file = root.resolve("docs/openapi.yaml");
        try {
            Map<String, Object> paths = TemplateModel.map(new Yaml().<Map<String, Object>>load(Files.readString(file)).get("paths"));
            paths.forEach((path, item) -> TemplateModel.map(item).forEach((method, op) -> {
                if (op instanceof Map<?, ?> operation && String.valueOf(operation.get("parameters")).contains("/parameters/Format")) {
                    keys.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Files the explorer's build holds, and paths that only look like them. */
    private static final List<String> STATIC_PATHS = List.of("/", "/index.html", "/docs", "/docs/", "/docs/index.html",
            "/openapi.yaml", "/favicon.svg", "/assets/", "/assets/explorer.js", "/.build-fingerprint", "/assets/.hidden",
            "/assets/../pom.xml", "/assets/%2e%2e/package.json", "/%2e%2e/%2e%2e/etc/passwd", "/docs/../../pom.xml",
            "/web/dist/index.html", "/dist/index.html", "/index.html/", "/INDEX.HTML", "/index.html%00.js", "//index.html",
            "/assets//explorer.js", "/docs/%2F..%2F..%2Fpom.xml", "/openapi.yaml/..", "/favicon.svg;.html", "/~root",
            "/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/assets/..%2f..%2ftemplate.yaml", "/index.html%00",
            "/%00/../pom.xml", "/assets\\..\\..\\pom.xml", "/assets/../../template.yaml", "/assets/%2e%2e%2f%2e%2e%2ftemplate.yaml",
            "/docs/..%5c..%5cpom.xml", "/" + "x".repeat(9_000), "/assets/" + "..%2f".repeat(500) + "pom.xml");

    /**
     * A CSV probe (a route that serves CSV, with {@code format=csv} or an Accept header asking for it, and its
     * other parameters hostile or real; or a hostile {@code format} or Accept) or a static-file probe (a GET, HEAD
     * or other method of a built file or of a path that only looks like one: traversals, encodings, dot files).
     */
    Probe csvOrStatic(List<String> builtFiles) {
        if (random.nextInt(10) < 6) {
            return csvProbe();
        }
        String path = random.nextInt(3) == 0 ? pick(builtFiles) : pick(STATIC_PATHS);
        if (random.nextInt(6) == 0) {
            path = path + pick(List.of("?", "?x=1", "?view=catalogue&lang=ko", "?" + word() + "=" + hostile()));
        }
        String method = random.nextInt(4) == 0 ? pick(List.of("HEAD", "POST", "PUT", "DELETE", "PATCH")) : "GET";
        List<Map.Entry<String, String>> query = new ArrayList<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    query.add(new AbstractMap.SimpleEntry<>(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1)));
                }
            }
            path = path.substring(0, q);
        }
        return new Probe(Kind.STATIC_FILE, method, null, null, path, query, null, null, false, new byte[0], true,
                random.nextBoolean() ? null : pick(List.of("text/html", "*/*", "text/csv", hostileAccept())));
    }

    /**
     * A request to what this round added, for the handlers: the benchmark routes, the discovery routes or a CSV
     * variant, each as {@link #benchmarkProbe}, {@link #discoveryProbe} and {@link #csvProbe} build them.
     */
    Probe roundProbe() {
        int pick = random.nextInt(3);
        Probe benchmarks = pick == 0 ? benchmarkProbe() : null;
        if (benchmarks != null) {
            return benchmarks;
        }
        return pick == 1 ? discoveryProbe() : csvProbe();
    }

    private static final List<String> TRAVERSALS = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "..%2f", "..%2F", "..%5c",
            "..\\", "\\..", "%c0%ae%c0%ae", "%252e%252e", "....", ".", "%2e", "%00", "..%00", "%2f", "%5c", ";", "..;");
    private static final List<String> OUTSIDE = List.of("pom.xml", "template.yaml", "package.json", "etc/passwd", ".git/config",
            "web/src/main.js", "README.md", "local/pom.xml", "docs/api-changelog.md", "web/index.html", "node_modules/dynalite/cli.js");

    /**
     * A static-file probe over HTTP: a built file, a look-alike (STATIC_PATHS), or a traversal toward a file outside
     * web/dist: "..", its percent-encodings (single, double, overlong UTF-8), backslashes, NUL, ";" and very long
     * paths, under "/", "/assets/" or "/docs/"; GET mostly, HEAD and other methods too; sent as written.
     */
    Probe traversalProbe(List<String> builtFiles) {
        String path;
        switch (random.nextInt(5)) {
            case 0 -> path = pick(builtFiles);
            case 1 -> path = pick(STATIC_PATHS);
            case 2 -> path = "/" + "a/".repeat(1 + random.nextInt(3000)) + pick(OUTSIDE);
            default -> {
                StringBuilder p = new StringBuilder(pick(List.of("/", "/assets/", "/docs/", "//", "/assets//", "\\")));
                int depth = 1 + random.nextInt(6);
                String step = pick(TRAVERSALS);
                String separator = pick(List.of("/", "/", "%2f", "%5c", "\\", "//"));
                for (int i = 0; i < depth; i++) {
                    p.append(random.nextInt(5) == 0 ? pick(TRAVERSALS) : step).append(separator);
                }
                p.append(random.nextBoolean() ? pick(OUTSIDE) : pick(builtFiles).substring(1));
                if (random.nextInt(8) == 0) {
                    p.append(pick(List.of("%00", "%00.js", "?", "#", "/.", "/..", ";.css")));
                }
                path = p.toString();
            }
        }
        String method = random.nextInt(5) == 0 ? pick(List.of("HEAD", "POST", "PUT", "DELETE", "OPTIONS")) : "GET";
        return new Probe(Kind.STATIC_FILE, method, null, null, path, List.of(), null, null, false, new byte[0], true,
                random.nextBoolean() ? null : pick(List.of("text/html", "*/*", "text/csv")));
    }

    private Probe csvProbe() {
        List<TemplateModel.Route> csvRoutes = routes.stream().filter(r -> csvRoutes().contains(r.routeKey())).toList();
        TemplateModel.Route route = route(csvRoutes);
        Map<String, String> params = pathParameterValues(route);
        List<Map.Entry<String, String>> query = query(route, random.nextInt(3));
        String accept = null;
        switch (random.nextInt(5)) {
            case 0 -> query.add(new AbstractMap.SimpleEntry<>("format", "csv"));
            case 1 -> query.add(new AbstractMap.SimpleEntry<>("format", pick(List.of("CSV", "json", "xlsx", "csv,csv", " csv", "",
                    "text/csv", hostile()))));
            case 2 -> accept = pick(List.of("text/csv", "text/*", "text/csv;q=0.9, application/json;q=0.1"));
            case 3 -> accept = hostileAccept();
            default -> {
                query.add(new AbstractMap.SimpleEntry<>("format", "csv"));
                accept = hostileAccept();
            }
        }
        if (random.nextInt(4) == 0) {
            query.add(new AbstractMap.SimpleEntry<>("format", random.nextBoolean() ? "csv" : hostile())); // repeated: comma-joined
        }
        String body = route.method().equals("POST") ? (random.nextBoolean() ? seedBody(route) : mutate(seedBody(route))) : null;
        return new Probe(Kind.CSV, route.method(), route, params, concretePath(route, params), query,
                body == null ? null : "application/json", body, false,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), false, accept);
    }

    private Set<String> csvRoutes;

    private Set<String> csvRoutes() {
        if (csvRoutes == null) {
            csvRoutes = csvRouteKeys(root);
        }
        return csvRoutes;
    }

    /** An Accept header as a careless or hostile client writes it (printable ASCII: HTTP allows no other). */
    private String hostileAccept() {
        return pick(List.of("text/csv;q=", "text/csv;q=NaN", "text/csv;q=1e309, application/json;q=-1", "text/csv;;;", ",,,",
                "text/csv, text/csv, text/csv", "*/*;q=0", "text/csv;q=0.5;q=1", "TEXT/CSV;Q=1", "application/json;q=2, text/csv",
                "text/" + "c".repeat(2000), "text/csv;charset=\"<script>\"", "text/csv " + word(), "a".repeat(4000) + "/csv",
                "application/xml, text/xml", "image/*"));
    }

    // ---- values ----

    /** A value of the wrong type, out of range, not finite, huge, empty, unicode or with control characters. */
    String hostile() {
        return switch (random.nextInt(40)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "-1";
            case 3 -> "0";
            case 4 -> "1e309";
            case 5 -> "-1e309";
            case 6 -> "NaN";
            case 7 -> "Infinity";
            case 8 -> "-Infinity";
            case 9 -> "9".repeat(400);
            case 10 -> "2147483648";
            case 11 -> "-2147483649";
            case 12 -> "0x10";
            case 13 -> "1.5";
            case 14 -> "true";
            case 15 -> "null";
            case 16 -> "[]";
            case 17 -> "{}";
            case 18 -> "\u0000";
            case 19 -> "\t\r\n";
            case 20 -> "<script>alert(1)</script>";
            case 21 -> "' OR '1'='1";
            case 22 -> "../../etc/passwd";
            case 23 -> "\uff2e\uff36\uff29\uff24\uff29\uff21";   // fullwidth NVIDIA
            case 24 -> "\uD83D\uDE80";
            case 25 -> "\uD800";                                 // lone surrogate
            case 26 -> TEN_KB;
            case 27 -> unicode(1 + random.nextInt(30));
            case 28 -> control() + word() + control();
            case 29 -> pick(seedValues).toUpperCase();
            case 30 -> mutate(pick(seedValues));
            case 31 -> "a,b,c,d,e,f,g,h,i,j,k,l";
            case 32 -> "1999";
            case 33 -> " 2025 ";
            case 34 -> "+5";
            case 35 -> "\u0661\u0660";                           // Arabic-Indic digits
            case 36 -> "%00%ff";
            case 37 -> Long.toString(random.nextLong());
            case 38 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(400) - 200));
            default -> pick(seedValues) + "," + pick(seedValues);
        };
    }

    private String word() {
        int length = 1 + random.nextInt(12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private String control() {
        return String.valueOf((char) pick(List.of(0, 1, 7, 8, 9, 10, 13, 27, 127, 0x85, 0x9b)).intValue());
    }

    private String unicode(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(0x110000);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** One to three character-level edits of a real value. */
    String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.insert(at, (char) random.nextInt(0x3000));
                case 1 -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (out.length() > 0) {
                        out.setCharAt(at, (char) (out.charAt(at) ^ (1 << random.nextInt(8))));
                    }
                }
                default -> out.insert(at, pick(List.of("\"", "{", "}", "[", "]", ",", ":", "\\", "-", "e", "0")));
            }
        }
        return out.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private Map<String, String> pathParameterValues(TemplateModel.Route route) {
        Map<String, String> params = new HashMap<>();
        for (String name : parameterNames(route.path())) {
            params.put(name, pick(seedValues));
        }
        return params;
    }

    static List<String> parameterNames(String path) {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    static String concretePath(TemplateModel.Route route, Map<String, String> params) {
        if ("$default".equals(route.path())) {
            return "/";
        }
        String path = route.path();
        Iterator<Map.Entry<String, String>> it = params.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> p = it.next();
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return path;
    }

    private TemplateModel.Route route(List<TemplateModel.Route> from) {
        return from.get(random.nextInt(from.size()));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
