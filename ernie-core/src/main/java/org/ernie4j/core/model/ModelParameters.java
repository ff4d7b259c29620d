package org.ernie4j.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The model's parameter tensors by name, in a fixed order. This is the state that training changes and checkpoints
 * store; whichever engine executes the model reads and updates these arrays in place.
 *
 * <p>Parameters can be added (a new task's head) but never removed or replaced, so an engine that holds references to
 * the arrays stays valid.
 */
@PublicApi
public final class ModelParameters
{
    private final DataType dataType;
    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    private final Map<String, INDArray> values = new LinkedHashMap<>();

    public ModelParameters(DataType dataType)
    {
        this.dataType = requireNonNull(dataType, "dataType is null");
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("parameters are FLOAT or DOUBLE, not " + dataType);
        }
    }

    public DataType dataType()
    {
        return dataType;
    }

    /** Adds a parameter with its values. */
    public synchronized void add(ParameterSpec spec, INDArray value)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(value, "value is null");
        if (specs.containsKey(spec.name())) {
            throw new IllegalArgumentException("parameter " + spec.name() + " already exists");
        }
        if (!Arrays.equals(spec.shape(), value.shape())) {
            throw new IllegalArgumentException("parameter " + spec.name() + " should have shape " + Arrays.toString(spec.shape())
                    + " but has " + Arrays.toString(value.shape()));
        }
        if (value.dataType() != dataType) {
            throw new IllegalArgumentException("parameter " + spec.name() + " is " + value.dataType() + ", not " + dataType);
        }
        specs.put(spec.name(), spec);
        values.put(spec.name(), value);
    }

    /** Adds each parameter that is missing, initialised by {@code initializer}. */
    public synchronized void addMissing(List<ParameterSpec> wanted, ParameterInitializer initializer)
    {
        for (ParameterSpec spec : wanted) {
            ParameterSpec existing = specs.get(spec.name());
            if (existing == null) {
                add(spec, initializer.create(spec, dataType));
            }
            else if (!existing.equals(spec)) {
                throw new IllegalArgumentException("parameter " + spec.name() + " exists as " + existing + ", not " + spec);
            }
        }
    }

    public synchronized boolean contains(String name)
    {
        return specs.containsKey(name);
    }

    public synchronized INDArray get(String name)
    {
        INDArray value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return value;
    }

    public synchronized ParameterSpec spec(String name)
    {
        ParameterSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return spec;
    }

    /** The parameter names in order of addition. */
    public synchronized List<String> names()
    {
        return List.copyOf(new ArrayList<>(specs.keySet()));
    }

    /** The number of scalar parameters. */
    public synchronized long count()
    {
        return specs.values().stream().mapToLong(ParameterSpec::length).sum();
    }
}
