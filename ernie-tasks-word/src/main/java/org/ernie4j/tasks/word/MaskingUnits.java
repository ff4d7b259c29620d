package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * The units of a window that knowledge masking may hide:
 * <ul>
 * <li><b>entities</b>: every entity span;</li>
 * <li><b>phrases</b>: every chunk span of two or more tokens that does not cut through an entity (a phrase may hold an
 * entity whole, as "the United States" holds "United States", but a phrase that holds only part of one is no unit, since
 * hiding it would hide part of the entity);</li>
 * <li><b>loose words</b>: single tokens outside every entity and every phrase unit, the words the mixed strategy masks one
 * by one, so that a token of an entity or phrase is only ever hidden with all of it;</li>
 * <li><b>all words</b>: every single token, for the word strategy and for windows that lack the strategy's units.</li>
 * </ul>
 * A unit must contain a token with a letter or a digit (punctuation alone is never masked), and no token whose pieces
 * include a special piece such as {@code [UNK]} (predicting {@code [UNK]} teaches nothing, and every piece of a chosen
 * unit must be predicted). A chunk that is no unit for either reason leaves its tokens loose; an entity that is no unit
 * does not, because hiding part of a name lets the model read the rest of it.
 */
final class MaskingUnits
{
    private final List<MaskingUnit> entities;
    private final List<MaskingUnit> phrases;
    private final List<MaskingUnit> looseWords;
    private final List<MaskingUnit> allWords;

    private MaskingUnits(List<MaskingUnit> entities, List<MaskingUnit> phrases, List<MaskingUnit> looseWords, List<MaskingUnit> allWords)
    {
        this.entities = List.copyOf(entities);
        this.phrases = List.copyOf(phrases);
        this.looseWords = List.copyOf(looseWords);
        this.allWords = List.copyOf(allWords);
    }

    static MaskingUnits of(Window window, Vocabulary vocabulary)
    {
        requireNonNull(window, "window is null");
        requireNonNull(vocabulary, "vocabulary is null");
        BitSet maskable = new BitSet();
        BitSet hasLetterOrDigit = new BitSet();
        for (int i = 0; i < window.tokenCount(); i++) {
            Token token = window.token(i);
            if (!Words.hasSpecialPiece(token, vocabulary)) {
                maskable.set(i);
            }
            if (Words.hasLetterOrDigit(token.surface())) {
                hasLetterOrDigit.set(i);
            }
        }

        List<MaskingUnit> entities = new ArrayList<>();
        BitSet inUnitOrEntity = new BitSet();
        for (Span entity : window.entities()) {
            inUnitOrEntity.set(entity.start(), entity.end());
            addIfMaskable(MaskingUnit.Kind.ENTITY, entity, window, maskable, hasLetterOrDigit, entities);
        }
        List<MaskingUnit> phrases = new ArrayList<>();
        for (Span chunk : window.chunks()) {
            if (chunk.length() > 1 && window.entities().stream().noneMatch(entity -> crosses(chunk, entity))
                    && addIfMaskable(MaskingUnit.Kind.PHRASE, chunk, window, maskable, hasLetterOrDigit, phrases)) {
                inUnitOrEntity.set(chunk.start(), chunk.end());
            }
        }
        List<MaskingUnit> looseWords = new ArrayList<>();
        List<MaskingUnit> allWords = new ArrayList<>();
        for (int i = 0; i < window.tokenCount(); i++) {
            if (maskable.get(i) && hasLetterOrDigit.get(i)) {
                MaskingUnit word = new MaskingUnit(MaskingUnit.Kind.WORD, i, i + 1, window.firstPiece(i), window.endPiece(i));
                allWords.add(word);
                if (!inUnitOrEntity.get(i)) {
                    looseWords.add(word);
                }
            }
        }
        return new MaskingUnits(entities, phrases, looseWords, allWords);
    }

    /** Adds the span as a unit if it may be masked, and tells whether it did. */
    private static boolean addIfMaskable(MaskingUnit.Kind kind, Span span, Window window, BitSet maskable, BitSet hasLetterOrDigit, List<MaskingUnit> into)
    {
        boolean allMaskable = maskable.get(span.start(), span.end()).cardinality() == span.length();
        boolean anyLetterOrDigit = !hasLetterOrDigit.get(span.start(), span.end()).isEmpty();
        if (allMaskable && anyLetterOrDigit) {
            into.add(new MaskingUnit(kind, span.start(), span.end(), window.firstPiece(span.start()), window.endPiece(span.end() - 1)));
            return true;
        }
        return false;
    }

    /** True when the spans overlap without one holding the other. */
    private static boolean crosses(Span phrase, Span entity)
    {
        boolean overlap = phrase.start() < entity.end() && entity.start() < phrase.end();
        boolean holds = phrase.start() <= entity.start() && entity.end() <= phrase.end();
        return overlap && !holds;
    }

    List<MaskingUnit> entities()
    {
        return entities;
    }

    List<MaskingUnit> phrases()
    {
        return phrases;
    }

    List<MaskingUnit> looseWords()
    {
        return looseWords;
    }

    List<MaskingUnit> allWords()
    {
        return allWords;
    }

    /** True when nothing in the window may be masked: no word with a letter or digit and known pieces. */
    boolean isEmpty()
    {
        return allWords.isEmpty();
    }
}
