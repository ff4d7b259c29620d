package org.ernie4j.core.engine.samediff;

import java.util.function.Supplier;

import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.CustomHeadGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * A plugin's {@link CustomHead} in a SameDiff graph, built and fed the same way by both engines: this engine builds it on
 * its encoder's outputs, the fused engine on placeholders that take its own encoder's outputs. Either way the head sees
 * the same {@link CustomHeadGraph}, names its variables the same way and gets the same targets, so that its variables
 * ({@link GraphParameters}) and checkpoints move between the engines.
 */
public final class CustomHeadBuilder
{
    private final String taskName;
    private final CustomHead head;

    public CustomHeadBuilder(String taskName, CustomHead head)
    {
        this.taskName = requireNonNull(taskName, "taskName is null");
        this.head = requireNonNull(head, "head is null");
    }

    /**
     * Adds the head to {@code sd} on these encoder outputs and its targets placeholder ({@code [batch, targetWidth]}) and
     * returns its scalar loss. The sequence output comes from a supplier because this engine reshapes its two-dimensional
     * output for the head when the head asks for it, which adds nothing to the graph of a head that does not.
     */
    public SDVariable build(SameDiff sd, Supplier<SDVariable> sequence, SDVariable pooled, SDVariable mask, SDVariable targets)
    {
        SDVariable loss = head.build(new View(sd, sequence, pooled, mask, targets));
        if (loss == null) {
            throw new IllegalStateException("custom head of task " + taskName + " returned no loss");
        }
        return loss;
    }

    /** The value of the targets placeholder for a batch, {@code [batch, targetWidth]}, after checking that the batch's targets fit the head. */
    public INDArray targets(Batch batch, DataType type)
    {
        if (!(batch.targets() instanceof BatchTargets.CustomRows rows)) {
            throw new IllegalArgumentException("task " + taskName + ": a " + head + " head cannot take "
                    + batch.targets().getClass().getSimpleName() + " targets");
        }
        if (rows.width() != head.targetWidth()) {
            throw new IllegalArgumentException("task " + taskName + ": custom targets have width " + rows.width()
                    + " but the head expects " + head.targetWidth());
        }
        return Nd4j.createFromArray(rows.values()).reshape(batch.size(), rows.width()).castTo(type);
    }

    private final class View
            implements CustomHeadGraph
    {
        private final SameDiff sd;
        private final Supplier<SDVariable> sequence;
        private final SDVariable pooled;
        private final SDVariable mask;
        private final SDVariable targets;

        private View(SameDiff sd, Supplier<SDVariable> sequence, SDVariable pooled, SDVariable mask, SDVariable targets)
        {
            this.sd = requireNonNull(sd, "sd is null");
            this.sequence = requireNonNull(sequence, "sequence is null");
            this.pooled = requireNonNull(pooled, "pooled is null");
            this.mask = requireNonNull(mask, "mask is null");
            this.targets = requireNonNull(targets, "targets is null");
        }

        @Override
        public SameDiff sameDiff()
        {
            return sd;
        }

        @Override
        public SDVariable sequenceOutput()
        {
            return sequence.get();
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
