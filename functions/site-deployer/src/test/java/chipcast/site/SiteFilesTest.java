package chipcast.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which files go to the bucket, under which keys, with which Content-Type and Cache-Control, in which order. */
class SiteFilesTest {
    @TempDir
    Path dist;

    void file(String path, String text) throws Exception {
        Path f = dist.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    @Test
    void everyBuiltFileWithItsTypeAndCacheRuleHashedAssetsFirstPagesLast() throws Exception {
        file("index.html", "<!doctype html>");
        file("docs/index.html", "<!doctype html><title>docs</title>");
        file("assets/explorer-B9yB7g6S.js", "js");
        file("assets/explorer-G2yfVJYC.css", "css");
        file("assets/logo-1a2b.png", "png");
        file("favicon.svg", "<svg/>");
        file("openapi.yaml", "openapi: 3.0.3");
        file(".build-fingerprint", "abc");
        file("assets/.hidden", "x");

        List<SiteFiles.SiteObject> objects = SiteFiles.from(dist);
        assertEquals(List.of("assets/explorer-B9yB7g6S.js", "assets/explorer-G2yfVJYC.css", "assets/logo-1a2b.png",
                        "favicon.svg", "openapi.yaml", "docs", "docs/", "docs/index.html", "index.html"),
                objects.stream().map(SiteFiles.SiteObject::key).toList(),
                "hashed assets, then the other files, then the pages; no dot files; /docs and /docs/ as keys of their own");
        for (SiteFiles.SiteObject o : objects) {
            String expected = switch (o.key().substring(o.key().lastIndexOf('.') + 1)) {
                case "js" -> "text/javascript; charset=utf-8";
                case "css" -> "text/css; charset=utf-8";
                case "png" -> "image/png";
                case "svg" -> "image/svg+xml";
                case "yaml" -> "application/yaml; charset=utf-8";
                default -> "text/html; charset=utf-8";
            };
            assertEquals(expected, o.contentType(), o.key());
            assertEquals(o.key().startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache", o.cacheControl(), o.key());
        }
        SiteFiles.SiteObject docs = objects.stream().filter(o -> o.key().equals("docs")).findFirst().orElseThrow();
        assertArrayEquals(Files.readAllBytes(dist.resolve("docs/index.html")), docs.body(), "/docs is the docs page");
    }

    @Test
    void typesByExtensionAndCacheByPath() {
        assertEquals("font/woff2", SiteFiles.contentType("a.WOFF2"));
        assertEquals("application/octet-stream", SiteFiles.contentType("README"));
        assertEquals("application/octet-stream", SiteFiles.contentType("x.exe"));
        assertEquals(SiteFiles.IMMUTABLE, SiteFiles.cacheControl("/assets/x.js"));
        assertEquals(SiteFiles.REVALIDATE, SiteFiles.cacheControl("/index.html"));
        assertEquals(SiteFiles.REVALIDATE, SiteFiles.cacheControl("/docs"));
    }
}
