package chipcast.local;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * docs/openapi.yaml as a judge of answers: Atlassian's swagger-request-validator checks an answer's status, headers
 * and body (its JSON schema, required fields, nullability, additionalProperties: false) against the operation of its
 * path and method; this class adds what the validator leaves alone: a header the operation does not document, and
 * the answer to a request no operation covers (the API's $default route, or the gateway's MALFORMED_REQUEST).
 */
final class Contract {

    /** Headers any HTTP answer may carry, beside the documented ones. */
    private static final Set<String> TRANSPORT = Set.of("content-type", "content-length", "date", "connection",
            "transfer-encoding");

    private static final String DOCUMENT_URL = TestStack.ROOT.resolve("docs/openapi.yaml").toUri().toString();
    static final Contract DOCUMENT = new Contract();
    /** The document with every $ref resolved in place (responses, headers), for the header check and the routes. */
    final OpenAPI api = parsed();
    private final ApiOperationResolver resolver = new ApiOperationResolver(api, null, true);
    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(DOCUMENT_URL)
            // Only answers are judged: the hostile suite's requests are invalid on purpose.
            .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR)
                    .withLevels(Map.of("validation.request", ValidationReport.Level.IGNORE)).build())
            .build();

    private Contract() {
    }

    private static OpenAPI parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(DOCUMENT_URL, null, options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException("docs/openapi.yaml does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /** The documented operation of a method and raw path, or null when none covers it. */
    ApiOperation operation(String method, String rawPath) {
        ApiOperationMatch match = resolver.findApiOperation(rawPath, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)));
        return match.isPathFound() && match.isOperationAllowed() ? match.getApiOperation() : null;
    }

    /**
     * What is wrong with an answer (empty: it is the documented one). {@code headers} by name (any case), one value
     * each, as the local server sends them.
     */
    List<String> problems(String method, String rawPath, int status, Map<String, String> headers, String body) {
        List<String> problems = new ArrayList<>();
        ApiOperation operation = operation(method, rawPath);
        if (operation == null) {
            gatewayAnswer(method, status, headers, body, problems);
            return problems;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(rawPath,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(m.getKey() + ": " + m.getMessage() + " " + m.getNestedMessages().stream()
                        .map(ValidationReport.Message::getMessage).toList()));
        ApiResponse documented = operation.getOperation().getResponses().get(Integer.toString(status));
        if (documented != null) {
            Set<String> allowed = new TreeSet<>(TRANSPORT);
            if (documented.getHeaders() != null) {
                documented.getHeaders().keySet().forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
            }
            headers.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !allowed.contains(h))
                    .forEach(h -> problems.add("header '" + h + "' is not documented for " + status + " of "
                            + method + " " + operation.getApiPath().original()));
        }
        return problems;
    }

    /**
     * No operation covers the request: the API's $default route answers 404 ROUTE_NOT_FOUND, the gateway 400
     * MALFORMED_REQUEST (components/responses RouteNotFound, and MALFORMED_REQUEST in ErrorCode), both in the API's
     * error shape and headers; a HEAD gets the headers alone.
     */
    private static void gatewayAnswer(String method, int status, Map<String, String> headers, String body, List<String> problems) {
        Map<String, String> lower = new java.util.HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        if (!"application/json".equals(lower.get("content-type")) || !"nosniff".equals(lower.get("x-content-type-options"))
                || !"no-store".equals(lower.get("cache-control"))) {
            problems.add("an answer of no operation without the API's headers: " + lower);
        }
        if ("HEAD".equalsIgnoreCase(method) && (body == null || body.isEmpty())) {
            if (status != 404 && status != 400) {
                problems.add("a HEAD of no operation answered " + status);
            }
            return;
        }
        try {
            JsonNode error = LocalJson.MAPPER.readTree(body).path("error");
            String code = error.path("code").asText();
            boolean known = (status == 404 && code.equals("ROUTE_NOT_FOUND")) || (status == 400 && code.equals("MALFORMED_REQUEST"));
            Set<String> fields = new TreeSet<>();
            error.fieldNames().forEachRemaining(fields::add);
            if (!known || !fields.equals(Set.of("code", "message")) || LocalJson.MAPPER.readTree(body).size() != 1) {
                problems.add("an answer of no operation that is neither 404 ROUTE_NOT_FOUND nor 400 MALFORMED_REQUEST: "
                        + status + " " + body);
            }
        } catch (Exception e) {
            problems.add("an answer of no operation that is not JSON: " + status + " " + body);
        }
    }
}
