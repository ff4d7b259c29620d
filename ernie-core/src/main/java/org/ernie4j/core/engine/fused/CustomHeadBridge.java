package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.core.engine.samediff.Quietly;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.CustomHeadGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A plugin's custom head, run in SameDiff on the fused encoder's outputs: the sequence and pooled outputs enter its
 * graph as placeholders, and the gradients of those placeholders go back to the fused backward pass. The head's own
 * variables become model parameters under the names the plugin gave them, exactly as in the graph engine, so
 * checkpoints move between the engines.
 */
final class CustomHeadBridge
{
    private static final String SEQUENCE = "fused.sequence_output";
    private static final String POOLED = "fused.pooled_output";
    private static final String MASK = "fused.mask";
    private static final String TARGETS = "fused.targets";
    private static final String LOSS = "loss";

    private final String taskName;
    private final CustomHead head;
    private final ModelParameters parameters;
    private final SameDiff sd;
    private final List<String> trainable;
    private final boolean usesSequence;
    private final boolean usesPooled;

    /** What the head's graph returned for one batch. */
    record Result(double loss, INDArray sequenceGradient, INDArray pooledGradient, Map<String, INDArray> parameterGradients)
    {
    }

    CustomHeadBridge(String taskName, CustomHead head, ModelParameters parameters, int hidden)
    {
        this.taskName = taskName;
        this.head = head;
        this.parameters = parameters;
        this.sd = SameDiff.create();
        SDVariable sequence = sd.placeHolder(SEQUENCE, DataType.FLOAT, -1, -1, hidden);
        SDVariable pooled = sd.placeHolder(POOLED, DataType.FLOAT, -1, hidden);
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, -1, -1);
        SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, -1, head.targetWidth());
        SDVariable loss = head.build(new View(sequence, pooled, mask, targets));
        if (loss == null) {
            throw new IllegalStateException("custom head of task " + taskName + " returned no loss");
        }
        sd.identity(LOSS, loss);
        sd.setLossVariables(LOSS);
        adoptVariables();
        this.trainable = trainableNames();
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
        return trainable;
    }

    /** Runs the head's graph; with {@code gradients}, also its backward pass. */
    Result run(Batch batch, INDArray sequence, INDArray pooled, INDArray mask, boolean gradients)
    {
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(SEQUENCE, sequence);
        feeds.put(POOLED, pooled);
        feeds.put(MASK, mask);
        feeds.put(TARGETS, targets(batch));
        if (!gradients) {
            double loss = sd.output(feeds, LOSS).get(LOSS).getDouble(0);
            return new Result(loss, null, null, Map.of());
        }
        List<String> requested = new ArrayList<>(trainable);
        if (usesSequence) {
            requested.add(SEQUENCE);
        }
        if (usesPooled) {
            requested.add(POOLED);
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(feeds, List.of(LOSS), requested);
        Map<String, INDArray> parameterGradients = new HashMap<>();
        for (String name : trainable) {
            INDArray gradient = result.getGradients().get(name);
            if (gradient != null) {
                parameterGradients.put(name, gradient);
            }
        }
        return new Result(result.getOutputs().get(LOSS).getDouble(0), result.getGradients().get(SEQUENCE),
                result.getGradients().get(POOLED), parameterGradients);
    }

    private INDArray targets(Batch batch)
    {
        if (!(batch.targets() instanceof BatchTargets.CustomRows rows)) {
            throw new IllegalArgumentException("task " + taskName + ": a " + head + " head cannot take "
                    + batch.targets().getClass().getSimpleName() + " targets");
        }
        if (rows.width() != head.targetWidth()) {
            throw new IllegalArgumentException("task " + taskName + ": custom targets have width " + rows.width()
                    + " but the head expects " + head.targetWidth());
        }
        return Nd4j.create(rows.values(), new long[] {batch.size(), rows.width()}, 'c');
    }

    private boolean hasConsumers(String placeholder)
    {
        List<String> consumers = sd.getVariables().get(placeholder).getInputsForOp();
        return consumers != null && !consumers.isEmpty();
    }

    /** The head's variables become model parameters; when the parameters already hold them (a resumed run), the graph takes those. */
    private void adoptVariables()
    {
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            String name = variable.name();
            if (parameters.contains(name)) {
                if (variable.getArr() != parameters.get(name)) {
                    sd.setArrayForVariable(name, parameters.get(name));
                }
                continue;
            }
            INDArray value = variable.getArr();
            parameters.add(new ParameterSpec(name, value.shape(), Initialization.ZEROS, true), value.castTo(parameters.dataType()));
            sd.setArrayForVariable(name, parameters.get(name));
        }
    }

    private List<String> trainableNames()
    {
        List<String> names = new ArrayList<>();
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE) {
                names.add(variable.name());
            }
        }
        return List.copyOf(names);
    }

    private final class View
            implements CustomHeadGraph
    {
        private final SDVariable sequence;
        private final SDVariable pooled;
        private final SDVariable mask;
        private final SDVariable targets;

        private View(SDVariable sequence, SDVariable pooled, SDVariable mask, SDVariable targets)
        {
            this.sequence = sequence;
            this.pooled = pooled;
            this.mask = mask;
            this.targets = targets;
        }

        @Override
        public SameDiff sameDiff()
        {
            return sd;
        }

        @Override
        public SDVariable sequenceOutput()
        {
            return sequence;
        }

        @Override
        public SDVariable pooledOutput()
        {
            return pooled;
        }

        @Override
        public SDVariable mask()
        {
            return mask;
        }

        @Override
        public SDVariable targets()
        {
            return targets;
        }

        @Override
        public String name(String localName)
        {
            return HeadLayout.prefix(taskName) + "." + localName;
        }
    }
}
