package org.ernie4j.tasks.semantic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keywords of real sentences of the annotated fixture (OpenNLP's Penn Treebank tags), from Washington's 1790 address:
 * "The abundant fruits of another year have blessed our country with plenty and with the means of a flourishing
 * commerce."
 */
class TestKeywords
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void areTheNounsAndAdjectivesOfAtLeastThreeLettersThatSaySomethingOfATopic()
    {
        Keywords keywords = new Keywords(VOCABULARY).add(fruits());
        assertThat(words(keywords.query(100, new SplittableRandom(1))))
                .containsExactly("abundant", "fruits", "year", "country", "plenty", "means", "flourishing", "commerce");
    }

    @Test
    void aQueryIsDrawnWithoutReplacementInTextOrderAndEveryKeywordIsDrawn()
    {
        Keywords keywords = new Keywords(VOCABULARY).add(fruits());
        List<String> all = words(keywords.query(100, new SplittableRandom(1)));
        Map<String, Integer> drawn = new HashMap<>();
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 800; i++) {
            List<String> query = words(keywords.query(3, random));
            assertThat(query).hasSize(3).doesNotHaveDuplicates();
            assertThat(all).containsSubsequence(query);
            query.forEach(word -> drawn.merge(word, 1, Integer::sum));
        }
        // Each of the 8 keywords is in 3/8 of the queries: 300 of 800 in expectation.
        assertThat(drawn).hasSize(8).allSatisfy((word, count) -> assertThat(count).as(word).isBetween(240, 360));
    }

    @Test
    void wordsAreCountedOnceWhateverTheirCaseAndTheFirstIsKept()
    {
        Document document = TestingDocumentBuilder.document("case", VOCABULARY).sentence("Commerce , commerce or COMMERCE .").build();
        Keywords keywords = new Keywords(VOCABULARY).add(document.sentences().get(0));
        assertThat(keywords.count()).isOne();
        assertThat(keywords.query(4, new SplittableRandom(1))).isEqualTo(VOCABULARY.encode("commerce"));
    }

    @Test
    void aWordOfUnknownPiecesOnlyIsNoKeyword()
    {
        Document unknown = EdgeCaseDocuments.unknownScripts(VOCABULARY);
        Keywords keywords = new Keywords(VOCABULARY);
        unknown.sentences().forEach(keywords::add);
        assertThat(keywords.count()).isZero();
        assertThat(keywords.query(4, new SplittableRandom(1))).isEmpty();
    }

    private static Sentence fruits()
    {
        return Fixtures.sotu().get(0).sentences().stream().filter(sentence -> sentence.text().startsWith("The abundant fruits")).findFirst()
                .orElseThrow();
    }

    /** The words of a query, pieces joined as the vocabulary spells them. */
    private static List<String> words(int[] query)
    {
        StringBuilder text = new StringBuilder();
        Arrays.stream(query).mapToObj(VOCABULARY::piece).forEach(piece -> text.append(piece.startsWith("##") ? piece.substring(2) : " " + piece));
        return Arrays.asList(text.toString().strip().split(" "));
    }
}
