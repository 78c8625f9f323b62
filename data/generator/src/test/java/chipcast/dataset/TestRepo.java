package chipcast.dataset;

import chipcast.dataset.json.Mapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A copy of the repository's data/sources (and data/*.json) in a temporary directory, which a test may change:
 * add a fixture input, edit a curation file. The repository itself is never written.
 */
final class TestRepo {
    final Layout layout;

    private TestRepo(Path root) {
        this.layout = new Layout(root);
    }

    static TestRepo copyOf(Layout repo, Path dir) {
        try {
            Path from = repo.root().resolve("data");
            Path to = dir.resolve("data");
            try (Stream<Path> files = Files.walk(from.resolve("sources"))) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            for (String name : DatasetBuild.DEFAULT_FILES) {
                Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            // the tests define which optional inputs exist: start from none
            for (String optional : new String[] {Layout.CHIPS_ADDED, Layout.CHIPS_AUDIT, Layout.CHIP_PRICES,
                    Layout.FORECASTS, Layout.BENCHMARKS, Layout.MODELS}) {
                Files.deleteIfExists(dir.resolve(optional));
            }
            return new TestRepo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies src/test/resources/fixtures/{file name of input} to the input's place. */
    TestRepo withFixture(String input) {
        String name = Path.of(input).getFileName().toString();
        try (InputStream in = TestRepo.class.getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, layout.path(input), StandardCopyOption.REPLACE_EXISTING);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input as a tree, to change and write back with {@link #write}. */
    JsonNode read(String input) {
        return Mapper.readTree(layout.path(input), input);
    }

    ObjectNode readObject(String input) {
        return (ObjectNode) read(input);
    }

    ArrayNode readArray(String input) {
        return (ArrayNode) read(input);
    }

    TestRepo write(String input, JsonNode tree) {
        try {
            Files.writeString(layout.path(input), Mapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DatasetBuild.Result build(boolean extended) {
        return DatasetBuild.run(layout, extended);
    }

    /** The built data/{name} as a tree. */
    static JsonNode tree(DatasetBuild.Result result, String name) {
        try {
            return Mapper.MAPPER.readTree(result.files().get(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode chip(DatasetBuild.Result result, String id) {
        for (JsonNode c : tree(result, "chips.json")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
