package chipcast.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Databind for the local tooling and the tests, which read responses and templates. The functions do not
 * use it (chipcast.core.json.Json stays on the streaming core for their cold start); here it also serves
 * as an independent reader of what they write.
 */
public final class LocalJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LocalJson() {
    }
}
