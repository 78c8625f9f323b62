package chipcast.dataset;

import chipcast.dataset.chips.Chip;
import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static chipcast.dataset.CommittedDatasetTest.REPO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extended build (--extended) of the repository's sources, and of every curated input at once (fixtures). */
class ExtendedBuildTest {
    static final String EPOCH_TITLE = "Epoch AI, Machine Learning Hardware dataset (December 2025 copy), CC BY 4.0";

    @Test
    void theRepositorySourcesBuildExtended() throws Exception {
        DatasetBuild.Result result = DatasetBuild.run(REPO, true);
        Set<String> ids = new HashSet<>();
        int epochOnly = 0;
        for (JsonNode c : TestRepo.tree(result, "chips.json")) {
            assertTrue(ids.add(c.path("id").asText()), c.path("id").asText());
            assertTrue(c.has("tier") && c.has("prices") && c.has("fp64Kind") && c.has("epochName"), c.path("id").asText());
            if (c.path("tier").asText().equals(Chip.TIER_EPOCH_ONLY)) {
                epochOnly++;
                assertEquals(1, c.path("sources").size(), c.path("id").asText());
                assertEquals(EPOCH_TITLE, c.path("sources").get(0).path("title").asText());
                assertEquals(c.path("denseTFLOPS").path("fp64").isNull() ? "null" : "\"vector\"", c.path("fp64Kind").toString());
                assertTrue(c.path("notes").asText().contains("row '" + c.path("epochName").asText() + "'"));
            } else {
                assertEquals(Chip.TIER_CURATED, c.path("tier").asText());
            }
        }
        assertTrue(epochOnly > 0);
        assertEquals(ids.size(), TestRepo.tree(result, "chips.json").size());
    }
}
