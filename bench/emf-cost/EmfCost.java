// Not part of the Maven build: bench/emf-cost/run.sh compiles and runs it against the libraries it compares.
import chipcast.core.json.Json;
import chipcast.core.metrics.Emf;
import java.io.*;
import java.lang.management.ManagementFactory;
import java.util.*;

/** One subject's cost in a fresh JVM: the first EMF document of a request (classes loaded, ms), then the next (us). */
public class EmfCost {
    record Warm(String id, String name, double value, List<String> tags) {}
    static final PrintStream REAL_OUT = System.out;

    public static void main(String[] args) throws Exception {
        String subject = args[0];
        // What a function has loaded by the time it publishes metrics: the mapper has written its answer and log line.
        Json.write(new Warm("nvidia-h100-sxm", "H100", 989.4, List.of("a", "b")));
        Json.write(Map.of("requestId", "x", "status", 200));
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(sink); // the libraries print to stdout
        long c0 = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long t0 = System.nanoTime();
        emit(subject, sink, 1);
        long t1 = System.nanoTime();
        long c1 = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        emit(subject, sink, 2);
        long t2 = System.nanoTime();
        System.err.println("RESULT " + subject + " first_ms=" + (t1 - t0) / 1e6 + " classes=" + (c1 - c0) + " second_us=" + (t2 - t1) / 1e3);
    }

    static void emit(String subject, PrintStream sink, int n) throws Exception {
        switch (subject) {
            case "own" -> {
                Emf doc = new Emf(System.currentTimeMillis()).dimension("function", "ChipSpecFunction").dimension("route", "GET /chips/{chipId}")
                        .metrics(List.of(List.of("function"), List.of("function", "route")), Emf.Metric.count("Requests", 1), Emf.Metric.millis("Latency", 21))
                        .metrics(List.of(List.of("function")), Emf.Metric.count("ClientErrors", 0), Emf.Metric.count("ServerErrors", 0), Emf.Metric.count("StoreCalls", 1));
                sink.write(doc.toJsonLine());
            }
            case "aws-emf" -> {
                var m = new software.amazon.cloudwatchlogs.emf.logger.MetricsLogger();
                m.setNamespace("ChipCast");
                m.setDimensions(software.amazon.cloudwatchlogs.emf.model.DimensionSet.of("function", "ChipSpecFunction"),
                        software.amazon.cloudwatchlogs.emf.model.DimensionSet.of("function", "ChipSpecFunction", "route", "GET /chips/{chipId}"));
                m.putMetric("Requests", 1, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
                m.putMetric("Latency", 21, software.amazon.cloudwatchlogs.emf.model.Unit.MILLISECONDS);
                m.flush();
                var f = new software.amazon.cloudwatchlogs.emf.logger.MetricsLogger();
                f.setNamespace("ChipCast");
                f.setDimensions(software.amazon.cloudwatchlogs.emf.model.DimensionSet.of("function", "ChipSpecFunction"));
                f.putMetric("ClientErrors", 0, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
                f.putMetric("ServerErrors", 0, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
                f.putMetric("StoreCalls", 1, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
                f.flush();
            }
            case "powertools" -> {
                var m = software.amazon.lambda.powertools.metrics.MetricsFactory.getMetricsInstance();
                m.setNamespace("ChipCast");
                m.setDefaultDimensions(software.amazon.lambda.powertools.metrics.model.DimensionSet.of("function", "ChipSpecFunction"));
                // Powertools refuses a dimension value with a space in it, so a route key cannot be one as it is.
                m.addDimension(software.amazon.lambda.powertools.metrics.model.DimensionSet.of("route", "GET-/chips/{chipId}"));
                m.addMetric("Requests", 1, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
                m.addMetric("Latency", 21, software.amazon.lambda.powertools.metrics.model.MetricUnit.MILLISECONDS);
                m.flush();
                m.clearDefaultDimensions();
                m.setDefaultDimensions(software.amazon.lambda.powertools.metrics.model.DimensionSet.of("function", "ChipSpecFunction"));
                m.addMetric("ClientErrors", 0, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
                m.addMetric("ServerErrors", 0, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
                m.addMetric("StoreCalls", 1, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
                m.flush();
            }
            default -> throw new IllegalArgumentException(subject);
        }
    }
}
