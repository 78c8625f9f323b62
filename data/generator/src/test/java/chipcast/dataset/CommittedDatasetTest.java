package chipcast.dataset;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed data/*.json is exactly what the generator builds from data/sources: any difference (a hand edit
 * of data/, or a source edited without regenerating) fails with the files, the first differing line of each, and
 * the command that regenerates them.
 */
class CommittedDatasetTest {
    static final Layout REPO = new Layout(Path.of(System.getProperty("chipcast.root", "../..")));

    @Test
    void committedFilesAreWhatTheGeneratorBuilds() {
        DatasetBuild.Result result = DatasetBuild.run(REPO);
        assertEquals(DatasetBuild.FILES, List.copyOf(result.files().keySet()));
        List<String> differences = Comparison.differences(REPO, result.files());
        if (!differences.isEmpty()) {
            fail(String.join("\n", differences) + "\nRegenerate them from the repository root with: "
                    + BuildDataset.REGENERATE + "\n(then review `git diff data/` and run this test again)");
        }
    }
}
