package chipcast.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The explorer's files as the bucket holds them (the Vite build, web/dist, which this function's jar bundles under
 * {@code site/}): each with its key, Content-Type and Cache-Control, in upload order. The same types and cache
 * rules are what the local server sends (chipcast.local.StaticFiles), so the browser tests see what CloudFront will
 * serve.
 */
public final class SiteFiles {
    /** Where the jar holds the build. */
    public static final String RESOURCE_ROOT = "site";
    /** Vite names these by content hash, so they never change: cached for a year. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Pages and the OpenAPI document keep their names: revalidated on every use. */
    public static final String REVALIDATE = "no-cache";

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

    /**
     * One object of the bucket.
     *
     * @param key  the S3 key, the request path without its leading slash
     */
    public record SiteObject(String key, byte[] body, String contentType, String cacheControl) {
    }

    private SiteFiles() {
    }

    /** The Content-Type of a file by its extension (application/octet-stream for one not listed). */
    public static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    /** The Cache-Control of a request path ("/assets/..." or a key "assets/..."). */
    public static String cacheControl(String path) {
        return path.startsWith("/assets/") || path.startsWith("assets/") ? IMMUTABLE : REVALIDATE;
    }

    /**
     * The objects to upload from a build directory: every file but dot files, plus {@code docs/index.html} again
     * under {@code docs} and {@code docs/}, the keys CloudFront asks S3 for at {@code /docs} and {@code /docs/} (S3
     * behind OAC has no index documents but the distribution's root). Hashed assets first and pages last, so a page
     * is never served before the files it names.
     */
    public static List<SiteObject> from(Path dir) {
        List<SiteObject> objects = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String key = dir.relativize(file).toString().replace('\\', '/');
                if (key.startsWith(".") || key.contains("/.")) {
                    continue;
                }
                byte[] body = Files.readAllBytes(file);
                objects.add(new SiteObject(key, body, contentType(key), cacheControl(key)));
                if (key.equals("docs/index.html")) {
                    objects.add(new SiteObject("docs", body, contentType(key), REVALIDATE));
                    objects.add(new SiteObject("docs/", body, contentType(key), REVALIDATE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects.sort(Comparator.comparingInt(SiteFiles::rank).thenComparing(SiteObject::key));
        return objects;
    }

    private static int rank(SiteObject o) {
        if (o.key().startsWith("assets/")) {
            return 0;
        }
        return o.contentType().startsWith("text/html") ? 2 : 1;
    }

    /** The build this function's jar (or, in Lambda, its unpacked code) bundles; empty when it bundles none. */
    public static List<SiteObject> bundled() {
        URL index = SiteFiles.class.getClassLoader().getResource(RESOURCE_ROOT + "/index.html");
        if (index == null) {
            return List.of();
        }
        try {
            if ("jar".equals(index.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(index.toURI(), Map.of())) {
                    return from(jar.getPath("/" + RESOURCE_ROOT));
                }
            }
            return from(Path.of(index.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
