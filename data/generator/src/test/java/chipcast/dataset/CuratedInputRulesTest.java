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

    private TestRepo fixtures() {
        return ExtendedBuildTest.allFixtures(dir);
    }

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

    // ---- chips-audit.json

    @Test
    void anAuditWhoseFromIsNotTheCurrentValueFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("from", 801));
        assertFails(repo, true, "from 801 does not match the chip's current value 800");
    }

    @Test
    void anAuditOfAFieldTheChipDoesNotHaveFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("field", "denseTFLOPS.fp7"));
        assertFails(repo, true, "the chip has no field denseTFLOPS.fp7");
    }

    @Test
    void anAuditWithoutSourceOrReasonFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.remove("source"));
        assertFails(repo, true, "a correction needs its source");
        repo = TestRepo.copyOf(REPO, dir).withFixture(Layout.CHIPS_ADDED).withFixture(Layout.CHIPS_AUDIT);
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("reason", " "));
        assertFails(repo, true, "a correction needs its reason");
    }

    @Test
    void anAuditOfAnEpochImportFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("chipId", "nvidia-l40").put("field", "memoryGB").put("from", 48));
        assertFails(repo, true, "nvidia-l40 is an Epoch import; correct it in " + Layout.EPOCH_IMPORT);
    }

    @Test
    void anAuditAppliesToReferenceChipsToo() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("chipId", "amd-mi355x").put("from", 5000).put("to", 5033.2));
        assertEquals(5033.2, TestRepo.chip(repo.build(true), "amd-mi355x").path("denseTFLOPS").path("fp8").asDouble());
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

    @Test
    void aCuratedChipNamingAnEpochRowTakesItsPlaceInTheImport() throws Exception {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode l40 = ((ObjectNode) TestRepo.chip(repo.build(true), "nvidia-l40")).deepCopy();
        l40.put("id", "fixture-l40-curated").put("tier", "curated").remove("prices");
        ((ObjectNode) l40.path("sources").get(0)).put("title", "Fixture copy of Epoch's row");
        repo.write(Layout.CHIPS_ADDED, Mapper.MAPPER.createArrayNode().add(l40));
        DatasetBuild.Result result = repo.build(true);
        assertNull(TestRepo.chip(result, "nvidia-l40"), "the row is not imported twice");
        assertNotNull(TestRepo.chip(result, "fixture-l40-curated"));
        assertTrue(result.report().stream().anyMatch(l -> l.contains(" 19 covered by curated chips")), result.report().toString());
        assertTrue(result.report().stream().anyMatch(l -> l.contains("lists 'NVIDIA L40', which curated chip fixture-l40-curated")));

        l40.put("memoryGB", 40); // Epoch: 48 GB: the added chip is cross-checked like the reference chips
        repo.write(Layout.CHIPS_ADDED, Mapper.MAPPER.createArrayNode().add(l40));
        assertFails(repo, true, "fixture-l40-curated memoryGB: ChipCast 40, Epoch 48");
    }

    // ---- chips-added.json

    @Test
    void anAddedChipNeedsEveryServedField() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.remove("tdpWatts"));
        assertFails(repo, true, "missing served fields [tdpWatts]");
    }

    @Test
    void anAddedChipIsCurated() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.put("tier", "epoch-only"));
        assertFails(repo, true, "tier must be \"curated\"");
    }

    @Test
    void anAddedChipHasNoPricesOfItsOwn() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.putArray("prices"));
        assertFails(repo, true, "prices belong in " + Layout.CHIP_PRICES);
    }

    @Test
    void anAddedChipWithAnUnknownFieldFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.put("memoryGb", 1));
        assertFails(repo, true, "memoryGb");
    }

    // ---- chip-prices.json

    @Test
    void aPriceWithoutASourceFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.remove("source"));
        assertFails(repo, true, "a price needs its source");
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.putObject("source").put("title", "Fixture").put("asOf", "2025"));
        assertFails(repo, true, "a price needs its source");
    }

    @Test
    void aPriceOfAnUnknownChipOrKindFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.put("chipId", "no-such-chip"));
        assertFails(repo, true, "no chip no-such-chip");
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.put("chipId", "fixture-accelerator-1").put("kind", "rumour"));
        assertFails(repo, true, "kind must be one of");
    }

    // ---- benchmarks.json, models.json

    @Test
    void aBenchmarkOfAnUnknownChipFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.BENCHMARKS, 0, b -> b.put("chipId", "no-such-chip"));
        assertFails(repo, true, "chipId \"no-such-chip\" is not a chip");
    }

    @Test
    void aBenchmarkOfAnUnknownModelFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.BENCHMARKS, 1, b -> b.put("model", "fixture-model-1t"));
        assertFails(repo, true, "model \"fixture-model-1t\" is not an id of " + Layout.MODELS);
    }

    @Test
    void benchmarkAndModelIdsAreUnique() {
        TestRepo repo = fixtures();
        edit(repo, Layout.MODELS, 1, m -> m.put("id", "fixture-model-7b"));
        assertFails(repo, true, "id fixture-model-7b is used twice");
        repo = fixtures();
        edit(repo, Layout.BENCHMARKS, 1, b -> b.put("id", "fixture-bench-1"));
        assertFails(repo, true, "id fixture-bench-1 is used twice");
    }

    // ---- forecasts.json editions

    @Test
    void twoEditionsOfOneDateFail() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(2)).put("edition", "2023-04");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, true, "have the same edition 2023-04");
    }

    @Test
    void editionsOfOneSeriesShareThePublisher() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(3)).put("editionOf", "fixture-inference-chips");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, true, "must share publisher and market");
    }

    @Test
    void aStatedSupersedesMustMatchTheEditions() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(0)).put("supersedes", "fixture-2023");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, true, "fixture-2025: supersedes is fixture-2023 but the editions give fixture-2024");
    }

    @Test
    void anEditionWithoutDateFails() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(1)).putNull("edition");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, true, "fixture-2023: is an edition of fixture-inference-chips but has no edition date");
    }
}
