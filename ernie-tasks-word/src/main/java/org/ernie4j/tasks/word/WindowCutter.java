package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a document into windows of at most {@code budget} pieces: as many consecutive whole sentences as fit, and a
 * sentence that alone exceeds the budget into windows of its own, cut between words.
 *
 * <p>Whole sentences keep the model's inputs natural text. A long sentence is cut at the last word boundary that fits,
 * or, when that boundary falls inside an entity or a phrase, at an earlier boundary outside every span, so that the units
 * knowledge masking hides stay whole; only a boundary in the window's second half is taken, so that avoiding a split span
 * never produces a tiny window. A single word with more pieces than the budget cannot be placed anywhere and is left
 * out, reported as a skip; so is a document without any piece, which every word-aware task would otherwise check for
 * itself.
 */
final class WindowCutter
{
    static final String WORD_TOO_LONG = "word with more pieces than fit in an input, left out";
    static final String NO_PIECES = "document has no word pieces";

    private final int budget;
    private final TaskReporter reporter;

    /**
     * @param budget the most pieces of a window: the maximum input length less {@code [CLS]} and {@code [SEP]}
     */
    WindowCutter(int budget, TaskReporter reporter)
    {
        this.budget = budget;
        this.reporter = requireNonNull(reporter, "reporter is null");
    }

    List<Window> cut(Document document)
    {
        List<Window> windows = new ArrayList<>();
        List<Window.Part> open = new ArrayList<>();
        int openPieces = 0;
        boolean anyPiece = false;
        for (Sentence sentence : document.sentences()) {
            int pieces = sentence.pieceCount();
            if (pieces == 0) {
                continue;
            }
            anyPiece = true;
            if (pieces > budget) {
                flush(open, windows);
                openPieces = 0;
                cutLong(sentence, windows);
                continue;
            }
            if (openPieces + pieces > budget) {
                flush(open, windows);
                openPieces = 0;
            }
            open.add(Window.Part.whole(sentence));
            openPieces += pieces;
        }
        flush(open, windows);
        if (!anyPiece) {
            reporter.skipped(NO_PIECES);
        }
        return windows;
    }

    private void cutLong(Sentence sentence, List<Window> windows)
    {
        int size = sentence.tokens().size();
        int firstWord = Window.firstWord(sentence);
        BitSet straddled = straddledBoundaries(sentence);
        int from = 0;
        while (from < size) {
            if (sentence.tokens().get(from).pieceCount() > budget) {
                reporter.skipped(WORD_TOO_LONG);
                from++;
                continue;
            }
            int end = from;
            int pieces = 0;
            while (end < size && pieces + sentence.tokens().get(end).pieceCount() <= budget) {
                pieces += sentence.tokens().get(end).pieceCount();
                end++;
            }
            if (end < size) {
                end = boundaryOutsideSpans(straddled, from, end);
            }
            windows.add(Window.of(List.of(new Window.Part(sentence, from, end, firstWord))));
            from = end;
        }
    }

    /**
     * The token boundaries (boundary {@code b} lies before token {@code b}) that fall inside an entity or a chunk. Found
     * once per sentence, in time linear in the spans' lengths: asking every span about every candidate boundary would be
     * quadratic in a sentence of thousands of tokens, such as a table the sentence splitter could not break up.
     */
    private static BitSet straddledBoundaries(Sentence sentence)
    {
        BitSet straddled = new BitSet();
        for (Span span : sentence.entities()) {
            straddled.set(span.start() + 1, span.end());
        }
        for (Span span : sentence.chunks()) {
            straddled.set(span.start() + 1, span.end());
        }
        return straddled;
    }

    /** The last boundary in the second half of {@code (from, end]} that no span straddles, or {@code end}. */
    private static int boundaryOutsideSpans(BitSet straddled, int from, int end)
    {
        int earliest = from + Math.max(1, (end - from + 1) / 2);
        int boundary = straddled.previousClearBit(end);
        return boundary >= earliest ? boundary : end;
    }

    private static void flush(List<Window.Part> open, List<Window> windows)
    {
        if (!open.isEmpty()) {
            windows.add(Window.of(open));
            open.clear();
        }
    }
}
