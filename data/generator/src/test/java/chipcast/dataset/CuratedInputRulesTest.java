package chipcast.dataset;

import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static chipcast.dataset.CommittedDatasetTest.REPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of the curated inputs (docs/data.md), broken once on a copy of the sources with the test fixtures: the
 * build must fail, and its message must say what is wrong.
 */
class CuratedInputRulesTest {
    @TempDir
    Path dir;

    private static void assertFails(TestRepo repo, boolean extended, String expected) {
        DatasetException e = assertThrows(DatasetException.class, () -> repo.build(extended));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in:\n" + e.getMessage());
    }

    private static void edit(TestRepo repo, String input, int index, Consumer<ObjectNode> change) {
        ArrayNode array = repo.readArray(input);
        change.accept((ObjectNode) array.get(index));
        repo.write(input, array);
    }

    // ---- Epoch cross-check (build_data.py's check_disagreements)

    @Test
    void anUnlistedDisagreementWithEpochFailsTheDefaultBuild() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        edit(repo, Layout.REF_CHIPS, 1, chip -> chip.put("memoryGB", 90)); // nvidia-h100-sxm; Epoch: 80 GB
        assertFails(repo, false, "nvidia-h100-sxm memoryGB: ChipCast 90, Epoch 80 (differs by more than 2 %)");
    }

    @Test
    void aDifferenceWithinTwoPercentIsNotADisagreement() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        edit(repo, Layout.REF_CHIPS, 1, chip -> chip.put("memoryGB", 81.5)); // 1.8 % from Epoch's 80
        assertNotNull(repo.build(false));
    }

    // ---- curation/epoch-import.json

    @Test
    void anExclusionNeedsItsReason() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ObjectNode) file.path("excluded").get(0)).put("reason", "");
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, true, "excluded row '" + file.path("excluded").get(0).path("epochName").asText() + "' needs its reason");
    }

    @Test
    void aRowInScopeThatIsNeitherImportedNorExcludedFails() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ArrayNode) file.path("excluded")).remove(0);
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, true, "neither imported nor excluded");
    }

    @Test
    void anEntryForARowACuratedChipCoversIsReportedUnused() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ArrayNode) file.path("excluded")).addObject().put("epochName", "NVIDIA H100 PCIe").put("reason", "test");
        repo.write(Layout.EPOCH_IMPORT, file);
        assertTrue(repo.build(true).report().contains(Layout.EPOCH_IMPORT + " lists 'NVIDIA H100 PCIe', which curated chip "
                + "nvidia-h100-pcie now covers: the entry is not used (drop it)"));
    }

    @Test
    void anEntryForARowOutOfScopeFails() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ArrayNode) file.path("excluded")).addObject().put("epochName", "NVIDIA H200 SXM").put("reason", "test");
        ((ArrayNode) file.path("excluded")).addObject().put("epochName", "No Such Row").put("reason", "test");
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, true, "'NVIDIA H200 SXM' is out of scope");
        assertFails(repo, true, "'No Such Row' is not a row of " + Layout.EPOCH_CSV);
    }

    @Test
    void aWithheldFigureNeedsItsReason() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        for (var entry : file.path("imported")) {
            if (entry.has("withheld")) {
                ((ObjectNode) entry.path("withheld").get(0)).put("reason", "");
                break;
            }
        }
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, true, "needs its reason");
    }
}
