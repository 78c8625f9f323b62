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
import java.util.HashSet;
import java.util.Set;

import static chipcast.dataset.CommittedDatasetTest.REPO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build of the repository's sources, and of every curated input replaced by its fixture. */
class CatalogueBuildTest {
    static final String EPOCH_TITLE = "Epoch AI, Machine Learning Hardware dataset (December 2025 copy), CC BY 4.0";

    @Test
    void theRepositorySourcesBuild() throws Exception {
        DatasetBuild.Result result = DatasetBuild.run(REPO);
        Set<String> ids = new HashSet<>();
        int epochOnly = 0;
        for (JsonNode c : TestRepo.tree(result, "chips.json")) {
            String id = c.path("id").asText();
            assertTrue(ids.add(id), id);
            assertTrue(c.has("tier") && c.has("prices") && c.has("fp64Kind") && c.has("epochName"), id);
            assertEquals(c.path("denseTFLOPS").path("fp64").isNull(), c.path("fp64Kind").isNull(), id);
            if (c.path("tier").asText().equals(Chip.TIER_EPOCH_ONLY)) {
                epochOnly++;
                assertEquals(1, c.path("sources").size(), id);
                assertEquals(EPOCH_TITLE, c.path("sources").get(0).path("title").asText());
                assertEquals(c.path("denseTFLOPS").path("fp64").isNull() ? "null" : "\"vector\"", c.path("fp64Kind").toString());
                assertTrue(c.path("notes").asText().contains("row '" + c.path("epochName").asText() + "'"));
                assertTrue(c.path("memoryGB").isNumber() && c.path("memoryBandwidthTBs").isNumber(),
                        id + ": an Epoch-only chip has memory and bandwidth");
            } else {
                assertEquals(Chip.TIER_CURATED, c.path("tier").asText());
            }
        }
        assertTrue(epochOnly > 0);
        for (String name : DatasetBuild.FILES) {
            assertNotNull(result.files().get(name), name);
        }
    }

    @Test
    void docsStateTheImportCountsTheBuildReports() throws Exception {
        String report = DatasetBuild.run(REPO).report().stream().filter(l -> l.startsWith("Epoch import: ")).findFirst()
                .orElseThrow();
        String docs = Files.readString(REPO.path("docs/data.md"));
        assertTrue(docs.contains(report), "docs/data.md must quote the Epoch import counts the build reports:\n"
                + report + "\n(the build prints it: " + BuildDataset.REGENERATE + " -Dexec.args=\"--out /tmp/chipcast\")");
    }

    @Test
    void everyCuratedInputAtOnce(@TempDir Path dir) throws Exception {
        DatasetBuild.Result result = allFixtures(dir).build();

        JsonNode chip = TestRepo.chip(result, "fixture-accelerator-1");
        assertNotNull(chip);
        assertEquals("curated", chip.path("tier").asText());
        assertEquals(108, chip.path("memoryPhysicalGB").asInt());
        assertEquals(812.5, chip.path("denseTFLOPS").path("fp8").asDouble());
        assertEquals("https://example.com/fixture/datasheet-v1", chip.path("sources").get(0).path("url").asText());
        assertEquals("https://example.com/fixture/datasheet-r2", chip.path("sources").get(1).path("url").asText());
        assertEquals(2, chip.path("sources").size(), "the url fix's source is the corrected source itself");
        assertTrue(chip.path("notes").asText().endsWith("Corrected (audit, confidence fixture): denseTFLOPS.fp8 800 -> 812.5: "
                + "the revised datasheet gives the exact figure. Corrected (audit, confidence fixture): sources[0].url "
                + "\"https://example.com/fixture/datasheet\" -> \"https://example.com/fixture/datasheet-v1\": the datasheet moved."),
                chip.path("notes").asText());
        assertEquals(Mapper.MAPPER.readTree("[{\"kind\":\"derived-from-system\",\"usd\":25000,\"date\":\"2025-03\",\"source\":"
                + "{\"title\":\"Fixture system price list\",\"url\":\"https://example.com/fixture/prices\",\"asOf\":\"2025-03\"},"
                + "\"note\":\"an 8-accelerator system's price / 8\"}]"), chip.path("prices"));
        assertEquals("[]", TestRepo.chip(result, "nvidia-l4").path("prices").toString());

        JsonNode forecasts = TestRepo.tree(result, "forecasts.json");
        assertEquals(1340.2, forecasts.path("fxRates").get(0).path("rate").asDouble());
        assertEquals(4 + TestRepo.tree(DatasetBuild.run(REPO), "forecasts.json").path("forecasts").size(),
                forecasts.path("forecasts").size(), "the fixture's forecasts are added to the repository's");
        assertEditions(forecasts, "fixture-2023", null, "fixture-2024");
        assertEditions(forecasts, "fixture-2024", "fixture-2023", "fixture-2025");
        assertEditions(forecasts, "fixture-2025", "fixture-2024", null);
        assertEditions(forecasts, "fixture-standalone", null, null);

        String fixtureModels = Files.readString(fixture("models.json")).replaceAll("\\s", "");
        assertTrue(result.files().get("models.json").replaceAll("\\s", "").startsWith(fixtureModels.substring(0, fixtureModels.length() - 1)));
        assertEquals("fixture-bench-2", TestRepo.tree(result, "benchmarks.json").get(1).path("id").asText());
        assertTrue(result.files().get("benchmarks.json").contains("\"tokensPerSecond\": 1000.0"), "numbers kept as written");
        assertEquals(1.5, TestRepo.tree(result, "chip-hour-prices.json").get(0).path("usdPerChipHour").asDouble());
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
                .withFixture(Layout.BENCHMARKS).withFixture(Layout.CHIP_HOUR_PRICES);
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(CatalogueBuildTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void aRunWritesWhatCheckThenAccepts(@TempDir Path dir) throws Exception {
        TestRepo.copyOf(REPO, dir);
        for (String name : DatasetBuild.FILES) {
            Files.delete(dir.resolve("data").resolve(name));
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1, BuildDataset.run(new String[] {"--root", dir.toString(), "--check"}, quiet, quiet));
        assertEquals(0, BuildDataset.run(new String[] {"--root", dir.toString()}, quiet, quiet));
        assertEquals(0, BuildDataset.run(new String[] {"--root", dir.toString(), "--check"}, quiet, quiet));
        for (String name : DatasetBuild.FILES) {
            assertArrayEquals(Files.readAllBytes(REPO.output(name)), Files.readAllBytes(dir.resolve("data").resolve(name)), name);
        }
    }
}
