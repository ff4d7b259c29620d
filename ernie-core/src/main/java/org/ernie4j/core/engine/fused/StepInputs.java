package org.ernie4j.core.engine.fused;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.model.EncoderConfig;

/**
 * What a step reads of its batch, checked once: the ids, segments and lengths in flat row order, the task id, and
 * whether dropout applies.
 *
 * @param size sequences in the batch
 * @param length padded positions per sequence
 * @param inputIds token ids, {@code [size * length]}
 * @param segmentIds segment ids, {@code [size * length]}
 * @param lengths the unpadded length of each sequence
 * @param taskId the task embedding row
 * @param training whether dropout applies (gradients are wanted)
 */
record StepInputs(int size, int length, int[] inputIds, int[] segmentIds, int[] lengths, int taskId, boolean training)
{
    static StepInputs of(EncoderConfig config, Batch batch, int taskId, boolean training)
    {
        if (batch.length() > config.maxPositions()) {
            throw new IllegalArgumentException("batch length " + batch.length() + " exceeds the model's "
                    + config.maxPositions() + " positions");
        }
        if (taskId >= config.taskTypes()) {
            throw new IllegalArgumentException("task id " + taskId + " exceeds the model's " + config.taskTypes() + " task types");
        }
        int[] inputIds = batch.inputIds();
        int[] segmentIds = batch.segmentIds();
        checkIds(inputIds, config.vocabularySize(), "token id");
        checkIds(segmentIds, config.segmentTypes(), "segment id");
        return new StepInputs(batch.size(), batch.length(), inputIds, segmentIds, batch.lengths(), taskId, training);
    }

    private static void checkIds(int[] ids, int limit, String what)
    {
        for (int id : ids) {
            if (id < 0 || id >= limit) {
                throw new IllegalArgumentException(what + " " + id + " is outside [0, " + limit + ")");
            }
        }
    }

    int rows()
    {
        return size * length;
    }
}
