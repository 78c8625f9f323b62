package chipcast.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static chipcast.local.ChipSpecHandlerTest.assertError;
import static chipcast.local.ChipSpecHandlerTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's routes: GET /vendors, /markets, /fx-rates, /claims, /claims/{claimId} (paged, sourced, never a Scan), the
 * consensus's editions, the extrapolation cap, a market comparison's warnings, and prices served with the chips.
 */
class DiscoveryRoutesTest {
    static APIGatewayV2HTTPResponse get(String function, String event, String route, Map<String, String> path,
                                        Map<String, String> query) {
        return TestStack.invoke(function, TestStack.event(event, route, path, query, null));
    }

    /** Every item of a listing, page by page; each page's DynamoDB requests are checked by {@code perPage}. */
    static List<JsonNode> pageThrough(String function, String event, String route, int limit, Map<String, Integer> perPage)
            throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", Integer.toString(limit)));
            if (token != null) {
                query.put("nextToken", token);
            }
            TestStack.resetCounter();
            JsonNode page = body(get(function, event, route, null, query));
            assertEquals(perPage, TestStack.COUNTER.snapshot(), route + ": requests per page, never a Scan");
            page.path("items").forEach(items::add);
            assertTrue(page.path("items").size() <= limit);
            token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText();
            assertTrue(++pages < 100);
        } while (token != null);
        return items;
    }

    @Test
    void vendorsCoverEveryChipOnceWithoutATableRead() throws Exception {
        List<JsonNode> vendors = pageThrough("ChipSpecFunction", "list-vendors.json", "GET /vendors", 5, Map.of());
        Set<String> chips = new HashSet<>();
        int count = 0;
        for (JsonNode v : vendors) {
            v.path("chipIds").forEach(id -> assertTrue(chips.add(id.asText()), "one chip, one vendor: " + id));
            assertEquals(v.path("chipIds").size(), v.path("chipCount").asInt());
            assertEquals(v.path("chipCount").asInt(), v.path("curatedCount").asInt() + v.path("epochOnlyCount").asInt());
            assertEquals("/chips?vendor=" + v.path("vendorKey").asText(), v.path("chipsListing").asText());
            assertFalse(v.path("source").asText().isBlank());
            count += v.path("chipCount").asInt();
        }
        assertEquals(DatasetCounts.chips(), count);
        JsonNode nvidia = vendors.stream().filter(v -> v.path("vendorKey").asText().equals("nvidia")).findFirst().orElseThrow();
        JsonNode listed = body(ChipSpecHandlerTest.get("GET /chips", null, Map.of("vendor", "nvidia", "limit", "100")));
        assertEquals(nvidia.path("chipCount").asInt(), listed.path("items").size(), "the vendor's count is its listing's");
    }

    @Test
    void aTokenOfOneListingIsRefusedByAnother() throws Exception {
        String chipsToken = body(ChipSpecHandlerTest.get("GET /chips", null, Map.of("limit", "2"))).path("nextToken").asText();
        assertError(get("ChipSpecFunction", "list-vendors.json", "GET /vendors", null, Map.of("nextToken", chipsToken)),
                400, "INVALID_PARAMETER", "nextToken");
        String vendorsToken = body(get("ChipSpecFunction", "list-vendors.json", "GET /vendors", null, Map.of("limit", "2")))
                .path("nextToken").asText();
        assertError(ChipSpecHandlerTest.get("GET /chips", null, Map.of("nextToken", vendorsToken)), 400, "INVALID_PARAMETER",
                "nextToken");
        assertError(get("ScenarioFunction", "list-claims.json", "GET /claims", null, Map.of("nextToken", chipsToken)),
                400, "INVALID_PARAMETER", "nextToken");
        assertError(get("ForecastFunction", "list-markets.json", "GET /markets", null, Map.of("nextToken", "not.ours")),
                400, "INVALID_PARAMETER", "nextToken");
        assertError(get("ForecastFunction", "list-fx-rates.json", "GET /fx-rates", null, Map.of("limit", "0")),
                400, "INVALID_PARAMETER", "limit");
        assertError(get("ForecastFunction", "list-fx-rates.json", "GET /fx-rates", null, Map.of("quote", "KRW")),
                400, "INVALID_PARAMETER", "quote");
    }

    @Test
    void marketsCountEveryForecastAndTheirLatestEditions() throws Exception {
        List<JsonNode> markets = pageThrough("ForecastFunction", "list-markets.json", "GET /markets", 2, Map.of());
        assertEquals(DatasetCounts.markets(), markets.size());
        int forecasts = 0;
        for (JsonNode m : markets) {
            String key = m.path("key").asText();
            assertEquals(m.path("forecastCount").asInt(), m.path("forecasts").size(), key);
            long latest = 0;
            for (JsonNode f : m.path("forecasts")) {
                latest += f.path("latestEdition").asBoolean() ? 1 : 0;
                assertTrue(f.path("firstYear").asInt() >= m.path("firstYear").asInt(), key);
                assertTrue(f.path("lastYear").asInt() <= m.path("lastYear").asInt(), key);
            }
            assertEquals(latest, m.path("latestEditionCount").asInt(), key);
            assertFalse(m.path("covers").asText().isBlank(), key);
            JsonNode listed = body(TestStack.invoke("ForecastFunction", TestStack.event("list-forecasts.json", "GET /forecasts",
                    null, Map.of("market", key), null)));
            assertEquals(m.path("forecastCount").asInt(), listed.path("items").size(), key + ": the count is its listing's");
            forecasts += m.path("forecastCount").asInt();
        }
        assertEquals(DatasetCounts.forecasts(), forecasts);
    }

    @Test
    void fxRatesAreDatedAndSourcedAndStartWithTheArticlesRate() throws Exception {
        List<JsonNode> rates = pageThrough("ForecastFunction", "list-fx-rates.json", "GET /fx-rates", 2, Map.of("Query", 1));
        assertEquals(DatasetCounts.tree("data/forecasts.json").path("fxRates").size(), rates.size());
        assertTrue(rates.stream().anyMatch(r -> r.path("rate").asDouble() == 1340.2 && r.path("asOf").asText().equals("2024-03")),
                "the rate the Sisa Week article's KRW figures imply");
        rates.forEach(r -> assertFalse(r.path("source").path("title").asText().isBlank(), r.toString()));
    }

    @Test
    void claimsAreListedInIdOrderAndServedOneByOne() throws Exception {
        List<JsonNode> claims = pageThrough("ScenarioFunction", "list-claims.json", "GET /claims", 4, Map.of());
        assertEquals(DatasetCounts.tree("data/claims.json").size(), claims.size());
        List<String> ids = claims.stream().map(c -> c.path("id").asText()).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        claims.forEach(c -> assertFalse(c.path("source").path("title").asText().isBlank(), c.path("id").asText()));
        String dotted = "nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000";
        JsonNode one = body(get("ScenarioFunction", "get-claim.json", "GET /claims/{claimId}", Map.of("claimId", dotted), null));
        assertEquals(dotted, one.path("id").asText());
        assertError(get("ScenarioFunction", "get-claim.json", "GET /claims/{claimId}", Map.of("claimId", "no-such-claim"), null),
                404, "CLAIM_NOT_FOUND", null);
        assertError(get("ScenarioFunction", "get-claim.json", "GET /claims/{claimId}", Map.of("claimId", "a..b"), null),
                400, "INVALID_PARAMETER", "claimId");
    }

    @Test
    void theConsensusCountsTheLatestEditionsUnlessAskedForAll() throws Exception {
        JsonNode latest = body(ForecastHandlerTest.consensus(Map.of("market", "ai-semiconductors")));
        JsonNode all = body(ForecastHandlerTest.consensus(Map.of("market", "ai-semiconductors", "editions", "all")));
        assertEquals("latest", latest.path("editions").asText());
        assertEquals("all", all.path("editions").asText());
        Set<String> counted = new HashSet<>();
        latest.path("sources").forEach(s -> counted.add(s.path("id").asText()));
        assertTrue(counted.contains("gartner-2024-ai-semis") && !counted.contains("gartner-2023-ai-semis"), counted.toString());
        assertTrue(latest.path("superseded").toString().contains("\"gartner-2023-ai-semis\""));
        assertEquals(counted.size() + latest.path("superseded").size(), all.path("sources").size(),
                "editions=all counts the latest editions and the superseded ones");
        assertTrue(all.path("computedOnTheFly").asText().contains("editions=all"));
        JsonNode inference = body(ForecastHandlerTest.consensus(Map.of("market", "ai-inference-chips")));
        assertTrue(inference.path("warnings").toString().contains("DataHorizzon Research is counted 2 times"),
                inference.path("warnings").toString());
        assertError(ForecastHandlerTest.consensus(Map.of("market", "ai-inference-chips", "editions", "newest")), 400,
                "INVALID_PARAMETER", "editions");
    }

    @Test
    void extrapolationStopsTenYearsPastTheLastKnownPointAndBackcastsAreMarked() throws Exception {
        JsonNode far = body(ForecastHandlerTest.forecast("vmr-2024-inference-chips", Map.of("from", "2020", "to", "2040")));
        JsonNode x = far.path("extrapolation");
        assertEquals(10, x.path("maxYearsPastLastKnown").asInt());
        assertEquals(2040, x.path("lastAllowedYear").asInt());
        assertEquals(10, x.path("forwardYears").size());
        assertEquals("[2020,2021,2022]", x.path("backcastYears").toString());
        assertError(ForecastHandlerTest.forecast("vmr-2024-inference-chips", Map.of("to", "2041")), 400, "INVALID_PARAMETER", "to");
        // one published value and no stated CAGR: that year only
        JsonNode single = body(ForecastHandlerTest.forecast("yole-2022-dc-processors", Map.of()));
        assertTrue(single.path("cagr").isNull());
        assertEquals(1, single.path("series").size());
        assertError(ForecastHandlerTest.forecast("yole-2022-dc-processors", Map.of("to", "2030")), 400, "INVALID_PARAMETER", "to");
    }

    @Test
    void aMarketComparisonWarnsAboutDefinitionsAndSaysWhichSummedYearsAreExtrapolated() throws Exception {
        JsonNode seed = body(ScenarioHandlerTest.compare("compare-market.json", b -> b.put("to", 2033)));
        String warnings = seed.path("warnings").toString();
        assertTrue(warnings.contains("different market definitions under ai-inference-chips"), warnings);
        assertTrue(warnings.contains("vmr-2024-inference-chips is superseded by vmr-2025-inference-chips"), warnings);
        JsonNode vmr = seed.path("result").path("sources").get(0);
        assertEquals("[2031,2032,2033]", vmr.path("cumulativeExtrapolatedYears").toString());
        assertTrue(vmr.path("cumulativeNote").asText().contains("extrapolated"), vmr.toString());
        JsonNode mixed = body(ScenarioHandlerTest.compare("compare-market.json", b -> {
            ArrayNode ids = b.putArray("forecastIds");
            ids.add("kb-2024-inference-chips").add("gartner-2024-ai-semis");
        }));
        assertTrue(mixed.path("warnings").toString().contains("different markets"), mixed.path("warnings").toString());
        assertError(ScenarioHandlerTest.compare("compare-market.json", b -> b.put("to", 2045)), 400, "INVALID_BODY", "to");
    }

    @Test
    void aChipServesItsPricesAndChipHourPricesWithTheirSources() throws Exception {
        JsonNode h100 = body(ChipSpecHandlerTest.get("GET /chips/{chipId}", Map.of("chipId", "nvidia-h100-sxm"), null));
        assertTrue(h100.path("prices").size() > 0);
        h100.path("prices").forEach(p -> assertTrue(p.path("source").path("url").asText().startsWith("http")));
        JsonNode hourly = h100.path("chipHourPrices");
        assertTrue(hourly.size() >= 3, hourly.toString());
        Set<String> buyers = new HashSet<>();
        hourly.forEach(p -> {
            buyers.add(p.path("buyerType").asText());
            assertTrue(p.path("usdPerChipHour").asDouble() > 0);
            assertNotNull(p.path("source").path("url").textValue());
        });
        assertTrue(buyers.contains("hyperscaler"), buyers.toString());
        JsonNode l4 = body(ChipSpecHandlerTest.get("GET /chips/{chipId}", Map.of("chipId", "nvidia-l4"), null));
        assertEquals("[]", l4.path("chipHourPrices").toString(), "no source, no price");
        assertEquals("curated", l4.path("tier").asText());
        assertEquals("vector", l4.path("fp64Kind").asText());
    }
}
