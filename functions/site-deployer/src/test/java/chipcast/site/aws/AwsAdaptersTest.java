package chipcast.site.aws;

import chipcast.site.HttpStub;
import chipcast.site.SiteFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3 and CloudFront adapters with the SDK's real clients (url-connection, default credentials) against local
 * HTTP stubs: what goes over the wire for an upload (key, Content-Type, Cache-Control, the bytes), a listing of
 * several pages, a batch delete and an invalidation.
 */
class AwsAdaptersTest {
    @BeforeAll
    static void credentials() {
        // The default chain's first provider: system properties (no real credentials anywhere in this test).
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static final String LIST_1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Name>site-bucket</Name><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>"
            + "<NextContinuationToken>page2</NextContinuationToken><Contents><Key>assets/a.js</Key></Contents>"
            + "<Contents><Key>index.html</Key></Contents></ListBucketResult>";
    static final String LIST_2 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Name>site-bucket</Name><KeyCount>1</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>false</IsTruncated>"
            + "<Contents><Key>docs/</Key></Contents></ListBucketResult>";

    static HttpStub s3Stub() throws Exception {
        return new HttpStub(r -> {
            if (r.method().equals("GET") && r.query() != null && r.query().contains("list-type=2")) {
                return HttpStub.Answer.ok(r.query().contains("continuation-token=page2") ? LIST_2 : LIST_1);
            }
            if (r.method().equals("POST") && r.query() != null && r.query().startsWith("delete")) {
                return HttpStub.Answer.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>");
            }
            return new HttpStub.Answer(200, Map.of("ETag", "\"etag\""), null);
        });
    }

    @Test
    void anUploadCarriesTheKeyTheTypeTheCacheRuleAndTheBytes() throws Exception {
        try (var stub = s3Stub()) {
            S3SiteBucket bucket = new S3SiteBucket(SiteClients.s3(Map.of("AWS_REGION", "eu-west-1"), stub.uri()));
            byte[] js = "console.log('한국어')".getBytes(StandardCharsets.UTF_8);
            bucket.put("site-bucket", new SiteFiles.SiteObject("assets/explorer-B9yB7g6S.js", js, "text/javascript; charset=utf-8", SiteFiles.IMMUTABLE));
            bucket.put("site-bucket", new SiteFiles.SiteObject("docs", "<html>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", SiteFiles.REVALIDATE));
            var first = stub.requests.get(0);
            assertEquals("PUT", first.method());
            assertEquals("/site-bucket/assets/explorer-B9yB7g6S.js", first.path());
            assertEquals("text/javascript; charset=utf-8", first.header("Content-Type"));
            assertEquals("public, max-age=31536000, immutable", first.header("Cache-Control"));
            assertArrayEquals(js, first.body(), "the file's bytes as they are (no chunked encoding)");
            assertTrue(first.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                    "signed with the default chain's credentials for the region: " + first.header("Authorization"));
            assertTrue(first.header("Authorization").contains("/eu-west-1/s3/aws4_request"), first.header("Authorization"));
            var docs = stub.requests.get(1);
            assertEquals("/site-bucket/docs", docs.path());
            assertEquals("no-cache", docs.header("Cache-Control"));
        }
    }

    @Test
    void aListingFollowsItsPagesAndADeleteSendsTheKeysInOneRequest() throws Exception {
        try (var stub = s3Stub()) {
            S3SiteBucket bucket = new S3SiteBucket(SiteClients.s3(Map.of("AWS_REGION", "us-east-1"), stub.uri()));
            List<String> keys = bucket.keys("site-bucket");
            assertEquals(List.of("assets/a.js", "index.html", "docs/"), keys);
            bucket.delete("site-bucket", keys);
            var delete = stub.requests.get(stub.requests.size() - 1);
            assertEquals("POST", delete.method());
            assertEquals("/site-bucket", delete.path());
            String xml = delete.text();
            assertTrue(xml.contains("<Key>assets/a.js</Key>") && xml.contains("<Key>docs/</Key>") && xml.contains("<Quiet>true</Quiet>"), xml);
        }
    }

    @Test
    void anInvalidationOfEveryPathKeyedByTheRequest() throws Exception {
        String created = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                + "<Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-12-02T00:00:00Z</CreateTime>"
                + "<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/*</Path></Items></Paths>"
                + "<CallerReference>req-1</CallerReference></InvalidationBatch></Invalidation>";
        try (var stub = new HttpStub(r -> new HttpStub.Answer(201,
                Map.of("Content-Type", "text/xml", "Location", "https://cloudfront.amazonaws.com/2020-05-31/distribution/E2EXAMPLE/invalidation/I2J0I21PCUYOIK"),
                created))) {
            CloudFrontCdn cdn = new CloudFrontCdn(SiteClients.cloudFront(stub.uri()));
            assertEquals("I2J0I21PCUYOIK", cdn.invalidate("E2EXAMPLE", List.of("/*"), "req-1"));
            var request = stub.requests.get(0);
            assertEquals("POST", request.method());
            assertEquals("/2020-05-31/distribution/E2EXAMPLE/invalidation", request.path());
            String xml = request.text();
            assertTrue(xml.contains("<CallerReference>req-1</CallerReference>") && xml.contains("<Path>/*</Path>")
                    && xml.contains("<Quantity>1</Quantity>"), xml);
            assertTrue(request.header("Authorization").contains("/cloudfront/aws4_request"), request.header("Authorization"));
        }
    }

    @Test
    void theRegionComesFromTheEnvironment() {
        assertThrows(IllegalStateException.class, () -> SiteClients.s3(Map.of(), null));
    }

}
