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
 * replace an input by its fixture, edit a curation file. The repository itself is never written.
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
            for (String name : DatasetBuild.FILES) {
                Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            return new TestRepo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds src/test/resources/fixtures/{file name of input} to the input, before its entries (so a test's index 0 is
     * the fixture's first entry), as a user adds a record: the repository's own entries stay. For forecasts.json the
     * fixture's forecasts come first and the repository's FX rates stay.
     */
    TestRepo withFixture(String input) {
        String name = Path.of(input).getFileName().toString();
        try (InputStream in = TestRepo.class.getResourceAsStream("/fixtures/" + name)) {
            JsonNode fixture = Mapper.MAPPER.readTree(in);
            JsonNode real = read(input);
            if (real.isArray()) {
                ArrayNode merged = Mapper.MAPPER.createArrayNode().addAll((ArrayNode) fixture).addAll((ArrayNode) real);
                return write(input, merged);
            }
            ObjectNode merged = ((ObjectNode) real).deepCopy();
            merged.set("forecasts", Mapper.MAPPER.createArrayNode().addAll((ArrayNode) fixture.path("forecasts"))
                    .addAll((ArrayNode) real.path("forecasts")));
            return write(input, merged);
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

    DatasetBuild.Result build() {
        return DatasetBuild.run(layout);
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
