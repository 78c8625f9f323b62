package chipcast.core.http;

import chipcast.core.csv.Csv;
import chipcast.core.request.RequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which representation a request gets: format=csv|json first, else the Accept header, else JSON. */
class NegotiationTest {
    static ApiRequest request(Map<String, String> query, String accept) {
        return new ApiRequest("GET /chips", Map.of(), query, accept == null ? Map.of() : Map.of("Accept", accept), null, false);
    }

    @Test
    void acceptPrefersCsvOnlyWhenItRanksTextCsvAboveJson() {
        for (String csv : List.of("text/csv", "TEXT/CSV", "text/csv; charset=utf-8", "text/*", "text/csv, */*;q=0.5",
                "application/json;q=0.5, text/csv", "text/csv;q=0.9, application/json;q=0.8")) {
            assertTrue(ApiRequest.prefersCsv(csv), csv);
        }
        for (String json : List.of("", "application/json", "*/*", "text/csv, application/json", "text/csv;q=0.5, application/json",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "image/png",
                "text/csv;q=0", "text/csv;q=oops", "application/*", "text/*;q=0.5, application/json")) {
            assertFalse(ApiRequest.prefersCsv(json), json);
        }
        assertFalse(ApiRequest.prefersCsv(null));
    }

    @Test
    void formatWinsOverAcceptAndAnyOtherValueIsA400() {
        assertTrue(request(Map.of("format", "csv"), null).wantsCsv());
        assertTrue(request(Map.of("format", "CSV"), "application/json").wantsCsv());
        assertFalse(request(Map.of("format", "json"), "text/csv").wantsCsv());
        assertTrue(request(Map.of(), "text/csv").wantsCsv());
        assertFalse(request(Map.of("format", ""), null).wantsCsv(), "an empty value is no value");
        assertTrue(request(Map.of("format", " csv "), null).wantsCsv(), "trimmed, as the other parameters are");
        for (String bad : List.of("xml", "tsv", "csv,json", "text/csv")) {
            RequestException e = assertThrows(RequestException.class, () -> request(Map.of("format", bad), null).wantsCsv());
            assertEquals("format", e.parameter());
            assertEquals("'format' must be json or csv", e.getMessage());
        }
    }

    @Test
    void formatIsAcceptedOnlyWhereARouteServesCsvAndIsNotListedAmongTheRoutesOwnParameters() {
        request(Map.of("format", "csv", "limit", "2"), null).allowOnlyQueryAndFormat(Set.of("limit"));
        RequestException unknown = assertThrows(RequestException.class,
                () -> request(Map.of("format", "csv"), null).allowOnlyQuery(Set.of("limit")));
        assertEquals("format", unknown.parameter());
        RequestException typo = assertThrows(RequestException.class,
                () -> request(Map.of("formt", "csv"), null).allowOnlyQueryAndFormat(Set.of("limit")));
        assertEquals("unknown query parameter(s) 'formt'; this route accepts 'limit'", typo.getMessage());
        assertThrows(RequestException.class, () -> request(Map.of("format", "xml"), null).allowOnlyQueryAndFormat(Set.of()));
    }

    record Item(String id, Double value) {
    }

    @Test
    void oneCallAnswersJsonOrCsvAndACsvPageNamesItsNextToken() {
        List<Item> items = List.of(new Item("a", 1.0));
        ApiResponse json = ApiResponse.ok(request(Map.of(), null), items, i -> new Csv.Table<>(Item.class, i, "next"));
        assertEquals(Map.of(), json.headers());
        assertTrue(json.body().startsWith("[{"));
        ApiResponse csv = ApiResponse.ok(request(Map.of("format", "csv"), null), items, i -> new Csv.Table<>(Item.class, i, "next"));
        assertEquals(Map.of("Content-Type", Csv.CONTENT_TYPE, Csv.NEXT_TOKEN_HEADER, "next"), csv.headers());
        assertEquals("\uFEFFid,value\r\na,1.0\r\n", csv.body());
        assertEquals(Csv.CONTENT_TYPE, ApiHandler.headers(csv).get("Content-Type"), "the CSV type replaces JSON's");
        ApiResponse last = ApiResponse.csv(new Csv.Table<>(Item.class, items));
        assertNull(last.headers().get(Csv.NEXT_TOKEN_HEADER), "no next page, no header");
    }
}
