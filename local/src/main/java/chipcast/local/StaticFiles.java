package chipcast.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The explorer beside the API, as the deployed stack will serve it from S3 behind CloudFront: the
 * Vite build in web/dist at {@code /} and {@code /assets/*}, the API reference at {@code /docs}, and
 * docs/openapi.yaml at {@code /openapi.yaml}. Only GET and HEAD of a path that no API route claims
 * (the router's answer is the {@code $default} route) and that names a built file are served here;
 * everything else goes on to the gateway, so API routes and the JSON 404 of unknown paths are
 * unchanged. Every answer carries the strict Content-Security-Policy CloudFront will send, so the
 * browser tests catch a violation locally.
 *
 * <p>{@link #main} (run by Maven at process-classes, and by the browser test) builds web/dist when its
 * inputs changed: {@code npm ci} when web/package-lock.json changed, then {@code vite build}.
 */
public final class StaticFiles {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; frame-ancestors 'none'";

    /** A path of the build: a file at its root, under assets/ or docs/; no dot files, no "..", no escapes. */
    private static final Pattern SAFE = Pattern.compile("/(?:(?:assets|docs)/)?[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "yaml", "application/yaml; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    private static final String FINGERPRINT = ".build-fingerprint";

    private final Path dist;
    private final Path openapi;
    private final Router router;

    public StaticFiles(Path root, Router router) {
        this.dist = root.resolve("web/dist").toAbsolutePath().normalize();
        this.openapi = root.resolve("docs/openapi.yaml").toAbsolutePath().normalize();
        this.router = router;
    }

    /** Answers the exchange when it asks for a built file; false leaves it to the API gateway. */
    public boolean serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = exchange.getRequestURI().getRawPath();
        Path file = file(path);
        if (file == null || !Files.isRegularFile(file) || isApiRoute(method, path)) {
            return false;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        // Vite names assets by content hash, so they never change; pages and the document must be revalidated.
        headers.set("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(200, -1);
            return true;
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return true;
    }

    /** The file a raw request path names, or null when it names none this class serves. */
    Path file(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        switch (rawPath) {
            case "/":
                return dist.resolve("index.html");
            case "/docs":
            case "/docs/":
                return dist.resolve("docs/index.html");
            case "/openapi.yaml":
                return openapi;
            default:
                break;
        }
        if (!SAFE.matcher(rawPath).matches()) {
            return null;
        }
        Path file = dist.resolve(rawPath.substring(1)).normalize();
        return file.startsWith(dist) && !file.getFileName().toString().equals(FINGERPRINT) ? file : null;
    }

    private boolean isApiRoute(String method, String path) {
        Router.Match match = router.match(method, path);
        return match != null && !"$default".equals(match.route().path());
    }

    // ------------------------------------------------------------------ the build

    /** Maven (process-classes): {@code StaticFiles <repository root>} builds web/dist when it is stale. */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("chipcast.root", ".")).toAbsolutePath().normalize();
        // Runs inside Maven's JVM (exec:java): a failure is thrown, never System.exit.
        ensureBuilt(root, Log.STDERR, false);
    }

    /**
     * Builds web/dist unless its fingerprint (a SHA-256 of the build's inputs) is current. Without
     * Node.js: fails when {@code required}, otherwise says the explorer is not built and returns (the
     * API needs no Node.js when DYNAMODB_ENDPOINT is set).
     */
    public static synchronized void ensureBuilt(Path root, Log log, boolean required) {
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
            log.info(message + "; the API works without it");
            return;
        }
        ensureInstalled(root, log);
        log.info("building the explorer (web/ -> web/dist, vite build) ...");
        run(web, List.of("npm", "run", "--silent", "build"), 5);
        write(stamp, fingerprint);
    }

    /** {@code npm ci} in web/ unless node_modules was installed from the current web/package-lock.json. */
    public static synchronized void ensureInstalled(Path root, Log log) {
        Path web = root.resolve("web");
        if (!nodeWorks()) {
            throw new IllegalStateException(NODE_NEEDED);
        }
        String lockHash = sha256(read(web.resolve("package-lock.json")));
        Path lockStamp = web.resolve("node_modules/.chipcast-lock-sha256");
        if (!lockHash.equals(readOrNull(lockStamp))) {
            log.info("installing the explorer's npm packages (web/: npm ci, pinned by web/package-lock.json) ...");
            run(web, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 10);
            write(lockStamp, lockHash);
        }
    }

    private static final String NODE_NEEDED = "Node.js 20.19+ with npm is needed (https://nodejs.org, or apt-get install nodejs npm)";

    private static boolean nodeWorks() {
        return commandWorks(List.of("node", "--version")) && commandWorks(List.of("npm", "--version"));
    }

    /** The build's inputs: the lock file, the Vite config, the pages, src/, public/ and the OpenAPI document. */
    static String fingerprint(Path root) {
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
    static void run(Path dir, List<String> command, int minutes) {
        run(dir, Map.of(), command, minutes);
    }

    /** Runs a command in `dir` with extra environment variables; fails with its output when it fails. */
    static void run(Path dir, Map<String, String> environment, List<String> command, int minutes) {
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

    static boolean commandWorks(List<String> command) {
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
