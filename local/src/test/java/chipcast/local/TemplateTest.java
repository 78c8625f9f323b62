package chipcast.local;

import chipcast.core.store.dynamodb.DynamoBenchmarkStore;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoScenarioStore;
import chipcast.core.store.dynamodb.DynamoSeriesStore;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static chipcast.local.TemplateModel.list;
import static chipcast.local.TemplateModel.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** template.yaml is the source of truth: these checks keep the code, the docs and the template in step. */
class TemplateTest {
    static final TemplateModel TEMPLATE = TemplateModel.load(TestStack.ROOT.resolve("template.yaml"));

    /** Which index of which table each repository queries, with the key attributes it relies on. */
    static final Map<String, List<String>> QUERIED_INDEXES = Map.ofEntries(
            Map.entry("ChipsTable/" + DynamoChipStore.VENDOR_INDEX, List.of("vendorKey", "id")),
            Map.entry("ChipsTable/" + DynamoChipStore.WORKLOAD_INDEX, List.of("workload", "id")),
            Map.entry("ChipsTable/" + DynamoChipStore.CATALOG_INDEX, List.of("catalog", "id")),
            Map.entry("ForecastsTable/" + DynamoForecastStore.MARKET_INDEX, List.of("market", "id")),
            Map.entry("ForecastsTable/" + DynamoForecastStore.CATALOG_INDEX, List.of("catalog", "id")),
            Map.entry("ScenariosTable/" + DynamoScenarioStore.CATALOG_INDEX, List.of("catalog", DynamoScenarioStore.PARTITION_KEY)),
            Map.entry("BenchmarksTable/" + DynamoBenchmarkStore.CHIP_INDEX, List.of("chipId", "id")),
            Map.entry("BenchmarksTable/" + DynamoBenchmarkStore.MODEL_INDEX, List.of("model", "id")),
            Map.entry("BenchmarksTable/" + DynamoBenchmarkStore.SCENARIO_INDEX, List.of("scenarioKey", "id")),
            Map.entry("BenchmarksTable/" + DynamoBenchmarkStore.SOURCE_INDEX, List.of("sourceKind", "id")),
            Map.entry("BenchmarksTable/" + DynamoBenchmarkStore.CATALOG_INDEX, List.of("catalog", "id")));

    /** The primary key each repository reads and writes by. */
    static final Map<String, List<String>> TABLE_KEYS = Map.of(
            "ChipsTable", List.of(DynamoChipStore.PARTITION_KEY),
            "ForecastsTable", List.of(DynamoForecastStore.PARTITION_KEY),
            "FxRatesTable", List.of(DynamoFxRateStore.PARTITION_KEY, DynamoFxRateStore.SORT_KEY),
            "SeriesTable", List.of(DynamoSeriesStore.PARTITION_KEY),
            "ScenariosTable", List.of(DynamoScenarioStore.PARTITION_KEY),
            "BenchmarksTable", List.of(DynamoBenchmarkStore.PARTITION_KEY));

    /** Functions that write, and the tables each may write. Everything else is read-only. */
    static final Map<String, Set<String>> WRITERS = Map.of(
            "DataLoaderFunction", Set.of("ChipsTable", "ForecastsTable", "FxRatesTable", "ScenariosTable", "BenchmarksTable"),
            "RecalculationFunction", Set.of("SeriesTable"),
            "ScenarioFunction", Set.of("ScenariosTable"));

