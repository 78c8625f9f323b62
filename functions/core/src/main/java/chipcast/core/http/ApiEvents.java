package chipcast.core.http;

import chipcast.core.json.Json;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload format 2.0) events as bytes: the functions are stream handlers, so the
 * Lambda runtime runs no serialiser of its own (its shaded Jackson and event classes were ~300 ms of a
 * cold start). Only the fields the routes read are kept; everything else is skipped unread.
 */
public final class ApiEvents {
    private ApiEvents() {
    }

    /** The request an event describes; a 400 INVALID_BODY for bytes that are not an HTTP API event. */
    public static ApiRequest read(InputStream in) throws IOException {
        try (JsonParser parser = Json.EVENTS.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid();
            }
            String routeKey = null;
            Map<String, String> pathParameters = Map.of();
            Map<String, String> query = Map.of();
            Map<String, String> headers = Map.of();
            String body = null;
            boolean base64 = false;
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "routeKey" -> routeKey = text(parser, value);
                    case "pathParameters" -> pathParameters = strings(parser, value);
                    case "queryStringParameters" -> query = strings(parser, value);
                    case "headers" -> headers = strings(parser, value);
                    case "body" -> body = text(parser, value);
                    case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw invalid();
            }
            return new ApiRequest(routeKey, pathParameters, query, headers, body, base64);
        } catch (JsonProcessingException e) {
            throw invalid();
        }
    }

    /** The response as API Gateway reads a payload 2.0 answer: status, headers, a text body. */
    public static void write(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", status);
            generator.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                generator.writeStringField(header.getKey(), header.getValue());
            }
            generator.writeEndObject();
            generator.writeStringField("body", body);
            generator.writeBooleanField("isBase64Encoded", false);
            generator.writeEndObject();
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isScalarValue()) {
            throw invalid();
        }
        return parser.getText();
    }

    /** A map of strings (API Gateway sends header, query and path values as strings; null means none). */
    private static Map<String, String> strings(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (value != JsonToken.START_OBJECT) {
            throw invalid();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            String text = text(parser, parser.nextToken());
            if (text != null) {
                map.put(name, text);
            }
        }
        return map;
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_BODY, "the event is not an API Gateway HTTP API (payload 2.0) event");
    }
}
