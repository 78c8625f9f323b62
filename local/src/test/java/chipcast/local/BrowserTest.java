package chipcast.local;

import chipcast.site.WebBuild;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The explorer in a real browser against the local stack: Debian's Chromium driven by playwright-core
 * (web/test/browser.mjs) over a LocalServer on a free port, with its own dynalite so the items with markup
 * written here never reach the other tests. The web build runs first when it is stale (WebBuild), and
 * Chromium is installed with apt-get when missing and running as root, as CI does; otherwise the test
 * fails with the one command to run. Quiet when green; on failure the script's output is the message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final Path ROOT = TestStack.ROOT;
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    static final String APT_PACKAGES = "chromium chromium-driver fonts-noto-cjk";
    static final String XSS_CHIP = "test-markup-note";
    static final String XSS_FORECAST = "test-markup-forecast";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalEnvironment env;
    static LocalServer server;

    @BeforeAll
    static void start() throws Exception {
        WebBuild.ensureBuilt(ROOT, Log.QUIET::info, true);
        WebBuild.ensureInstalled(ROOT, Log.QUIET::info);
        ensureChromium();
        env = LocalEnvironment.start(ROOT, Log.QUIET);
        server = new LocalServer(env, 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (env != null) {
            env.close();
        }
    }

    static void ensureChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        if ("root".equals(System.getProperty("user.name")) && WebBuild.commandWorks(List.of("apt-get", "--version"))) {
            // What CI does on a fresh machine: Debian's own Chromium; no tool downloads a browser of its own.
            Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
            WebBuild.run(ROOT, quiet, List.of("apt-get", "update", "-qq"), 10);
            List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
            install.addAll(List.of(APT_PACKAGES.split(" ")));
            WebBuild.run(ROOT, quiet, install, 20);
        }
        if (!Files.isExecutable(CHROMIUM)) {
            fail("the browser tests need Chromium at " + CHROMIUM + ": run `sudo apt-get install -y " + APT_PACKAGES + "`");
        }
    }

    static HttpResponse<byte[]> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static void browser(String... args) {
        List<String> command = new ArrayList<>(List.of("node", "test/browser.mjs", "--base", server.url(),
                "--chromium", CHROMIUM.toString(), "--screenshots", ROOT.resolve("local/target/screenshots").toString()));
        command.addAll(List.of(args));
        try {
            WebBuild.run(ROOT.resolve("web"), Map.of(), command, 10);
        } catch (IllegalStateException e) {
            fail(e.getMessage());
        }
    }

    @Test
    @Order(1)
    void theExplorerIsServedBesideTheApiUnderTheStrictCsp() throws Exception {
        HttpResponse<byte[]> page = send("GET", "/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(""));
        assertEquals(StaticFiles.CSP, page.headers().firstValue("content-security-policy").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElse(""));
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)|<style|\\sstyle=|\\son[a-z]+=").matcher(html).find(), "inline script or style in /: " + html);
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        assertTrue(script.find(), html);
        HttpResponse<byte[]> asset = send("GET", script.group(1));
        assertEquals(200, asset.statusCode());
        assertEquals("text/javascript; charset=utf-8", asset.headers().firstValue("content-type").orElse(""));
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("cache-control").orElse(""));

        HttpResponse<byte[]> head = send("HEAD", "/");
        assertEquals(200, head.statusCode());
        assertEquals(Integer.toString(page.body().length), head.headers().firstValue("content-length").orElse(""));
        assertEquals(200, send("GET", "/docs").statusCode());
        HttpResponse<byte[]> openapi = send("GET", "/openapi.yaml");
        assertEquals("application/yaml; charset=utf-8", openapi.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(Files.readAllBytes(ROOT.resolve("docs/openapi.yaml")), openapi.body());

        // API routes are untouched, and what is neither a route nor a built file is the API's JSON 404.
        HttpResponse<byte[]> chips = send("GET", "/chips?limit=1");
        assertEquals(200, chips.statusCode());
        assertEquals("application/json", chips.headers().firstValue("content-type").orElse(""));
        for (String[] request : new String[][]{{"GET", "/nope"}, {"GET", "/assets/none.js"}, {"GET", "/.build-fingerprint"},
                {"GET", "/assets/..%2F..%2Fpackage.json"}, {"GET", "/%2e%2e/pom.xml"}, {"GET", "/docs/../../pom.xml"},
                {"POST", "/"}, {"DELETE", "/index.html"}}) {
            HttpResponse<byte[]> response = send(request[0], request[1]);
            assertEquals(404, response.statusCode(), request[0] + " " + request[1]);
            assertEquals("ROUTE_NOT_FOUND", LocalJson.MAPPER.readTree(response.body()).path("error").path("code").asText(), request[1]);
        }
    }

    @Test
    @Order(2)
    void everyViewWorksInChromium() {
        browser("--phase", "views");
    }

    @Test
    @Order(3)
    void apiTextHoldingMarkupIsShownAsText() throws Exception {
        DynamoDbClient dynamo = env.dynamo();
        copyWithMarkup(dynamo, env.environment("ChipSpecFunction").get("CHIPS_TABLE"), "nvidia-h100-sxm", XSS_CHIP, doc -> {
            doc.put("name", "<b id=\"injected\">Markup</b> test chip");
            doc.put("notes", "<img src=x onerror=\"window.__xss=1\"> and <script>window.__xss=2</script> stay text");
            doc.put("sparseNote", "<iframe src=\"javascript:window.__xss=3\"></iframe> sparse");
            ObjectNode source = (ObjectNode) doc.get("sources").get(0);
            source.put("title", "<img src=x onerror=\"window.__xss=4\"> a source");
            source.put("url", "javascript:window.__xss=5");
        });
        copyWithMarkup(dynamo, env.environment("ForecastFunction").get("FORECASTS_TABLE"), "vmr-2024-inference-chips", XSS_FORECAST,
                doc -> doc.put("notes", "<img src=x onerror=\"window.__xss=6\"><b id=\"injected\">forecast</b> note"));
        browser("--phase", "xss", "--xss-chip", XSS_CHIP, "--xss-forecast", XSS_FORECAST);
    }

    /** Writes a copy of an item under a new id, its JSON document changed by `edit` (this test's own store only). */
    static void copyWithMarkup(DynamoDbClient dynamo, String table, String fromId, String toId,
                               java.util.function.Consumer<ObjectNode> edit) throws Exception {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(fromId)))).item();
        assertFalse(item.isEmpty(), fromId);
        ObjectNode doc = (ObjectNode) LocalJson.MAPPER.readTree(item.get("doc").s());
        doc.put("id", toId);
        edit.accept(doc);
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("id", AttributeValue.fromS(toId));
        copy.put("doc", AttributeValue.fromS(LocalJson.MAPPER.writeValueAsString(doc)));
        dynamo.putItem(r -> r.tableName(table).item(copy));
    }
}
