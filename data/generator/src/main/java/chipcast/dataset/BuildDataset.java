package chipcast.dataset;

import chipcast.dataset.epoch.CrossCheck;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Regenerates data/*.json (chips, forecasts, claims, benchmarks, models, chip-hour-prices) from data/sources
 * (docs/data.md).
 *
 * <pre>
 * mvn -q -pl data/generator compile exec:java                              # write data/*.json
 * mvn -q -pl data/generator compile exec:java -Dexec.args=--check          # compare only; exit 1 on a difference
 * mvn -q -pl data/generator compile exec:java -Dexec.args=--epoch-table    # print the Epoch disagreement table
 * </pre>
 *
 * Options: {@code --root DIR} (default: the chipcast.root property the pom sets, else the working directory),
 * {@code --out DIR} (write there instead of data/).
 */
public final class BuildDataset {
    /** The one command that regenerates the committed files, from the repository root. */
    public static final String REGENERATE = "mvn -q -pl data/generator compile exec:java";

    private BuildDataset() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (DatasetException e) {
            System.err.println("dataset build failed:");
            e.problems().forEach(p -> System.err.println("  " + p));
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean check = false;
        boolean table = false;
        Path root = Path.of(System.getProperty("chipcast.root", "."));
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--check" -> check = true;
                case "--epoch-table" -> table = true;
                case "--root" -> root = Path.of(value(args, ++i, "--root"));
                case "--out" -> outDir = Path.of(value(args, ++i, "--out"));
                default -> {
                    err.println("unknown option " + args[i] + " (options: --check, --epoch-table, --root DIR, --out DIR)");
                    return 2;
                }
            }
        }
        Layout layout = new Layout(root);
        if (!Files.isDirectory(layout.path("data/sources"))) {
            err.println("no data/sources under " + layout.root() + ": run from the repository root or pass --root");
            return 2;
        }
        if (table) {
            out.print(CrossCheck.table(CrossCheck.read(layout)));
            return 0;
        }
        DatasetBuild.Result result = DatasetBuild.run(layout);
        result.report().forEach(line -> out.println("dataset: " + line));
        if (check) {
            List<String> differences = Comparison.differences(layout, result.files());
            if (!differences.isEmpty()) {
                differences.forEach(err::println);
                err.println("regenerate with: " + REGENERATE);
                return 1;
            }
            out.println("dataset: data/" + String.join(", data/", result.files().keySet()) + " are up to date");
            return 0;
        }
        Path target = outDir != null ? outDir : layout.root().resolve("data");
        write(target, result.files(), out);
        return 0;
    }

    private static void write(Path dir, Map<String, String> files, PrintStream out) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path path = dir.resolve(f.getKey());
                byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
                boolean same = Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes);
                if (!same) {
                    Files.write(path, bytes);
                }
                out.println("dataset: " + path + (same ? " (unchanged)" : " written"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new DatasetException(option + " needs a value");
        }
        return args[i];
    }
}
