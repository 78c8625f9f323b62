package chipcast.dataset;

import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
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
        return CatalogueBuildTest.allFixtures(dir);
    }

    private static void assertFails(TestRepo repo, String expected) {
        DatasetException e = assertThrows(DatasetException.class, repo::build);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in:\n" + e.getMessage());
    }

    private static void edit(TestRepo repo, String input, int index, Consumer<ObjectNode> change) {
        ArrayNode array = repo.readArray(input);
        change.accept((ObjectNode) array.get(index));
        repo.write(input, array);
    }

    // ---- Epoch cross-check (build_data.py's check_disagreements)

    @Test
    void anUnlistedDisagreementWithEpochFailsTheBuild() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        edit(repo, Layout.REF_CHIPS, 1, chip -> chip.put("memoryGB", 90)); // nvidia-h100-sxm; Epoch: 80 GB
        assertFails(repo, "nvidia-h100-sxm memoryGB: ChipCast 90, Epoch 80 (differs by more than 2 %)");
    }

    @Test
    void aDifferenceWithinTwoPercentIsNotADisagreement() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        edit(repo, Layout.REF_CHIPS, 1, chip -> chip.put("memoryGB", 81.5)); // 1.8 % from Epoch's 80
        assertNotNull(repo.build());
    }

    // ---- chips-audit.json

    @Test
    void anAuditWhoseFromIsNotTheCurrentValueFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("from", 801));
        assertFails(repo, "from 801 does not match the chip's current value 800");
    }

    @Test
    void anAuditOfAFieldTheChipDoesNotHaveFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("field", "denseTFLOPS.fp7"));
        assertFails(repo, "the chip has no field denseTFLOPS.fp7");
    }

    @Test
    void anAuditWithoutSourceOrReasonFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.remove("source"));
        assertFails(repo, "a correction needs its source");
        repo = TestRepo.copyOf(REPO, dir).withFixture(Layout.CHIPS_ADDED).withFixture(Layout.CHIPS_AUDIT);
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("reason", " "));
        assertFails(repo, "a correction needs its reason");
    }

    @Test
    void anAuditOfAnEpochImportFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("chipId", "nvidia-a40").put("field", "memoryGB").put("from", 48));
        assertFails(repo, "nvidia-a40 is an Epoch import; correct it in " + Layout.EPOCH_IMPORT);
    }

    @Test
    void anAuditAppliesToReferenceChipsToo() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("chipId", "nvidia-h100-sxm").put("field", "tdpWatts").put("from", 700)
                .put("to", 710));
        assertEquals(710, TestRepo.chip(repo.build(), "nvidia-h100-sxm").path("tdpWatts").asInt());
    }

    @Test
    void anExplanationKeepsTheValueAndAFixChangesIt() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("action", "explain"));
        assertFails(repo, "an explanation keeps the value (to must equal from): use action fix");
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("action", "fix").put("to", 800));
        assertFails(repo, "a fix must change the value (to equals from): use action explain");
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("action", "explain"));
        JsonNode chip = TestRepo.chip(repo.build(), "fixture-accelerator-1");
        assertEquals(800, chip.path("denseTFLOPS").path("fp8").asInt());
        assertTrue(chip.path("notes").asText().contains("Checked (audit, confidence fixture): denseTFLOPS.fp8 kept at 800: "
                + "the revised datasheet gives the exact figure."), chip.path("notes").asText());
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("action", "maybe"));
        assertFails(repo, "action must be \"fix\" or \"explain\"");
        edit(repo, Layout.CHIPS_AUDIT, 0, e -> e.put("action", "fix").put("to", 812.5).remove("confidence"));
        assertFails(repo, "say the audit's confidence");
    }

    @Test
    void anAuditAddsASourceAndRedatesOne() {
        TestRepo repo = fixtures();
        ArrayNode audit = repo.readArray(Layout.CHIPS_AUDIT);
        ObjectNode add = audit.addObject().put("chipId", "fixture-accelerator-1").put("field", "sources[+].supports (tdpWatts)")
                .putNull("from").put("to", "the TDP table").put("reason", "supports the TDP").put("action", "fix")
                .put("confidence", "fixture");
        add.putObject("source").put("title", "Fixture TDP table").put("url", "https://example.com/fixture/tdp")
                .put("supports", "500 W").put("asOf", "2025-02").put("asOfKind", "published");
        ObjectNode redate = audit.addObject().put("chipId", "fixture-accelerator-1").put("field", "sources[0].asOf/asOfKind")
                .put("from", "2025-01 published").put("to", "2025-01-15 published").put("reason", "dated page")
                .put("action", "fix").put("confidence", "fixture");
        redate.putObject("source").put("title", "Fixture datasheet").put("url", "https://example.com/fixture/datasheet-v1")
                .put("supports", "dated 2025-01-15").put("asOf", "2025-01").put("asOfKind", "published");
        repo.write(Layout.CHIPS_AUDIT, audit);
        JsonNode chip = TestRepo.chip(repo.build(), "fixture-accelerator-1");
        assertEquals("2025-01-15", chip.path("sources").get(0).path("asOf").asText());
        assertEquals("https://example.com/fixture/tdp", chip.path("sources").get(2).path("url").asText());
        assertEquals(3, chip.path("sources").size(), "a re-dated source is not added again");
        assertTrue(chip.path("notes").asText().contains("Source added (audit, confidence fixture): Fixture TDP table: supports the TDP."));

        redate.put("from", "2024 checked");
        repo.write(Layout.CHIPS_AUDIT, audit);
        assertFails(repo, "does not match the source's current \"2025-01 published\"");
        redate.put("from", "2025-01 published");
        ((ObjectNode) redate.path("source")).put("url", "https://example.com/other");
        repo.write(Layout.CHIPS_AUDIT, audit);
        assertFails(repo, "is not the url of sources[0]");
    }

    // ---- rules every chip keeps

    @Test
    void fp64KindIsSetExactlyWhenFp64Is() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.putNull("fp64Kind"));
        assertFails(repo, "fixture-accelerator-1: fp64Kind says which FP64 figure denseTFLOPS.fp64 is");
    }

    // ---- curation/epoch-import.json

    @Test
    void anExclusionNeedsItsReason() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ObjectNode) file.path("excluded").get(0)).put("reason", "");
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, "excluded row '" + file.path("excluded").get(0).path("epochName").asText() + "' needs its reason");
    }

    @Test
    void aRowInScopeThatIsNeitherImportedNorExcludedFails() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ArrayNode) file.path("excluded")).remove(0);
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, "neither imported nor excluded");
    }

    @Test
    void anEntryForARowACuratedChipCoversIsReportedUnused() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ArrayNode) file.path("excluded")).addObject().put("epochName", "NVIDIA H100 PCIe").put("reason", "test");
        repo.write(Layout.EPOCH_IMPORT, file);
        assertTrue(repo.build().report().contains(Layout.EPOCH_IMPORT + " lists 'NVIDIA H100 PCIe', which curated chip "
                + "nvidia-h100-pcie now covers: the entry is not used (drop it)"));
    }

    @Test
    void anEntryForARowOutOfScopeFails() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ObjectNode file = repo.readObject(Layout.EPOCH_IMPORT);
        ((ArrayNode) file.path("excluded")).addObject().put("epochName", "NVIDIA H200 SXM").put("reason", "test");
        ((ArrayNode) file.path("excluded")).addObject().put("epochName", "No Such Row").put("reason", "test");
        repo.write(Layout.EPOCH_IMPORT, file);
        assertFails(repo, "'NVIDIA H200 SXM' is out of scope");
        assertFails(repo, "'No Such Row' is not a row of " + Layout.EPOCH_CSV);
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
        assertFails(repo, "needs its reason");
    }

    @Test
    void aCuratedChipNamingAnEpochRowTakesItsPlaceInTheImport() throws Exception {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        DatasetBuild.Result before = repo.build();
        ObjectNode a40 = ((ObjectNode) TestRepo.chip(before, "nvidia-a40")).deepCopy();
        a40.put("id", "fixture-a40-curated").put("tier", "curated").remove(List.of("prices", "chipHourPrices"));
        ((ObjectNode) a40.path("sources").get(0)).put("title", "Fixture copy of Epoch's row");
        ArrayNode added = repo.readArray(Layout.CHIPS_ADDED);
        added.add(a40);
        repo.write(Layout.CHIPS_ADDED, added);
        DatasetBuild.Result result = repo.build();
        assertNull(TestRepo.chip(result, "nvidia-a40"), "the row is not imported twice");
        assertNotNull(TestRepo.chip(result, "fixture-a40-curated"));
        int covered = covered(before) + 1;
        assertTrue(result.report().stream().anyMatch(l -> l.contains(" " + covered + " covered by curated chips")), result.report().toString());
        assertTrue(result.report().stream().anyMatch(l -> l.contains("lists 'NVIDIA A40 PCIe', which curated chip fixture-a40-curated")));

        a40.put("memoryGB", 40); // Epoch: 48 GB: the added chip is cross-checked like the reference chips
        added.remove(added.size() - 1);
        added.add(a40);
        repo.write(Layout.CHIPS_ADDED, added);
        assertFails(repo, "fixture-a40-curated memoryGB: ChipCast 40, Epoch 48");
    }

    private static int covered(DatasetBuild.Result result) {
        String line = result.report().stream().filter(l -> l.startsWith("Epoch import: ")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) covered by curated chips").matcher(line);
        assertTrue(m.find(), line);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aListedDisagreementThatIsGoneFails() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        edit(repo, Layout.REF_CHIPS, 1, chip -> chip.put("memoryGB", 90)); // nvidia-h100-sxm; Epoch: 80 GB
        ObjectNode file = repo.readObject(Layout.CROSS_CHECK);
        ((ArrayNode) file.path("disagreements")).addObject().put("chipId", "nvidia-h100-sxm").put("field", "memoryGB")
                .put("chipcast", 90).put("epoch", 80).put("why", "test");
        repo.write(Layout.CROSS_CHECK, file);
        assertNotNull(repo.build());
        edit(repo, Layout.REF_CHIPS, 1, chip -> chip.put("memoryGB", 80));
        assertFails(repo, "nvidia-h100-sxm memoryGB: listed, but ChipCast 80 and Epoch 80 no longer differ (drop the entry)");
    }

    // ---- chips-added.json

    @Test
    void anAddedChipNeedsEveryServedField() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.remove("tdpWatts"));
        assertFails(repo, "missing fields [tdpWatts]");
    }

    @Test
    void anAddedChipIsCurated() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.put("tier", "epoch-only"));
        assertFails(repo, "tier must be \"curated\"");
    }

    @Test
    void anAddedChipHasNoPricesOfItsOwn() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.putArray("prices"));
        assertFails(repo, "prices belong in " + Layout.CHIP_PRICES);
    }

    @Test
    void anAddedChipWithAnUnknownFieldFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIPS_ADDED, 0, c -> c.put("memoryGb", 1));
        assertFails(repo, "memoryGb");
    }

    // ---- chip-prices.json

    @Test
    void aPriceWithoutASourceFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.remove("source"));
        assertFails(repo, "a price needs its source");
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.putObject("source").put("title", "Fixture").put("asOf", "2025"));
        assertFails(repo, "a price needs its source");
    }

    @Test
    void aPriceOfAnUnknownChipOrKindFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.put("chipId", "no-such-chip"));
        assertFails(repo, "no chip no-such-chip");
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.put("chipId", "fixture-accelerator-1").put("kind", "rumour"));
        assertFails(repo, "kind must be one of");
    }

    @Test
    void aPriceNotAcceptedFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIP_PRICES, 0, p -> p.put("status", "rejected"));
        assertFails(repo, "status must be \"accepted\"");
    }

    // ---- benchmarks.json, models.json, chip-hour-prices.json

    @Test
    void aChipHourPriceOfAnUnknownChipOrWithoutSourceFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.CHIP_HOUR_PRICES, 0, p -> p.put("chipId", "no-such-chip"));
        assertFails(repo, "chipId \"no-such-chip\" is not a chip");
        edit(repo, Layout.CHIP_HOUR_PRICES, 0, p -> p.put("chipId", "fixture-accelerator-1").remove("source"));
        assertFails(repo, "a price needs its source");
        edit(repo, Layout.CHIP_HOUR_PRICES, 0, p -> p.putObject("source").put("title", "t").put("url", "u"));
        edit(repo, Layout.CHIP_HOUR_PRICES, 0, p -> p.put("usdPerChipHour", 0));
        assertFails(repo, "usdPerChipHour must be a positive number");
    }

    @Test
    void aBenchmarkOfAnUnknownChipFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.BENCHMARKS, 0, b -> b.put("chipId", "no-such-chip"));
        assertFails(repo, "chipId \"no-such-chip\" is not a chip");
    }

    @Test
    void aBenchmarkOfAnUnknownModelFails() {
        TestRepo repo = fixtures();
        edit(repo, Layout.BENCHMARKS, 1, b -> b.put("model", "fixture-model-1t"));
        assertFails(repo, "model \"fixture-model-1t\" is not an id of " + Layout.MODELS);
    }

    @Test
    void benchmarkAndModelIdsAreUnique() {
        TestRepo repo = fixtures();
        edit(repo, Layout.MODELS, 1, m -> m.put("id", "fixture-model-7b"));
        assertFails(repo, "id fixture-model-7b is used twice");
        repo = fixtures();
        edit(repo, Layout.BENCHMARKS, 1, b -> b.put("id", "fixture-bench-1"));
        assertFails(repo, "id fixture-bench-1 is used twice");
    }

    // ---- forecasts.json editions

    @Test
    void twoEditionsOfOneDateFail() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(2)).put("edition", "2023-04");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "have the same edition 2023-04");
    }

    @Test
    void editionsOfOneSeriesShareThePublisher() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(3)).put("editionOf", "fixture-inference-chips");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "must share publisher and market");
    }

    @Test
    void aStatedSupersedesMustMatchTheEditions() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(0)).put("supersedes", "fixture-2023");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "fixture-2025: supersedes is fixture-2023 but the editions give fixture-2024");
    }

    @Test
    void anUndatedEditionIsOrderedByItsLowerBound() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ObjectNode latest = (ObjectNode) file.path("forecasts").get(0); // fixture-2025
        latest.putNull("edition").put("editionNotBefore", "2025-01").put("editionNote", "undated page; gives 2024 as a past year");
        repo.write(Layout.FORECASTS, file);
        JsonNode built = TestRepo.tree(repo.build(), "forecasts.json").path("forecasts").get(0);
        assertEquals("fixture-2024", built.path("supersedes").asText());
        latest.putNull("editionNote");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "fixture-2025: an undated edition needs editionNote");
        latest.put("editionNote", "x").put("editionNotBefore", "2024");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "fixture-2025 and fixture-2024 have the same edition 2024-04 (to the precision given: 2024)");
    }

    @Test
    void everyForecastsMarketIsAKeyOfMarketsJsonAndEveryKeyIsUsed() {
        TestRepo repo = TestRepo.copyOf(REPO, dir);
        ArrayNode markets = repo.readArray(Layout.MARKETS);
        markets.addObject().put("key", "quantum-chips").put("name", "Quantum chips").put("covers", "test").putNull("caveats");
        repo.write(Layout.MARKETS, markets);
        assertFails(repo, "no forecast has market 'quantum-chips' (drop it)");
        markets.remove(markets.size() - 1);
        markets.remove(0);
        repo.write(Layout.MARKETS, markets);
        assertFails(repo, "is not a key of " + Layout.MARKETS);
    }

    @Test
    void theFirstFxRateIsTheReferenceRate() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("fxRates").get(0)).put("rate", 1340.0);
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "fxRates must start with the reference's rate USD/KRW 1340.2 (2024-03)");
    }

    @Test
    void anEditionWithoutDateFails() {
        TestRepo repo = fixtures();
        ObjectNode file = repo.readObject(Layout.FORECASTS);
        ((ObjectNode) file.path("forecasts").get(1)).putNull("edition");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "fixture-2023: is an edition of fixture-inference-chips but has no edition date");
        ((ObjectNode) file.path("forecasts").get(1)).put("edition", "2023-04").put("editionNotBefore", "2023");
        repo.write(Layout.FORECASTS, file);
        assertFails(repo, "fixture-2023: editionNotBefore is only for an undated edition");
    }
}
