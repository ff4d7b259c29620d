package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingTaskReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestWindowCutter
{
    private final TestingTaskReporter reporter = new TestingTaskReporter();

    @Test
    void packsConsecutiveWholeSentences()
    {
        Document document = document(sentence(5), sentence(5), sentence(5), sentence(2), sentence(5));
        assertThat(cut(document, 12)).extracting(Window::pieceCount).containsExactly(10, 12);
        assertThat(cut(document, 11)).extracting(Window::pieceCount).containsExactly(10, 7, 5);
        assertThat(cut(document, 5)).extracting(Window::pieceCount).containsExactly(5, 5, 5, 2, 5);
    }

    @Test
    void givesALongSentenceWindowsOfItsOwn()
    {
        Document document = document(sentence(1, 1), sentence(ones(20)), sentence(1));
        assertThat(cut(document, 8)).extracting(Window::pieceCount).containsExactly(2, 8, 8, 4, 1);
    }

    @Test
    void neverCutsInsideAWord()
    {
        Document document = document(sentence(3, 3, 3, 3, 3));
        List<Window> windows = cut(document, 7);
        assertThat(windows).extracting(Window::pieceCount).containsExactly(6, 6, 3);
        assertThat(windows).extracting(Window::tokenCount).containsExactly(2, 2, 1);
    }

    @Test
    void cutsBeforeASpanRatherThanThroughIt()
    {
        // Ten one-piece words, six fit: the boundary after word 6 would split the entity of words 5 and 6.
        Document document = document(sentence(ones(10), List.of(), List.of(new Span(5, 7, "PROPER"))));
        List<Window> windows = cut(document, 6);
        assertThat(windows).extracting(Window::tokenCount).containsExactly(5, 5);
        assertThat(windows.get(1).entities()).containsExactly(new Span(0, 2, "PROPER"));
    }

    @Test
    void cutsThroughASpanRatherThanMakingATinyWindow()
    {
        Document document = document(sentence(ones(10), List.of(new Span(1, 8, "NP")), List.of()));
        List<Window> windows = cut(document, 6);
        assertThat(windows).extracting(Window::tokenCount).containsExactly(6, 4);
        assertThat(windows.get(0).chunks()).containsExactly(new Span(1, 6, "NP"));
        assertThat(windows.get(1).chunks()).containsExactly(new Span(0, 2, "NP"));
    }

    @Test
    void shiftsSpansIntoWindowCoordinates()
    {
        Document document = document(
                sentence(new int[] {1, 2}, List.of(new Span(0, 2, "NP")), List.of()),
                sentence(new int[] {1, 1, 1}, List.of(new Span(1, 3, "NP")), List.of(new Span(2, 3, "PROPER"))));
        Window window = cut(document, 10).get(0);
        assertThat(window.chunks()).containsExactly(new Span(0, 2, "NP"), new Span(3, 5, "NP"));
        assertThat(window.entities()).containsExactly(new Span(4, 5, "PROPER"));
        assertThat(window.firstPiece(2)).isEqualTo(3);
        assertThat(window.endPiece(4)).isEqualTo(6);
    }

    @Test
    void leavesOutAndReportsAWordThatFitsNowhere()
    {
        Document document = document(sentence(1, 4, 1));
        assertThat(cut(document, 3)).extracting(Window::tokenCount).containsExactly(1, 1);
        assertThat(reporter.skipCount(WindowCutter.WORD_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void passesOverSentencesWithoutTokens()
    {
        Sentence empty = new Sentence("", 0, List.of(), List.of(), List.of());
        assertThat(cut(document(empty, sentence(2), empty), 4)).extracting(Window::pieceCount).containsExactly(2);
        assertThat(reporter.totalSkips()).isZero();
        assertThat(cut(document(empty), 4)).isEmpty();
        assertThat(cut(document(), 4)).isEmpty();
        assertThat(reporter.skipCount(WindowCutter.NO_PIECES)).isEqualTo(2);
    }

    @Test
    void reportsAWordTooLongButNoMissingPiecesForADocumentOfOneLongWord()
    {
        assertThat(cut(document(sentence(4)), 3)).isEmpty();
        assertThat(reporter.skips()).containsExactly(Map.entry(WindowCutter.WORD_TOO_LONG, 1));
    }

    @Test
    void marksTheFirstWordOfEverySentence()
    {
        Document document = TestingDocumentBuilder.document("d", SmallVocabulary.VOCABULARY)
                .sentence("( The former , )")
                .sentence(". , !")
                .sentence("the peace .")
                .build();
        // An opening bracket is not a word, and a sentence of punctuation has no first word.
        assertThat(firstWords(cut(document, 20).get(0))).containsExactly(1, 8);
    }

    @Test
    void marksNoFirstWordInTheLaterWindowsOfALongSentence()
    {
        Document document = TestingDocumentBuilder.document("d", SmallVocabulary.VOCABULARY)
                .sentence(", the former has been exemplary , the loan has been taken")
                .build();
        List<Window> windows = cut(document, 4);
        assertThat(windows).hasSizeGreaterThan(2);
        assertThat(firstWords(windows.get(0))).containsExactly(1);
        for (Window window : windows.subList(1, windows.size())) {
            assertThat(firstWords(window)).as("first words of %s", window).isEmpty();
        }
    }

    @Test
    void framesItsPiecesAsASingleTextInput()
    {
        Document document = document(sentence(1, 2), sentence(3));
        Window window = cut(document, 10).get(0);
        int[] input = window.inputIds(SmallVocabulary.VOCABULARY);
        assertThat(input).startsWith(SmallVocabulary.VOCABULARY.clsId()).endsWith(SmallVocabulary.VOCABULARY.sepId()).hasSize(8);
        assertThat(Arrays.copyOfRange(input, 1, 7)).isEqualTo(window.pieceIds());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 30, 126, 510})
    void keepsEveryPieceOfRealTextInOrder(int budget)
    {
        for (Document document : Fixtures.sotu()) {
            List<Window> windows = cut(document, budget);
            int[] expected = document.sentences().stream().flatMap(sentence -> sentence.tokens().stream())
                    .filter(token -> token.pieceCount() <= budget)
                    .flatMapToInt(token -> Arrays.stream(token.pieceIds())).toArray();
            assertThat(windows.stream().flatMapToInt(window -> Arrays.stream(window.pieceIds())).toArray()).isEqualTo(expected);
            assertThat(windows).allMatch(window -> window.pieceCount() <= budget && window.tokenCount() > 0);
        }
    }

    private static List<Integer> firstWords(Window window)
    {
        return IntStream.range(0, window.tokenCount()).filter(window::startsSentence).boxed().toList();
    }

    private List<Window> cut(Document document, int budget)
    {
        return new WindowCutter(budget, reporter).cut(document);
    }

    private static int[] ones(int count)
    {
        return IntStream.generate(() -> 1).limit(count).toArray();
    }

    private static Document document(Sentence... sentences)
    {
        return new Document("d", null, List.of(sentences));
    }

    private static Sentence sentence(int... pieceCounts)
    {
        return sentence(pieceCounts, List.of(), List.of());
    }

    /** A sentence of words "w" with the given numbers of pieces. */
    private static Sentence sentence(int[] pieceCounts, List<Span> chunks, List<Span> entities)
    {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < pieceCounts.length; i++) {
            int[] pieces = new int[pieceCounts[i]];
            Arrays.fill(pieces, 10 + i);
            tokens.add(new Token("w", 2 * i, "NN", pieces));
        }
        return new Sentence("w ".repeat(pieceCounts.length).trim(), 0, tokens, chunks, entities);
    }
}
