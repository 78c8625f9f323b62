package chipcast.core.metrics;

import chipcast.core.json.Json;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One CloudWatch Embedded Metric Format document: a few metrics, the dimensions they are published under and a
 * few properties, written as one line of JSON with the project's mapper. CloudWatch Logs turns such a log event
 * into metric data points by itself: no client library, no API call, nothing to flush. The format is AWS's
 * "Specification: Embedded metric format" (the {@code _aws} member names the metrics, every dimension and metric
 * is a top-level member).
 */
public final class Emf {
    public static final String NAMESPACE = "ChipCast";

    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatch;

        Unit(String cloudWatch) {
            this.cloudWatch = cloudWatch;
        }
    }

    public record Metric(String name, Unit unit, double value) {
        public static Metric count(String name, long value) {
            return new Metric(name, Unit.COUNT, value);
        }

        public static Metric millis(String name, double value) {
            return new Metric(name, Unit.MILLISECONDS, value);
        }
    }

    /** Metrics published under each of the dimension sets. */
    private record Directive(List<List<String>> dimensionSets, List<Metric> metrics) {
    }

    private final long timestamp;
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Directive> directives = new ArrayList<>();
    private final Set<String> members = new HashSet<>();

    public Emf(long timestampMillis) {
        this.timestamp = timestampMillis;
    }

    /** A dimension's value; keep values bounded (a route key, an error code), never an id a client chooses. */
    public Emf dimension(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("dimension " + name + " needs a value");
        }
        if (!dimensions.containsKey(name)) {
            member(name);
        }
        dimensions.put(name, value);
        return this;
    }

    /** A member that is neither a dimension nor a metric: searchable in Logs Insights, no metric cost. */
    public Emf property(String name, String value) {
        member(name);
        properties.put(name, value);
        return this;
    }

    /** Publishes the metrics under each dimension set; every dimension a set names must be set on this document. */
    public Emf metrics(List<List<String>> dimensionSets, Metric... metrics) {
        for (List<String> set : dimensionSets) {
            for (String name : set) {
                if (!dimensions.containsKey(name)) {
                    throw new IllegalStateException("dimension " + name + " is not set");
                }
            }
        }
        for (Metric m : metrics) {
            member(m.name());
        }
        directives.add(new Directive(dimensionSets, List.of(metrics)));
        return this;
    }

    /** Every dimension, property and metric is one top-level member: a name may be used once. */
    private void member(String name) {
        if (!members.add(name)) {
            throw new IllegalStateException(name + " is already a member of this document");
        }
    }

    public Map<String, String> dimensions() {
        return Map.copyOf(dimensions);
    }

    /** The document as one line of JSON and its line end, ready for the log. */
    public byte[] toJsonLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp);
            json.writeArrayFieldStart("CloudWatchMetrics");
            for (Directive d : directives) {
                json.writeStartObject();
                json.writeStringField("Namespace", NAMESPACE);
                json.writeArrayFieldStart("Dimensions");
                for (List<String> set : d.dimensionSets()) {
                    json.writeStartArray();
                    for (String name : set) {
                        json.writeString(name);
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("Metrics");
                for (Metric m : d.metrics()) {
                    json.writeStartObject();
                    json.writeStringField("Name", m.name());
                    json.writeStringField("Unit", m.unit().cloudWatch);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            for (Map.Entry<String, String> e : dimensions.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : properties.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            for (Directive d : directives) {
                for (Metric m : d.metrics()) {
                    json.writeFieldName(m.name());
                    double v = m.value();
                    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                        json.writeNumber((long) v);
                    } else {
                        json.writeNumber(v);
                    }
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an EMF document", e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
