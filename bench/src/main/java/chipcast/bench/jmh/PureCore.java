package chipcast.bench.jmh;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastCalculator;
import chipcast.core.forecast.ForecastReport;
import chipcast.core.forecast.ForecastReports;
import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.KnownPoint;
import chipcast.core.json.Json;
import chipcast.core.scenario.Architecture;
import chipcast.core.scenario.ChipFigures;
import chipcast.core.scenario.InferenceCalculator;
import chipcast.core.scenario.InferenceInputs;
import chipcast.core.scenario.InferenceRequest;
import chipcast.core.scenario.ModelPreset;
import chipcast.core.scenario.TrainingCalculator;
import chipcast.core.scenario.TrainingRequest;
import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The pure core, no store: forecast series, scenario maths and JSON, on the bundled dataset's figures. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PureCore {
    private static final ChipFigures H100 = new ChipFigures("nvidia-h100-sxm", "H100 SXM5 80GB", 700.0, 80.0, 3.35,
            dense(33.5, 66.9, 494.7, 989.4, 989.4, 1978.9, null, null, 1978.9, null));
    private static final ChipFigures B200 = new ChipFigures("nvidia-b200", "B200 (HGX B200, 1000 W)", 1000.0, 180.0, 7.7,
            dense(40.0, 80.0, 1100.0, 2250.0, 2250.0, 4500.0, 4500.0, 9000.0, 4500.0, null));

    private final List<KnownPoint> articlePoints = List.of(new KnownPoint(2023, 15.8), new KnownPoint(2030, 90.6));
    private InferenceRequest llama70;
    /** Issue 12's speed goal: an inference comparison of 10 options, each with a 50-point concurrency sweep. */
    private InferenceRequest tenOptionsFiftyPoints;
    private final TrainingRequest gtcClusters = new TrainingRequest(List.of(
            new TrainingRequest.Option("Hopper", H100, 8000, 25_000.0),
            new TrainingRequest.Option("Blackwell", B200, 2000, null)), null, null, 90.0, null, null, null, null);
    private List<Forecast> forecasts;
    private List<FxRate> rates;
    private Forecast forecast;
    private String storedForecast;
    private ForecastReport report;

    @Setup
    public void load() throws Exception {
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        JsonNode dataset = Json.MAPPER.readTree(Files.readString(root.resolve("data/forecasts.json")));
        forecasts = new ArrayList<>();
        for (JsonNode f : dataset.get("forecasts")) {
            forecasts.add(Json.readStored(Json.write(f), Forecast.class));
        }
        rates = new ArrayList<>();
        for (JsonNode r : dataset.get("fxRates")) {
            rates.add(Json.readStored(Json.write(r), FxRate.class));
        }
        forecast = forecasts.get(0);
        ModelPreset llama = null;
        for (ModelPreset m : Json.readBundled(Files.readAllBytes(root.resolve("data/models.json")), ModelPreset[].class)) {
            if (m.id().equals("llama-3.1-70b")) {
                llama = m;
            }
        }
        Architecture arch = Architecture.of(llama);
        InferenceRequest.Workload oneK = InferenceInputs.WORKLOADS.get("1k/1k");
        llama70 = new InferenceRequest(arch, null, oneK, 8L, null, 10_000.0, List.of(option("H100", H100, null),
                option("B200", B200, null)), null, null, null, null, null, null, null, null, null, null, null, null,
                llama.maxContext());
        List<InferenceRequest.Option> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(option("option " + i, i % 2 == 0 ? H100 : B200, 1 << (i % 4)));
        }
        tenOptionsFiftyPoints = new InferenceRequest(arch, null, oneK, null, 25.0, 1e6, ten, null, null, null, null,
                null, null, null, null, null, null, 50, null, llama.maxContext());
        storedForecast = Json.write(forecast);
        report = ForecastReports.forecast(forecast, rates, "USD", null, null);
    }

    private static InferenceRequest.Option option(String name, ChipFigures chip, Integer chips) {
        return new InferenceRequest.Option(name, chip, chips, null, null, null,
                null, null, List.of(), null);
    }

    private static Map<String, Double> dense(Double fp64, Double fp32, Double tf32, Double bf16, Double fp16, Double fp8,
                                             Double fp6, Double fp4, Double int8, Double int4) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("fp64", fp64);
        m.put("fp32", fp32);
        m.put("tf32", tf32);
        m.put("bf16", bf16);
        m.put("fp16", fp16);
        m.put("fp8", fp8);
        m.put("fp6", fp6);
        m.put("fp4", fp4);
        m.put("int8", int8);
        m.put("int4", int4);
        return m;
    }

    @Benchmark
    public Object forecastSeriesFromPoints() {
        return ForecastCalculator.fromPoints(articlePoints, null, 2023, 2032);
    }

    @Benchmark
    public Object forecastReportInKrw() {
        return ForecastReports.forecast(forecast, rates, "KRW", null, null);
    }

    @Benchmark
    public Object inferenceSizing() {
        return InferenceCalculator.calculate(llama70);
    }

    @Benchmark
    public Object inferenceTenOptionsFiftyPointSweep() {
        return InferenceCalculator.calculate(tenOptionsFiftyPoints);
    }

    @Benchmark
    public Object trainingClusters() {
        return TrainingCalculator.calculate(gtcClusters);
    }

    @Benchmark
    public String jsonWriteForecastReport() {
        return Json.write(report);
    }

    @Benchmark
    public Object jsonReadStoredForecast() {
        return Json.readStored(storedForecast, Forecast.class);
    }
}
