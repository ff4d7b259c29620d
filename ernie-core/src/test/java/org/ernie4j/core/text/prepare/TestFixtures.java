package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.ernie4j.core.text.corpus.CorpusOptions;
import org.ernie4j.core.text.corpus.CorpusReader;
import org.ernie4j.core.text.wordpiece.WordCounter;
import org.ernie4j.core.text.wordpiece.WordPieceTrainer;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.ernie4j.core.testing.TestingModels.english;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuFolder;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the committed fixtures for task plugin tests equal to what the code generates, so that they cannot go stale:
 * {@code fixtures/vocab.txt} (2500 pieces trained on all State of the Union addresses, checked when the shared data is
 * there) and {@code fixtures/sotu-annotated.txt} (the three test addresses in the annotated text format, always
 * checked). To regenerate both after an intended change, run from the project root
 * <pre>
 * mvn -q -pl ernie-core -am test -Dtest=TestFixtures -Dsurefire.failIfNoSpecifiedTests=false -Dernie4j.regenerateFixtures=true
 * </pre>
 * and review and commit the changed files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TestFixtures
{
    private static final String REGENERATE = "ernie4j.regenerateFixtures";
    private static final String HOW_TO_REGENERATE = "If the change is intended, regenerate the fixtures from the project root with\n"
            + "  mvn -q -pl ernie-core -am test -Dtest=TestFixtures -Dsurefire.failIfNoSpecifiedTests=false -D" + REGENERATE + "=true\n"
            + "then review the diff and commit it.";
    // Tests run in the module directory. The fixtures live in the test kit's resources (task plugins read them from
    // ernie-testkit and may not depend on the core); they are compared with, and regenerated into, that source tree.
    private static final Path FIXTURES = Path.of("../ernie-testkit/src/main/resources/fixtures").toAbsolutePath().normalize();
    // The shared data sits beside the project checkout (see the data README); -Dernie4j.data=... points elsewhere.
    private static final Path SOTU = Path.of(System.getProperty("ernie4j.data", "../../shared/data"), "sotu").toAbsolutePath().normalize();
    private static final int VOCABULARY_SIZE = 2500;

    @TempDir
    Path temp;

    @Test
    @Order(1)
    public void vocabularyIsTrainedOnAllStateOfTheUnionAddresses()
            throws IOException
    {
        assumeTrue(Files.isDirectory(SOTU), "the State of the Union corpus is not at " + SOTU);
        WordCounter words = new WordCounter();
        // Every address is one line, some of over 100,000 characters.
        CorpusOptions options = CorpusOptions.defaults().withMaxLineLength(1_000_000);
        long addresses = new CorpusReader(options).read(SOTU, document -> words.add(document.text())).documents();
        assertThat(addresses).isEqualTo(233);
        Path generated = temp.resolve("vocab.txt");
        new WordPieceTrainer(VOCABULARY_SIZE).train(words.counts()).save(generated);

        check(generated, FIXTURES.resolve("vocab.txt"));
    }

    @Test
    @Order(2)
    public void annotatedAddressesMatchAFreshGeneration()
            throws IOException
    {
        Path prepared = temp.resolve("prepared");
        PrepareOptions options = PrepareOptions.builder().vocabulary(FIXTURES.resolve("vocab.txt")).build();
        new CorpusPreparer(english()).prepare(sotuFolder(), prepared, options);
        PreparedCorpus corpus = PreparedCorpus.open(prepared);
        assertThat(corpus.vocabulary().size()).isEqualTo(VOCABULARY_SIZE);
        Path generated = temp.resolve("sotu-annotated.txt");

        AnnotatedTextWriter.write(corpus, List.of(WASHINGTON_1790, HOOVER_1932, NIXON_1973), generated);

        check(generated, FIXTURES.resolve("sotu-annotated.txt"));
    }

    private static void check(Path generated, Path committed)
            throws IOException
    {
        if (Boolean.getBoolean(REGENERATE)) {
            Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (!Files.exists(committed)) {
            fail(committed + " is missing.\n" + HOW_TO_REGENERATE);
        }
        List<String> expected = Files.readAllLines(committed, StandardCharsets.UTF_8);
        List<String> actual = Files.readAllLines(generated, StandardCharsets.UTF_8);
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String expectedLine = i < expected.size() ? expected.get(i) : "<end of file>";
            String actualLine = i < actual.size() ? actual.get(i) : "<end of file>";
            if (!expectedLine.equals(actualLine)) {
                fail(committed + " is stale: it differs from what the code generates now, first at line " + (i + 1) + ":\n"
                        + "  committed: " + expectedLine + "\n"
                        + "  generated: " + actualLine + "\n"
                        + HOW_TO_REGENERATE);
            }
        }
        assertThat(Files.readAllBytes(generated)).as("bytes of " + committed).isEqualTo(Files.readAllBytes(committed));
    }
}
