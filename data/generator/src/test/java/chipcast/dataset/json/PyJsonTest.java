package chipcast.dataset.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The writer against outputs of Python 3's repr(float) and json.dumps(..., ensure_ascii=False, indent=2). */
class PyJsonTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80.0|80.0", "2.039|2.039", "0.1|0.1", "0.3001|0.3001", "1e-05|1e-05", "0.0001|0.0001",
            "1.5e-05|1.5e-05", "1e16|1e+16", "1e15|1000000000000000.0", "9999999999999998.0|9999999999999998.0",
            "123456789012345678.0|1.2345678901234568e+17", "1288.0|1288.0", "1422.16|1422.16", "5033.2|5033.2",
            "10066.3|10066.3", "0.23|0.23", "-0.0|-0.0", "-2.5|-2.5", "0.3333333333333333|0.3333333333333333",
            "1e22|1e+22", "1e-7|1e-07", "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308",
            "0.30000000000000004|0.30000000000000004", "100.0|100.0", "1e100|1e+100", "12345.678e-10|1.2345678e-06"})
    void floatsAsPythonReprsThem(double value, String python) {
        assertEquals(python, PyJson.pythonRepr(value));
    }

    @Test
    void layoutEscapesAndNumberKindsAsPythonJsonDump() throws Exception {
        JsonNode tree = Mapper.MAPPER.readTree(
                "{\"a\":[],\"b\":{},\"c\":\"é\\\"\\\\\\n\\t\\u0001\\u007f\\u2028😀\",\"d\":[1,{\"x\":null}],\"e\":80,\"f\":80.0}");
        String expected = "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"é\\\"\\\\\\n\\t\\u0001\u007f\u2028😀\",\n"
                + "  \"d\": [\n    1,\n    {\n      \"x\": null\n    }\n  ],\n  \"e\": 80,\n  \"f\": 80.0\n}\n";
        assertEquals(expected, PyJson.write(tree));
    }
}
