package chipcast.site.aws;

import chipcast.site.SiteDeployer;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.util.List;

/** The distribution's CreateInvalidation; CloudFront returns the same invalidation for a repeated caller reference. */
public final class CloudFrontCdn implements SiteDeployer.Cdn {
    private final CloudFrontClient cloudFront;

    public CloudFrontCdn(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    @Override
    public String invalidate(String distributionId, List<String> paths, String callerReference) {
        return cloudFront.createInvalidation(r -> r.distributionId(distributionId).invalidationBatch(b -> b
                .callerReference(callerReference).paths(p -> p.quantity(paths.size()).items(paths)))).invalidation().id();
    }
}
