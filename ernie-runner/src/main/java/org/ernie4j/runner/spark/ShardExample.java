package org.ernie4j.runner.spark;

import java.io.Serializable;

import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * One example as it travels to a worker. The SPI's examples are plain values that plugins build; they stay free of
 * {@link Serializable} (and of any promise about a wire form), so the Spark mode carries its own copy of the few arrays
 * an example is made of.
 */
final class ShardExample
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private enum Kind
    {
        SEQUENCE, TOKENS, MASKED, CUSTOM
    }

    private final int[] inputIds;
    private final int[] segmentIds;
    private final Kind kind;
    private final int[] first;
    private final int[] second;
    private final float[] values;

    private ShardExample(int[] inputIds, int[] segmentIds, Kind kind, int[] first, int[] second, float[] values)
    {
        this.inputIds = inputIds;
        this.segmentIds = segmentIds;
        this.kind = kind;
        this.first = first;
        this.second = second;
        this.values = values;
    }

    static ShardExample of(Example example)
    {
        requireNonNull(example, "example is null");
        Target target = example.target();
        if (target instanceof SequenceLabel label) {
            return new ShardExample(example.inputIds(), example.segmentIds(), Kind.SEQUENCE, new int[] {label.label()}, null, null);
        }
        if (target instanceof TokenLabels labels) {
            return new ShardExample(example.inputIds(), example.segmentIds(), Kind.TOKENS, labels.labels(), null, null);
        }
        if (target instanceof MaskedTokens masked) {
            return new ShardExample(example.inputIds(), example.segmentIds(), Kind.MASKED, masked.positions(), masked.originalIds(), null);
        }
        return new ShardExample(example.inputIds(), example.segmentIds(), Kind.CUSTOM, null, null, ((CustomTarget) target).values());
    }

    Example toExample()
    {
        Target target = switch (kind) {
            case SEQUENCE -> new SequenceLabel(first[0]);
            case TOKENS -> new TokenLabels(first);
            case MASKED -> new MaskedTokens(first, second);
            case CUSTOM -> new CustomTarget(values);
        };
        return new Example(inputIds, segmentIds, target);
    }
}
