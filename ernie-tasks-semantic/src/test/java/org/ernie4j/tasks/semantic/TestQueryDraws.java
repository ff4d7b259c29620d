package org.ernie4j.tasks.semantic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.ernie4j.spi.document.Document;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback's queries are drawn chunk by chunk rather than listed: every query of the document still comes up, about
 * equally often, and a query hidden among many chunks that cannot serve is still found.
 */
class TestQueryDraws
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void queriesComeUpAboutEquallyOften()
    {
        // Four noun phrases (the first sentence is the title and gives none) among verb phrases that are not queries.
        Document document = TestingDocumentBuilder.document("four", VOCABULARY)
                .sentence("The nation .")
                .sentence("The debt rose and the army grew .").chunk(0, 2, "NP").chunk(2, 3, "VP").chunk(4, 6, "NP").chunk(6, 7, "VP")
                .sentence("The treaty held and the peace lasted .").chunk(0, 2, "NP").chunk(2, 3, "VP").chunk(4, 6, "NP").chunk(6, 7, "VP")
                .build();
        StandInPairs.QueryDraws draws = new StandInPairs(VOCABULARY).queries(document);
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        int total = 8000;
        for (int draw = 0; draw < total; draw++) {
            counts.merge(Arrays.toString(draws.draw(random).orElseThrow().pieces()), 1, Integer::sum);
        }
        assertThat(counts).hasSize(4);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(total / 4 - 250, total / 4 + 250));
    }

    @Test
    void aQueryAmongManyChunksThatCannotServeIsFound()
    {
        TestingDocumentBuilder builder = TestingDocumentBuilder.document("hidden", VOCABULARY).sentence("The nation .");
        for (int i = 0; i < 50; i++) {
            builder.sentence("rose and grew and held .").chunk(0, 1, "VP").chunk(2, 3, "VP").chunk(4, 5, "VP");
        }
        Document document = builder.sentence("The treaty held .").chunk(0, 2, "NP").chunk(2, 3, "VP").build();
        StandInPairs.QueryDraws draws = new StandInPairs(VOCABULARY).queries(document);
        for (int seed = 0; seed < 20; seed++) {
            assertThat(draws.draw(new SplittableRandom(seed)).orElseThrow().pieces()).isEqualTo(VOCABULARY.encode("The treaty"));
        }
        Document none = TestingDocumentBuilder.document("none", VOCABULARY).sentence("The nation .").sentence("rose .").chunk(0, 1, "VP").build();
        assertThat(new StandInPairs(VOCABULARY).queries(none).draw(new SplittableRandom(1))).isEmpty();
        assertThat(document.sentences()).hasSize(52);
    }
}
