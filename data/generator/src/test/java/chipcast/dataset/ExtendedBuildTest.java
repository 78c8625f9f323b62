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

    @Test
    void docsStateTheImportCountsTheBuildReports() throws Exception {
        String report = DatasetBuild.run(REPO, true).report().stream().filter(l -> l.startsWith("Epoch import: ")).findFirst()
                .orElseThrow();
        String docs = Files.readString(REPO.path("docs/data.md"));
        assertTrue(docs.contains(report), "docs/data.md must quote the Epoch import counts the extended build reports:\n"
                + report + "\n(the extended build prints it: " + BuildDataset.REGENERATE + " -Dexec.args=\"--extended --out /tmp/chipcast-extended\")");
    }

    @Test
    void theDefaultBuildIgnoresTheExtendedInputs(@TempDir Path dir) {
        TestRepo repo = allFixtures(dir);
        DatasetBuild.Result result = repo.build(false);
        assertEquals(List.of(), Comparison.differences(REPO, result.files()));
    }

    @Test
    void everyCuratedInputAtOnce(@TempDir Path dir) throws Exception {
        DatasetBuild.Result result = allFixtures(dir).build(true);

        JsonNode chip = TestRepo.chip(result, "fixture-accelerator-1");
        assertNotNull(chip);
        assertEquals("curated", chip.path("tier").asText());
        assertEquals(108, chip.path("memoryPhysicalGB").asInt());
        assertEquals(812.5, chip.path("denseTFLOPS").path("fp8").asDouble());
        assertEquals("https://example.com/fixture/datasheet-v1", chip.path("sources").get(0).path("url").asText());
        assertEquals("https://example.com/fixture/datasheet-r2", chip.path("sources").get(1).path("url").asText());
        assertEquals(2, chip.path("sources").size(), "the url fix's source is the corrected source itself");
        assertTrue(chip.path("notes").asText().endsWith("Corrected (audit): denseTFLOPS.fp8 800 -> 812.5: the revised "
                + "datasheet gives the exact figure. Corrected (audit): sources[0].url \"https://example.com/fixture/datasheet\" -> "
                + "\"https://example.com/fixture/datasheet-v1\": the datasheet moved."), chip.path("notes").asText());
        assertEquals(Mapper.MAPPER.readTree("[{\"kind\":\"derived\",\"usd\":25000,\"date\":\"2025-03\",\"source\":{\"title\":"
                + "\"Fixture system price list\",\"url\":\"https://example.com/fixture/prices\",\"asOf\":\"2025-03\"},"
                + "\"note\":\"an 8-accelerator system's price / 8\"}]"), chip.path("prices"));
        assertEquals("[]", TestRepo.chip(result, "nvidia-h100-sxm").path("prices").toString());

        JsonNode forecasts = TestRepo.tree(result, "forecasts.json");
        assertEquals(1000.0, forecasts.path("fxRates").get(0).path("rate").asDouble());
        assertEquals(4, forecasts.path("forecasts").size(), "data/sources/forecasts.json replaces the reference forecasts");
        assertEditions(forecasts, "fixture-2023", null, "fixture-2024");
        assertEditions(forecasts, "fixture-2024", "fixture-2023", "fixture-2025");
        assertEditions(forecasts, "fixture-2025", "fixture-2024", null);
        assertEditions(forecasts, "fixture-standalone", null, null);

        assertEquals(Files.readString(fixture("models.json")).replaceAll("\\s", ""),
                result.files().get("models.json").replaceAll("\\s", ""));
        assertEquals(2, TestRepo.tree(result, "benchmarks.json").size());
        assertTrue(result.files().get("benchmarks.json").contains("\"tokensPerSecond\": 1000.0"), "numbers kept as written");
    }

    private static void assertEditions(JsonNode forecasts, String id, String supersedes, String supersededBy) {
        for (JsonNode f : forecasts.path("forecasts")) {
            if (f.path("id").asText().equals(id)) {
                assertEquals(supersedes, f.path("supersedes").isNull() ? null : f.path("supersedes").asText(), id);
                assertEquals(supersededBy, f.path("supersededBy").isNull() ? null : f.path("supersededBy").asText(), id);
                return;
            }
        }
        throw new AssertionError("no forecast " + id);
    }

    static TestRepo allFixtures(Path dir) {
        return TestRepo.copyOf(REPO, dir).withFixture(Layout.CHIPS_ADDED).withFixture(Layout.CHIPS_AUDIT)
                .withFixture(Layout.CHIP_PRICES).withFixture(Layout.FORECASTS).withFixture(Layout.MODELS)
                .withFixture(Layout.BENCHMARKS);
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ExtendedBuildTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void aDefaultRunRestoresTheCommittedFilesAfterAnExtendedRun(@TempDir Path dir) throws Exception {
        allFixtures(dir);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, BuildDataset.run(new String[] {"--root", dir.toString(), "--extended"}, quiet, quiet));
        assertTrue(Files.exists(dir.resolve("data/benchmarks.json")));
        assertFalse(Arrays.equals(Files.readAllBytes(REPO.output("chips.json")), Files.readAllBytes(dir.resolve("data/chips.json"))));
        assertEquals(0, BuildDataset.run(new String[] {"--root", dir.toString()}, quiet, quiet));
        assertFalse(Files.exists(dir.resolve("data/benchmarks.json")));
        assertFalse(Files.exists(dir.resolve("data/models.json")));
        for (String name : DatasetBuild.DEFAULT_FILES) {
            assertArrayEquals(Files.readAllBytes(REPO.output(name)), Files.readAllBytes(dir.resolve("data").resolve(name)), name);
        }
    }
}
