package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * The optimizer's moments at the start of a round, as the driver broadcasts them to workers that take local steps:
 * each parameter's first and second moments and update count.
 */
final class MomentSnapshot
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final Map<String, float[]> first;
    private final Map<String, float[]> second;
    private final Map<String, Long> updates;

    private MomentSnapshot(Map<String, float[]> first, Map<String, float[]> second, Map<String, Long> updates)
    {
        this.first = first;
        this.second = second;
        this.updates = updates;
    }

    static MomentSnapshot of(Map<String, AdamW.Moments> state)
    {
        requireNonNull(state, "state is null");
        Map<String, float[]> first = new LinkedHashMap<>();
        Map<String, float[]> second = new LinkedHashMap<>();
        Map<String, Long> updates = new LinkedHashMap<>();
        state.forEach((name, moments) -> {
            first.put(name, Floats.of(moments.first()));
            second.put(name, Floats.of(moments.second()));
            updates.put(name, moments.updates());
        });
        return new MomentSnapshot(first, second, updates);
    }

    /**
     * New arrays for an optimizer of a worker, shaped as {@code parameters} are: optimizers update their moments in
     * place, so two workers of one JVM must never share them.
     */
    Map<String, AdamW.Moments> toMoments(ModelParameters parameters)
    {
        Map<String, AdamW.Moments> moments = new LinkedHashMap<>();
        first.forEach((name, values) -> {
            long[] shape = parameters.get(name).shape();
            moments.put(name, new AdamW.Moments(Nd4j.create(values.clone(), shape, 'c'), Nd4j.create(second.get(name).clone(), shape, 'c'),
                    updates.get(name)));
        });
        return moments;
    }
}
