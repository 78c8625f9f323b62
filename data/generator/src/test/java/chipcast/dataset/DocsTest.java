package chipcast.dataset;

import chipcast.dataset.epoch.CrossCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static chipcast.dataset.CommittedDatasetTest.REPO;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented commands and tables are the ones the generator has (a README that drifts from the code misleads). */
class DocsTest {
    @Test
    void theDocsNameTheRegenerateCommandThePomRuns() throws Exception {
        String pom = Files.readString(REPO.path("data/generator/pom.xml"));
        assertTrue(pom.contains("<mainClass>" + BuildDataset.class.getName() + "</mainClass>"), "exec:java runs BuildDataset");
        for (String doc : new String[] {"docs/data.md", "data/sources/README.md"}) {
            assertTrue(Files.readString(REPO.path(doc)).contains(BuildDataset.REGENERATE),
                    doc + " must give the regenerate command: " + BuildDataset.REGENERATE);
        }
    }

    @Test
    void docsDataMdHasTheEpochDisagreementTable() throws Exception {
        String table = CrossCheck.table(CrossCheck.read(REPO));
        assertTrue(Files.readString(REPO.path("docs/data.md")).contains(table),
                "docs/data.md must contain the table that " + BuildDataset.REGENERATE
                        + " -Dexec.args=--epoch-table prints (" + Layout.CROSS_CHECK + " changed)");
    }
}
