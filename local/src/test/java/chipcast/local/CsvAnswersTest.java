package chipcast.local;

import chipcast.core.benchmark.BenchmarkCsv;
import chipcast.core.chip.ChipCsv;
import chipcast.core.csv.Csv;
import chipcast.core.forecast.ForecastCsv;
import chipcast.core.scenario.ScenarioCsv;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route that serves CSV, through its handler: the same rows as its JSON answer (same filters, same pages),
 * the header row of its row record, source and as-of cells on every row that carries a figure, the next page's
 * token in X-Next-Token, errors in JSON.
 */
class CsvAnswersTest {
    static final String CHIPS = "ChipSpecFunction";
    static final String FORECASTS = "ForecastFunction";
    static final String SCENARIOS = "ScenarioFunction";
    static final String BENCHMARKS = "BenchmarkFunction";

    record Answer(APIGatewayV2HTTPResponse response, List<Map<String, String>> rows, List<String> header) {
        String header(String name) {
            return response.getHeaders().get(name);
        }
    }

    static APIGatewayV2HTTPEvent get(String base, String route, Map<String, String> path, Map<String, String> query,
                                     String accept) {
        APIGatewayV2HTTPEvent event = GoldenAnswersTest.get(base, route, path, query);
        return accept == null ? event : accept(event, accept);
    }

    static APIGatewayV2HTTPEvent accept(APIGatewayV2HTTPEvent event, String accept) {
        return GoldenAnswersTest.accept(event, accept);
    }

    static Map<String, String> q(String... kv) {
        return GoldenAnswersTest.q(kv);
    }

    static Map<String, String> csv(String... kv) {
        Map<String, String> map = q(kv);
        map.put("format", "csv");
        return map;
    }

