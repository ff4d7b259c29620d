package org.ernie4j.spi.compatibility;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ernie4j.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the SPI binary compatible within a major version ({@link SpiVersion#CURRENT}), against the committed record of
 * its public API, {@code ernie-spi/api/ernie-spi.api}:
 * <ul>
 * <li>a recorded type or member that is gone or changed, or an abstract method added to a type plugins implement, fails
 * the build while the record is of the current major version: a plugin built against it could break. Undo the change,
 * or bump {@code SpiVersion.CURRENT} (and the archetype's {@code ernie.spi.version}) and regenerate;</li>
 * <li>new API that the record does not have yet fails too, until the record is regenerated, so that every addition is
 * seen in review.</li>
 * </ul>
 * To regenerate after an intended change, run from the project root
 * <pre>
 * mvn -q -pl ernie-spi test -Dtest=TestApiCompatibility -Dernie4j.regenerateApi=true
 * </pre>
 * and review and commit the diff of {@code ernie-spi/api/ernie-spi.api}. Regenerating does not accept an incompatible
 * change without a major bump.
 */
class TestApiCompatibility
{
    private static final String REGENERATE = "ernie4j.regenerateApi";
    static final String HOW_TO_REGENERATE = "mvn -q -pl ernie-spi test -Dtest=TestApiCompatibility -D" + REGENERATE + "=true";
    // Tests run in the module directory.
    private static final Path RECORD = Path.of("api/ernie-spi.api");
    private static final List<String> HEADER = List.of(
            "The public API of ernie-spi, checked by TestApiCompatibility: one line per public or protected type, constructor,",
            "method and field, its identity (what a plugin links against) and then its shape. Generated; to regenerate, run",
            "  " + HOW_TO_REGENERATE,
            "from the project root, and review the diff.");

    @Test
    void theApiKeepsItsRecordWithinTheMajorVersion()
            throws IOException, URISyntaxException
    {
        Path classes = Path.of(SpiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ApiRecord current = ApiSignatures.read(classes, "org.ernie4j.spi", SpiVersion.CURRENT, getClass().getClassLoader());
        assertThat(current.signatures()).as("the SPI's API read from " + classes).hasSizeGreaterThan(100);

        boolean regenerate = Boolean.getBoolean(REGENERATE);
        if (regenerate && !Files.exists(RECORD)) {
            Files.writeString(RECORD, current.format(HEADER), StandardCharsets.UTF_8);
            return;
        }
        assertThat(RECORD).as("the API record; create it with\n  " + HOW_TO_REGENERATE).isRegularFile();
        ApiRecord recorded = ApiRecord.parse(Files.readString(RECORD, StandardCharsets.UTF_8));
        if (regenerate && ApiVerdict.mayRegenerate(recorded, current)) {
            Files.writeString(RECORD, current.format(HEADER), StandardCharsets.UTF_8);
            return;
        }
        String verdict = ApiVerdict.of(recorded, current, HOW_TO_REGENERATE);
        if (!verdict.isEmpty()) {
            fail(verdict);
        }
    }
}
