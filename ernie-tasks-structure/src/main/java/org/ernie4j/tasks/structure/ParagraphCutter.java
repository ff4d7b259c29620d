package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a document into paragraphs of at most {@code budget} pieces: as many consecutive whole sentences as fit, one
 * paragraph after the other, so that every sentence is in at most one paragraph.
 *
 * <p>Paragraphs are packed full rather than drawn at random lengths, so the length of an input says nothing about how it
 * was cut or shuffled. A sentence longer than the budget on its own cannot be in any paragraph: it is left out, reported
 * as a skip, and ends the paragraph before it, since the sentences on either side of it are not consecutive.
 */
final class ParagraphCutter
{
    static final String SENTENCE_TOO_LONG = "sentence longer than the maximum paragraph, left out";

    private final int budget;
    private final TaskReporter reporter;

    /**
     * @param budget the most pieces of a paragraph, without the {@code [CLS]} and {@code [SEP]} tokens around its segments
     */
    ParagraphCutter(int budget, TaskReporter reporter)
    {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be positive: " + budget);
        }
        this.budget = budget;
        this.reporter = requireNonNull(reporter, "reporter is null");
    }

    List<Paragraph> cut(Document document)
    {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<int[]> open = new ArrayList<>();
        int openPieces = 0;
        for (int[] sentence : SentencePieces.ofDocument(document)) {
            if (sentence.length > budget) {
                reporter.skipped(SENTENCE_TOO_LONG);
                flush(open, paragraphs);
                openPieces = 0;
                continue;
            }
            if (openPieces + sentence.length > budget) {
                flush(open, paragraphs);
                openPieces = 0;
            }
            open.add(sentence);
            openPieces += sentence.length;
        }
        flush(open, paragraphs);
        return paragraphs;
    }

    private static void flush(List<int[]> open, List<Paragraph> paragraphs)
    {
        if (!open.isEmpty()) {
            paragraphs.add(new Paragraph(open));
            open.clear();
        }
    }
}
