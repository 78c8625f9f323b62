package chipcast.bench.coldstart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Fallback when the runtime's serialiser is not on the classpath: reads a typed event with the function's
 * own Jackson (a separate class, so jars without Jackson, such as the floor's, never load it). Case-insensitive: CloudFormation sends RequestType, the bean says requestType.
 */
final class ColdStartJackson {
    private ColdStartJackson() {
    }

    static Object read(String json, Class<?> type) throws Exception {
        if (type == String.class || type == Object.class) {
            return json.strip().replaceAll("^\"|\"$", "");
        }
        ObjectMapper mapper = JsonMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return mapper.readValue(json, type);
    }
}
