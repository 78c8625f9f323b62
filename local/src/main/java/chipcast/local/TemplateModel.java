package chipcast.local;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml as the local server and the tests see it: functions, their routes, environment and
 * policies, and the tables. CloudFormation's short tags (!Ref, !GetAtt, !Sub...) are kept as their
 * long forms ({"Ref": x}), which jackson-dataformat-yaml would silently drop.
 */
public final class TemplateModel {
    private final Map<String, Object> template;

    public record Route(String method, String path, String functionId, String eventId, boolean iamAuth) {
        public String routeKey() {
            return "$default".equals(path) ? "$default" : method + " " + path;
        }
    }

    public record FunctionDef(String id, String handler, String codeUri, Map<String, Object> environment,
                              List<Object> policies, Map<String, Object> properties) {
        public String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }
    }

    private TemplateModel(Map<String, Object> template) {
        this.template = template;
    }

    public static TemplateModel load(Path file) {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new CloudFormationConstructor(options));
        try (Reader reader = Files.newBufferedReader(file)) {
            return new TemplateModel(yaml.load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public Map<String, Object> raw() {
        return template;
    }

    public Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    public Map<String, Object> parameters() {
        return template.containsKey("Parameters") ? map(template.get("Parameters")) : Map.of();
    }

    public Map<String, Object> resource(String id) {
        return map(resources().get(id));
    }

    public Map<String, Object> properties(String id) {
        Object props = resource(id).get("Properties");
        return props == null ? Map.of() : map(props);
    }

    public String type(String id) {
        return (String) resource(id).get("Type");
    }

    public List<String> idsOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Every AWS::Serverless::Function, with Globals not merged (none of them matter locally). */
    public Map<String, FunctionDef> functions() {
        Map<String, FunctionDef> functions = new LinkedHashMap<>();
        for (String id : idsOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = properties(id);
            Map<String, Object> env = Map.of();
            if (p.get("Environment") != null) {
                Object vars = map(p.get("Environment")).get("Variables");
                env = vars == null ? Map.of() : map(vars);
            }
            List<Object> policies = p.get("Policies") instanceof List<?> l ? new ArrayList<>(l) : List.of();
            functions.put(id, new FunctionDef(id, (String) p.get("Handler"), (String) p.get("CodeUri"), env, policies, p));
        }
        return functions;
    }

    /** The HttpApi routes of every function, as API Gateway will key them. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (FunctionDef f : functions().values()) {
            Object events = f.properties().get("Events");
            if (events == null) {
                continue;
            }
            map(events).forEach((eventId, e) -> {
                Map<String, Object> event = map(e);
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> p = map(event.get("Properties"));
                String method = String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT);
                boolean iam = p.get("Auth") != null && "AWS_IAM".equals(map(p.get("Auth")).get("Authorizer"));
                routes.add(new Route("ANY".equals(method) ? "ANY" : method, (String) p.get("Path"), f.id(), eventId, iam));
            });
        }
        return routes;
    }

    public List<String> tableIds() {
        return idsOfType("AWS::DynamoDB::Table");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("template: expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }

    /** Turns intrinsic-function tags into the long form CloudFormation itself accepts. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            for (String fn : List.of("Ref", "GetAtt", "Sub", "Join", "If", "Select", "Split", "Equals", "Not", "And",
                    "Or", "FindInMap", "ImportValue", "GetAZs", "Base64", "Cidr", "Condition", "Transform")) {
                String longName = "Ref".equals(fn) || "Condition".equals(fn) ? fn : "Fn::" + fn;
                this.yamlConstructors.put(new Tag("!" + fn), new Intrinsic(longName));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if ("Fn::GetAtt".equals(name)) {
                        value = List.of(((String) value).split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode seq) {
                    value = constructSequence(seq);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(name, value);
            }
        }
    }
}
