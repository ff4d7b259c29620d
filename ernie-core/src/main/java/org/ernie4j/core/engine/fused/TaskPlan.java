package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How the engine runs one task: its head (a standard head pass, or a custom head's SameDiff bridge), the parameters
 * whose gradients its steps produce (the pooler only when the head reads the pooled output, as in the graph), the
 * first worker's gradient arrays that the engine hands out, and the reduction that adds the other workers' into them.
 */
final class TaskPlan
{
    private final HeadPass head;
    private final CustomHeadBridge custom;
    private final Map<String, INDArray> gradients;
    private final GradientReduction reduction;

    /** @param withGradients whether steps compute gradients (else no gradient buffers are made: forward passes only) */
    TaskPlan(TaskHead task, EncoderConfig config, ModelParameters parameters, EncoderBlocks encoder, Activations activations,
            PoolerPass pooler, Worker[] workers, boolean withGradients)
    {
        boolean pooled;
        if (task.head() instanceof CustomHead customHead) {
            this.head = null;
            this.custom = new CustomHeadBridge(task.name(), customHead, parameters, config.hidden());
            pooled = custom.usesPooled();
        }
        else {
            this.custom = null;
            this.head = standardHead(task, config, parameters, encoder, activations, pooler);
            pooled = task.head() instanceof SequenceClassificationHead;
        }
        List<String> names = new ArrayList<>();
        for (ParameterSpec spec : withGradients ? EncoderLayout.parameters(config) : List.<ParameterSpec>of()) {
            if (pooled || !spec.name().startsWith(EncoderLayout.POOLER + ".")) {
                names.add(spec.name());
            }
        }
        if (head != null && withGradients) {
            head.parameterNames().stream().filter(name -> !names.contains(name)).forEach(names::add);
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        FloatBlock[][] blocks = new FloatBlock[names.size()][workers.length];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            for (Worker worker : workers) {
                blocks[i][worker.index] = worker.gradients.of(parameters.spec(name));
            }
            arrays.put(name, workers[0].gradients.array(name));
        }
        this.gradients = Map.copyOf(arrays);
        this.reduction = new GradientReduction(blocks);
    }

    private static HeadPass standardHead(TaskHead task, EncoderConfig config, ModelParameters parameters, EncoderBlocks encoder,
            Activations activations, PoolerPass pooler)
    {
        if (task.head() instanceof SequenceClassificationHead sequence) {
            return ClassificationHeadPass.sequence(config, parameters, pooler, task.name(), sequence.numClasses());
        }
        if (task.head() instanceof TokenClassificationHead token) {
            return ClassificationHeadPass.token(config, parameters, activations, task.name(), token.numClasses());
        }
        if (task.head() instanceof MaskedTokenHead) {
            return new MaskedTokenHeadPass(config, parameters, encoder, activations, task.name());
        }
        throw new IllegalArgumentException("unknown head kind: " + task.head());
    }

    /** The standard head, or null for a custom head. */
    HeadPass head()
    {
        return head;
    }

    /** The custom head's bridge, or null for a standard head. */
    CustomHeadBridge custom()
    {
        return custom;
    }

    /** The encoder's and the standard head's gradients, as the first worker's arrays (after {@link #reduce}). */
    Map<String, INDArray> gradients()
    {
        return gradients;
    }

    /** Worker {@code worker}'s share of adding workers {@code 1 .. used - 1}'s gradients into the first worker's. */
    void reduce(int worker, int used)
    {
        reduction.run(worker, used);
    }
}
