package chipcast.site;

import chipcast.core.cfn.CustomResourceRequest;
import chipcast.core.cfn.CustomResourceResponse;
import chipcast.core.json.Json;
import chipcast.core.log.Log;
import chipcast.site.aws.SiteClients;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SiteDeployerFunction: the CloudFormation custom resource SiteAssets. On Create and Update it writes the explorer
 * bundled in this jar to the site bucket and invalidates the distribution (a changed site changes the resource's
 * SiteAssetsSha256, so CloudFormation sends Update); on Delete it empties the bucket. Every request is answered,
 * a failure as FAILED with the stage that failed, through {@link CustomResourceResponse} (status checked,
 * retried). The bucket and the distribution come from the resource's properties, so a replaced bucket is an
 * Update too.
 */
public final class SiteDeployerHandler implements RequestStreamHandler {
    static final String PHYSICAL_ID = "chipcast-site";
    private static final CustomResourceRequest NO_REQUEST = new CustomResourceRequest(null, null, null, null, null, null, null);
    private static final SiteRequest NO_PROPERTIES = new SiteRequest(null);

    private final SiteDeployer deployer;
    private final CustomResourceResponse cloudFormation;

    /** The Lambda runtime's constructor: the S3 and CloudFront clients built once per container. */
    public SiteDeployerHandler() {
        this(System.getenv());
    }

    /** Clients from an environment (AWS_REGION; credentials from the default chain); tests of the jar use it. */
    public SiteDeployerHandler(Map<String, String> env) {
        this(new SiteDeployer(SiteFiles::bundled, SiteClients.bucket(env), SiteClients.cdn()), CustomResourceResponse.DEFAULT);
    }

    public SiteDeployerHandler(SiteDeployer deployer, CustomResourceResponse cloudFormation) {
        this.deployer = deployer;
        this.cloudFormation = cloudFormation;
    }

    /** The resource's properties in template.yaml. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SiteRequest(@JsonProperty("ResourceProperties") Properties properties) {
        Properties props() {
            return properties == null ? new Properties(null, null, null) : properties;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Properties(@JsonProperty("BucketName") String bucketName,
                      @JsonProperty("DistributionId") String distributionId,
                      @JsonProperty("SiteAssetsSha256") String siteAssetsSha256) {
    }

    /** What the invocation answers (and logs). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String event, String requestType, String status, String reason, Integer files, Long bytes,
                  String invalidationId, Integer deleted) {
    }

    record Failed(String event, String stage, Log.Failure failure) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        CustomResourceRequest request = Json.readEvent(event, CustomResourceRequest.class, NO_REQUEST);
        Properties props = Json.readEvent(event, SiteRequest.class, NO_PROPERTIES).props();
        Log log = Log.of(context);
        Result result;
        if (!request.fromCloudFormation()) {
            result = new Result("site deploy", null, "IGNORED", "not a CloudFormation custom resource request", null,
                    null, null, null);
            Json.write(output, result);
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        try {
            if (request.isDelete()) {
                int deleted = props.bucketName() == null ? 0 : deployer.empty(props.bucketName());
                result = new Result("site deploy", request.requestType(), "SUCCESS", "site bucket emptied", null, null, null, deleted);
            } else {
                require(props.bucketName(), "BucketName");
                require(props.distributionId(), "DistributionId");
                SiteDeployer.Uploaded up = deployer.deploy(props.bucketName(), props.distributionId(), request.requestId());
                result = new Result("site deploy", request.requestType(), "SUCCESS", "site uploaded (" + up.files()
                        + " files) and the distribution invalidated", up.files(), up.bytes(), up.invalidationId(), null);
                data.put("SiteAssetsSha256Uploaded", props.siteAssetsSha256() == null ? "" : props.siteAssetsSha256());
                data.put("InvalidationId", up.invalidationId() == null ? "" : up.invalidationId());
            }
            log.info(result);
        } catch (RuntimeException e) {
            // The stack must hear of the failure, or CloudFormation waits an hour for the answer.
            String stage = e instanceof SiteDeployer.StageFailed f ? f.stage() : e.getClass().getSimpleName();
            result = new Result("site deploy", request.requestType(), "FAILED",
                    "site deploy failed: " + stage + " (see the function's log)", null, null, null, null);
            log.error(new Failed("site deploy failed", stage, Log.Failure.of(e)));
            data.clear();
        }
        cloudFormation.answer(request, result.status(), result.reason(), PHYSICAL_ID, data, log);
        Json.write(output, result);
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new SiteDeployer.StageFailed("the resource has no " + property + " property",
                    new IllegalArgumentException(property));
        }
    }
}
