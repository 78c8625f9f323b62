package chipcast.local;

import chipcast.core.store.dynamodb.DynamoClients;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static chipcast.local.TemplateModel.list;
import static chipcast.local.TemplateModel.map;

/**
 * The deployed stack, locally: a DynamoDB endpoint (dynalite started here, or DYNAMODB_ENDPOINT), the
 * tables of template.yaml, the bundled dataset, and each function's handler built with the environment
 * the template gives it. Tables are named after their logical ids.
 */
public final class LocalEnvironment implements AutoCloseable {
    /** Values for parameters without a usable default; never used outside this machine. */
    static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "PageTokenSecret", "local-only-page-token-secret-0123456789");

    private final Path root;
    private final TemplateModel template;
    private final Dynalite dynalite;
    private final String endpoint;
    private final DynamoDbClient dynamo;
    private final Map<String, Object> handlers = new HashMap<>();

    private LocalEnvironment(Path root, TemplateModel template, Dynalite dynalite, String endpoint, DynamoDbClient dynamo) {
        this.root = root;
        this.template = template;
        this.dynalite = dynalite;
        this.endpoint = endpoint;
        this.dynamo = dynamo;
    }

    /** Starts (or connects to) the store, creates the template's tables and seeds the dataset. */
    public static LocalEnvironment start(Path root, Log log, ExecutionInterceptor... interceptors) {
        TemplateModel template = TemplateModel.load(root.resolve("template.yaml"));
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        Dynalite dynalite = null;
        if (endpoint == null || endpoint.isBlank()) {
            log.info("starting the store: dynalite (in-memory DynamoDB) ...");
            dynalite = Dynalite.start(root, log);
            endpoint = dynalite.endpoint();
            log.info("store listening on " + endpoint);
        } else {
            log.info("using the store at DYNAMODB_ENDPOINT=" + endpoint);
        }
        Map<String, String> clientEnv = new HashMap<>(System.getenv());
        clientEnv.put("DYNAMODB_ENDPOINT", endpoint);
        clientEnv.putIfAbsent("AWS_REGION", "us-east-1");
        DynamoDbClient dynamo = DynamoClients.builder(clientEnv, interceptors).build();
        LocalEnvironment env = new LocalEnvironment(root, template, dynalite, endpoint, dynamo);
        try {
            env.createTables(log);
            env.seed(log);
            env.runSchedules(log);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
        return env;
    }

    public TemplateModel template() {
        return template;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public String endpoint() {
        return endpoint;
    }

    public Path root() {
        return root;
    }

    /** The function's environment as deployed: table references become local table names. */
    public Map<String, String> environment(String functionId) {
        TemplateModel.FunctionDef function = template.functions().get(functionId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionId + " in template.yaml");
        }
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, resolve(value)));
        env.put("AWS_REGION", "us-east-1");
        env.put("DYNAMODB_ENDPOINT", endpoint);
        return env;
    }

    /** The handler of a function, built once like a warm Lambda container. */
    public synchronized Object handler(String functionId) {
        return handlers.computeIfAbsent(functionId, id -> newHandler(id, dynamo));
    }

    /** A fresh handler of a function with the given client (tests inject faulty stores this way). */
    public Object newHandler(String functionId, DynamoDbClient client) {
        String className = template.functions().get(functionId).handlerClass();
        try {
            Class<?> type = Class.forName(className);
            try {
                Constructor<?> constructor = type.getConstructor(DynamoDbClient.class, Map.class);
                return constructor.newInstance(client, environment(functionId));
            } catch (NoSuchMethodException e) {
                // A function without a table (the site deployer: S3 and CloudFront) builds its clients from the environment.
                return type.getConstructor(Map.class).newInstance(environment(functionId));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build handler " + className + " of " + functionId
                    + ": it needs a public (DynamoDbClient, Map<String,String>) or (Map<String,String>) constructor", e);
        }
    }

    String resolve(Object value) {
        if (value instanceof Map<?, ?> m && m.containsKey("Ref")) {
            String ref = String.valueOf(m.get("Ref"));
            if (template.resources().containsKey(ref)) {
                return ref; // a table's local name is its logical id
            }
            if (template.parameters().containsKey(ref)) {
                return parameterValue(ref);
            }
            throw new IllegalStateException("template: cannot resolve !Ref " + ref + " locally");
        }
        if (value instanceof Map<?, ?> m && m.containsKey("Fn::GetAtt")) {
            return "local:" + m.get("Fn::GetAtt");
        }
        return String.valueOf(value);
    }

    String parameterValue(String name) {
        if (LOCAL_PARAMETERS.containsKey(name)) {
            return LOCAL_PARAMETERS.get(name);
        }
        Object def = map(template.parameters().get(name)).get("Default");
        if (def == null) {
            throw new IllegalStateException("template parameter " + name + " has no default and no local value");
        }
        return String.valueOf(def);
    }

    private void createTables(Log log) {
        List<String> ids = template.tableIds();
        log.info("creating tables from template.yaml: " + String.join(", ", ids));
        for (String id : ids) {
            createTable(dynamo, createTableRequest(id, map(template.properties(id))));
        }
    }

    /**
     * Creates a table (keeping one that exists, e.g. behind DYNAMODB_ENDPOINT) and waits until it is
     * ACTIVE: even with --createTableMs 0, dynalite answers CreateTable before the table takes writes.
     * A short poll instead of the SDK waiter, whose first retry sleeps 20 s.
     */
    public static void createTable(DynamoDbClient dynamo, CreateTableRequest request) {
        try {
            dynamo.createTable(request);
        } catch (ResourceInUseException e) {
            // exists already: keep it
        }
        for (int attempt = 0; attempt < 500; attempt++) {
            if (dynamo.describeTable(r -> r.tableName(request.tableName())).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + request.tableName(), e);
            }
        }
        throw new IllegalStateException("table " + request.tableName() + " did not become ACTIVE");
    }

    static CreateTableRequest createTableRequest(String name, Map<String, Object> props) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : list(props.get("AttributeDefinitions"))) {
            Map<String, Object> def = map(a);
            attributes.add(AttributeDefinition.builder().attributeName((String) def.get("AttributeName"))
                    .attributeType((String) def.get("AttributeType")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : list(props.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> gsi = map(g);
            Map<String, Object> projection = map(gsi.get("Projection"));
            Projection.Builder p = Projection.builder().projectionType((String) projection.get("ProjectionType"));
            if (projection.get("NonKeyAttributes") != null) {
                p.nonKeyAttributes(list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName((String) gsi.get("IndexName"))
                    .keySchema(keySchema(gsi.get("KeySchema"))).projection(p.build()).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attributes).keySchema(keySchema(props.get("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : list(raw)) {
            Map<String, Object> key = map(k);
            keys.add(KeySchemaElement.builder().attributeName((String) key.get("AttributeName"))
                    .keyType((String) key.get("KeyType")).build());
        }
        return keys;
    }

    private void seed(Log log) {
        // The loader function's own code seeds the local store, with the environment the template gives it.
        chipcast.loader.DatasetLoader loader = new chipcast.loader.DatasetLoader(dynamo, environment("DataLoaderFunction"));
        Map<String, Integer> written = loader.load();
        log.info("seeded the dataset: " + written);
    }

    /** Runs each scheduled function once with its schedule's Input, as the deployed stack does after the load. */
    @SuppressWarnings("unchecked")
    void runSchedules(Log log) {
        for (TemplateModel.FunctionDef f : template.functions().values()) {
            Object events = f.properties().get("Events");
            if (events == null) {
                continue;
            }
            for (Object e : map(events).values()) {
                Map<String, Object> event = map(e);
                if (!String.valueOf(event.get("Type")).startsWith("Schedule")) {
                    continue;
                }
                Object input = map(event.get("Properties")).get("Input");
                Map<String, Object> payload;
                try {
                    payload = input == null ? Map.of() : LocalJson.MAPPER.readValue(String.valueOf(input), Map.class);
                } catch (Exception ex) {
                    throw new IllegalStateException(f.id() + ": schedule Input is not JSON", ex);
                }
                log.info("running " + f.id() + " once, as its schedule would ...");
                Object result = Invoker.invoke(handler(f.id()), payload, new LocalContext(f.id(), true));
                log.info(f.id() + ": " + LocalJson.write(result));
            }
        }
    }

    @Override
    public void close() {
        dynamo.close();
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
