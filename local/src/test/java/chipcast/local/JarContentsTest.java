package chipcast.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Lambda gets: each function's CodeUri jar holds its handler and every runtime dependency, and nothing
 * the functions do not use. Each jar is loaded alone (no class from this build's classpath), its handler
 * built the way the template configures it, and an API function answers a request from the jar alone.
 */
class JarContentsTest {
    static final List<String> EVERY_JAR = List.of(
            "chipcast/core/json/Json.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "com/fasterxml/jackson/annotation/JsonInclude.class",
            "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
            "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
            "com/amazonaws/services/lambda/runtime/RequestStreamHandler.class",
            "org/crac/Core.class",
            "org/slf4j/simple/SimpleServiceProvider.class",
            "simplelogger.properties",
            "META-INF/services/software.amazon.awssdk.http.SdkHttpService");
    static final List<String> NEVER = List.of(
            "software/amazon/awssdk/http/apache/ApacheHttpClient.class",
            "software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class",
            "com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class",
            "org/joda/time/DateTime.class",
            "software/amazon/awssdk/services/dynamodb/streams/DynamoDbStreamsClient.class");
    static final Map<String, List<String>> OWN = Map.of(
            "ScenarioFunction", List.of("dataset/claims.json", "dataset/models.json", "dataset/chip-hour-prices.json"),
            "BenchmarkFunction", List.of("dataset/models.json", "dataset/chip-hour-prices.json"),
            "DataLoaderFunction", List.of("dataset/chips.json", "dataset/forecasts.json", "dataset/scenarios.json",
                    "dataset/benchmarks.json"),
            "SiteDeployerFunction", List.of("software/amazon/awssdk/services/s3/S3Client.class",
                    "software/amazon/awssdk/services/cloudfront/CloudFrontClient.class", "site/index.html", "site/docs/index.html",
                    "site/openapi.yaml", "site/favicon.svg"));
    static final String SITE_DEPLOYER = "SiteDeployerFunction";
    /** The site deployer's own: the SDK's S3 and CloudFront clients stay out of every other jar. */
    static final List<String> SITE_DEPLOYER_ONLY = List.of("software/amazon/awssdk/services/s3/S3Client.class",
            "software/amazon/awssdk/services/cloudfront/CloudFrontClient.class");
    /** What the site deployer never builds (DynamoDB) or only Maven runs (the explorer's build). */
    static final List<String> NOT_IN_SITE_DEPLOYER = List.of("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
            "chipcast/site/WebBuild.class");

    @Test
    void eachCodeUriJarHoldsItsHandlerAndItsRuntimeDependencies() throws Exception {
        for (TemplateModel.FunctionDef f : TestStack.env().template().functions().values()) {
            Path jar = TestStack.ROOT.resolve(f.codeUri());
            assertTrue(Files.isRegularFile(jar), f.id() + ": " + jar + " is built by mvn package");
            assertTrue(Files.size(jar) < 50_000_000, f.id() + ": within Lambda's 50 MB for a direct upload");
            boolean site = f.id().equals(SITE_DEPLOYER);
            // The jar-size goal of the DynamoDB functions (docs/performance.md, section 5); the site deployer
            // carries the S3 and CloudFront clients and runs once per deploy.
            assertTrue(site || Files.size(jar) <= 10_000_000, f.id() + ": " + Files.size(jar) + " bytes, over 10,000,000");
            try (JarFile entries = new JarFile(jar.toFile())) {
                assertNotNull(entries.getEntry(f.handlerClass().replace('.', '/') + ".class"), f.id() + ": handler");
                for (String entry : EVERY_JAR) {
                    if (!(site && NOT_IN_SITE_DEPLOYER.contains(entry))) {
                        assertNotNull(entries.getEntry(entry), f.id() + ": " + entry);
                    }
                }
                for (String entry : OWN.getOrDefault(f.id(), List.of())) {
                    assertNotNull(entries.getEntry(entry), f.id() + ": " + entry);
                }
                for (String entry : NEVER) {
                    assertNull(entries.getEntry(entry), f.id() + " does not ship " + entry);
                }
                for (String entry : site ? NOT_IN_SITE_DEPLOYER : SITE_DEPLOYER_ONLY) {
                    assertNull(entries.getEntry(entry), f.id() + " does not ship " + entry);
                }
                if (site) {
                    assertTrue(entries.stream().anyMatch(e -> e.getName().matches("site/assets/explorer-[^/]+\\.js")), "the explorer's script");
                }
            }
        }
    }

    @Test
    void eachHandlerIsBuiltFromItsJarAloneAndAnApiFunctionAnswers() throws Exception {
        for (TemplateModel.FunctionDef f : TestStack.env().template().functions().values()) {
            Path jar = TestStack.ROOT.resolve(f.codeUri());
            try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                if (f.id().equals(SITE_DEPLOYER)) {
                    siteDeployerFromItsJarAlone(alone, f);
                    continue;
                }
                Map<String, String> env = new HashMap<>(TestStack.env().environment(f.id()));
                Class<?> clients = alone.loadClass("chipcast.core.store.dynamodb.DynamoClients");
                Object dynamo = clients.getMethod("fromEnvironment", Map.class).invoke(null, env);
                Class<?> client = alone.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
                Object handler = alone.loadClass(f.handlerClass()).getConstructor(client, Map.class).newInstance(dynamo, env);
                if (handler.getClass().getSuperclass().getName().equals("chipcast.core.http.ApiHandler")) {
                    // A route no function serves: answered by the error shell, no store call.
                    String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /nowhere\",\"rawPath\":\"/nowhere\"}";
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Method handle = handler.getClass().getMethod("handleRequest", java.io.InputStream.class,
                            OutputStream.class, alone.loadClass("com.amazonaws.services.lambda.runtime.Context"));
                    handle.invoke(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
                    assertEquals(404, LocalJson.MAPPER.readTree(out.toByteArray()).path("statusCode").asInt(), f.id());
                }
                ((AutoCloseable) dynamo).close();
            }
        }
    }

    /**
     * The site deployer from its jar alone: its S3 and CloudFront clients built (no call made), an invocation that is
     * not CloudFormation's answered without one, and the site read back from inside the jar.
     */
    @SuppressWarnings("unchecked")
    static void siteDeployerFromItsJarAlone(URLClassLoader alone, TemplateModel.FunctionDef f) throws Exception {
        Object handler = alone.loadClass(f.handlerClass()).getConstructor(Map.class).newInstance(Map.of("AWS_REGION", "us-east-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Method handle = handler.getClass().getMethod("handleRequest", java.io.InputStream.class, OutputStream.class,
                alone.loadClass("com.amazonaws.services.lambda.runtime.Context"));
        handle.invoke(handler, new ByteArrayInputStream("{\"trigger\":\"manual\"}".getBytes(StandardCharsets.UTF_8)), out, null);
        assertEquals("IGNORED", LocalJson.MAPPER.readTree(out.toByteArray()).path("status").asText(), f.id());
        List<Object> bundled = (List<Object>) alone.loadClass("chipcast.site.SiteFiles").getMethod("bundled").invoke(null);
        List<String> keys = bundled.stream().map(o -> {
            try {
                return (String) o.getClass().getMethod("key").invoke(o);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertTrue(keys.contains("index.html") && keys.contains("docs") && keys.contains("openapi.yaml"), f.id() + ": " + keys);
        assertEquals("index.html", keys.get(keys.size() - 1), "the page goes last, after the files it names");
    }
}
