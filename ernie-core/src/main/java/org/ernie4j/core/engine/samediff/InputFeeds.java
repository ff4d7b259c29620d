package org.ernie4j.core.engine.samediff;

import java.util.HashMap;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The encoder's input placeholders for a batch: the summed embeddings, the additive attention bias that hides padding
 * from every query, and the 0/1 mask of real positions.
 */
final class InputFeeds
{
    private static final double PADDING_BIAS = -10000.0;

    private InputFeeds()
    {
    }

    static Map<String, INDArray> of(Batch batch, int taskId, EmbeddingInput embeddings, DataType type)
    {
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(GraphNames.EMBEDDINGS, embeddings.sum(batch, taskId));
        int size = batch.size();
        int length = batch.length();
        int[] lengths = batch.lengths();
        INDArray bias = Nd4j.create(type, size, 1, 1, length);
        INDArray mask = Nd4j.create(type, size, length);
        for (int row = 0; row < size; row++) {
            for (int position = 0; position < length; position++) {
                if (position < lengths[row]) {
                    mask.putScalar(row, position, 1.0);
                }
                else {
                    bias.putScalar(new long[] {row, 0, 0, position}, PADDING_BIAS);
                }
            }
        }
        feeds.put(GraphNames.ATTENTION_BIAS, bias);
        feeds.put(GraphNames.MASK, mask);
        return feeds;
    }
}
