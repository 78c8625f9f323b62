package chipcast.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite process (npm, MIT): a real DynamoDB wire protocol on localhost, in memory. Installs the
 * pinned version from package-lock.json on first use, so tests and the local server need no setup.
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Dynalite start(Path root, Log log) {
        ensureInstalled(root, log);
        int port = freePort();
        Path cli = root.resolve("node_modules/dynalite/cli.js");
        // Table create/delete/update delays off: otherwise the SDK's waiters sleep for seconds.
        ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .directory(root.toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(nodeMissing(), e);
        }
        Dynalite dynalite = new Dynalite(process, port);
        Runtime.getRuntime().addShutdownHook(new Thread(dynalite::close));
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        // One reader thread: it reports readiness, then keeps the pipe empty so dynalite never blocks on stdout.
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!ready.isDone()) {
                        if (line.contains("listening")) {
                            ready.complete(true);
                        } else {
                            log.info("dynalite: " + line);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(false);
        }, "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("dynalite exited before listening (port " + port + ")");
            }
        } catch (Exception e) {
            dynalite.close();
            throw new IllegalStateException("dynalite did not start: " + e.getMessage(), e);
        }
        return dynalite;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** `npm ci` from the committed package-lock.json when node_modules lacks dynalite or one of the validators. */
    public static synchronized void ensureInstalled(Path root, Log log) {
        if (Files.isRegularFile(root.resolve("node_modules/dynalite/cli.js"))
                && Files.isDirectory(root.resolve("node_modules/@aws/cloudformation-validate"))
                && Files.isDirectory(root.resolve("node_modules/@apidevtools/swagger-parser"))) {
            return;
        }
        log.info("installing dynalite, the template validator and the OpenAPI validator (npm ci, pinned by package-lock.json)...");
        List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        try {
            // npm's output goes to a file: under surefire, a child writing to the JVM's stdout corrupts its channel.
            Path npmLog = Files.createTempFile("chipcast-npm-ci", ".log");
            Process npm = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(npmLog.toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + root + ": " + Files.readString(npmLog).strip());
            }
            Files.deleteIfExists(npmLog);
        } catch (IOException e) {
            throw new IllegalStateException(nodeMissing(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        }
    }

    static String nodeMissing() {
        return "Node.js (node and npm, version 20 or later) is needed to run dynalite, the local DynamoDB. "
                + "Install it from https://nodejs.org or your package manager (e.g. apt-get install nodejs npm), "
                + "or set DYNAMODB_ENDPOINT to a running DynamoDB-compatible endpoint.";
    }

    static int freePort() {
        // dynalite's --port 0 silently binds 4567, so pick a free port ourselves.
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
