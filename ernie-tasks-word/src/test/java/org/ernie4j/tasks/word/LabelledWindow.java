package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.testkit.TestingTaskReporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token-classification example of a word task read back against the window it came from, for black-box assertions
 * about words rather than positions.
 */
final class LabelledWindow
{
    private final Window window;
    private final int windowIndex;
    private final Example example;
    private final TokenLabels labels;

    private LabelledWindow(Window window, int windowIndex, Example example)
    {
        this.window = window;
        this.windowIndex = windowIndex;
        this.example = example;
        this.labels = (TokenLabels) example.target();
    }

    /** The windows (segments) the tasks cut the document into. */
    static List<Window> windows(Document document, int maxSequenceLength)
    {
        return new WindowCutter(maxSequenceLength - 2, new TestingTaskReporter()).cut(document);
    }

    /**
     * Pairs the examples of a document with the windows they came from, which their inputs must equal. A window that gave
     * no example is passed over; every example must match a window, in order.
     */
    static List<LabelledWindow> pair(Document document, List<Example> examples, int maxSequenceLength, Vocabulary vocabulary)
    {
        List<Window> windows = windows(document, maxSequenceLength);
        List<LabelledWindow> paired = new ArrayList<>();
        int next = 0;
        for (Example example : examples) {
            while (next < windows.size() && !Arrays.equals(windows.get(next).inputIds(vocabulary), example.inputIds())) {
                next++;
            }
            assertThat(next).as("example %s matches no window of %s", example, document.id()).isLessThan(windows.size());
            paired.add(new LabelledWindow(windows.get(next), next, example));
            next++;
        }
        return paired;
    }

    Window window()
    {
        return window;
    }

    /** The index of the window among {@link #windows(Document, int)}. */
    int windowIndex()
    {
        return windowIndex;
    }

    Example example()
    {
        return example;
    }

    int tokenCount()
    {
        return window.tokenCount();
    }

    Token token(int index)
    {
        return window.token(index);
    }

    /** The label of a word: the label at its first piece. */
    int label(int token)
    {
        return labels.label(1 + window.firstPiece(token));
    }

    /** True when every position but the first pieces of words is ignored. */
    boolean onlyFirstPiecesLabelled()
    {
        boolean[] first = new boolean[labels.length()];
        for (int token = 0; token < window.tokenCount(); token++) {
            first[1 + window.firstPiece(token)] = true;
        }
        for (int position = 0; position < labels.length(); position++) {
            if (!first[position] && labels.label(position) != TokenLabels.IGNORED) {
                return false;
            }
        }
        return true;
    }
}
