package chipcast.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Compares built files with the files in data/: which differ, and the first line where each does. */
public final class Comparison {
    private Comparison() {
    }

    /** One message per differing file; empty when every built file equals its file in data/ byte for byte. */
    public static List<String> differences(Layout layout, Map<String, String> built) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> file : built.entrySet()) {
            Path path = layout.output(file.getKey());
            String name = "data/" + file.getKey();
            if (!Files.isRegularFile(path)) {
                out.add(name + " is missing (the generator writes it)");
                continue;
            }
            byte[] committed = read(path);
            byte[] generated = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(committed, generated)) {
                out.add(name + " differs from the generated file " + firstDifference(
                        new String(committed, StandardCharsets.UTF_8), file.getValue()));
            }
        }
        return out;
    }

    static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : null;
            String y = i < b.length ? b[i] : null;
            if (x == null || !x.equals(y)) {
                return "at line " + (i + 1) + ":\n    in data/:      " + show(x) + "\n    generated:     " + show(y);
            }
        }
        return "(same lines, different bytes)";
    }

    private static String show(String line) {
        if (line == null) {
            return "(end of file)";
        }
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
