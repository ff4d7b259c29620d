package org.ernie4j.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * Pre-trained values (an imported BERT, an earlier run) that new parameters take instead of the seed's while a run
 * starts. They belong to the start of one run: the configuration's tasks take them, tasks that join later start from
 * the seed like any new task.
 */
record StartingWeights(Map<String, INDArray> values)
{
    /** Everything from the seed. */
    static final StartingWeights NONE = new StartingWeights(Map.of());

    StartingWeights
    {
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    boolean isEmpty()
    {
        return values.isEmpty();
    }

    /**
     * Adds each of {@code specs} that these values hold and {@code parameters} does not yet, as a float32 copy; returns the
     * names added.
     *
     * @throws IllegalArgumentException if a value has another shape than its spec
     */
    List<String> adopt(ModelParameters parameters, List<ParameterSpec> specs)
    {
        List<String> adopted = new ArrayList<>();
        for (ParameterSpec spec : specs) {
            INDArray value = values.get(spec.name());
            if (value != null && !parameters.contains(spec.name())) {
                if (!Arrays.equals(value.shape(), spec.shape())) {
                    throw new IllegalArgumentException("the initial weights have " + spec.name() + " of shape " + Arrays.toString(value.shape())
                            + " but this run's model needs " + Arrays.toString(spec.shape()));
                }
                parameters.add(spec, value.castTo(DataType.FLOAT).dup('c'));
                adopted.add(spec.name());
            }
        }
        return adopted;
    }

    /** The names of {@code specs} these values lack. */
    List<String> missing(List<ParameterSpec> specs)
    {
        return specs.stream().map(ParameterSpec::name).filter(name -> !values.containsKey(name)).toList();
    }
}
