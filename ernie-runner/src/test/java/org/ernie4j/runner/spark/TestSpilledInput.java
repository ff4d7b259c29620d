package org.ernie4j.runner.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.text.prepare.CorpusPreparer;
import org.ernie4j.core.text.prepare.PreparationPlan;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input of a Spark preparation written by the driver and read back by partitions: every document, as the driver read
 * it, in input order, whatever the number of partitions, including more partitions than documents.
 */
class TestSpilledInput
{
    private static CorpusPreparer preparer;

    @TempDir
    Path temporary;

    @BeforeAll
    static void loadModels()
    {
        preparer = new CorpusPreparer(OpenNlpModels.loadEnglish());
    }

    @Test
    void jsonlDocumentsWithTitlesLongTextsAndOtherScriptsComeBackAsRead()
            throws IOException
    {
        String longText = "The Union is strong. ".repeat(4_000);
        Path corpus = Files.writeString(temporary.resolve("corpus.jsonl"), String.join("\n",
                "{\"id\": \"a\", \"title\": \"First\", \"text\": \"We meet again in Washington.\"}",
                "{\"id\": \"b\", \"text\": \"" + longText + "\"}",
                "{\"id\": \"c\", \"title\": \"Straße\", \"text\": \"Größe und Ökonomie: 経済 and 😀 too.\"}",
                "{\"id\": \"d\", \"text\": \"The last one.\"}") + "\n");

        assertRoundTrip(corpus, 4);
    }

    @Test
    void givenSentencesOfTheBertLayoutComeBackAsRead()
            throws IOException
    {
        Path corpus = Files.writeString(temporary.resolve("corpus.txt"), """
                The first document has a sentence.
                And another one.

                The second has one.

                The third, at last.
                It ends here.
                """);

        assertRoundTrip(corpus, 3);
    }

    private void assertRoundTrip(Path corpus, int documents)
    {
        PreparationPlan plan = preparer.plan(corpus, temporary.resolve("prepared"), PrepareOptions.builder().build(), PrepareListener.NONE);
        List<RawDocument> read = new ArrayList<>();
        plan.read(read::add);
        assertThat(read).hasSize(documents);

        SpilledInput spilled = SpilledInput.write(plan, temporary.resolve("building"));
        assertThat(spilled.report().documents()).isEqualTo(documents);
        for (int partitions : new int[] {1, 2, documents, documents + 3}) {
            List<InputRange> ranges = spilled.ranges(partitions);
            assertThat(ranges).hasSize(partitions);
            List<RawDocument> back = new ArrayList<>();
            for (InputRange range : ranges) {
                SpilledInput.read(range).forEachRemaining(document -> back.add(document.raw()));
            }
            assertThat(back).as("%d partitions", partitions).isEqualTo(read);
            assertThat(ranges).extracting(InputRange::documents).allMatch(count -> count >= documents / partitions && count <= documents / partitions + 1);
        }
    }
}
