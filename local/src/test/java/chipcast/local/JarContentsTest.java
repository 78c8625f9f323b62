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
                    "dataset/benchmarks.json"));

    @Test
    void eachCodeUriJarHoldsItsHandlerAndItsRuntimeDependencies() throws Exception {
        for (TemplateModel.FunctionDef f : TestStack.env().template().functions().values()) {
            Path jar = TestStack.ROOT.resolve(f.codeUri());
            assertTrue(Files.isRegularFile(jar), f.id() + ": " + jar + " is built by mvn package");
            assertTrue(Files.size(jar) < 50_000_000, f.id() + ": within Lambda's 50 MB for a direct upload");
            try (JarFile entries = new JarFile(jar.toFile())) {
                assertNotNull(entries.getEntry(f.handlerClass().replace('.', '/') + ".class"), f.id() + ": handler");
                for (String entry : EVERY_JAR) {
                    assertNotNull(entries.getEntry(entry), f.id() + ": " + entry);
                }
                for (String entry : OWN.getOrDefault(f.id(), List.of())) {
                    assertNotNull(entries.getEntry(entry), f.id() + ": " + entry);
                }
                for (String entry : NEVER) {
                    assertNull(entries.getEntry(entry), f.id() + " does not ship " + entry);
                }
            }
        }
    }

    @Test
    void eachHandlerIsBuiltFromItsJarAloneAndAnApiFunctionAnswers() throws Exception {
        for (TemplateModel.FunctionDef f : TestStack.env().template().functions().values()) {
            Path jar = TestStack.ROOT.resolve(f.codeUri());
            try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
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
}
