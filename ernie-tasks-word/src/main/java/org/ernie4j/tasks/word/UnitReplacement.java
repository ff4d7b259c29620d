package org.ernie4j.tasks.word;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * BERT's 80/10/10 corruption, decided once per unit rather than once per piece: with {@code mask-probability} every piece
 * of the unit becomes {@code [MASK]}, with {@code random-probability} every piece becomes a random piece, otherwise the
 * unit is left as it is (and still predicted). Deciding per unit matters for knowledge masking: a unit that is half
 * {@code [MASK]} and half original would let the model read the entity it should infer.
 *
 * <p>Random pieces are drawn uniformly from the vocabulary's non-special pieces other than the piece they replace, so
 * {@code [CLS]}, {@code [SEP]}, {@code [MASK]} or reserved pieces never appear where text belongs, and a unit that is masked
 * or randomized never shows one of its original pieces at its positions (BERT's draw may return the original, which makes
 * a "random" piece the answer itself). Only a kept unit shows its pieces, by design.
 */
final class UnitReplacement
{
    /** What happened to a unit. */
    enum Choice
    {
        MASKED, RANDOMIZED, KEPT
    }

    private final double maskProbability;
    private final double randomProbability;
    private final int maskId;
    private final int[] ordinaryIds;

    UnitReplacement(KnowledgeMaskingSettings settings, Vocabulary vocabulary)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(vocabulary, "vocabulary is null");
        this.maskProbability = settings.maskProbability();
        this.randomProbability = settings.randomProbability();
        this.maskId = vocabulary.maskId();
        // Ascending, for the binary search of otherThan.
        this.ordinaryIds = IntStream.range(0, vocabulary.size()).filter(id -> !vocabulary.isSpecial(id)).toArray();
    }

    /**
     * Corrupts the unit's pieces in {@code ids}, where the window's first piece is at {@code offset}.
     */
    Choice apply(MaskingUnit unit, int[] ids, int offset, RandomGenerator random)
    {
        double draw = random.nextDouble();
        if (draw < maskProbability) {
            for (int position = unit.firstPiece(); position < unit.endPiece(); position++) {
                ids[offset + position] = maskId;
            }
            return Choice.MASKED;
        }
        if (draw < maskProbability + randomProbability) {
            // With fewer than two ordinary pieces there is no other piece to draw (a unit's pieces are all ordinary); hiding
            // the unit is the nearest honest choice.
            if (ordinaryIds.length < 2) {
                for (int position = unit.firstPiece(); position < unit.endPiece(); position++) {
                    ids[offset + position] = maskId;
                }
                return Choice.MASKED;
            }
            for (int position = unit.firstPiece(); position < unit.endPiece(); position++) {
                ids[offset + position] = otherThan(ids[offset + position], random);
            }
            return Choice.RANDOMIZED;
        }
        return Choice.KEPT;
    }

    /** A random ordinary piece other than {@code original}, with one draw: the original's place is skipped over. */
    private int otherThan(int original, RandomGenerator random)
    {
        int place = Arrays.binarySearch(ordinaryIds, original);
        if (place < 0) {
            return ordinaryIds[random.nextInt(ordinaryIds.length)];
        }
        int drawn = random.nextInt(ordinaryIds.length - 1);
        return ordinaryIds[drawn < place ? drawn : drawn + 1];
    }
}
