package chipcast.core.scenario;

import chipcast.core.benchmark.Benchmark;
import chipcast.core.benchmark.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inference model against every measured result of the committed dataset: the bound is never below a
 * measurement, the served calibration is what the fit gives, and docs/scenarios.md shows the current error table.
 */
class ValidationTest {
    static List<Benchmark> benchmarks;
    static ValidationReport report;

    @BeforeAll
    static void run() {
        benchmarks = TestData.benchmarks();
        report = Validation.report(benchmarks, TestData.figures(), TestData.reference()::model);
    }

    @Test
    void theBoundIsNeverBelowAMeasurement() {
        assertTrue(report.results().size() >= 60, report.results().size() + " results validated");
        for (ValidationReport.Row r : report.results()) {
            assertTrue(r.boundTokensPerSecondPerChip() >= r.measuredTokensPerSecondPerChip(), r.benchmarkId()
                    + ": bound " + r.boundTokensPerSecondPerChip() + " < measured " + r.measuredTokensPerSecondPerChip());
        }
    }

    @Test
    void everyResultIsValidatedOrExcludedWithItsReason() {
        assertEquals(benchmarks.size(), report.results().size() + report.excluded().size());
        report.excluded().forEach(e -> assertTrue(e.reason() != null && !e.reason().isBlank(), e.benchmarkId()));
    }

    @Test
    void theServedCalibrationIsTheFitOnTheCommittedData() {
        ValidationReport.Fit fit = Validation.fitAll(benchmarks, TestData.figures(), TestData.reference()::model);
        Calibration served = Calibration.SERVED;
        String update = "Calibration.SERVED must be the fit on data/benchmarks.json: set it to ("
                + fit.bandwidthEfficiency() + ", " + fit.computeEfficiency() + ", " + fit.stepOverheadMs() + ")";
        assertEquals(fit.bandwidthEfficiency(), served.bandwidthEfficiency(), 0.005 * fit.bandwidthEfficiency(), update);
        assertEquals(fit.computeEfficiency(), served.computeEfficiency(), 0.005 * fit.computeEfficiency(), update);
        assertEquals(fit.stepOverheadMs(), served.stepOverheadMs(), 0.005 * fit.stepOverheadMs(), update);
        assertEquals(report.inSample().results(), fit.fittedOn());
    }

    @Test
    void fittedInputLengthsStayWithinTheRulesMaximum() {
        for (ValidationReport.FittedInput f : report.fittedInputTokens()) {
            assertTrue(f.fittedInputTokens() >= 0 && f.fittedInputTokens() <= f.maxInputTokens(), f.model());
        }
    }

    /** The table docs/scenarios.md shows; written to target/validation.md and required verbatim in the docs. */
    @Test
    void docsShowTheCurrentErrorTable() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| split | calibrated on | reported on | results | median abs error | worst abs error |");
        lines.add("| --- | --- | --- | ---: | ---: | ---: |");
        lines.add(line("in sample", "all usable results", "the same", report.inSample()));
        for (ValidationReport.Split s : report.outOfSample()) {
            lines.add(line(s.name(), s.calibratedOn(), s.reportedOn(), s.errors()));
        }
        lines.add("");
        lines.add("| result | chip | scenario | measured | bound | estimate | error |");
        lines.add("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        for (ValidationReport.Row r : report.results()) {
            lines.add("| " + r.benchmarkId() + " | " + r.chipId() + " | " + r.scenario() + " | "
                    + whole(r.measuredTokensPerSecondPerChip()) + " | " + whole(r.boundTokensPerSecondPerChip()) + " | "
                    + whole(r.estimateTokensPerSecondPerChip()) + " | " + (r.inFit() ? "" : "(not fitted) ")
                    + String.format(Locale.ROOT, "%+.0f%%", r.estimateError() * 100) + " |");
        }
        lines.add("");
        lines.add("| MLPerf benchmark | fitted effective prompt tokens | the rules' maximum |");
        lines.add("| --- | ---: | ---: |");
        for (ValidationReport.FittedInput f : report.fittedInputTokens()) {
            lines.add("| " + f.model() + " | " + whole(f.fittedInputTokens()) + " | " + whole(f.maxInputTokens()) + " |");
        }
        String table = String.join("\n", lines) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/validation.md"), table);
        String docs = Files.readString(TestData.DATA.getParent().resolve("docs/scenarios.md"));
        assertTrue(docs.contains(table), "docs/scenarios.md must contain the validation table of target/validation.md"
                + " (the data or the model changed):\n" + table);
    }

    private static String line(String name, String on, String reported, ValidationReport.Errors e) {
        return "| " + name + " | " + on + " | " + reported + " | " + e.results() + " | " + pct(e.medianAbsError())
                + " | " + pct(e.worstAbsError()) + " |";
    }

    private static String whole(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
