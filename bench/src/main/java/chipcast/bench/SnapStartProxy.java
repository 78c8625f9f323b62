package chipcast.bench;

import chipcast.core.snapstart.Priming;
import chipcast.core.store.dynamodb.DynamoClients;
import chipcast.local.Invoker;
import chipcast.local.LocalContext;
import chipcast.local.LocalEnvironment;
import chipcast.local.LocalJson;
import chipcast.local.Log;
import chipcast.local.TemplateModel;
import chipcast.recalc.RecalculationHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a user hits on a SnapStart function, approximated in one JVM: construct each function (its init), run
 * its priming (what beforeCheckpoint runs before the snapshot), then the first real invocation of every route it
 * serves, then that invocation warm. Per route: the classes loaded by the first invocation after priming (the
 * snapshot holds everything loaded before it; goal 0) and the first invocation's time over the warm median
 * (goal <= 1.3x). A restore also pays for page faults and re-resolving credentials, which this cannot see.
 *
 * <p>The parent JVM starts a child JVM (C1 only and serial GC, as Lambda's java runtimes) with a java agent that
 * lists the loaded classes before and after each first invocation. System properties: chipcast.root,
 * proxy.warm (warm invocations per route, default 300), proxy.rounds (priming rounds, default Priming.ROUNDS),
 * proxy.repeat (child JVMs, default 5).
 */
public final class SnapStartProxy {
    static final String MARK = "@@proxy ";

    record Case(String function, String route, String eventFile, byte[] event) {
    }

    record Row(String function, String route, String eventFile, int classes, List<String> classNames,
               double firstMs, double warmMedianMs) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child();
            return;
        }
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        int repeat = Integer.getInteger("proxy.repeat", 5);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dchipcast.root=" + root, "-Dproxy.warm=" + Integer.getInteger("proxy.warm", 300),
                "-Dproxy.rounds=" + Integer.getInteger("proxy.rounds", Priming.ROUNDS),
                "-cp", System.getProperty("java.class.path"), SnapStartProxy.class.getName(), "--child"));
        // A first invocation is one sample: each child JVM gives one per route, and the table is over several.
        Map<String, List<Row>> byRoute = new LinkedHashMap<>();
        for (int run = 0; run < repeat; run++) {
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    int at = line.indexOf(MARK + "end ");
                    if (at >= 0) {
                        // end <function> <route> <eventFile> <firstMs> <warmMedianMs> <class,class,...>
                        String[] f = line.substring(at + (MARK + "end ").length()).split("\t", -1);
                        List<String> names = f[5].isEmpty() ? List.of() : List.of(f[5].split(","));
                        byRoute.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>()).add(new Row(f[0], f[1], f[2],
                                names.size(), names, Double.parseDouble(f[3]), Double.parseDouble(f[4])));
                    }
                }
            }
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the proxy's child JVM failed");
            }
        }
        print(byRoute, repeat);
    }

    static void print(Map<String, List<Row>> byRoute, int repeat) {
        System.out.println("## SnapStart proxy: first invocation after priming, per route (" + repeat + " JVMs, medians)");
        System.out.println();
        System.out.println("| function | route | event | classes loaded after priming (max) | first invoke ms | warm median ms "
                + "| first / warm (median, range) |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        for (List<Row> runs : byRoute.values()) {
            Row r = runs.get(0);
            double[] ratios = runs.stream().mapToDouble(x -> x.firstMs() / x.warmMedianMs()).sorted().toArray();
            System.out.printf("| %s | `%s` | %s | %d | %.2f | %.2f | %.2fx (%.2f-%.2f) |%n", r.function(), r.route(), r.eventFile(),
                    runs.stream().mapToInt(Row::classes).max().orElse(0), median(runs.stream().mapToDouble(Row::firstMs).toArray()),
                    median(runs.stream().mapToDouble(Row::warmMedianMs).toArray()), median(ratios), ratios[0],
                    ratios[ratios.length - 1]);
        }
        System.out.println();
        for (List<Row> runs : byRoute.values()) {
            for (Row r : runs) {
                if (r.classes() > 0) {
                    System.out.println("- " + r.function() + " `" + r.route() + "`: " + String.join(", ",
                            r.classNames().subList(0, Math.min(12, r.classNames().size())))
                            + (r.classNames().size() > 12 ? ", ... (" + r.classNames().size() + ")" : ""));
                    break;
                }
            }
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The child: the stack, then per function construct, prime, first invocation of each route, warm runs. */
    static void child() throws Exception {
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        int warm = Integer.getInteger("proxy.warm", 300);
        try (LocalEnvironment stack = LocalEnvironment.start(root, Log.QUIET)) {
            Map<String, List<Case>> cases = cases(root, stack.template());
            for (Map.Entry<String, List<Case>> function : cases.entrySet()) {
                String id = function.getKey();
                DynamoDbClient client = DynamoClients.fromEnvironment(stack.environment(id));
                Object handler = stack.newHandler(id, client);
                prime(id, handler).beforeCheckpoint(null);
                if (handler instanceof chipcast.scenarios.ScenarioHandler scenarios) {
                    new Priming(scenarios.savePathPriming(), new LocalContext(id, true).getLogger(),
                            Integer.getInteger("proxy.rounds", Priming.ROUNDS)).beforeCheckpoint(null);
                }
                // The JIT compiles on background threads: a snapshot is taken after the priming hook returns and the
                // runtime checkpoints, by when the compile queue has drained. Give it that time here too.
                Thread.sleep(1000);
                storeFloor(id, client, stack, warm);
                Thread.sleep(1000);
                LocalContext context = new LocalContext(id, true);
                for (Case c : function.getValue()) {
                    java.util.Set<String> before = ProxyAgent.loaded();
                    long t0 = System.nanoTime();
                    Invoker.invokeRaw(handler, c.event(), context);
                    double first = (System.nanoTime() - t0) / 1e6;
                    java.util.Set<String> loadedByFirst = new java.util.TreeSet<>(ProxyAgent.loaded());
                    loadedByFirst.removeAll(before); // nothing is counted between end of the first invocation and its warm runs
                    double[] times = new double[warm];
                    for (int i = 0; i < warm; i++) {
                        long s = System.nanoTime();
                        Invoker.invokeRaw(handler, c.event(), context);
                        times[i] = (System.nanoTime() - s) / 1e6;
                    }
                    double[] last = Arrays.copyOfRange(times, warm / 2, warm);
                    Arrays.sort(last);
                    mark("end " + c.function() + "\t" + c.route() + "\t" + c.eventFile() + "\t" + first + "\t"
                            + last[last.length / 2] + "\t" + String.join(",", loadedByFirst));
                }
                client.close();
            }
        }
    }

    /**
     * The same pause before a bare GetItem on the same client: what the first call after a pause costs the store
     * path alone (the connection, the store process), so a route's ratio can be read against it.
     */
    static void storeFloor(String function, DynamoDbClient client, LocalEnvironment stack, int warm) {
        var request = software.amazon.awssdk.services.dynamodb.model.GetItemRequest.builder().tableName("ChipsTable")
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("nvidia-h100-sxm")))
                .build();
        long t0 = System.nanoTime();
        client.getItem(request);
        double first = (System.nanoTime() - t0) / 1e6;
        double[] times = new double[warm];
        for (int i = 0; i < warm; i++) {
            long s = System.nanoTime();
            client.getItem(request);
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] last = Arrays.copyOfRange(times, warm / 2, warm);
        Arrays.sort(last);
        mark("end " + function + "\tstore floor: bare GetItem after the same pause\t-\t" + first + "\t"
                + last[last.length / 2] + "\t");
    }

    /** The priming the function registers in its no-arg constructor, built here for the injected handler. */
    static Priming prime(String function, Object handler) throws Exception {
        if (handler instanceof RecalculationHandler r) {
            return new Priming(r.primingPath(), new LocalContext(function, true).getLogger(), RecalculationHandler.PRIMING_ROUNDS);
        }
        Method events = handler.getClass().getMethod("primingEvents");
        @SuppressWarnings("unchecked")
        Supplier<List<byte[]>> primed = () -> {
            try {
                return (List<byte[]>) events.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        return new Priming((RequestStreamHandler) handler, primed, Integer.getInteger("proxy.rounds", Priming.ROUNDS),
                new LocalContext(function, true).getLogger());
    }

    /**
     * Per SnapStart function, an events/ file for each of its routes (the first with that route key): what the
     * first real invocation sends. The data loader has no SnapStart; the recalculation's "route" is its schedule.
     */
    static Map<String, List<Case>> cases(Path root, TemplateModel template) throws IOException {
        Map<String, String> byRoute = new TreeMap<>();
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                byte[] event = Files.readAllBytes(file);
                String route = LocalJson.MAPPER.readTree(event).path("routeKey").asText("");
                String name = file.getFileName().toString();
                bytes.put(name, event);
                byRoute.putIfAbsent(route.isEmpty() && name.contains("recalculation") ? "schedule" : route, name);
            }
        }
        Map<String, List<Case>> cases = new LinkedHashMap<>();
        for (TemplateModel.Route r : template.routes()) {
            String file = byRoute.get(r.routeKey());
            if (file != null) {
                cases.computeIfAbsent(r.functionId(), k -> new ArrayList<>()).add(new Case(r.functionId(), r.routeKey(), file,
                        bytes.get(file)));
            }
        }
        String schedule = byRoute.get("schedule");
        if (schedule != null) {
            cases.put("RecalculationFunction", List.of(new Case("RecalculationFunction", "schedule", schedule,
                    bytes.get(schedule))));
        }
        return cases;
    }

    private static void mark(String what) {
        System.out.println(MARK + what);
        System.out.flush();
    }

    /** A jar holding only the manifest that names ProxyAgent (its class comes from the classpath). */
    static Path agentJar() throws IOException {
        Path jar = Files.createTempFile("chipcast-proxy-agent", ".jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", ProxyAgent.class.getName());
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        jar.toFile().deleteOnExit();
        return jar;
    }
}
