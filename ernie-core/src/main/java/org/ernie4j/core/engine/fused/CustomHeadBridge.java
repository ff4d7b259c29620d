package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.samediff.CustomHeadBuilder;
import org.ernie4j.core.engine.samediff.GraphParameters;
import org.ernie4j.core.engine.samediff.Quietly;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.spi.head.CustomHead;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plugin's custom head, run in SameDiff on the fused encoder's outputs: the sequence and pooled outputs enter its
 * graph as placeholders, and the gradients of those placeholders go back to the fused backward pass. The head is built,
 * fed and its variables made model parameters by the same {@link CustomHeadBuilder} and {@link GraphParameters} as in
 * the graph engine, so checkpoints move between the engines.
 */
final class CustomHeadBridge
{
    private static final String SEQUENCE = "fused.sequence_output";
    private static final String POOLED = "fused.pooled_output";
    private static final String MASK = "fused.mask";
    private static final String TARGETS = "fused.targets";
    private static final String LOSS = "loss";

    private final CustomHeadBuilder builder;
    private final SameDiff sd;
    private final GraphParameters trainable;
    private final boolean usesSequence;
    private final boolean usesPooled;

    /** What the head's graph returned for one batch. */
    record Result(double loss, INDArray sequenceGradient, INDArray pooledGradient, Map<String, INDArray> parameterGradients)
    {
    }

    CustomHeadBridge(String taskName, CustomHead head, ModelParameters parameters, int hidden)
    {
        this.builder = new CustomHeadBuilder(taskName, head);
        this.sd = SameDiff.create();
        SDVariable sequence = sd.placeHolder(SEQUENCE, DataType.FLOAT, -1, -1, hidden);
        SDVariable pooled = sd.placeHolder(POOLED, DataType.FLOAT, -1, hidden);
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1, -1);
        SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, -1, head.targetWidth());
        sd.identity(LOSS, builder.build(sd, () -> sequence, pooled, mask, targets));
        sd.setLossVariables(LOSS);
        this.trainable = GraphParameters.adopt(sd, parameters);
        this.usesSequence = hasConsumers(SEQUENCE);
        this.usesPooled = hasConsumers(POOLED);
        List<String> wanted = new ArrayList<>();
        if (usesSequence) {
            wanted.add(SEQUENCE);
        }
        if (usesPooled) {
            wanted.add(POOLED);
        }
        if (!wanted.isEmpty()) {
            Quietly.call(() -> {
                sd.createGradFunction(wanted.toArray(String[]::new));
                return null;
            });
        }
    }

    /** Whether the head reads the pooled output (and so trains the pooler). */
    boolean usesPooled()
    {
        return usesPooled;
    }

    boolean usesSequence()
    {
        return usesSequence;
    }

    /** The names of the head's own parameters. */
    List<String> parameterNames()
    {
        return trainable.names();
    }

    /** Runs the head's graph; with {@code gradients}, also its backward pass. */
    Result run(Batch batch, INDArray sequence, INDArray pooled, INDArray mask, boolean gradients)
    {
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(SEQUENCE, sequence);
        feeds.put(POOLED, pooled);
        feeds.put(MASK, mask);
        feeds.put(TARGETS, builder.targets(batch, DataType.FLOAT));
        if (!gradients) {
            double loss = sd.output(feeds, LOSS).get(LOSS).getDouble(0);
            return new Result(loss, null, null, Map.of());
        }
        List<String> requested = new ArrayList<>(trainable.names());
        if (usesSequence) {
            requested.add(SEQUENCE);
        }
        if (usesPooled) {
            requested.add(POOLED);
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(feeds, List.of(LOSS), requested);
        return new Result(result.getOutputs().get(LOSS).getDouble(0), result.getGradients().get(SEQUENCE),
                result.getGradients().get(POOLED), trainable.gradients(result));
    }

    private boolean hasConsumers(String placeholder)
    {
        List<String> consumers = sd.getVariables().get(placeholder).getInputsForOp();
        return consumers != null && !consumers.isEmpty();
    }
}
