package org.ernie4j.tasks.structure;

import java.util.List;

import org.ernie4j.testkit.TestingTaskReporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestParagraphCutter
{
    private final TestingTaskReporter reporter = new TestingTaskReporter();

    @Test
    void packsAsManyConsecutiveSentencesAsFit()
    {
        List<Paragraph> paragraphs = new ParagraphCutter(10, reporter).cut(SmallDocuments.withSentenceLengths("d", 3, 4, 3, 5, 5, 2, 1));
        assertThat(paragraphs).extracting(Paragraph::sentenceCount).containsExactly(3, 2, 2);
        assertThat(paragraphs).extracting(Paragraph::pieceCount).containsExactly(10, 10, 3);
        assertThat(sentencesOf(paragraphs.get(1))).containsExactly(3, 3, 3, 3, 3, 4, 4, 4, 4, 4);
        assertThat(reporter.totalSkips()).isZero();
    }

    @Test
    void leavesOutASentenceTooLongForAnyParagraphAndStartsAfreshAfterIt()
    {
        List<Paragraph> paragraphs = new ParagraphCutter(10, reporter).cut(SmallDocuments.withSentenceLengths("d", 2, 2, 11, 2, 10));
        assertThat(paragraphs).extracting(Paragraph::sentenceCount).containsExactly(2, 1, 1);
        assertThat(sentencesOf(paragraphs.get(1))).containsExactly(3, 3);
        assertThat(reporter.skipCount(ParagraphCutter.SENTENCE_TOO_LONG)).isEqualTo(1);
    }

    @Test
    void passesOverSentencesWithoutTokens()
    {
        List<Paragraph> paragraphs = new ParagraphCutter(10, reporter).cut(SmallDocuments.withSentenceLengths("d", 2, 0, 2, 0, 0));
        assertThat(paragraphs).singleElement().satisfies(paragraph -> assertThat(sentencesOf(paragraph)).containsExactly(0, 0, 2, 2));
        assertThat(new ParagraphCutter(10, reporter).cut(SmallDocuments.withSentenceLengths("empty"))).isEmpty();
        assertThat(reporter.totalSkips()).isZero();
    }

    @Test
    void givesThePiecesOfARunOfSentences()
    {
        Paragraph paragraph = new ParagraphCutter(20, reporter).cut(SmallDocuments.withSentenceLengths("d", 1, 2, 3)).get(0);
        assertThat(SmallDocuments.sentencesOf(paragraph.pieces(1, 3))).containsExactly(1, 1, 2, 2, 2);
        assertThat(SmallDocuments.sentencesOf(paragraph.pieces(0, 1))).containsExactly(0);
    }

    private static List<Integer> sentencesOf(Paragraph paragraph)
    {
        return SmallDocuments.sentencesOf(paragraph.pieces(0, paragraph.sentenceCount()));
    }
}
