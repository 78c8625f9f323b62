package chipcast.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the explorer, web/ into web/dist, when its inputs changed: {@code npm ci} when web/package-lock.json
 * changed, then {@code vite build}. Maven runs it at process-classes of this module (so the site deployer's jar
 * bundles the build, and the local server serves it); the browser test runs it too. A build tool, not part of
 * the function: the shade leaves it out of the Lambda jar.
 */
public final class WebBuild {
    /** The stamp in web/dist: the SHA-256 of the inputs the build was made from. */
    public static final String FINGERPRINT = ".build-fingerprint";
    private static final String NODE_NEEDED = "Node.js 20.19+ with npm is needed (https://nodejs.org, or apt-get install nodejs npm)";

    private WebBuild() {
    }

    /** Maven (process-classes): {@code WebBuild <repository root>} builds web/dist when it is stale. */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        // Runs inside Maven's JVM (exec:java): a failure is thrown, never System.exit.
        ensureBuilt(root, message -> System.err.println("[chipcast] " + message), false);
    }

    /**
     * Builds web/dist unless its fingerprint (a SHA-256 of the build's inputs) is current. Without
     * Node.js: fails when {@code required}, otherwise says the explorer is not built and returns (the
     * API needs no Node.js when DYNAMODB_ENDPOINT is set).
     */
    public static synchronized void ensureBuilt(Path root, Consumer<String> log, boolean required) {
        Path web = root.resolve("web");
        if (!Files.isRegularFile(web.resolve("package.json"))) {
            return;
        }
        String fingerprint = fingerprint(root);
        Path stamp = web.resolve("dist").resolve(FINGERPRINT);
        if (Files.isRegularFile(web.resolve("dist/index.html")) && fingerprint.equals(readOrNull(stamp))) {
            return;
        }
        if (!nodeWorks()) {
            String message = "the explorer (web/) is not built: " + NODE_NEEDED;
            if (required) {
                throw new IllegalStateException(message);
            }
            log.accept(message + "; the API works without it");
            return;
        }
        ensureInstalled(root, log);
        log.accept("building the explorer (web/ -> web/dist, vite build) ...");
        run(web, List.of("npm", "run", "--silent", "build"), 5);
        write(stamp, fingerprint);
    }

    /** {@code npm ci} in web/ unless node_modules was installed from the current web/package-lock.json. */
    public static synchronized void ensureInstalled(Path root, Consumer<String> log) {
        Path web = root.resolve("web");
        if (!nodeWorks()) {
            throw new IllegalStateException(NODE_NEEDED);
        }
        String lockHash = sha256(read(web.resolve("package-lock.json")));
        Path lockStamp = web.resolve("node_modules/.chipcast-lock-sha256");
        if (!lockHash.equals(readOrNull(lockStamp))) {
            log.accept("installing the explorer's npm packages (web/: npm ci, pinned by web/package-lock.json) ...");
            run(web, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 10);
            write(lockStamp, lockHash);
        }
    }

    private static boolean nodeWorks() {
        return commandWorks(List.of("node", "--version")) && commandWorks(List.of("npm", "--version"));
    }

    /**
     * The build's inputs: the lock file, the Vite config, the pages, src/, public/ and the OpenAPI document. The
     * same hash is template.yaml's SiteAssetsSha256, so a changed site re-runs the upload.
     */
    public static String fingerprint(Path root) {
        Path web = root.resolve("web");
        List<Path> files = new ArrayList<>();
        for (String name : List.of("package-lock.json", "vite.config.js", "index.html", "docs/index.html")) {
            files.add(web.resolve(name));
        }
        for (String dir : List.of("src", "public")) {
            Path d = web.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> walk = Files.walk(d)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        files.add(root.resolve("docs/openapi.yaml"));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    digest.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(f));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command in `dir`; its output is shown only when it fails. */
    public static void run(Path dir, List<String> command, int minutes) {
        run(dir, Map.of(), command, minutes);
    }

    /** Runs a command in `dir` with extra environment variables; fails with its output when it fails. */
    public static void run(Path dir, Map<String, String> environment, List<String> command, int minutes) {
        try {
            Path output = Files.createTempFile("chipcast-web-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " in " + dir + " did not finish in " + minutes + " min");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    public static boolean commandWorks(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
