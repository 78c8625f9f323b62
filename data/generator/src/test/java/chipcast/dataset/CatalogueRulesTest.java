package chipcast.dataset;

import chipcast.dataset.chips.Chip;
import chipcast.dataset.epoch.EpochData;
import chipcast.dataset.epoch.EpochField;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static chipcast.dataset.CommittedDatasetTest.REPO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of docs/data.md ("Rules"), checked over every chip of the catalogue as built: each failure names the
 * chip and the rule, so a new chip that breaks one is fixed in its source file, not here.
 */
class CatalogueRulesTest {
    /** A number as sources write it: 1,835 / 2.25 / 157,3 (decimal comma) / 0.4733. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?");
    /** A source may give a figure in the next unit up or down (GFLOPS, PFLOPS, GB/s for TB/s). */
    private static final double[] SCALES = {1, 1000, 0.001};
    private static final List<String> FIGURES = List.of("memoryGB", "memoryPhysicalGB", "memoryBandwidthTBs", "tdpWatts",
            "interconnect.GBs");

    private static JsonNode chips;

    @BeforeAll
    static void build() {
        chips = TestRepo.tree(DatasetBuild.run(REPO), "chips.json");
    }

    @Test
    void theCatalogueHasAtLeastOneHundredChips() {
        assertTrue(chips.size() >= 100, chips.size() + " chips");
    }

    @Test
    void everyFigureIsQuotedBySomeSourceOfItsChip() {
        List<String> unsupported = new ArrayList<>();
        for (JsonNode c : chips) {
            List<BigDecimal> quoted = new ArrayList<>();
            c.path("sources").forEach(s -> quoted.addAll(numbers(s.path("supports").asText())));
            boolean sparseOnly = c.path("sourceGivesOnlySparse").asBoolean();
            List<String> paths = new ArrayList<>(FIGURES);
            Chip.PRECISIONS.forEach(p -> paths.add("denseTFLOPS." + p));
            for (String path : paths) {
                JsonNode v = at(c, path);
                if (v.isNumber() && !quotes(quoted, v.decimalValue(), sparseOnly && path.startsWith("denseTFLOPS."))) {
                    unsupported.add(c.path("id").asText() + " " + path + " " + v);
                }
            }
        }
        assertEquals(List.of(), unsupported, "figures no source's supports text quotes (in its unit, the next unit up or "
                + "down, or as the sparse value it is half of): quote them in the chip's sources");
    }

    @Test
    void denseAndSparseAreNeverMixed() {
        for (JsonNode c : chips) {
            String id = c.path("id").asText();
            assertEquals(Chip.PRECISIONS, names(c.path("denseTFLOPS")), id + ": the ten denseTFLOPS keys, in order");
            assertTrue(c.path("sourceGivesOnlySparse").isBoolean(), id);
            if (c.path("sourceGivesOnlySparse").asBoolean()) {
                assertTrue(c.path("sparseNote").isTextual(), id + ": halved sparse figures say so in sparseNote");
            }
        }
    }

    @Test
    void fp64IsTheVectorFigureAndSaysSo() {
        for (JsonNode c : chips) {
            String id = c.path("id").asText();
            boolean fp64 = c.path("denseTFLOPS").path("fp64").isNumber();
            assertEquals(fp64, !c.path("fp64Kind").isNull(), id + ": fp64Kind is set exactly when fp64 is");
            if (fp64) {
                assertEquals("vector", c.path("fp64Kind").asText(), id + ": fp64 is the vector figure (docs/data.md)");
            }
        }
    }

    @Test
    void launchDateIsTheAnnouncementOrTheNoteSaysWhatItIs() {
        EpochData epoch = EpochData.read(REPO);
        List<String> unexplained = new ArrayList<>();
        for (JsonNode c : chips) {
            String id = c.path("id").asText();
            String launch = c.path("launchDate").asText();
            assertTrue(launch.matches("\\d{4}(-\\d{2})?"), id + ": launchDate " + launch);
            String note = c.path("launchDateNote").asText("");
            if (c.path("tier").asText().equals(Chip.TIER_EPOCH_ONLY)) {
                assertTrue(note.contains("releases, not announcements"), id + ": an Epoch-only launchDate is a release date");
                continue;
            }
            String row = c.path("epochName").asText(null);
            String release = row == null ? "" : epoch.row(row).cell(EpochField.Columns.RELEASE);
            // A curated date that is Epoch's release month is an announcement only if the note says so, or says what it is.
            if (!release.isEmpty() && release.startsWith(launch) && !note.matches("(?is).*(announc|unveil|introduc|release|launch|GA|availab).*")) {
                unexplained.add(id + " " + launch);
            }
        }
        assertEquals(List.of(), unexplained, "curated chips whose launchDate is Epoch's release date without a note saying what it is");
    }

    @Test
    void epochOnlyChipsHaveMemoryBandwidthAndADenseTensorFigure() {
        for (JsonNode c : chips) {
            if (!c.path("tier").asText().equals(Chip.TIER_EPOCH_ONLY)) {
                continue;
            }
            String id = c.path("id").asText();
            assertTrue(c.path("memoryGB").isNumber() && c.path("memoryBandwidthTBs").isNumber(), id);
            JsonNode d = c.path("denseTFLOPS");
            assertTrue(List.of("tf32", "bf16", "fp16", "fp8", "fp4", "int8", "int4").stream().anyMatch(p -> d.path(p).isNumber()), id);
            assertEquals("single source (Epoch AI), not cross-checked", c.path("confidence").asText(), id);
            assertTrue(c.path("prices").isEmpty(), id + ": Epoch's prices are not imported");
        }
    }

    @Test
    void pricesAreSourcedAndDated() {
        for (JsonNode c : chips) {
            for (JsonNode p : c.path("prices")) {
                String id = c.path("id").asText();
                assertTrue(List.of("list", "street", "estimate", "derived-from-system").contains(p.path("kind").asText()), id);
                assertTrue(p.path("usd").doubleValue() > 0, id);
                assertTrue(p.path("source").path("url").asText().startsWith("http"), id);
                assertTrue(p.path("date").asText().matches("\\d{4}(-\\d{2}(-\\d{2})?)?"), id);
            }
        }
    }

    private static boolean quotes(List<BigDecimal> quoted, BigDecimal value, boolean halvedSparse) {
        for (BigDecimal n : quoted) {
            for (double scale : SCALES) {
                BigDecimal scaled = n.multiply(BigDecimal.valueOf(scale));
                if (scaled.compareTo(value) == 0 || (halvedSparse && scaled.compareTo(value.multiply(BigDecimal.valueOf(2))) == 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<BigDecimal> numbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String s = m.group();
            if (s.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                out.add(new BigDecimal(s.replace(",", "")));
                continue;
            }
            if (s.contains(",")) {
                out.add(new BigDecimal(s.replace(",", ".")));  // a decimal comma (157,3)
                out.add(new BigDecimal(s.substring(0, s.indexOf(','))));
                continue;
            }
            out.add(new BigDecimal(s));
        }
        return out;
    }

    private static JsonNode at(JsonNode chip, String path) {
        JsonNode node = chip;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
