package org.ernie4j.core.finetune;

import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.testing.TestingModels;
import org.ernie4j.core.testing.TestingResources;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ItemEncoder#asRead}: the words of an item that the encoder's input holds, on real text and a vocabulary trained
 * on it.
 */
class TestItemEncoderReading
{
    private static final WordPieceVocabulary VOCABULARY = TestingModels.sotuVocabulary();
    private static final List<String> WORDS = List.of(TestingResources.sotuText(TestingResources.NIXON_1973).strip().split("\\s+"));

    @Test
    void aTextTooLongIsReadUpToTheWordThatHoldsTheLastPieceThatFits()
    {
        ItemEncoder encoder = new ItemEncoder(VOCABULARY, 64, List.of("x"));
        LabelledItem.Text item = new LabelledItem.Text(String.join(" ", WORDS.subList(0, 200)), null, "x", "t:1");

        LabelledItem.Text read = (LabelledItem.Text) encoder.asRead(item);

        int[] input = encoder.encode(item).inputIds();
        int[] kept = Arrays.copyOfRange(input, 1, input.length - 1);
        int[] readPieces = VOCABULARY.encode(read.text());
        assertThat(kept).hasSize(62);
        assertThat(Arrays.copyOf(readPieces, kept.length)).containsExactly(kept);
        String[] readWords = read.text().split(" ");
        String withoutLast = String.join(" ", Arrays.asList(readWords).subList(0, readWords.length - 1));
        assertThat(VOCABULARY.encode(withoutLast).length).isLessThan(kept.length);
        assertThat(item.text()).startsWith(read.text());
    }

    @Test
    void aPairIsCutLongerTextFirstAndEachTextReadAsFarAsItsPiecesGo()
    {
        ItemEncoder encoder = new ItemEncoder(VOCABULARY, 64, List.of("x"));
        LabelledItem.Text item = new LabelledItem.Text(String.join(" ", WORDS.subList(0, 80)), String.join(" ", WORDS.subList(100, 120)), "x", "t:1");

        LabelledItem.Text read = (LabelledItem.Text) encoder.asRead(item);

        Example example = encoder.encode(item);
        long secondSegment = Arrays.stream(example.segmentIds()).filter(segment -> segment == 1).count();
        // the second text keeps its own pieces and its [SEP]; the first takes the rest
        assertThat(read.pair()).isEqualTo(item.pair());
        assertThat(VOCABULARY.encode(read.pair()).length + 1L).isEqualTo(secondSegment);
        assertThat(VOCABULARY.encode(read.text()).length).isGreaterThanOrEqualTo(example.length() - (int) secondSegment - 2);
        assertThat(read.text().length()).isLessThan(item.text().length());
    }

    @Test
    void aShortTextIsReadWhole()
    {
        ItemEncoder encoder = new ItemEncoder(VOCABULARY, 128, List.of("x"));
        LabelledItem.Text item = new LabelledItem.Text(String.join(" ", WORDS.subList(0, 20)), String.join(" ", WORDS.subList(20, 40)), "x", "t:1");

        assertThat(encoder.asRead(item)).isEqualTo(item);
    }

    @Test
    void wordsAreReadAsFarAsTheirLabelsReachTheModel()
    {
        ItemEncoder encoder = new ItemEncoder(VOCABULARY, 32, List.of("lower", "other"));
        List<String> words = WORDS.subList(0, 60);
        List<String> labels = words.stream().map(word -> word.equals(word.toLowerCase()) ? "lower" : "other").toList();
        LabelledItem.Tokens item = new LabelledItem.Tokens(words, labels, "t:1");

        LabelledItem.Tokens read = (LabelledItem.Tokens) encoder.asRead(item);

        int labelled = ((TokenLabels) encoder.encode(item).target()).labelledCount();
        assertThat(read.tokens()).hasSize(labelled).isEqualTo(words.subList(0, labelled));
        assertThat(read.labels()).isEqualTo(labels.subList(0, labelled));
        assertThat(labelled).isLessThan(words.size());
    }
}
