package chipcast.core.cfn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A CloudFormation custom resource request, the fields the functions read. CloudFormation sends strings;
 * a field of another type is read as its text, never a reason not to answer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomResourceRequest(
        @JsonProperty("RequestType") String requestType,
        @JsonProperty("ResponseURL") String responseUrl,
        @JsonProperty("StackId") String stackId,
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("LogicalResourceId") String logicalResourceId,
        @JsonProperty("PhysicalResourceId") String physicalResourceId,
        @JsonProperty("ResourceProperties") Properties resourceProperties) {

    /** The resource's properties in template.yaml that a function reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(@JsonProperty("DatasetSha256") String datasetSha256) {
    }

    /** Whether this is a CloudFormation request at all (a schedule or a plain invocation is not). */
    public boolean fromCloudFormation() {
        return requestType != null && responseUrl != null;
    }

    public boolean isDelete() {
        return "Delete".equals(requestType);
    }

    public String datasetSha256() {
        return resourceProperties == null || resourceProperties.datasetSha256() == null ? "" : resourceProperties.datasetSha256();
    }
}
