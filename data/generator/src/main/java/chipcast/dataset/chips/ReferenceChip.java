package chipcast.dataset.chips;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** A chip of data/sources/reference/chips.json, as the reference writes it. */
public record ReferenceChip(
        String id,
        String vendor,
        String name,
        String architecture,
        String launchDate,
        String launchDateNote,
        String processNode,
        String memoryType,
        Number memoryGB,
        Number memoryBandwidthTBs,
        Number tdpWatts,
        Map<String, Number> denseTFLOPS,
        String denseUnits,
        Boolean sourceGivesOnlySparse,
        String sparseNote,
        Chip.Interconnect interconnect,
        String formFactor,
        String primaryWorkload,
        List<ReferenceSource> sources,
        String notes,
        String confidence) {

    /**
     * A source in the reference's forms: a web page (url), a GitHub file (repo, path, commit), or a file known only
     * by an index id. {@code what} describes the file; it is not served.
     */
    public record ReferenceSource(
            String url,
            String repo,
            String path,
            String commit,
            String what,
            String supports,
            @JsonProperty("index_id") String indexId) {
    }
}
