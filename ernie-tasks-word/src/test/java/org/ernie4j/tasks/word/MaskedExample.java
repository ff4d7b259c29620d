package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.testkit.TestingTaskReporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A knowledge-masking example read back against the window it came from, for black-box assertions: which window pieces
 * are targets, and which units (entities, phrases, words) were chosen, inferred from the targets alone.
 */
final class MaskedExample
{
    private final Window window;
    private final Example example;
    private final Vocabulary vocabulary;
    private final BitSet targets = new BitSet();

    private MaskedExample(Window window, Example example, Vocabulary vocabulary)
    {
        this.window = window;
        this.example = example;
        this.vocabulary = vocabulary;
        MaskedTokens masked = (MaskedTokens) example.target();
        for (int i = 0; i < masked.count(); i++) {
            targets.set(masked.position(i) - 1);
        }
    }

    /**
     * Pairs the examples of a document with the windows they came from. A window that gave no example is passed over; every
     * example must match a window, in order.
     */
    static List<MaskedExample> pair(Document document, List<Example> examples, int maxSequenceLength, Vocabulary vocabulary)
    {
        List<Window> windows = new WindowCutter(maxSequenceLength - 2, new TestingTaskReporter()).cut(document);
        List<MaskedExample> paired = new ArrayList<>();
        int next = 0;
        for (Example example : examples) {
            int[] restored = restoredPieces(example);
            while (next < windows.size() && !Arrays.equals(windows.get(next).pieceIds(), restored)) {
                next++;
            }
            assertThat(next).as("example %s matches no window of %s", example, document.id()).isLessThan(windows.size());
            paired.add(new MaskedExample(windows.get(next), example, vocabulary));
            next++;
        }
        return paired;
    }

    private static int[] restoredPieces(Example example)
    {
        int[] ids = example.inputIds();
        MaskedTokens masked = (MaskedTokens) example.target();
        for (int i = 0; i < masked.count(); i++) {
            ids[masked.position(i)] = masked.originalId(i);
        }
        return Arrays.copyOfRange(ids, 1, ids.length - 1);
    }

    Window window()
    {
        return window;
    }

    Example example()
    {
        return example;
    }

    /** Target positions, in window piece coordinates. */
    BitSet targets()
    {
        return (BitSet) targets.clone();
    }

    int targetCount()
    {
        return targets.cardinality();
    }

    /** The window positions of the pieces of tokens {@code [first, end)}. */
    BitSet pieces(int firstToken, int endToken)
    {
        BitSet pieces = new BitSet();
        pieces.set(window.firstPiece(firstToken), window.endPiece(endToken - 1));
        return pieces;
    }

    boolean allTargets(BitSet pieces)
    {
        BitSet missing = (BitSet) pieces.clone();
        missing.andNot(targets);
        return missing.isEmpty();
    }

    boolean anyTarget(BitSet pieces)
    {
        return pieces.intersects(targets);
    }

    /**
     * Chunks of two or more tokens that do not cut through an entity and may be masked: the phrases knowledge masking may
     * choose.
     */
    List<Span> phrases()
    {
        List<Span> phrases = new ArrayList<>();
        for (Span chunk : window.chunks()) {
            boolean crosses = window.entities().stream().anyMatch(entity -> chunk.start() < entity.end() && entity.start() < chunk.end()
                    && !(chunk.start() <= entity.start() && entity.end() <= chunk.end()));
            if (chunk.length() > 1 && !crosses && maskable(chunk)) {
                phrases.add(chunk);
            }
        }
        return phrases;
    }

    /** Entities that may be masked: the entities knowledge masking may choose. */
    List<Span> maskableEntities()
    {
        return window.entities().stream().filter(this::maskable).toList();
    }

    /** True when a span has a letter or digit and no special piece. */
    private boolean maskable(Span span)
    {
        boolean letters = false;
        for (int token = span.start(); token < span.end(); token++) {
            Token word = window.token(token);
            letters |= word.surface().codePoints().anyMatch(Character::isLetterOrDigit);
            for (int piece = 0; piece < word.pieceCount(); piece++) {
                if (vocabulary.isSpecial(word.pieceId(piece))) {
                    return false;
                }
            }
        }
        return letters;
    }

    /** The pieces of a phrase that are not inside one of its entities: targets there mean the phrase itself was chosen. */
    BitSet ownPieces(Span phrase)
    {
        BitSet own = pieces(phrase.start(), phrase.end());
        for (Span entity : window.entities()) {
            if (phrase.start() <= entity.start() && entity.end() <= phrase.end()) {
                own.andNot(pieces(entity.start(), entity.end()));
            }
        }
        return own;
    }

    /**
     * The chosen units, inferred from the targets: phrases with a target outside their entities, then entities with targets
     * outside the chosen phrases, then single tokens with targets outside both. Each as a set of window piece positions.
     */
    List<BitSet> inferredUnits()
    {
        List<BitSet> units = new ArrayList<>();
        BitSet claimed = new BitSet();
        for (Span phrase : phrases()) {
            if (anyTarget(ownPieces(phrase))) {
                BitSet pieces = pieces(phrase.start(), phrase.end());
                units.add(pieces);
                claimed.or(pieces);
            }
        }
        for (Span entity : window.entities()) {
            BitSet pieces = pieces(entity.start(), entity.end());
            if (anyTarget(pieces) && !pieces.intersects(claimed)) {
                units.add(pieces);
                claimed.or(pieces);
            }
        }
        for (int token = 0; token < window.tokenCount(); token++) {
            BitSet pieces = pieces(token, token + 1);
            if (anyTarget(pieces) && !pieces.intersects(claimed)) {
                units.add(pieces);
                claimed.or(pieces);
            }
        }
        return units;
    }

    /** The input id at a window piece position. */
    int inputAt(int piece)
    {
        return example.inputId(piece + 1);
    }

    /** The original id at a window piece position. */
    int originalAt(int piece)
    {
        return window.pieceIds()[piece];
    }

    boolean allMasked(BitSet pieces)
    {
        return pieces.stream().allMatch(piece -> inputAt(piece) == vocabulary.maskId());
    }

    boolean noneMasked(BitSet pieces)
    {
        return pieces.stream().noneMatch(piece -> inputAt(piece) == vocabulary.maskId());
    }
}
