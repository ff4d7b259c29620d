package org.ernie4j.testkit;

import java.util.List;
import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.document.Document;

import static java.util.Objects.requireNonNull;

/**
 * The shared test fixtures on the class path: {@code fixtures/sotu-annotated.txt}, real State of the Union text with
 * part-of-speech tags, noun-phrase chunks and proper-noun entities, and {@code fixtures/vocab.txt}, a vocabulary that
 * covers its word pieces. See {@code fixtures/README.md} for where they come from.
 *
 * <p>The fixture will grow (from a few hand-annotated sentences to whole addresses annotated by ernie-core), so tests
 * should assert properties that hold for any real annotated text rather than its exact content.
 */
public final class Fixtures
{
    public static final String VOCABULARY = "fixtures/vocab.txt";
    public static final String SOTU = "fixtures/sotu-annotated.txt";

    private Fixtures()
    {
    }

    /** The fixture vocabulary, read once. */
    public static TestingVocabulary vocabulary()
    {
        return Loaded.VOCABULARY;
    }

    /** The annotated State of the Union documents, read once, with pieces of {@link #vocabulary()}. */
    public static List<Document> sotu()
    {
        return Loaded.SOTU_DOCUMENTS;
    }

    /**
     * A context for a task run on the fixture: the fixture's vocabulary, its documents as the corpus (for tasks that draw
     * a second document), inputs of at most {@value TaskContractCheck#FIXTURE_MAX_SEQUENCE_LENGTH} pieces, and these
     * settings under the task's name. Each call gives a new context, whose settings and reporter start empty.
     */
    public static TestingTaskContext context(String taskName, Map<String, ?> settings)
    {
        return TestingTaskContext.builder(vocabulary())
                .taskName(taskName)
                .settings(settings)
                .maxSequenceLength(TaskContractCheck.FIXTURE_MAX_SEQUENCE_LENGTH)
                .corpus(sotu())
                .build();
    }

    /**
     * Settings as a run would give them to a task named {@code taskName}, with errors that name {@code tasks.<taskName>.<key>}.
     * They record which keys the task read: {@link MapTaskSettings#unreadKeys()} are the ones a run would refuse.
     */
    public static MapTaskSettings settings(String taskName, Map<String, ?> values)
    {
        return new MapTaskSettings("tasks." + requireNonNull(taskName, "taskName is null"), values);
    }

    // Initialization-on-demand holder: read on first use, immutable afterwards, safe to share between test classes.
    private static final class Loaded
    {
        static final TestingVocabulary VOCABULARY = TestingVocabulary.loadResource(Fixtures.VOCABULARY);
        static final List<Document> SOTU_DOCUMENTS = AnnotatedText.readResource(SOTU, VOCABULARY);
    }
}
