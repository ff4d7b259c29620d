package org.ernie4j.core.engine.samediff;

import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder alone, without dropout, for inference: text in, every position's vector and the pooled vector out.
 */
final class EncoderOnlyGraph
{
    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final SameDiff sd;
    private final EmbeddingInput embeddings;

    EncoderOnlyGraph(EncoderConfig config, ModelParameters parameters)
    {
        this.config = config.withoutDropout();
        this.parameters = parameters;
        this.sd = SameDiff.create();
        this.embeddings = new EmbeddingInput(this.config, parameters);
        new EncoderGraph(sd, this.config, parameters).build();
    }

    EncoderOutputs encode(Batch batch, int taskId)
    {
        Map<String, INDArray> outputs = sd.output(InputFeeds.of(batch, taskId, embeddings, parameters.dataType()), GraphNames.SEQUENCE_OUTPUT,
                GraphNames.POOLED_OUTPUT);
        INDArray sequence = outputs.get(GraphNames.SEQUENCE_OUTPUT).reshape(batch.size(), batch.length(), config.hidden());
        return new EncoderOutputs(sequence, outputs.get(GraphNames.POOLED_OUTPUT), false);
    }
}
