package chipcast.site;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the custom resource does, with the bucket and the CDN behind ports (the S3 and CloudFront adapters are in
 * chipcast.site.aws; tests pass fakes): on Create and Update, every bundled file to the bucket with its
 * Content-Type and Cache-Control, then one invalidation of the distribution; on Delete, the bucket emptied so
 * CloudFormation can delete it.
 */
public final class SiteDeployer {
    /** The site bucket as the deployer needs it. */
    public interface Bucket {
        void put(String bucket, SiteFiles.SiteObject object);

        /** Every key in the bucket. */
        List<String> keys(String bucket);

        /** Deletes up to 1,000 keys in one request. */
        void delete(String bucket, List<String> keys);
    }

    /** The CloudFront distribution in front of the bucket. */
    public interface Cdn {
        /** Starts an invalidation (idempotent per caller reference) and returns its id. */
        String invalidate(String distributionId, List<String> paths, String callerReference);
    }

    /** Every path the distribution serves from the bucket: one invalidation path, whatever changed. */
    static final List<String> INVALIDATE = List.of("/*");
    static final int DELETE_BATCH = 1000;

    /** A stage of the work that failed, named in the answer to CloudFormation. */
    public static final class StageFailed extends RuntimeException {
        private final String stage;

        StageFailed(String stage, RuntimeException cause) {
            super(stage + ": " + cause.getClass().getSimpleName(), cause);
            this.stage = stage;
        }

        public String stage() {
            return stage;
        }
    }

    public record Uploaded(int files, long bytes, String invalidationId) {
    }

    private final Supplier<List<SiteFiles.SiteObject>> files;
    private final Bucket bucket;
    private final Cdn cdn;

    public SiteDeployer(Supplier<List<SiteFiles.SiteObject>> files, Bucket bucket, Cdn cdn) {
        this.files = files;
        this.bucket = bucket;
        this.cdn = cdn;
    }

    /** Uploads the site and invalidates the distribution's cache; {@code requestId} makes the invalidation idempotent. */
    public Uploaded deploy(String bucketName, String distributionId, String requestId) {
        List<SiteFiles.SiteObject> objects = files.get();
        if (objects.stream().noneMatch(o -> o.key().equals("index.html"))) {
            throw new StageFailed("no site in this function's jar (web/dist was not built: Node.js missing at build time?)",
                    new IllegalStateException("site/index.html is not bundled"));
        }
        long bytes = 0;
        for (SiteFiles.SiteObject object : objects) {
            try {
                bucket.put(bucketName, object);
            } catch (RuntimeException e) {
                throw new StageFailed("upload of " + object.key(), e);
            }
            bytes += object.body().length;
        }
        String invalidation;
        try {
            invalidation = cdn.invalidate(distributionId, INVALIDATE, requestId);
        } catch (RuntimeException e) {
            throw new StageFailed("invalidation of distribution " + distributionId, e);
        }
        return new Uploaded(objects.size(), bytes, invalidation);
    }

    /** Deletes every object, so the stack can delete the bucket; returns how many there were. */
    public int empty(String bucketName) {
        List<String> keys;
        try {
            keys = bucket.keys(bucketName);
        } catch (RuntimeException e) {
            throw new StageFailed("listing of bucket " + bucketName, e);
        }
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<String> batch = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)));
            try {
                bucket.delete(bucketName, batch);
            } catch (RuntimeException e) {
                throw new StageFailed("deletion from bucket " + bucketName, e);
            }
        }
        return keys.size();
    }
}