    /** A CSV answer read back with an RFC 4180 reader, each row as column -> cell. */
    static Answer csvAnswer(String function, APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = TestStack.invoke(function, event);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(Csv.CONTENT_TYPE, response.getHeaders().get("Content-Type"));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        String body = response.getBody();
        assertTrue(body.startsWith("\uFEFF"), "UTF-8 BOM");
        assertTrue(body.endsWith("\r\n"), "CRLF line ends");
        CsvMapper reader = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = reader.readerFor(String[].class).readValues(body.substring(1))) {
            it.forEachRemaining(lines::add);
        }
        List<String> header = List.of(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] line : lines.subList(1, lines.size())) {
            assertEquals(header.size(), line.length, "every row has every column");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < line.length; i++) {
                row.put(header.get(i), line[i]);
            }
            rows.add(row);
        }
        return new Answer(response, rows, header);
    }

    static JsonNode json(String function, APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = TestStack.invoke(function, event);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        return LocalJson.MAPPER.readTree(response.getBody());
    }

    /** The CSV cell of a JSON figure: empty for null. */
    static String cell(JsonNode figure) {
        return figure.isNull() ? "" : figure.asText();
    }

    /** Rows with a figure name where it comes from and the date it speaks for. */
    static void everyRowHasItsSource(Answer answer, String figureColumn) {
        assertFalse(answer.rows().isEmpty());
        for (Map<String, String> row : answer.rows()) {
            if (!row.get(figureColumn).isEmpty()) {
                assertFalse(row.get("source").isBlank() && row.get("sourceUrl").isBlank(), "a source: " + row);
                assertFalse(row.get("asOf").isBlank(), "an as-of date: " + row);
            }
        }
    }

    @Test
    void theChipListPagesLikeItsJsonWithTheNextTokenInAHeader() throws Exception {
        List<String> csvIds = new ArrayList<>();
        List<String> jsonIds = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> query = token == null ? csv("limit", "5") : csv("limit", "5", "nextToken", token);
            Answer page = csvAnswer(CHIPS, get("list-chips.json", "GET /chips", null, query, null));
            assertEquals(Csv.columns(ChipCsv.ChipRow.class), page.header());
            assertTrue(page.rows().size() <= 5);
            page.rows().forEach(r -> csvIds.add(r.get("id")));
            everyRowHasItsSource(page, "memoryGB");
            Map<String, String> jsonQuery = new LinkedHashMap<>(query);
            jsonQuery.remove("format");
            JsonNode json = json(CHIPS, get("list-chips.json", "GET /chips", null, jsonQuery, null));
            json.path("items").forEach(c -> jsonIds.add(c.path("id").asText()));
            assertEquals(json.path("nextToken").isNull() ? null : json.path("nextToken").asText(), page.header(Csv.NEXT_TOKEN_HEADER),
                    "the CSV page's next token is the JSON page's: one token works for either");
            token = page.header(Csv.NEXT_TOKEN_HEADER);
            pages++;
        } while (token != null);
        int chips = LocalJson.MAPPER.readTree(TestStack.ROOT.resolve("data/chips.json").toFile()).size();
        assertEquals(chips, csvIds.size(), "every chip of the dataset, once");
        assertEquals((chips + 4) / 5, pages, chips + " chips, 5 a page");
        assertEquals(jsonIds, csvIds);
    }

    @Test
    void theChipListFiltersAndFiguresAreTheJsons() throws Exception {
        Answer amd = csvAnswer(CHIPS, get("list-chips.json", "GET /chips", null, q("vendor", "amd", "workload", "both"), "text/csv"));
        JsonNode json = json(CHIPS, get("list-chips.json", "GET /chips", null, q("vendor", "amd", "workload", "both"), null));
        assertEquals(json.path("items").size(), amd.rows().size());
        assertNull(amd.header(Csv.NEXT_TOKEN_HEADER), "one page holds them all");
        for (int i = 0; i < amd.rows().size(); i++) {
            Map<String, String> row = amd.rows().get(i);
            JsonNode chip = json.path("items").get(i);
            assertEquals("amd", row.get("vendorKey"));
            assertEquals(cell(chip.path("memoryGB")), row.get("memoryGB"));
            assertEquals(cell(chip.path("denseTFLOPS").path("bf16")), row.get("denseTFLOPS.bf16"));
            assertEquals(cell(chip.path("denseTFLOPS").path("fp4")), row.get("denseTFLOPS.fp4"), "an unknown figure is an empty cell");
            assertEquals(chip.path("sources").size(), row.get("asOf").split(" \\| ", -1).length, "one as-of per source");
            assertEquals(chip.path("sources").get(0).path("title").asText(), row.get("source").split(" \\| ")[0]);
        }
    }

    @Test
    void aComparisonIsOneFigureOfOneChipARow() throws Exception {
        Map<String, String> ids = q("ids", "nvidia-h100-sxm,amd-mi300x,google-tpu-v6e");
        Answer compare = csvAnswer(CHIPS, get("list-chips.json", "GET /chips/compare", null, csv("ids", ids.get("ids")), null));
        assertEquals(Csv.columns(ChipCsv.CompareRow.class), compare.header());
        JsonNode json = json(CHIPS, get("list-chips.json", "GET /chips/compare", null, ids, null));
        int figures = json.path("chips").get(0).path("figures").size();
        assertEquals(3 * figures, compare.rows().size());
        for (Map<String, String> row : compare.rows()) {
            assertEquals("nvidia-h100-sxm", row.get("baseline"));
        }
        Map<String, String> mi300xBf16 = compare.rows().stream()
                .filter(r -> r.get("chipId").equals("amd-mi300x") && r.get("figure").equals("denseTFLOPS.bf16")).findFirst().orElseThrow();
        assertEquals(json.path("chips").get(1).path("ratioToBaseline").path("denseTFLOPS.bf16").asText(), mi300xBf16.get("ratioToBaseline"));
        everyRowHasItsSource(compare, "value");
    }

    @Test
    void forecastsTheirSeriesAndTheConsensus() throws Exception {
        Answer list = csvAnswer(FORECASTS, get("list-forecasts.json", "GET /forecasts", null, csv("market", "ai-inference-chips"), null));
        assertEquals(Csv.columns(ForecastCsv.PointRow.class), list.header());
        JsonNode forecasts = json(FORECASTS, get("list-forecasts.json", "GET /forecasts", null, q("market", "ai-inference-chips"), null));
        int points = 0;
        for (JsonNode f : forecasts.path("items")) {
            points += f.path("knownPoints").size();
        }
        assertEquals(points, list.rows().size(), "one row per published point");
        everyRowHasItsSource(list, "value");

        Map<String, String> path = Map.of("forecastId", "vmr-2024-inference-chips");
        Answer series = csvAnswer(FORECASTS, get("get-forecast.json", "GET /forecasts/{forecastId}", path,
                csv("currency", "KRW", "from", "2023", "to", "2025"), null));
        assertEquals(Csv.columns(ForecastCsv.SeriesRow.class), series.header());
        assertEquals(List.of("2023", "2024", "2025"), series.rows().stream().map(r -> r.get("year")).toList());
        Map<String, String> first = series.rows().get(0);
        assertEquals(List.of("21175.16", "reported", "15.8", "USD", "USD/KRW", "1340.2", "2024-03"), List.of(first.get("value"),
                first.get("kind"), first.get("publishedValue"), first.get("publishedCurrency"), first.get("fxPair"),
                first.get("fxRate"), first.get("fxAsOf")), "the seed article's KRW 21,175.16bn at 1,340.2");
        assertEquals("", series.rows().get(1).get("publishedValue"), "an interpolated year was not published");
        assertTrue(first.get("source").contains("시사위크"), "Korean text as published");
        everyRowHasItsSource(series, "value");

        Answer consensus = csvAnswer(FORECASTS, get("forecast-consensus.json", "GET /forecasts/consensus", null,
                csv("market", "ai-inference-chips", "from", "2029", "to", "2030"), null));
        assertEquals(Csv.columns(ForecastCsv.ConsensusRow.class), consensus.header());
        JsonNode years = json(FORECASTS, get("forecast-consensus.json", "GET /forecasts/consensus", null,
                q("market", "ai-inference-chips", "from", "2029", "to", "2030"), null)).path("years");
        assertEquals(years.size(), consensus.rows().size());
        for (int i = 0; i < years.size(); i++) {
            Map<String, String> row = consensus.rows().get(i);
            assertEquals(years.get(i).path("median").asText(), row.get("median"));
            assertEquals(years.get(i).path("count").asInt(), row.get("forecastIds").split(" \\| ").length);
            assertEquals(years.get(i).path("count").asInt(), row.get("asOf").split(" \\| ", -1).length, "one as-of per forecast");
        }
        everyRowHasItsSource(consensus, "median");
    }

    /** A forecast of one value and no growth rate has no CAGR: its row leaves the cell empty (it was a 500, a null unboxed). */
    @Test
    void aForecastWithOneValueAndNoGrowthRateHasAnEmptyCagrCell() throws Exception {
        Map<String, String> path = Map.of("forecastId", "yole-2022-dc-processors");
        JsonNode report = json(FORECASTS, get("get-forecast.json", "GET /forecasts/{forecastId}", path, null, null));
        assertTrue(report.path("cagrPercent").isNull(), report.toString());
        Answer series = csvAnswer(FORECASTS, get("get-forecast.json", "GET /forecasts/{forecastId}", path, csv(), null));
        assertEquals(1, series.rows().size());
        assertEquals("", series.rows().get(0).get("cagrPercent"));
        assertEquals(report.path("cagrBasis").asText(), series.rows().get(0).get("cagrBasis"));
    }

    @Test
    void scenarioComparisonsAdHocAndStored() throws Exception {
        for (String[] c : new String[][]{{"compare-training.json", "training"}, {"compare-inference.json", "inference"},
                {"compare-market.json", "market"}}) {
            APIGatewayV2HTTPEvent event = TestStack.event(c[0]);
            event.setQueryStringParameters(Map.of("format", "csv"));
            Answer answer = csvAnswer(SCENARIOS, event);
            JsonNode json = json(SCENARIOS, TestStack.event(c[0]));
            Class<? extends Record> type = switch (c[1]) {
                case "training" -> ScenarioCsv.TrainingRow.class;
                case "inference" -> ScenarioCsv.InferenceRow.class;
                default -> ScenarioCsv.MarketRow.class;
            };
            assertEquals(Csv.columns(type), answer.header(), c[1]);
            if (c[1].equals("market")) {
                JsonNode years = json.path("result").path("years");
                assertEquals(years.size() * json.path("result").path("forecastIds").size(), answer.rows().size());
                everyRowHasItsSource(answer, "value");
            } else {
                assertEquals(json.path("result").path("options").size(), answer.rows().size(), c[1]);
                everyRowHasItsSource(answer, "chipId");
            }
            answer.rows().forEach(r -> assertEquals("", r.get("scenarioId"), "an ad-hoc comparison has no id"));
        }
        // POST with Accept: text/csv and no format parameter
        Answer accepted = csvAnswer(SCENARIOS, accept(TestStack.event("compare-training.json"), "text/csv"));
        assertEquals(Csv.columns(ScenarioCsv.TrainingRow.class), accepted.header());

        for (String id : List.of("gtc-2024-training", "gtc-2024-inference-30x", "vmr-vs-kb-2030")) {
            Answer stored = csvAnswer(SCENARIOS, get("get-scenario.json", "GET /scenarios/{scenarioId}/comparison",
                    Map.of("scenarioId", id), csv(), null));
            assertNotBlank(stored.header("ETag"));
            stored.rows().forEach(r -> assertEquals(id, r.get("scenarioId")));
        }
    }

    @Test
    void theBenchmarkListPagesLikeItsJsonEachResultWithItsWholeSource() throws Exception {
        for (Map<String, String> filters : List.of(q(), q("chipId", "nvidia-h100-sxm", "model", "llama-2-70b"),
                q("sourceKind", "inferencex", "workload", "1k/1k"), q("scenario", "server"))) {
            List<String> csvIds = new ArrayList<>();
            List<JsonNode> jsonItems = new ArrayList<>();
            String token = null;
            do {
                Map<String, String> query = new LinkedHashMap<>(filters);
                query.put("limit", "7");
                if (token != null) {
                    query.put("nextToken", token);
                }
                JsonNode json = json(BENCHMARKS, get("list-benchmarks.json", "GET /benchmarks", null, query, null));
                json.path("items").forEach(jsonItems::add);
                // The same page as CSV, asked with Accept on every other filter set and with format=csv on the rest.
                boolean byAccept = filters.size() % 2 == 1;
                Map<String, String> csvQuery = new LinkedHashMap<>(query);
                if (!byAccept) {
                    csvQuery.put("format", "csv");
                }
                Answer page = csvAnswer(BENCHMARKS, get("list-benchmarks.json", "GET /benchmarks", null, csvQuery,
                        byAccept ? "text/csv" : null));
                assertEquals(Csv.columns(BenchmarkCsv.BenchmarkRow.class), page.header());
                page.rows().forEach(r -> csvIds.add(r.get("id")));
                assertEquals(json.path("nextToken").isNull() ? null : json.path("nextToken").asText(),
                        page.header(Csv.NEXT_TOKEN_HEADER), "one token works for either: " + filters);
                token = page.header(Csv.NEXT_TOKEN_HEADER);
                for (int i = 0; i < page.rows().size(); i++) {
                    Map<String, String> row = page.rows().get(i);
                    JsonNode b = json.path("items").get(i);
                    JsonNode source = b.path("source");
                    for (String field : List.of("repository", "path", "commit", "licence", "attribution")) {
                        assertEquals(cell(source.path(field)), row.get(field), field + " of " + row.get("id"));
                        assertFalse(row.get(field).isBlank(), "every result names its " + field + ": " + row.get("id"));
                    }
                    assertEquals(cell(source.path("url")), row.get("sourceUrl"));
                    assertEquals(cell(source.path("title")), row.get("source"));
                    assertEquals(cell(source.path("asOf")), row.get("asOf"));
                    assertEquals(cell(b.path("throughputPerChip")), row.get("throughputPerChip"));
                    assertEquals(cell(b.path("latency").path("tpotMedianMs")), row.get("tpotMedianMs"));
                    double generated = b.path("sourceKind").asText().equals("inferencex")
                            ? b.path("outputThroughput").path("value").asDouble() / b.path("acceleratorCount").asInt()
                            : b.path("throughputPerChip").asDouble();
                    assertEquals(generated, Double.parseDouble(row.get("generatedTokensPerSecondPerChip")), 1e-9,
                            "generated tokens per chip: " + row.get("id"));
                }
            } while (token != null);
            assertFalse(csvIds.isEmpty(), "results for " + filters);
            assertEquals(jsonItems.stream().map(b -> b.path("id").asText()).toList(), csvIds, "the JSON's results, in order");
        }
        APIGatewayV2HTTPResponse bad = TestStack.invoke(BENCHMARKS, get("list-benchmarks.json", "GET /benchmarks", null,
                csv("scenario", "Server", "workload", "1k/1k"), "text/csv"));
        assertEquals(400, bad.getStatusCode());
        assertEquals("application/json", bad.getHeaders().get("Content-Type"), "errors stay JSON");
        APIGatewayV2HTTPResponse one = TestStack.invoke(BENCHMARKS, get("get-benchmark.json", "GET /benchmarks/{benchmarkId}",
                Map.of("benchmarkId", "mlperf-v5.1-nvidia-b200-sxm-180gbx8-trt-llama2-70b-99-offline"), q("format", "csv"), null));
        assertEquals(400, one.getStatusCode(), "one result serves no CSV, so format is an unknown parameter there");
    }

    @Test
    void errorsStayJsonAndFormatIsCheckedWhereCsvIsServedOnly() throws Exception {
        APIGatewayV2HTTPResponse unknown = TestStack.invoke(CHIPS, get("list-chips.json", "GET /chips/compare", null,
                csv("ids", "nvidia-h100-sxm,nvidia-h900"), "text/csv"));
        assertEquals(404, unknown.getStatusCode());
        assertEquals("application/json", unknown.getHeaders().get("Content-Type"));
        assertEquals("CHIP_NOT_FOUND", LocalJson.MAPPER.readTree(unknown.getBody()).path("error").path("code").asText());

        APIGatewayV2HTTPResponse bad = TestStack.invoke(FORECASTS, get("get-forecast.json", "GET /forecasts/{forecastId}",
                Map.of("forecastId", "vmr-2024-inference-chips"), q("format", "xlsx"), null));
        assertEquals(400, bad.getStatusCode());
        assertEquals("format", LocalJson.MAPPER.readTree(bad.getBody()).path("error").path("parameter").asText());

        APIGatewayV2HTTPResponse oneChip = TestStack.invoke(CHIPS, get("get-chip.json", "GET /chips/{chipId}",
                Map.of("chipId", "nvidia-h100-sxm"), q("format", "csv"), null));
        assertEquals(400, oneChip.getStatusCode(), "GET /chips/{chipId} serves no CSV, so format is an unknown parameter");

        APIGatewayV2HTTPResponse acceptOnly = TestStack.invoke(CHIPS, get("get-chip.json", "GET /chips/{chipId}",
                Map.of("chipId", "nvidia-h100-sxm"), null, "text/csv"));
        assertEquals(200, acceptOnly.getStatusCode());
        assertEquals("application/json", acceptOnly.getHeaders().get("Content-Type"), "no CSV there: JSON, whatever Accept says");

        APIGatewayV2HTTPResponse neither = TestStack.invoke(CHIPS, get("list-chips.json", "GET /chips", null, q("limit", "1"), "text/html"));
        assertEquals("application/json", neither.getHeaders().get("Content-Type"), "an Accept of neither falls back to JSON");
        APIGatewayV2HTTPResponse json = TestStack.invoke(CHIPS, get("list-chips.json", "GET /chips", null,
                q("limit", "1", "format", "json"), "text/csv"));
        assertEquals("application/json", json.getHeaders().get("Content-Type"), "format=json wins over Accept");
    }

    @Test
    void theOpenApiDocumentGivesEachRowShapesHeader() throws Exception {
        String openapi = java.nio.file.Files.readString(TestStack.ROOT.resolve("docs/openapi.yaml"));
        for (Class<? extends Record> type : List.of(ChipCsv.ChipRow.class, ChipCsv.CompareRow.class, ForecastCsv.PointRow.class,
                ForecastCsv.SeriesRow.class, ForecastCsv.ConsensusRow.class, ScenarioCsv.TrainingRow.class,
                ScenarioCsv.InferenceRow.class, ScenarioCsv.MarketRow.class, BenchmarkCsv.BenchmarkRow.class)) {
            assertTrue(openapi.contains("\"" + String.join(",", Csv.columns(type)) + "\\r\\n\""),
                    "docs/openapi.yaml gives the header row of " + type.getSimpleName() + " as an example: "
                            + String.join(",", Csv.columns(type)));
        }
    }

    static void assertNotBlank(String value) {
        assertTrue(value != null && !value.isBlank());
    }
}
