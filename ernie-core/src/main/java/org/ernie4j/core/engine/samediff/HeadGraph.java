package org.ernie4j.core.engine.samediff;

import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * Builds a task's head and its loss on the encoder's outputs.
 *
 * <p>Every standard loss is the same weighted cross-entropy written from primitives:
 * {@code loss = sum_i w_i * -sum_c y_ic log softmax(z_i)_c}, where the one-hot targets {@code y} and the item weights
 * {@code w} (already divided by their sum, so the loss is a weighted mean) are fed as placeholders. ND4J's
 * {@code sd.loss.*} operations are never used: in M2.1 they ignore the incoming gradient, so scaling them gives
 * silently wrong gradients.
 */
final class HeadGraph
{
    private final SameDiff sd;
    private final EncoderGraph encoder;
    private final EncoderGraph.Outputs outputs;
    private final DataType type;
    private final int hidden;

    HeadGraph(SameDiff sd, EncoderGraph encoder, EncoderGraph.Outputs outputs, DataType type, int hidden)
    {
        this.sd = requireNonNull(sd, "sd is null");
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.outputs = requireNonNull(outputs, "outputs is null");
        this.type = requireNonNull(type, "type is null");
        this.hidden = hidden;
    }

    /** Adds the head of {@code taskName} and returns its scalar loss, named {@link GraphNames#LOSS}. */
    SDVariable build(String taskName, HeadSpec head)
    {
        if (head instanceof SequenceClassificationHead sequence) {
            SDVariable logits = encoder.dense(outputs.pooled(), HeadLayout.classifier(taskName));
            return crossEntropy(logits, sequence.numClasses());
        }
        if (head instanceof TokenClassificationHead token) {
            SDVariable logits = encoder.dense(outputs.sequence(), HeadLayout.classifier(taskName));
            return crossEntropy(logits, token.numClasses());
        }
        if (head instanceof MaskedTokenHead) {
            // A selection matrix picks the masked rows: a matrix product has a correct gradient, gather has none.
            SDVariable selection = sd.placeHolder(GraphNames.TARGET_SELECTION, type, -1, -1);
            SDVariable selected = selection.mmul(outputs.sequence());
            SDVariable transformed = encoder.layerNorm(
                    encoder.activation(encoder.dense(selected, HeadLayout.transform(taskName))),
                    HeadLayout.transformNorm(taskName));
            SDVariable tiedOutput = encoder.parameter(EncoderLayout.TOKEN_EMBEDDING);
            SDVariable logits = sd.mmul(transformed, tiedOutput, false, true, false)
                    .add(encoder.parameter(HeadLayout.outputBias(taskName)));
            return crossEntropy(logits, -1);
        }
        if (head instanceof CustomHead custom) {
            SDVariable targets = sd.placeHolder(GraphNames.TARGET_VALUES, type, -1, custom.targetWidth());
            SDVariable loss = new CustomHeadBuilder(taskName, custom)
                    .build(sd, this::sequenceOutput3d, outputs.pooled(), outputs.mask(), targets);
            return sd.identity(GraphNames.LOSS, loss);
        }
        throw new IllegalArgumentException("unknown head kind: " + head);
    }

    /** The sequence output as a custom head sees it, {@code [batch, length, hidden]}. */
    private SDVariable sequenceOutput3d()
    {
        return sd.reshape(outputs.sequence(), sd.concat(0, outputs.batchAndLength(), sd.constant(Nd4j.createFromArray((long) hidden))));
    }

    private SDVariable crossEntropy(SDVariable logits, int classes)
    {
        sd.identity(GraphNames.LOGITS, logits);
        SDVariable oneHot = sd.placeHolder(GraphNames.TARGET_ONE_HOT, type, -1, classes);
        SDVariable weights = sd.placeHolder(GraphNames.TARGET_WEIGHTS, type, -1);
        SDVariable negativeLogLikelihood = sd.nn.logSoftmax(logits).mul(oneHot).sum(1).neg();
        return negativeLogLikelihood.mul(weights).sum().rename(GraphNames.LOSS);
    }
}
