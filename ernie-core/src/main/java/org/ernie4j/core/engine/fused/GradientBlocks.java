package org.ernie4j.core.engine.fused;

import java.util.HashMap;
import java.util.Map;

import org.ernie4j.core.model.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One worker's gradient buffers, one per parameter, created on first use and reused for every step. The first worker's
 * are ND4J arrays: after the other workers' gradients are added into them they are what the engine hands out, with no
 * copy. The others' are plain blocks.
 */
final class GradientBlocks
{
    private final boolean exported;
    private final Map<String, FloatBlock> blocks = new HashMap<>();

    GradientBlocks(boolean exported)
    {
        this.exported = exported;
    }

    /** The gradient block of a parameter, created (zeroed) the first time. */
    FloatBlock of(ParameterSpec spec)
    {
        return blocks.computeIfAbsent(spec.name(), name -> exported
                ? FloatBlock.of(Nd4j.create(DataType.FLOAT, spec.shape()))
                : FloatBlock.allocate(spec.length()));
    }

    FloatBlock get(String name)
    {
        FloatBlock block = blocks.get(name);
        if (block == null) {
            throw new IllegalStateException("no gradient buffer for " + name);
        }
        return block;
    }

    /** The ND4J array behind an exported gradient. */
    INDArray array(String name)
    {
        INDArray array = get(name).owner();
        if (array == null) {
            throw new IllegalStateException("the gradient of " + name + " is not exported");
        }
        return array;
    }
}
