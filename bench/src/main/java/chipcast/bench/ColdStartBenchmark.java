package chipcast.bench;

import chipcast.local.LocalEnvironment;
import chipcast.local.Log;
import chipcast.local.TemplateModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts of every function of template.yaml, each in a fresh JVM on its deployment jar, beside the
 * floor (bare SDK GetItem) and a no-op handler, against a dynalite seeded like the deployed stack.
 * Subjects run round-robin so machine noise spreads evenly; a first round warms the page cache and is
 * discarded.
 *
 * <p>System properties: chipcast.root (repository root), coldstart.runs (default 10),
 * bench.harnessJar, bench.floorJar, bench.noopJar, and optionally bench.baselineRoot: a checkout of an
 * earlier commit with its functions packaged, whose jars run in the same rounds ("before: ..."),
 * coldstart.only (subject names, separated by ';', or by ',' when there is no ';': some names hold a comma),
 * coldstart.jvmArgs (extra flags for the fresh JVMs).
 */
public final class ColdStartBenchmark {
    /** The flags the Lambda java runtimes start the JVM with that change start-up: C1 only, serial GC. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    /** The event each function is invoked with: its most common request. */
    static final String FLOOR = "floor: bare SDK GetItem";

    /** A classpath folder holding only the SDK's global-interceptor list, naming ColdStartStoreTimer. */
    static final Path STORE_TIMER = storeTimerFolder();

    static Path storeTimerFolder() {
        try {
            Path folder = Files.createTempDirectory("chipcast-store-timer");
            Path list = folder.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
            Files.createDirectories(list.getParent());
            Files.writeString(list, "chipcast.bench.coldstart.ColdStartStoreTimer\n");
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final Map<String, String> EVENTS = Map.of(
            "ChipSpecFunction", "events/get-chip.json",
            "BenchmarkFunction", "events/get-benchmark.json",
            "ScenarioFunction", "events/compare-training.json",
            "ForecastFunction", "events/get-forecast.json",
            "RecalculationFunction", "events/scheduled-recalculation.json",
            "DataLoaderFunction", "events/dataset-load.json");

    /**
     * Deploy-time custom resources that talk to other services than DynamoDB (the site deployer: S3 and
     * CloudFront), have no SnapStart and no user waiting on them: not what the guard is for.
     */
    static final java.util.Set<String> NOT_MEASURED = java.util.Set.of("SiteDeployerFunction");

    record Subject(String name, Path jar, String handlerClass, Path event, Map<String, String> env, String expect) {
    }

    record Run(double jvmMs, double initMs, double parseMs, double invokeMs, double totalMs, double exitMs, double classes,
               boolean objectMapper, double cpuMs, double storeMs, int storeCalls) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        int runs = Integer.getInteger("coldstart.runs", 10);
        try (LocalEnvironment stack = LocalEnvironment.start(root, Log.STDERR)) {
            String only = System.getProperty("coldstart.only", "");
            List<Subject> subjects = subjects(root, stack).stream()
                    .filter(s -> only.isBlank() || List.of(only.split(only.contains(";") ? ";" : ",")).contains(s.name())).toList();
            Map<String, List<Run>> results = new LinkedHashMap<>();
            subjects.forEach(s -> results.put(s.name(), new ArrayList<>()));
            for (int round = 0; round <= runs; round++) {
                for (Subject s : subjects) {
                    Run run = launch(s);
                    if (round > 0) {
                        results.get(s.name()).add(run);
                    }
                }
                System.err.println("[bench] cold-start round " + round + "/" + runs + " done");
            }
            print(subjects, results, runs);
        }
    }

    static List<Subject> subjects(Path root, LocalEnvironment stack) throws IOException {
        Map<String, String> floorEnv = new LinkedHashMap<>(credentials());
        floorEnv.put("AWS_REGION", "us-east-1");
        floorEnv.put("DYNAMODB_ENDPOINT", stack.endpoint());
        floorEnv.put("CHIPS_TABLE", stack.environment("ChipSpecFunction").get("CHIPS_TABLE"));
        Path chipId = Files.createTempFile("chipcast-floor-event", ".txt");
        Files.writeString(chipId, "\"nvidia-h100-sxm\""); // a JSON string, as Lambda delivers a String event
        chipId.toFile().deleteOnExit();
        List<Subject> subjects = new ArrayList<>();
        // The floor and no-op are stream handlers, as ChipCast's functions: the runtime runs no serialiser.
        subjects.add(new Subject("no-op handler", jar("bench.noopJar"), "chipcast.bench.coldstart.NoOpStreamHandler",
                chipId, Map.of(), "noop"));
        subjects.add(new Subject(FLOOR, jar("bench.floorJar"), "chipcast.bench.floor.BareGetItemStreamHandler",
                chipId, floorEnv, "found"));
        for (TemplateModel.FunctionDef f : stack.template().functions().values()) {
            if (NOT_MEASURED.contains(f.id())) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>(stack.environment(f.id()));
            env.putAll(credentials());
            Path event = root.resolve(eventFor(root, f));
            boolean api = f.properties().get("Events") instanceof Map<?, ?> events
                    && events.values().stream().anyMatch(e -> e instanceof Map<?, ?> m && "HttpApi".equals(m.get("Type")));
            subjects.add(new Subject(f.id(), root.resolve(f.codeUri()), f.handlerClass(), event, env,
                    api ? "statusCode" : "SUCCESS"));
            String baseline = System.getProperty("bench.baselineRoot");
            if (baseline != null && !baseline.isBlank() && Files.isRegularFile(Path.of(baseline).resolve(f.codeUri()))) {
                subjects.add(new Subject("before: " + f.id(), Path.of(baseline).resolve(f.codeUri()), f.handlerClass(),
                        event, env, api ? "statusCode" : "SUCCESS"));
            }
        }
        return subjects;
    }

    /** The named event, else the first events/ file whose routeKey is one of the function's routes. */
    static String eventFor(Path root, TemplateModel.FunctionDef f) throws IOException {
        if (EVENTS.containsKey(f.id())) {
            return EVENTS.get(f.id());
        }
        TemplateModel template = TemplateModel.load(root.resolve("template.yaml"));
        List<String> routeKeys = template.routes().stream().filter(r -> r.functionId().equals(f.id()))
                .map(TemplateModel.Route::routeKey).toList();
        try (var files = Files.list(root.resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                String json = Files.readString(file);
                for (String key : routeKeys) {
                    if (json.contains("\"routeKey\": \"" + key + "\"") || json.contains("\"routeKey\":\"" + key + "\"")) {
                        return "events/" + file.getFileName();
                    }
                }
            }
        }
        throw new IllegalStateException("no event in events/ for " + f.id() + "; name one in ColdStartBenchmark.EVENTS");
    }

    /** Fake keys: the default chain finds them in the environment, as on Lambda. */
    static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench");
    }

