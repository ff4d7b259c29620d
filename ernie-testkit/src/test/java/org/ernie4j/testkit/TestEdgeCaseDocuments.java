package org.ernie4j.testkit;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestEdgeCaseDocuments
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void coversTheOddDocumentsOfARealCorpus()
    {
        List<Document> documents = EdgeCaseDocuments.all(VOCABULARY, 32);
        assertThat(documents).extracting(Document::id).doesNotHaveDuplicates()
                .containsExactly("edge-empty", "edge-empty-sentence", "edge-punctuation", "edge-single-word", "edge-long-sentence", "edge-unknown-scripts",
                        "edge-long-word", "edge-one-word-lines", "edge-repeated-sentence");
        assertThat(EdgeCaseDocuments.empty().sentences()).isEmpty();
        assertThat(EdgeCaseDocuments.emptySentence().sentences()).singleElement().satisfies(sentence -> assertThat(sentence.tokens()).isEmpty());
    }

    @Test
    void punctuationHasNoLettersOrDigits()
    {
        assertThat(EdgeCaseDocuments.punctuationOnly(VOCABULARY).sentences().get(0).tokens())
                .isNotEmpty()
                .allMatch(token -> token.surface().codePoints().noneMatch(Character::isLetterOrDigit));
    }

    @Test
    void theLongSentenceDoesNotFitAndHasKnownPiecesPhrasesAndEntities()
    {
        Sentence sentence = EdgeCaseDocuments.longSentence(VOCABULARY, 32).sentences().get(0);
        assertThat(sentence.pieceCount()).isGreaterThan(32);
        assertThat(sentence.tokens()).allMatch(token -> !VOCABULARY.isSpecial(token.pieceId(0)));
        assertThat(sentence.entities()).isNotEmpty();
        assertThat(sentence.chunks()).isNotEmpty();
        for (Token token : sentence.tokens()) {
            assertThat(sentence.text().substring(token.start() - sentence.start(), token.end() - sentence.start())).isEqualTo(token.surface());
        }
    }

    @Test
    void unknownScriptsAreAllUnknownPieces()
    {
        Sentence sentence = EdgeCaseDocuments.unknownScripts(VOCABULARY).sentences().get(0);
        assertThat(sentence.tokens()).allMatch(token -> token.pieceCount() == 1 && token.pieceId(0) == VOCABULARY.unkId());
        assertThat(sentence.entities()).isNotEmpty();
    }

    @Test
    void theLongWordHasMorePiecesThanTheInputAndItsOffsetsHold()
    {
        Sentence sentence = EdgeCaseDocuments.longWord(VOCABULARY, 32).sentences().get(0);
        assertThat(sentence.tokens()).hasSize(3);
        assertThat(sentence.tokens().get(1).pieceCount()).isGreaterThan(32);
        assertThat(sentence.tokens()).allMatch(token -> !VOCABULARY.isSpecial(token.pieceId(0)));
        for (Token token : sentence.tokens()) {
            assertThat(sentence.text().substring(token.start() - sentence.start(), token.end() - sentence.start())).isEqualTo(token.surface());
        }
    }

    @Test
    void oneWordLinesAreManySentencesOfOneWordWithATitle()
    {
        Document document = EdgeCaseDocuments.oneWordLines(VOCABULARY);
        assertThat(document.sentences()).hasSize(40).allMatch(sentence -> sentence.tokens().size() == 1);
        assertThat(document.title()).isPresent();
    }

    @Test
    void theRepeatedSentenceRepeatsWithItsAnnotations()
    {
        Document document = EdgeCaseDocuments.repeatedSentence(VOCABULARY);
        assertThat(document.sentences()).hasSize(5);
        assertThat(document.sentences()).extracting(Sentence::text).containsOnly(document.sentences().get(0).text());
        assertThat(document.sentences()).allMatch(sentence -> sentence.entities().size() == 1 && sentence.chunks().size() == 1);
    }

    @Test
    void theSingleWordIsAKnownWord()
    {
        Token word = EdgeCaseDocuments.singleWord(VOCABULARY).sentences().get(0).tokens().get(0);
        assertThat(VOCABULARY.isSpecial(word.pieceId(0))).isFalse();
    }
}
