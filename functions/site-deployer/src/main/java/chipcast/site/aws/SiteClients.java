package chipcast.site.aws;

import chipcast.site.SiteDeployer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.util.Map;

/**
 * The S3 and CloudFront clients of the site deployer, built once per container like the DynamoDB client
 * (chipcast.core.store.dynamodb.DynamoClients): the url-connection HTTP client, the region from AWS_REGION
 * (CloudFront is global), credentials from the default chain. An endpoint override is for tests against a local
 * stub only.
 */
public final class SiteClients {
    private SiteClients() {
    }

    public static SiteDeployer.Bucket bucket(Map<String, String> env) {
        return new S3SiteBucket(s3(env, null));
    }

    public static SiteDeployer.Cdn cdn() {
        return new CloudFrontCdn(cloudFront(null));
    }

    /** @param endpoint null for AWS; a local stub's URL in tests (path-style addressing) */
    public static S3Client s3(Map<String, String> env, URI endpoint) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region))
                // PUTs of whole byte arrays, their length known: the body as it is, no aws-chunked encoding and no
                // trailing checksum (S3 checks the Content-Length; TLS and SigV4 cover the rest).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    /** @param endpoint null for AWS; a local stub's URL in tests */
    public static CloudFrontClient cloudFront(URI endpoint) {
        var builder = CloudFrontClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.AWS_GLOBAL);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
