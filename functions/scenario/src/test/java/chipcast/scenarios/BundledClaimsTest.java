package chipcast.scenarios;

import chipcast.core.scenario.VendorClaim;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue is read lazily, on the first claim check: this reads all of it, so a broken file fails the build. */
class BundledClaimsTest {
    private static final Path ROOT = Path.of(System.getProperty("chipcast.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyBundledClaimReadsWithItsTextAndSource() throws IOException {
        Map<String, VendorClaim> claims = BundledClaims.read();
        String file = Files.readString(ROOT.resolve("data/claims.json"));
        Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(file);
        int count = 0;
        while (ids.find()) {
            count++;
            assertTrue(claims.containsKey(ids.group(1)), ids.group(1));
        }
        assertEquals(count, claims.size());
        assertFalse(claims.isEmpty());
        claims.values().forEach(c -> assertNotNull(c.claim(), c.id()));
        assertTrue(BundledClaims.INSTANCE.find("no-such-claim").isEmpty());
    }
}
