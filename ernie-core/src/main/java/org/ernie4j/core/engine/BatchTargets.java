package org.ernie4j.core.engine;

import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;

/**
 * The targets of a {@link Batch}, gathered by kind into flat arrays.
 */
@PublicApi
public sealed interface BatchTargets
        permits BatchTargets.SequenceLabels, BatchTargets.TokenLabelGrid, BatchTargets.MaskedPositions, BatchTargets.CustomRows
{
    /** One class per example. */
    record SequenceLabels(int[] labels)
            implements BatchTargets
    {
        public SequenceLabels
        {
            labels = labels.clone();
        }

        @Override
        public int[] labels()
        {
            return labels.clone();
        }
    }

    /** One class per position, {@code [size * length]}; padding and unlabelled positions are {@link TokenLabels#IGNORED}. */
    record TokenLabelGrid(int[] labels)
            implements BatchTargets
    {
        public TokenLabelGrid
        {
            labels = labels.clone();
        }

        @Override
        public int[] labels()
        {
            return labels.clone();
        }
    }

    /**
     * The masked positions of all examples as flat indices {@code row * length + position}, ascending, and the original
     * id at each.
     */
    record MaskedPositions(int[] flatPositions, int[] originalIds)
            implements BatchTargets
    {
        public MaskedPositions
        {
            if (flatPositions.length != originalIds.length) {
                throw new IllegalArgumentException(flatPositions.length + " positions but " + originalIds.length + " ids");
            }
            flatPositions = flatPositions.clone();
            originalIds = originalIds.clone();
        }

        @Override
        public int[] flatPositions()
        {
            return flatPositions.clone();
        }

        @Override
        public int[] originalIds()
        {
            return originalIds.clone();
        }

        public int count()
        {
            return flatPositions.length;
        }
    }

    /** One row of {@code width} numbers per example, {@code [size * width]}. */
    record CustomRows(float[] values, int width)
            implements BatchTargets
    {
        public CustomRows
        {
            values = values.clone();
        }

        @Override
        public float[] values()
        {
            return values.clone();
        }
    }

    /** Gathers the targets of examples padded to {@code length}. */
    static BatchTargets of(List<Example> examples, int length)
    {
        Target first = examples.get(0).target();
        for (int row = 1; row < examples.size(); row++) {
            if (examples.get(row).target().getClass() != first.getClass()) {
                throw new IllegalArgumentException("example " + row + " has a " + examples.get(row).target().getClass().getSimpleName()
                        + " target, but example 0 has a " + first.getClass().getSimpleName());
            }
        }
        if (first instanceof SequenceLabel) {
            return new SequenceLabels(examples.stream().mapToInt(example -> ((SequenceLabel) example.target()).label()).toArray());
        }
        if (first instanceof TokenLabels) {
            int[] labels = new int[examples.size() * length];
            Arrays.fill(labels, TokenLabels.IGNORED);
            for (int row = 0; row < examples.size(); row++) {
                TokenLabels rowLabels = (TokenLabels) examples.get(row).target();
                for (int position = 0; position < rowLabels.length(); position++) {
                    labels[row * length + position] = rowLabels.label(position);
                }
            }
            return new TokenLabelGrid(labels);
        }
        if (first instanceof MaskedTokens) {
            int total = examples.stream().mapToInt(example -> ((MaskedTokens) example.target()).count()).sum();
            int[] positions = new int[total];
            int[] ids = new int[total];
            int next = 0;
            for (int row = 0; row < examples.size(); row++) {
                MaskedTokens masked = (MaskedTokens) examples.get(row).target();
                for (int i = 0; i < masked.count(); i++) {
                    positions[next] = row * length + masked.position(i);
                    ids[next] = masked.originalId(i);
                    next++;
                }
            }
            return new MaskedPositions(positions, ids);
        }
        int width = ((CustomTarget) first).width();
        float[] values = new float[examples.size() * width];
        for (int row = 0; row < examples.size(); row++) {
            CustomTarget target = (CustomTarget) examples.get(row).target();
            if (target.width() != width) {
                throw new IllegalArgumentException("custom target of example " + row + " has width " + target.width()
                        + ", but example 0 has width " + width);
            }
            System.arraycopy(target.values(), 0, values, row * width, width);
        }
        return new CustomRows(values, width);
    }
}
