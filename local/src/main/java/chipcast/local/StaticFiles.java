package chipcast.local;

import chipcast.site.SiteFiles;
import chipcast.site.WebBuild;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The explorer beside the API, as the deployed stack will serve it from S3 behind CloudFront: the
 * Vite build in web/dist at {@code /} and {@code /assets/*}, the API reference at {@code /docs}, and
 * docs/openapi.yaml at {@code /openapi.yaml}. Only GET and HEAD of a path that no API route claims
 * (the router's answer is the {@code $default} route) and that names a built file are served here;
 * everything else goes on to the gateway, so API routes and the JSON 404 of unknown paths are
 * unchanged. Every answer carries the strict Content-Security-Policy CloudFront will send, so the
 * browser tests catch a violation locally.
 *
 * <p>web/dist is built by {@link WebBuild} (Maven runs it in the site deployer's module, whose jar bundles the
 * same files for the S3 upload).
 */
public final class StaticFiles {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; frame-ancestors 'none'";

    /** A path of the build: a file at its root, under assets/ or docs/; no dot files, no "..", no escapes. */
    private static final Pattern SAFE = Pattern.compile("/(?:(?:assets|docs)/)?[A-Za-z0-9][A-Za-z0-9._-]*");

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
        var headers = exchange.getResponseHeaders();
        // The types and cache rules the site deployer uploads with (hashed assets for a year, the rest revalidated).
        headers.set("Content-Type", SiteFiles.contentType(file.getFileName().toString()));
        headers.set("Cache-Control", SiteFiles.cacheControl(path));
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
        return file.startsWith(dist) && !file.getFileName().toString().equals(WebBuild.FINGERPRINT) ? file : null;
    }

    private boolean isApiRoute(String method, String path) {
        Router.Match match = router.match(method, path);
        return match != null && !"$default".equals(match.route().path());
    }
}
