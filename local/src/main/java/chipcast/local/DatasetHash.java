package chipcast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over data/*.json (names and bytes, in name order): the DatasetSha256 property of the
 * template's DatasetLoad resource, whose change makes CloudFormation re-run the load.
 * {@code ./run-local.sh dataset-hash} prints it.
 */
public final class DatasetHash {
    private DatasetHash() {
    }

    public static String of(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("data"))) {
            List<Path> json = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : json) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        System.out.println(of(Path.of(System.getProperty("chipcast.root", ".")).toAbsolutePath()));
    }
}
