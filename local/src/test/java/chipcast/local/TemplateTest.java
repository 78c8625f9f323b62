package chipcast.local;

import chipcast.core.http.RequestMetrics;
import chipcast.core.metrics.Metrics;
import chipcast.core.store.dynamodb.DynamoBenchmarkStore;
import chipcast.core.store.dynamodb.DynamoChipStore;
import chipcast.core.store.dynamodb.DynamoForecastStore;
import chipcast.core.store.dynamodb.DynamoFxRateStore;
import chipcast.core.store.dynamodb.DynamoScenarioStore;
import chipcast.core.store.dynamodb.DynamoSeriesStore;
import chipcast.recalc.RecalculationHandler;
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
            if (f.id().equals(SITE_DEPLOYER)) {
                assertNotNull(type.getConstructor(Map.class), f.id() + " builds its S3 and CloudFront clients from an environment");
            } else {
                assertNotNull(type.getConstructor(DynamoDbClient.class, Map.class), f.id() + " takes injected collaborators");
            }
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
            if (f.id().equals(SITE_DEPLOYER)) {
                continue; // no table: its S3 and CloudFront policies are checked with the site below
            }
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
        // SAM's transform refuses an AWS_IAM route on an HttpApi without it (the offline validator does not).
        assertEquals(true, map(TEMPLATE.properties("ChipCastApi").get("Auth")).get("EnableIamAuthorizer"),
                "ChipCastApi.Auth.EnableIamAuthorizer: true, or sam deploy fails on the signed route");
        assertEquals("Retain", TEMPLATE.resource("ScenariosTable").get("DeletionPolicy"));
        assertEquals("Retain", TEMPLATE.resource("ScenariosTable").get("UpdateReplacePolicy"));
    }

    @Test
    void theRecalculationRunsDailyWithExplicitInputAndADeadLetterQueue() {
        Map<String, Object> daily = map(map(map(TEMPLATE.properties("RecalculationFunction").get("Events")).get("Daily")).get("Properties"));
        assertEquals("ScheduleV2", map(map(TEMPLATE.properties("RecalculationFunction").get("Events")).get("Daily")).get("Type"));
        assertTrue(String.valueOf(daily.get("ScheduleExpression")).startsWith("cron("));
        assertNotNull(daily.get("Input"), "explicit Input");
        assertEquals(Map.of("Fn::GetAtt", List.of(DEAD_LETTER_QUEUE, "Arn")), map(daily.get("DeadLetterConfig")).get("Arn"));
        assertEquals("AWS::SQS::Queue", TEMPLATE.type(DEAD_LETTER_QUEUE));
        assertNotNull(daily.get("RetryPolicy"));
        // ...and once on deploy, after the dataset load
        assertEquals(Map.of("Fn::GetAtt", List.of("RecalculationFunction", "Arn")),
                TEMPLATE.properties("InitialRecalculation").get("ServiceToken"));
        assertEquals(Map.of("Fn::GetAtt", List.of("DatasetLoad", "DatasetSha256Loaded")),
                TEMPLATE.properties("InitialRecalculation").get("DatasetSha256"));
    }

    // ---- operations: alarms, their topic, the dashboard, tracing ----

    static final String DEAD_LETTER_QUEUE = "RecalculationDeadLetterQueue";
    static final Map<String, Object> TOPIC = Map.of("Ref", "AlarmTopic");

    /** What the code publishes in the ChipCast namespace, each metric by function (the alarms' dimension). */
    static final Set<String> EMITTED_BY_FUNCTION = Set.of(RequestMetrics.REQUESTS, RequestMetrics.LATENCY,
            RequestMetrics.CLIENT_ERRORS, RequestMetrics.SERVER_ERRORS, RequestMetrics.STORE_CALLS, Metrics.COLD_START,
            RecalculationHandler.COMPUTED, RecalculationHandler.WRITTEN, RecalculationHandler.UNCHANGED,
            RecalculationHandler.FAILED, RecalculationHandler.DURATION, RecalculationHandler.SUCCEEDED);

    static Map<String, Map<String, Object>> alarms() {
        Map<String, Map<String, Object>> alarms = new java.util.TreeMap<>();
        for (String id : TEMPLATE.idsOfType("AWS::CloudWatch::Alarm")) {
            alarms.put(id, TEMPLATE.properties(id));
        }
        return alarms;
    }

    /** The alarms on one metric whose only dimension has the given value. */
    static List<String> alarmsOn(String namespace, String metric, String dimension, Object value) {
        List<String> found = new ArrayList<>();
        alarms().forEach((id, p) -> {
            if (namespace.equals(p.get("Namespace")) && metric.equals(p.get("MetricName"))
                    && List.of(Map.of("Name", dimension, "Value", value)).equals(p.get("Dimensions"))) {
                found.add(id);
            }
        });
        return found;
    }

    static Set<String> apiFunctions() {
        Set<String> api = new java.util.TreeSet<>();
        TEMPLATE.routes().forEach(r -> api.add(r.functionId()));
        return api;
    }

    @Test
    void everyFunctionHasErrorAndThrottleAlarmsAndEveryApiFunctionItsServerErrorAndLatencyAlarms() {
        assertEquals("Active", map(map(TEMPLATE.raw().get("Globals")).get("Function")).get("Tracing"), "X-Ray on");
        for (String f : TEMPLATE.functions().keySet()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertEquals(1, alarmsOn("AWS/Lambda", metric, "FunctionName", Map.of("Ref", f)).size(),
                        f + " needs one AWS/Lambda " + metric + " alarm (copy ChipSpecFunction" + metric + "Alarm)");
            }
        }
        assertTrue(apiFunctions().size() >= 3, String.valueOf(apiFunctions()));
        for (String f : apiFunctions()) {
            assertEquals(1, alarmsOn("ChipCast", RequestMetrics.SERVER_ERRORS, Metrics.FUNCTION, Map.of("Ref", f)).size(),
                    f + " needs a 5xx alarm (copy ChipSpecFunctionServerErrorsAlarm)");
            List<String> latency = alarmsOn("ChipCast", RequestMetrics.LATENCY, Metrics.FUNCTION, Map.of("Ref", f));
            assertEquals(1, latency.size(), f + " needs a p99 latency alarm (copy ChipSpecFunctionLatencyAlarm)");
            Map<String, Object> p = TEMPLATE.properties(latency.get(0));
            assertEquals("p99", p.get("ExtendedStatistic"));
            assertEquals(Map.of("Ref", "LatencyP99ThresholdMs"), p.get("Threshold"));
        }
        assertEquals(1, alarmsOn("AWS/ApiGateway", "5xx", "ApiId", Map.of("Ref", "ChipCastApi")).size(),
                "API Gateway's own 5xx (a function that crashed or timed out)");
    }

    @Test
    void everyAlarmNotifiesTheTopicAndWatchesAMetricThatExists() {
        assertEquals("AWS::SNS::Topic", TEMPLATE.type("AlarmTopic"));
        assertTrue(alarms().size() >= 20, alarms().keySet().toString());
        alarms().forEach((id, p) -> {
            assertEquals(List.of(TOPIC), p.get("AlarmActions"), id);
            assertEquals(List.of(TOPIC), p.get("OKActions"), id);
            assertNotNull(p.get("TreatMissingData"), id + " says what no data means");
            if ("ChipCast".equals(p.get("Namespace"))) {
                assertTrue(EMITTED_BY_FUNCTION.contains(p.get("MetricName")), id + ": the code publishes no " + p.get("MetricName"));
                assertEquals(Metrics.FUNCTION, map(list(p.get("Dimensions")).get(0)).get("Name"), id);
                assertEquals(1, list(p.get("Dimensions")).size(), id + ": the metrics are published by function alone");
            }
        });
    }

    @Test
    void theRecalculationItsFailuresItsStalenessAndItsDeadLetterQueueAreWatched() {
        Map<String, Object> function = Map.of("Ref", "RecalculationFunction");
        List<String> onSuccess = alarmsOn("ChipCast", RecalculationHandler.SUCCEEDED, Metrics.FUNCTION, function);
        Map<String, Object> failed = TEMPLATE.properties("RecalculationFailedAlarm");
        Map<String, Object> stale = TEMPLATE.properties("RecalculationStaleAlarm");
        assertEquals(List.of("RecalculationFailedAlarm", "RecalculationStaleAlarm"), onSuccess);
        // a run publishes 1 or 0: any 0 in the hour is a failed run
        assertEquals(List.of("Minimum", "LessThanThreshold", 1, "notBreaching"),
                List.of(failed.get("Statistic"), failed.get("ComparisonOperator"), failed.get("Threshold"), failed.get("TreatMissingData")));
        // no 1 in any of 26 hours; an hour without a run breaches
        assertEquals(List.of("Sum", "LessThanThreshold", 1, "breaching"),
                List.of(stale.get("Statistic"), stale.get("ComparisonOperator"), stale.get("Threshold"), stale.get("TreatMissingData")));
        assertEquals(26 * 3600, (Integer) stale.get("Period") * (Integer) stale.get("EvaluationPeriods"));
        assertEquals(stale.get("EvaluationPeriods"), stale.get("DatapointsToAlarm"));
        List<String> queue = alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                Map.of("Fn::GetAtt", List.of(DEAD_LETTER_QUEUE, "QueueName")));
        assertEquals(1, queue.size(), "the dead-letter queue's depth");
        Map<String, Object> depth = TEMPLATE.properties(queue.get(0));
        assertEquals(List.of(0, "GreaterThanThreshold"), List.of(depth.get("Threshold"), depth.get("ComparisonOperator")));
    }

    @Test
    void alarmMailIsAnOptionalSubscriptionAndTheThresholdAParameter() {
        Map<String, Object> email = map(TEMPLATE.parameters().get("AlarmEmail"));
        assertEquals("", email.get("Default"), "no subscription unless asked for");
        Map<String, Object> subscription = TEMPLATE.resource("AlarmEmailSubscription");
        assertEquals("HasAlarmEmail", subscription.get("Condition"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))),
                map(TEMPLATE.raw().get("Conditions")).get("HasAlarmEmail"));
        assertEquals(Map.of("TopicArn", TOPIC, "Protocol", "email", "Endpoint", Map.of("Ref", "AlarmEmail")),
                TEMPLATE.properties("AlarmEmailSubscription"));
        assertEquals("Number", map(TEMPLATE.parameters().get("LatencyP99ThresholdMs")).get("Type"));
        assertEquals(TOPIC, map(map(TEMPLATE.raw().get("Outputs")).get("AlarmTopicArn")).get("Value"));
    }

    @Test
    void theDashboardShowsTheKeyGraphs() throws Exception {
        List<String> dashboards = TEMPLATE.idsOfType("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        String body = (String) map(TEMPLATE.properties(dashboards.get(0)).get("DashboardBody")).get("Fn::Sub");
        for (String f : TEMPLATE.functions().keySet()) {
            assertTrue(body.contains("${" + f + "}"), "the dashboard shows " + f);
        }
        // valid JSON once CloudFormation has substituted the ${...} (the threshold is a number)
        String substituted = body.replace("${LatencyP99ThresholdMs}", "1000").replaceAll("\\$\\{[^}]+}", "x");
        com.fasterxml.jackson.databind.JsonNode widgets = LocalJson.MAPPER.readTree(substituted).path("widgets");
        List<String> titles = new ArrayList<>();
        widgets.forEach(w -> titles.add(w.path("properties").path("title").asText()));
        for (String graph : List.of("Requests per route", "latency p99", "4xx and 5xx", "Errors by code", "errors and throttles",
                "Cold starts", "Recalculation:", "dead-letter queue")) {
            assertTrue(titles.stream().anyMatch(t -> t.contains(graph)), graph + " in " + titles);
        }
    }

    @Test
    void theReadmeNamesEveryAlarm() throws Exception {
        String readme = Files.readString(TestStack.ROOT.resolve("README.md"));
        for (String id : alarms().keySet()) {
            assertTrue(readme.contains(id), "README's deploy section names " + id);
        }
        assertTrue(readme.contains("AlarmEmail") && readme.contains("aws sns subscribe"), "README says how to subscribe");
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

    // ---- the site: bucket, OAC, distribution, headers, the upload ----

    static final String SITE_DEPLOYER = "SiteDeployerFunction";
    static final Map<String, Object> SITE_BUCKET = Map.of("Ref", "SiteBucket");
    static final Map<String, Object> DISTRIBUTION_ARN = Map.of("Fn::Sub",
            "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}");
    /** CloudFront's managed policies by the ids AWS gives them. */
    static final Map<String, String> MANAGED = Map.of("CachingOptimized", "658327ea-f89d-4fab-a63d-7e88639e58f6",
            "CachingDisabled", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            "AllViewerExceptHostHeader", "b689b0a8-53d0-40ab-baf2-68738e2966ac");

    static Map<String, Object> managed(String name) {
        return Map.of("Fn::FindInMap", List.of("CloudFrontManagedPolicies", name, "Id"));
    }

    static Map<String, Object> distribution() {
        return map(TEMPLATE.properties("SiteDistribution").get("DistributionConfig"));
    }

    /** CloudFront's path patterns: '*' any characters, '?' one; case-sensitive; the default behavior matches the rest. */
    static boolean matches(String pattern, String path) {
        return path.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }

    /** The behavior a request path goes to: the first pattern that matches, in order, else the default. */
    static Map<String, Object> behaviorOf(String path) {
        for (Object b : list(distribution().get("CacheBehaviors"))) {
            if (matches((String) map(b).get("PathPattern"), path)) {
                return map(b);
            }
        }
        return map(distribution().get("DefaultCacheBehavior"));
    }

    @Test
    void theSiteBucketIsPrivateEncryptedTlsOnlyAndReadByTheDistributionAlone() {
        assertEquals("AWS::S3::Bucket", TEMPLATE.type("SiteBucket"));
        Map<String, Object> bucket = TEMPLATE.properties("SiteBucket");
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                bucket.get("PublicAccessBlockConfiguration"), "Block Public Access, all four");
        assertFalse(bucket.containsKey("WebsiteConfiguration"), "no website hosting: CloudFront reads objects through OAC");
        assertFalse(bucket.containsKey("AccessControl"), "no canned ACL");
        assertEquals("BucketOwnerEnforced", map(list(map(bucket.get("OwnershipControls")).get("Rules")).get(0)).get("ObjectOwnership"));
        Map<String, Object> sse = map(map(list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0))
                .get("ServerSideEncryptionByDefault"));
        assertEquals("AES256", sse.get("SSEAlgorithm"), "encrypted at rest");

        Map<String, Object> policy = TEMPLATE.properties("SiteBucketPolicy");
        assertEquals(SITE_BUCKET, policy.get("Bucket"));
        List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
        List<Map<String, Object>> allows = statements.stream().map(TemplateModel::map).filter(st -> "Allow".equals(st.get("Effect"))).toList();
        assertEquals(1, allows.size(), "one Allow: CloudFront's reads");
        Map<String, Object> read = allows.get(0);
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), read.get("Principal"));
        assertEquals("s3:GetObject", read.get("Action"));
        assertEquals(Map.of("Fn::Sub", "${SiteBucket.Arn}/*"), read.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("AWS:SourceArn", DISTRIBUTION_ARN)), read.get("Condition"),
                "only this distribution, by its ARN");
        Map<String, Object> tls = statements.stream().map(TemplateModel::map).filter(st -> "Deny".equals(st.get("Effect"))).findFirst()
                .orElseThrow(() -> new AssertionError("a Deny of plain HTTP"));
        assertEquals("*", tls.get("Principal"));
        assertEquals("s3:*", tls.get("Action"));
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), tls.get("Condition"));
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of("SiteBucket", "Arn")), Map.of("Fn::Sub", "${SiteBucket.Arn}/*")), tls.get("Resource"));

        Map<String, Object> oac = map(TEMPLATE.properties("SiteOriginAccessControl").get("OriginAccessControlConfig"));
        assertEquals(List.of("s3", "always", "sigv4"), List.of(oac.get("OriginAccessControlOriginType"), oac.get("SigningBehavior"),
                oac.get("SigningProtocol")), "Origin Access Control signs every request");
    }

    @Test
    void theDistributionServesTheSiteThroughOacAndEveryApiRouteFromTheApi() {
        Map<String, Object> config = distribution();
        assertEquals(true, config.get("Enabled"));
        assertEquals("index.html", config.get("DefaultRootObject"));
        Map<String, Map<String, Object>> origins = new java.util.TreeMap<>();
        list(config.get("Origins")).forEach(o -> origins.put((String) map(o).get("Id"), map(o)));
        assertEquals(java.util.Set.of("site", "api"), origins.keySet());
        Map<String, Object> site = origins.get("site");
        assertEquals(Map.of("Fn::GetAtt", List.of("SiteBucket", "RegionalDomainName")), site.get("DomainName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("SiteOriginAccessControl", "Id")), site.get("OriginAccessControlId"));
        assertEquals(Map.of("OriginAccessIdentity", ""), site.get("S3OriginConfig"), "OAC, no legacy origin access identity");
        Map<String, Object> api = origins.get("api");
        assertEquals(Map.of("Fn::Sub", "${ChipCastApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"), api.get("DomainName"));
        assertEquals("https-only", map(api.get("CustomOriginConfig")).get("OriginProtocolPolicy"));

        Map<String, Object> mappings = map(map(TEMPLATE.raw().get("Mappings")).get("CloudFrontManagedPolicies"));
        MANAGED.forEach((name, id) -> assertEquals(id, map(mappings.get(name)).get("Id"), name));

        Map<String, Object> defaults = map(config.get("DefaultCacheBehavior"));
        assertEquals("site", defaults.get("TargetOriginId"));
        assertEquals("redirect-to-https", defaults.get("ViewerProtocolPolicy"));
        assertEquals(List.of("GET", "HEAD"), defaults.get("AllowedMethods"), "the bucket is read-only to viewers");
        assertEquals(managed("CachingOptimized"), defaults.get("CachePolicyId"));
        assertEquals(Map.of("Ref", "SiteHeadersPolicy"), defaults.get("ResponseHeadersPolicyId"));

        for (Object b : list(config.get("CacheBehaviors"))) {
            Map<String, Object> behavior = map(b);
            String pattern = (String) behavior.get("PathPattern");
            assertEquals("api", behavior.get("TargetOriginId"), pattern + " goes to the API");
            assertEquals(managed("CachingDisabled"), behavior.get("CachePolicyId"), pattern + ": never cached");
            assertEquals(managed("AllViewerExceptHostHeader"), behavior.get("OriginRequestPolicyId"),
                    pattern + ": every viewer header (Accept, If-Match, Authorization...), the query and the body, but not Host");
            assertEquals(Map.of("Ref", "SiteHeadersPolicy"), behavior.get("ResponseHeadersPolicyId"), pattern);
            assertEquals(List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"), behavior.get("AllowedMethods"), pattern);
            assertEquals("https-only", behavior.get("ViewerProtocolPolicy"), pattern + ": a POST is never redirected");
        }
        List<String> uncovered = new ArrayList<>();
        for (TemplateModel.Route route : TEMPLATE.routes()) {
            if (route.path().equals("$default")) {
                continue;
            }
            String concrete = route.path().replaceAll("\\{[^}]+}", "nvidia-h100-sxm");
            for (String path : List.of(route.path(), concrete)) {
                if (!"api".equals(behaviorOf(path).get("TargetOriginId"))) {
                    uncovered.add(route.routeKey() + " (" + path + ")");
                }
            }
        }
        assertEquals(List.of(), uncovered, "routes of template.yaml that SiteDistribution sends to the bucket: add a behavior "
                + "for their prefix (copy the /chips* one) to SiteDistribution.CacheBehaviors");
        for (String page : List.of("/", "/index.html", "/assets/explorer-B9yB7g6S.js", "/docs", "/docs/", "/openapi.yaml", "/favicon.svg")) {
            assertEquals("site", behaviorOf(page).get("TargetOriginId"), page + " is the explorer's, not the API's");
        }
    }

    @Test
    void theHeadersPolicyIsTheOneTheExplorerIsTestedUnder() {
        Map<String, Object> config = map(TEMPLATE.properties("SiteHeadersPolicy").get("ResponseHeadersPolicyConfig"));
        Map<String, Object> security = map(config.get("SecurityHeadersConfig"));
        assertEquals(Map.of("ContentSecurityPolicy", StaticFiles.CSP, "Override", true), security.get("ContentSecurityPolicy"),
                "the CSP the local server sends and the browser tests run under (StaticFiles.CSP)");
        assertTrue(StaticFiles.CSP.contains("frame-ancestors 'none'"));
        Map<String, Object> hsts = map(security.get("StrictTransportSecurity"));
        assertTrue((Integer) hsts.get("AccessControlMaxAgeSec") >= 31_536_000, "HSTS for a year or more");
        assertEquals(true, hsts.get("Override"));
        assertEquals(Map.of("Override", true), security.get("ContentTypeOptions"), "nosniff");
        assertEquals(Map.of("FrameOption", "DENY", "Override", true), security.get("FrameOptions"));
        assertEquals(Map.of("ReferrerPolicy", "strict-origin-when-cross-origin", "Override", true), security.get("ReferrerPolicy"));
        assertEquals(List.of(Map.of("Header", "Cross-Origin-Opener-Policy", "Value", "same-origin", "Override", true)),
                map(config.get("CustomHeadersConfig")).get("Items"));
    }

    @Test
    void theSiteIsUploadedBySiteAssetsWhichReRunsWhenTheSiteChanges() {
        Map<String, Object> assets = TEMPLATE.properties("SiteAssets");
        assertEquals("Custom::SiteAssets", TEMPLATE.type("SiteAssets"));
        assertEquals(Map.of("Fn::GetAtt", List.of(SITE_DEPLOYER, "Arn")), assets.get("ServiceToken"), "the unqualified ARN");
        assertEquals(SITE_BUCKET, assets.get("BucketName"));
        assertEquals(Map.of("Ref", "SiteDistribution"), assets.get("DistributionId"));
        String hash = chipcast.site.WebBuild.fingerprint(TestStack.ROOT);
        assertEquals(hash, assets.get("SiteAssetsSha256"), "web/ or docs/openapi.yaml changed: set SiteAssets.SiteAssetsSha256 in "
                + "template.yaml to " + hash + " (chipcast.site.WebBuild.fingerprint), so the deploy uploads the new site");

        Map<String, Object> f = TEMPLATE.properties(SITE_DEPLOYER);
        assertEquals(Map.of("ApplyOn", "None"), f.get("SnapStart"), "its caller invokes $LATEST, which never runs from a snapshot");
        assertFalse(f.containsKey("Events"), "invoked by CloudFormation only");
        assertEquals(List.of(Map.of("S3CrudPolicy", Map.of("BucketName", SITE_BUCKET)),
                        Map.of("Statement", List.of(Map.of("Effect", "Allow", "Action", "cloudfront:CreateInvalidation", "Resource", DISTRIBUTION_ARN)))),
                f.get("Policies"), "the one bucket and the one distribution");
        assertEquals(Map.of("Fn::Sub", "https://${SiteDistribution.DomainName}/"),
                map(map(TEMPLATE.raw().get("Outputs")).get("SiteUrl")).get("Value"));
    }

    @Test
    void corsIsOffUnlessAnotherOriginIsNamed() throws Exception {
        assertEquals("", map(TEMPLATE.parameters().get("CorsAllowedOrigin")).get("Default"), "page and API share the site's origin");
        Map<String, Object> cors = map(TEMPLATE.properties("ChipCastApi").get("CorsConfiguration"));
        assertEquals(Map.of("Fn::If", List.of("HasCorsAllowedOrigin", List.of(Map.of("Ref", "CorsAllowedOrigin")), Map.of("Ref", "AWS::NoValue"))),
                cors.get("AllowOrigins"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "CorsAllowedOrigin"), "")))),
                map(TEMPLATE.raw().get("Conditions")).get("HasCorsAllowedOrigin"));
        String readme = Files.readString(TestStack.ROOT.resolve("README.md"));
        assertTrue(readme.contains("`SiteUrl`") && readme.contains("`CorsAllowedOrigin` | empty"), "README's deploy section names SiteUrl and the CORS default");
    }

    /** Runs one of tools/*.mjs (the pinned npm validators) on a file: it must exit 0 and say it found nothing. */
    static void validatorAccepts(String tool, String file, String clean) throws Exception {
        Dynalite.ensureInstalled(TestStack.ROOT, Log.QUIET);
        Process node = new ProcessBuilder("node", "tools/" + tool, file)
                .directory(TestStack.ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes());
        assertTrue(node.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains(clean), output);
    }

    @Test
    void awsOfflineValidatorAcceptsTheTemplate() throws Exception {
        validatorAccepts("validate-template.mjs", "template.yaml", "0 error(s)");
    }

    /** @apidevtools/swagger-parser: the OpenAPI 3.0 schema, every $ref, the spec's rules; and additionalProperties: false. */
    @Test
    void theOpenApiValidatorAcceptsTheDocument() throws Exception {
        validatorAccepts("validate-openapi.mjs", "docs/openapi.yaml", "0 finding(s)");
    }

    @Test
    void readmeAndCiRunTheSameTwoCommands() throws Exception {
        String readme = Files.readString(TestStack.ROOT.resolve("README.md"));
        String ci = Files.readString(TestStack.ROOT.resolve(".ci/run"));
        assertTrue(readme.contains("./run-local.sh"), "README gives the run command");
        assertTrue(readme.contains("mvn -B verify"), "README gives the test command");
        assertTrue(ci.contains("mvn -B verify"), ".ci/run runs the README's test command");
    }

    @Test
    void readmeNamesEveryOutputModuleAndDoc() throws Exception {
        String readme = Files.readString(TestStack.ROOT.resolve("README.md"));
        for (String output : map(TEMPLATE.raw().get("Outputs")).keySet()) {
            assertTrue(readme.contains("`" + output + "`"), "README's deploy section names the output " + output);
        }
        String pom = Files.readString(TestStack.ROOT.resolve("pom.xml"));
        java.util.regex.Matcher module = java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (module.find()) {
            assertTrue(readme.contains(module.group(1) + "/"), "README's layout names the module " + module.group(1));
        }
        try (var docs = Files.list(TestStack.ROOT.resolve("docs"))) {
            for (String doc : docs.map(d -> d.getFileName().toString()).filter(n -> n.endsWith(".md") || n.endsWith(".yaml")).toList()) {
                assertTrue(readme.contains("(docs/" + doc + ")"), "README links docs/" + doc);
            }
        }
    }
}
