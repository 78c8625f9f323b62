package chipcast.site;

import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.retry.Backoff;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The custom resource without AWS: a fake bucket and CDN behind the ports, CloudFormation's response URL a local
 * stub. Every request is answered, SUCCESS after the upload and the invalidation, FAILED naming the stage that
 * failed; Delete empties the bucket.
 */
class SiteDeployerHandlerTest {
    static final JsonMapper JSON = new JsonMapper();

    /** What the fake bucket and CDN saw, in order. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<SiteFiles.SiteObject> put = new CopyOnWriteArrayList<>();
    final List<String> logged = new CopyOnWriteArrayList<>();
    String failPut;
    boolean failInvalidation;
    List<String> stored = new ArrayList<>();
    HttpStub cloudFormation;

    final SiteDeployer.Bucket bucket = new SiteDeployer.Bucket() {
        @Override
        public void put(String name, SiteFiles.SiteObject object) {
            calls.add("put " + name + " " + object.key());
            if (object.key().equals(failPut)) {
                throw new IllegalStateException("S3 said no");
            }
            put.add(object);
        }

        @Override
        public List<String> keys(String name) {
            calls.add("list " + name);
            return stored;
        }

        @Override
        public void delete(String name, List<String> keys) {
            calls.add("delete " + name + " " + keys.size());
        }
    };

    final SiteDeployer.Cdn cdn = (distribution, paths, reference) -> {
        calls.add("invalidate " + distribution + " " + paths + " " + reference);
        if (failInvalidation) {
            throw new IllegalStateException("CloudFront said no");
        }
        return "I2J0I21PCUYOIK";
    };

    static final List<SiteFiles.SiteObject> SITE = List.of(
            new SiteFiles.SiteObject("assets/explorer-1.js", "js".getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8", SiteFiles.IMMUTABLE),
            new SiteFiles.SiteObject("openapi.yaml", "y".getBytes(StandardCharsets.UTF_8), "application/yaml; charset=utf-8", SiteFiles.REVALIDATE),
            new SiteFiles.SiteObject("index.html", "<html>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", SiteFiles.REVALIDATE));

    @BeforeEach
    void start() throws Exception {
        cloudFormation = new HttpStub(r -> new HttpStub.Answer(200, java.util.Map.of(), null));
    }

    @AfterEach
    void stop() {
        cloudFormation.close();
    }

    SiteDeployerHandler handler(List<SiteFiles.SiteObject> site) {
        CustomResourceResponse answers = new CustomResourceResponse(
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 2, pause -> { }), Duration.ofSeconds(2), Duration.ofSeconds(2));
        return new SiteDeployerHandler(new SiteDeployer(() -> site, bucket, cdn), answers);
    }

    String event(String type, String properties) {
        return "{\"RequestType\":\"" + type + "\",\"ResponseURL\":\"" + cloudFormation.uri() + "/answer?X-Amz-Signature=x\","
                + "\"StackId\":\"stack\",\"RequestId\":\"req-1\",\"LogicalResourceId\":\"SiteAssets\","
                + ("Create".equals(type) ? "" : "\"PhysicalResourceId\":\"chipcast-site\",")
                + "\"ResourceType\":\"Custom::SiteAssets\",\"ResourceProperties\":{\"ServiceToken\":\"arn\"" + properties + "}}";
    }

    static final String PROPS = ",\"BucketName\":\"site-bucket\",\"DistributionId\":\"E2EXAMPLE\",\"SiteAssetsSha256\":\"abc123\"";

    JsonNode invoke(SiteDeployerHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context());
        return JSON.readTree(out.toByteArray());
    }

    /** The one answer CloudFormation got. */
    JsonNode answer() throws Exception {
        assertEquals(1, cloudFormation.requests.size(), "one answer to CloudFormation");
        HttpStub.Request put = cloudFormation.requests.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/answer", put.path());
        return JSON.readTree(put.body());
    }

    @Test
    void createUploadsEveryFileThenInvalidatesOnceAndAnswersSuccess() throws Exception {
        JsonNode result = invoke(handler(SITE), event("Create", PROPS));
        assertEquals(List.of("put site-bucket assets/explorer-1.js", "put site-bucket openapi.yaml", "put site-bucket index.html",
                "invalidate E2EXAMPLE [/*] req-1"), calls, "every file in order, then one invalidation keyed by the request");
        assertEquals(SITE, put, "each file with its content type and cache rule");
        assertEquals("SUCCESS", result.path("status").asText());
        assertEquals(3, result.path("files").asInt());
        JsonNode answer = answer();
        assertEquals("SUCCESS", answer.path("Status").asText());
        assertEquals("chipcast-site", answer.path("PhysicalResourceId").asText());
        assertEquals("SiteAssets", answer.path("LogicalResourceId").asText());
        assertEquals("abc123", answer.path("Data").path("SiteAssetsSha256Uploaded").asText());
        assertEquals("I2J0I21PCUYOIK", answer.path("Data").path("InvalidationId").asText());
    }

