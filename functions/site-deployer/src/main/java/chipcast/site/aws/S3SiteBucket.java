package chipcast.site.aws;

import chipcast.site.SiteDeployer;
import chipcast.site.SiteFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;

/** The site bucket on S3: PutObject with the file's Content-Type and Cache-Control, ListObjectsV2, DeleteObjects. */
public final class S3SiteBucket implements SiteDeployer.Bucket {
    private final S3Client s3;

    public S3SiteBucket(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public void put(String bucket, SiteFiles.SiteObject object) {
        s3.putObject(r -> r.bucket(bucket).key(object.key()).contentType(object.contentType())
                .cacheControl(object.cacheControl()), RequestBody.fromBytes(object.body()));
    }

    @Override
    public List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).forEach(keys::add);
        } catch (NoSuchBucketException e) {
            return List.of(); // already gone: nothing to empty
        }
        return keys;
    }

    @Override
    public void delete(String bucket, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException(response.errors().size() + " objects not deleted, e.g. "
                    + response.errors().get(0).key() + ": " + response.errors().get(0).code());
        }
    }
}