    @Test
    void runtimeIsJava21AndEveryHandlerIsARealLambdaHandler() throws Exception {
        Map<String, Object> globals = map(map(TEMPLATE.raw().get("Globals")).get("Function"));
        assertEquals("java21", globals.get("Runtime"));
        assertFalse(TEMPLATE.functions().isEmpty());
        for (TemplateModel.FunctionDef f : TEMPLATE.functions().values()) {
            assertTrue(f.handler().endsWith("::handleRequest"), f.id());
            Class<?> type = Class.forName(f.handlerClass());
            // A stream handler: the runtime hands it the event's bytes and runs no serialiser of its own (cold start).
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), f.id() + " implements RequestStreamHandler");
            assertNotNull(type.getConstructor(), f.id() + " has the runtime's no-arg constructor");
            assertNotNull(type.getConstructor(DynamoDbClient.class, Map.class), f.id() + " takes injected collaborators");
            // CodeUri is the function's own Maven artifact, the self-contained jar shaded beside it ("lambda")
            String codeUri = f.codeUri();
            assertTrue(codeUri.matches("functions/[a-z-]+/target/[a-z-]+-lambda\\.jar"), f.id() + ": " + codeUri);
            String module = codeUri.substring(0, codeUri.indexOf("/target/"));
            String artifact = codeUri.substring(codeUri.lastIndexOf('/') + 1, codeUri.length() - "-lambda.jar".length());
            String pom = Files.readString(TestStack.ROOT.resolve(module).resolve("pom.xml"));
            assertTrue(pom.contains("<finalName>" + artifact + "</finalName>"), module + " builds " + artifact);
            assertTrue(Files.readString(TestStack.ROOT.resolve("pom.xml"))
                            .contains("<outputFile>${project.build.directory}/${project.build.finalName}-lambda.jar</outputFile>"),
                    "the shade writes " + artifact + "-lambda.jar");
            assertEquals(Boolean.TRUE, map(TEMPLATE.resource(f.id()).get("Metadata")).get("SkipBuild"),
                    f.id() + ": Maven builds the artifact, sam build must skip it");
        }
    }

    @Test
    void everyRouteReachesAHandlerThatServesIt() {
        List<TemplateModel.Route> routes = TEMPLATE.routes();
        assertTrue(routes.size() >= 4);
        for (TemplateModel.Route route : routes) {
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setRouteKey(route.routeKey());
            Map<String, String> params = new HashMap<>();
            for (String segment : route.path().split("/")) {
                if (segment.startsWith("{")) {
                    params.put(segment.substring(1, segment.length() - 1), "nvidia-h100-sxm");
                }
            }
            event.setPathParameters(params);
            event.setHeaders(Map.of());
            APIGatewayV2HTTPResponse response = TestStack.invoke(route.functionId(), event);
            boolean notFound = response.getBody().contains("ROUTE_NOT_FOUND");
            assertEquals("$default".equals(route.routeKey()), notFound, route + " -> " + response.getBody());
            assertTrue(response.getStatusCode() < 500, route + " -> " + response.getBody());
        }
    }

    @Test
    void theIndexesTheRepositoriesQueryExistWithTheirKeys() {
        QUERIED_INDEXES.forEach((tableIndex, keys) -> {
            String table = tableIndex.substring(0, tableIndex.indexOf('/'));
            String index = tableIndex.substring(tableIndex.indexOf('/') + 1);
            Map<String, Object> props = TEMPLATE.properties(table);
            assertEquals("PAY_PER_REQUEST", props.get("BillingMode"), table);
            Map<String, Object> gsi = list(props.get("GlobalSecondaryIndexes")).stream().map(TemplateModel::map)
                    .filter(g -> index.equals(g.get("IndexName"))).findFirst()
                    .orElseThrow(() -> new AssertionError(table + " lacks index " + index));
            List<String> actual = list(gsi.get("KeySchema")).stream().map(k -> (String) map(k).get("AttributeName")).toList();
            assertEquals(keys, actual, tableIndex);
        });
        TABLE_KEYS.forEach((table, keys) -> assertEquals(keys, list(TEMPLATE.properties(table).get("KeySchema")).stream()
                .map(k -> (String) map(k).get("AttributeName")).toList(), table));
    }

    @Test
    void tableVariablesNameTablesAndPoliciesAreLeastPrivilege() {
        for (TemplateModel.FunctionDef f : TEMPLATE.functions().values()) {
            f.environment().forEach((name, value) -> {
                if (name.endsWith("_TABLE")) {
                    String ref = (String) map(value).get("Ref");
                    assertEquals("AWS::DynamoDB::Table", TEMPLATE.type(ref), f.id() + " " + name);
                }
            });
            Set<String> writable = WRITERS.getOrDefault(f.id(), Set.of());
            assertFalse(f.policies().isEmpty(), f.id() + " declares its policies");
            for (Object policy : f.policies()) {
                assertTrue(policy instanceof Map, f.id() + ": only SAM policy templates scoped to a table, no managed policies: " + policy);
                map(policy).forEach((template, args) -> {
                    String table = (String) map(map(args).get("TableName")).get("Ref");
                    assertEquals("AWS::DynamoDB::Table", TEMPLATE.type(table));
                    switch (template) {
                        case "DynamoDBReadPolicy" -> { }
                        case "DynamoDBCrudPolicy", "DynamoDBWritePolicy" ->
                                assertTrue(writable.contains(table), f.id() + " may not write " + table);
                        default -> fail(f.id() + ": unexpected policy " + template);
                    }
                });
            }
            String text = String.valueOf(f.properties());
            assertFalse(text.contains("Resource=*") || text.contains("Resource: '*'"), f.id() + " has no * resource");
        }
    }

    @Test
    void onlyTheScenarioWriteRouteRequiresIamAndUsersScenariosSurviveTheStack() {
        List<String> iam = TEMPLATE.routes().stream().filter(TemplateModel.Route::iamAuth)
                .map(TemplateModel.Route::routeKey).toList();
        assertEquals(List.of("PUT /scenarios/{scenarioId}"), iam, "writes need AWS_IAM; reads stay public");
        for (TemplateModel.Route route : TEMPLATE.routes()) {
            if (!"GET".equals(route.method()) && !route.routeKey().equals("POST /scenarios/compare")
                    && !route.routeKey().equals("POST /forecasts/calculate") && !"$default".equals(route.routeKey())) {
                assertTrue(route.iamAuth(), route + " changes state and must require AWS_IAM");
            }
        }
        assertEquals("Retain", TEMPLATE.resource("ScenariosTable").get("DeletionPolicy"));
        assertEquals("Retain", TEMPLATE.resource("ScenariosTable").get("UpdateReplacePolicy"));
    }

    @Test
    void theRecalculationRunsDailyWithExplicitInputAndADeadLetterQueue() {
        Map<String, Object> daily = map(map(map(TEMPLATE.properties("RecalculationFunction").get("Events")).get("Daily")).get("Properties"));
        assertEquals("ScheduleV2", map(map(TEMPLATE.properties("RecalculationFunction").get("Events")).get("Daily")).get("Type"));
        assertTrue(String.valueOf(daily.get("ScheduleExpression")).startsWith("cron("));
        assertNotNull(daily.get("Input"), "explicit Input");
        assertEquals("SQS", map(daily.get("DeadLetterConfig")).get("Type"));
        assertNotNull(daily.get("RetryPolicy"));
        // ...and once on deploy, after the dataset load
        assertEquals(Map.of("Fn::GetAtt", List.of("RecalculationFunction", "Arn")),
                TEMPLATE.properties("InitialRecalculation").get("ServiceToken"));
        assertEquals(Map.of("Fn::GetAtt", List.of("DatasetLoad", "DatasetSha256Loaded")),
                TEMPLATE.properties("InitialRecalculation").get("DatasetSha256"));
    }

    @Test
    void everyFunctionLogsToAGroupWithRetention() {
        for (TemplateModel.FunctionDef f : TEMPLATE.functions().values()) {
            Map<String, Object> logging = map(f.properties().get("LoggingConfig"));
            String group = (String) map(logging.get("LogGroup")).get("Ref");
            assertEquals("AWS::Logs::LogGroup", TEMPLATE.type(group), f.id());
            assertNotNull(TEMPLATE.properties(group).get("RetentionInDays"), group);
        }
    }

    @Test
    void theDatasetLoadReRunsWhenTheDatasetChanges() {
        Object hash = TEMPLATE.properties("DatasetLoad").get("DatasetSha256");
        assertEquals(DatasetHash.of(TestStack.ROOT), hash,
                "data/*.json changed: set DatasetLoad.DatasetSha256 in template.yaml to " + DatasetHash.of(TestStack.ROOT)
                        + " (what `./run-local.sh dataset-hash` prints)");
    }

    @Test
    void everyRouteIsInTheOpenApiDocument() throws Exception {
        String openapi = Files.readString(TestStack.ROOT.resolve("docs/openapi.yaml"));
        Map<String, Object> paths = map(new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(openapi).get("paths"));
        List<String> missing = new ArrayList<>();
        for (TemplateModel.Route route : TEMPLATE.routes()) {
            if ("$default".equals(route.path())) {
                continue;
            }
            Object item = paths.get(route.path());
            if (!(item instanceof Map<?, ?> ops) || !ops.containsKey(route.method().toLowerCase())) {
                missing.add(route.routeKey());
            }
        }
        assertEquals(List.of(), missing, "routes of template.yaml missing from docs/openapi.yaml");
        for (chipcast.core.request.ErrorCode code : chipcast.core.request.ErrorCode.values()) {
            assertTrue(openapi.contains(code.name()), "docs/openapi.yaml documents error code " + code);
        }
    }

    @Test
    void awsOfflineValidatorAcceptsTheTemplate() throws Exception {
        Dynalite.ensureInstalled(TestStack.ROOT, Log.QUIET);
        Process node = new ProcessBuilder("node", "tools/validate-template.mjs", "template.yaml")
                .directory(TestStack.ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes());
        assertTrue(node.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("0 error(s)"), output);
    }

    @Test
    void readmeAndCiRunTheSameTwoCommands() throws Exception {
        String readme = Files.readString(TestStack.ROOT.resolve("README.md"));
        String ci = Files.readString(TestStack.ROOT.resolve(".ci/run"));
        assertTrue(readme.contains("./run-local.sh"), "README gives the run command");
        assertTrue(readme.contains("mvn -B verify"), "README gives the test command");
        assertTrue(ci.contains("mvn -B verify"), ".ci/run runs the README's test command");
    }
}
