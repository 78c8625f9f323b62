package chipcast.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * ./run-local.sh entry point.
 * <pre>
 *   serve [--port 3000]                          the API on http://localhost:PORT
 *   invoke FunctionId --event events/x.json      one invocation, like `sam local invoke`
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("invoke")) {
            System.exit(invoke(root, args));
        }
        int port = 3000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (!args[i].equals("serve")) {
                System.err.println("usage: run-local.sh [--port N] | run-local.sh invoke FunctionId --event FILE");
                System.exit(2);
            }
        }
        serve(root, port);
    }

    private static void serve(Path root, int port) throws Exception {
        Log log = Log.STDERR;
        LocalEnvironment env = LocalEnvironment.start(root, log);
        LocalServer server = new LocalServer(env, port, true);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: server and store");
            server.close();
            env.close();
            stopped.countDown();
        }));
        LocalServer.routesSummary(env.template()).forEach(r -> log.info("route " + r));
        log.info("listening on " + server.url() + "  (Ctrl-C stops the server and the store)");
        log.info("the explorer: " + server.url() + "/  (API reference: " + server.url() + "/docs)");
        log.info("try: curl " + server.url() + "/chips/nvidia-h100-sxm");
        stopped.await();
    }

    private static int invoke(Path root, String[] args) throws Exception {
        if (args.length != 4 || !args[2].equals("--event")) {
            System.err.println("usage: run-local.sh invoke FunctionId --event FILE");
            return 2;
        }
        String functionId = args[1];
        Path eventFile = Path.of(args[3]);
        if (!eventFile.isAbsolute()) {
            eventFile = Path.of(System.getProperty("user.dir")).resolve(eventFile);
        }
        if (!Files.isRegularFile(eventFile)) {
            System.err.println("no event file " + eventFile);
            return 2;
        }
        try (LocalEnvironment env = LocalEnvironment.start(root, Log.STDERR)) {
            if (!env.template().functions().containsKey(functionId)) {
                System.err.println("no function " + functionId + " in template.yaml; functions: "
                        + String.join(", ", env.template().functions().keySet()));
                return 2;
            }
            invoke(env, functionId, Files.readAllBytes(eventFile), new LocalContext(functionId, false), System.out);
            return 0;
        }
    }

    /**
     * One invocation as `./run-local.sh invoke` makes it: the answer, as the bytes the handler wrote (as `sam local
     * invoke` prints them), once on {@code out} and ending in a newline; what the function logs goes to its context.
     */
    static void invoke(LocalEnvironment env, String functionId, byte[] event, LocalContext context, PrintStream out) {
        String answer = new String(Invoker.invokeRaw(env.handler(functionId), event, context), StandardCharsets.UTF_8);
        out.print(answer.endsWith("\n") ? answer : answer + "\n");
        out.flush();
    }
}