    static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("set -D" + property + " (bench/run.sh does)");
        }
        return Path.of(value);
    }

    static Run launch(Subject s) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        String extra = System.getProperty("coldstart.jvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED"); // ColdStart.loaded asks the class loader, after the marks
        command.add("-cp");
        command.add(s.jar() + java.io.File.pathSeparator + jar("bench.harnessJar") + java.io.File.pathSeparator + STORE_TIMER);
        command.add("chipcast.bench.coldstart.ColdStart");
        command.add(s.handlerClass());
        command.add(s.event().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear(); // only what Lambda would set: no developer credentials or profiles leak in
        env.put("PATH", path);
        env.putAll(s.env());
        long launched = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        long exited = System.nanoTime();
        String marks = output.lines().filter(l -> l.startsWith("COLDSTART ")).findFirst().orElse(null);
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("");
        // A stack trace on the way (a missing class, a trimmed resource) fails the run even if the answer is right.
        if (code != 0 || marks == null || !answered(result, s.expect()) || output.contains("\tat ")) {
            throw new IllegalStateException(s.name() + " failed its cold start (exit " + code + "):\n" + output);
        }
        String[] t = marks.split(" ");
        long main = Long.parseLong(t[1]);
        long init = Long.parseLong(t[2]);
        long parsed = Long.parseLong(t[3]);
        long invoked = Long.parseLong(t[4]);
        double classes = output.lines().filter(l -> l.startsWith("CLASSES ")).mapToDouble(l -> Double.parseDouble(l.substring(8)))
                .findFirst().orElse(Double.NaN);
        return new Run(ms(main - launched), ms(init - main), ms(parsed - init), ms(invoked - parsed), ms(invoked - launched),
                ms(exited - launched), classes, output.contains("OBJECTMAPPER true"), cpuMs(output),
                storeField(output, 1) / 1e6, (int) storeField(output, 2));
    }

    /** From the child's "STORE nanos calls" line: time inside DynamoDB calls and their number. */
    static double storeField(String output, int field) {
        return output.lines().filter(l -> l.startsWith("STORE ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[field]))
                .findFirst().orElse(Double.NaN);
    }

    /** The child's CPU time to the end of its first invocation (clock ticks of 10 ms on Linux). */
    static double cpuMs(String output) {
        return output.lines().filter(l -> l.startsWith("CPUTICKS ")).map(l -> l.substring(9).trim())
                .filter(t -> t.matches("\\d+")).mapToDouble(t -> Long.parseLong(t) * 10.0).findFirst().orElse(Double.NaN);
    }

    /** The expected answer: for an API function a 200, whether a POJO response's toString or a stream's JSON. */
    static boolean answered(String result, String expect) {
        if (!expect.equals("statusCode")) {
            return result.contains(expect);
        }
        return result.contains("statusCode=200") || result.replace(" ", "").contains("\"statusCode\":200");
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void print(List<Subject> subjects, Map<String, List<Run>> results, int runs) throws IOException {
        double floor = Stats.of(results.getOrDefault(FLOOR, List.of()).stream().map(Run::totalMs).toList()).median();
        double floorCpu = Stats.of(results.getOrDefault(FLOOR, List.of()).stream().map(Run::cpuMs).toList()).median();
        List<Run> floorRuns = results.getOrDefault(FLOOR, List.of());
        System.out.println();
        System.out.println("## Cold start: fresh JVM, " + runs + " runs each, ms as median (min-max); JVM flags "
                + String.join(" ", LAMBDA_JVM_FLAGS));
        System.out.println();
        System.out.println("| subject | jar bytes | JVM start to main | init (constructor) | event parse | first invoke | total | x floor | x floor, paired | CPU ms | CPU x floor | store calls | in store calls | outside store calls | classes loaded | ObjectMapper loaded |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Subject s : subjects) {
            List<Run> r = results.get(s.name());
            Stats total = Stats.of(r.stream().map(Run::totalMs).toList());
            Stats cpu = Stats.of(r.stream().map(Run::cpuMs).toList());
            Stats store = Stats.of(r.stream().map(Run::storeMs).toList());
            Stats outside = Stats.of(r.stream().map(x -> x.totalMs() - x.storeMs()).toList());
            // Each round runs every subject once, in turn: a subject's ratio to the floor of its own round
            // cancels the machine's drift between rounds, which moves the floor itself by ~10%.
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < Math.min(r.size(), floorRuns.size()); i++) {
                paired.add(r.get(i).totalMs() / floorRuns.get(i).totalMs());
            }
            Stats pairedRatio = Stats.of(paired);
            System.out.printf("| %s | %,d | %s | %s | %s | %s | %s | %.2f | %s | %s | %.2f | %d | %s | %s | %,.0f | %s |%n", s.name(), Files.size(s.jar()),
                    Stats.of(r.stream().map(Run::jvmMs).toList()).cell(),
                    Stats.of(r.stream().map(Run::initMs).toList()).cell(),
                    Stats.of(r.stream().map(Run::parseMs).toList()).cell(),
                    Stats.of(r.stream().map(Run::invokeMs).toList()).cell(),
                    total.cell(), total.median() / floor, pairedRatio.ratioCell(), cpu.cell(), cpu.median() / floorCpu,
                    r.get(0).storeCalls(), store.cell(), outside.cell(),
                    Stats.of(r.stream().map(Run::classes).toList()).median(),
                    r.stream().anyMatch(Run::objectMapper) ? "yes" : "no");
        }
        System.out.println();
        System.out.println("total = JVM launch to the end of the first invocation (JVM exit not included). event parse = for a"
                + " stream handler the events/ file's bytes read, for a POJO handler the file read into its input type by the Lambda"
                + " runtime's serialiser (aws-lambda-java-serialization). x floor = the median total / the stream floor's median total. x floor, paired = the median (min-max) over rounds of total / the floor's total in the same round. CPU ms = user + system CPU of the whole JVM (all threads) to the end of the first invocation, from /proc/self/stat in 10 ms ticks: what a function with less than one vCPU pays, and far less disturbed by other load than wall time. in store calls = time inside the SDK's DynamoDB calls (a global interceptor, from each call's beforeExecution to its end: marshalling, signing, HTTP, unmarshalling); outside = total minus that: the JVM, the constructor and the function's own work. classes loaded ="
                + " the JVM's count after the first invocation (it includes the management API's own classes, the same for every row).");
    }
}
