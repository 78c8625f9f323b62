package chipcast.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A file of data/*.json bundled in a function's jar (as dataset/{file}): published data that changes only with a
 * release, so it travels with the code and needs no table read. Read with {@link Json#readBundled}.
 */
public final class Bundled {
    private Bundled() {
    }

    /**
     * The list of {@link #list}, read on the first call and kept: what a handler builds once per container and
     * passes as a catalogue port (e.g. {@code Bundled.lazy("vendors.json", Vendor[].class)::get}).
     */
    public static <T> Supplier<List<T>> lazy(String file, Class<T[]> type) {
        return new Supplier<>() {
            private volatile List<T> items;

            @Override
            public List<T> get() {
                List<T> read = items;
                if (read == null) {
                    read = list(file, type);
                    items = read;
                }
                return read;
            }
        };
    }

    /** dataset/{file} on the classpath as a list of {@code type}; a missing file is a packaging error. */
    public static <T> List<T> list(String file, Class<T[]> type) {
        try (InputStream in = Bundled.class.getResourceAsStream("/dataset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dataset/" + file + " is not on the classpath");
            }
            return List.copyOf(Arrays.asList(Json.readBundled(in.readAllBytes(), type)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset/" + file, e);
        }
    }
}