    @Test
    void anUpdateDoesTheSameAndKeepsThePhysicalId() throws Exception {
        invoke(handler(SITE), event("Update", PROPS));
        assertEquals(4, calls.size());
        assertEquals("chipcast-site", answer().path("PhysicalResourceId").asText(), "the same id: CloudFormation never deletes the old one");
    }

    @Test
    void aFailedUploadAnswersFailedNamingTheFileAndInvalidatesNothing() throws Exception {
        failPut = "openapi.yaml";
        JsonNode result = invoke(handler(SITE), event("Create", PROPS));
        assertEquals("FAILED", result.path("status").asText());
        assertEquals(List.of("put site-bucket assets/explorer-1.js", "put site-bucket openapi.yaml"), calls, "stops at the failure");
        JsonNode answer = answer();
        assertEquals("FAILED", answer.path("Status").asText());
        assertTrue(answer.path("Reason").asText().contains("upload of openapi.yaml"), answer.path("Reason").asText());
        assertTrue(answer.path("Data").isMissingNode(), "no data on a failure");
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("ERROR") && l.contains("S3 said no")), "the cause is in the log: " + logged);
    }

    @Test
    void aFailedInvalidationAnswersFailed() throws Exception {
        failInvalidation = true;
        invoke(handler(SITE), event("Update", PROPS));
        JsonNode answer = answer();
        assertEquals("FAILED", answer.path("Status").asText());
        assertTrue(answer.path("Reason").asText().contains("invalidation of distribution E2EXAMPLE"), answer.path("Reason").asText());
    }

    @Test
    void aJarWithoutTheSiteOrAResourceWithoutItsBucketAnswersFailed() throws Exception {
        invoke(handler(List.of()), event("Create", PROPS));
        assertTrue(answer().path("Reason").asText().contains("no site in this function's jar"));
        assertEquals(List.of(), calls);
        cloudFormation.requests.clear();
        invoke(handler(SITE), event("Create", ",\"DistributionId\":\"E2EXAMPLE\""));
        JsonNode answer = answer();
        assertEquals("FAILED", answer.path("Status").asText());
        assertTrue(answer.path("Reason").asText().contains("no BucketName"), answer.path("Reason").asText());
    }

    @Test
    void deleteEmptiesTheBucketInBatchesOfAThousand() throws Exception {
        stored = IntStream.range(0, 2500).mapToObj(i -> "assets/f" + i + ".js").toList();
        JsonNode result = invoke(handler(SITE), event("Delete", PROPS));
        assertEquals(List.of("list site-bucket", "delete site-bucket 1000", "delete site-bucket 1000", "delete site-bucket 500"), calls);
        assertEquals(2500, result.path("deleted").asInt());
        assertEquals("SUCCESS", answer().path("Status").asText());
    }

    @Test
    void deleteOfAResourceThatNeverGotItsBucketSucceedsAndAPlainInvocationIsNotAnswered() throws Exception {
        invoke(handler(SITE), event("Delete", ""));
        assertEquals("SUCCESS", answer().path("Status").asText());
        assertEquals(List.of(), calls);
        cloudFormation.requests.clear();
        JsonNode result = invoke(handler(SITE), "{\"trigger\":\"manual\"}");
        assertEquals("IGNORED", result.path("status").asText());
        assertEquals(0, cloudFormation.requests.size());
        assertEquals(List.of(), calls);
    }

    @Test
    void anAnswerCloudFormationRefusesIsRetriedThenLogged() throws Exception {
        cloudFormation.close();
        cloudFormation = new HttpStub(r -> new HttpStub.Answer(500, java.util.Map.of(), null));
        invoke(handler(SITE), event("Create", PROPS));
        assertEquals(2, cloudFormation.requests.size(), "retried");
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("ERROR") && l.contains("custom resource answer not delivered")), logged.toString());
    }

    Context context() {
        LambdaLogger logger = new LambdaLogger() {
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
        };
        return new Context() {
            public String getAwsRequestId() {
                return "test";
            }

            public String getLogGroupName() {
                return null;
            }

            public String getLogStreamName() {
                return null;
            }

            public String getFunctionName() {
                return "SiteDeployerFunction";
            }

            public String getFunctionVersion() {
                return "$LATEST";
            }

            public String getInvokedFunctionArn() {
                return null;
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return 300_000;
            }

            public int getMemoryLimitInMB() {
                return 1024;
            }

            public LambdaLogger getLogger() {
                return logger;
            }
        };
    }
}
