package org.ernie4j.core.engine.fused;

import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A forward-only engine (layers sharing their buffers, no gradient buffers, BLAS threads at small batches) computes what a
 * training engine computes on the same parameters, batch after batch of different sizes, and refuses to compute gradients.
 */
class TestForwardOnlyEngine
{
    @Test
    void encodesAsTheTrainingEngineDoes()
    {
        PretrainedModel model = TestingInferenceModels.encoder();
        var parameters = model.encoderParameters();
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(0));
        try (Workers workers = new Workers(2)) {
            FusedEngine training = new FusedEngine(model.encoder().withoutDropout(), parameters, workers);
            FusedEngine forwardOnly = FusedEngine.forwardOnly(model.encoder().withoutDropout(), parameters, workers);
            // Large, then small (one sequence: BLAS threads), then large again: the buffers grow and are reused.
            for (int size : new int[] {9, 1, 5, 1}) {
                Batch batch = TestingInferenceModels.batch(model.vocabulary(), sentences.subList(size, 2 * size));
                EncoderOutputs expected = training.encode(batch, 1);
                EncoderOutputs actual = forwardOnly.encode(batch, 1);
                assertThat(actual.sequence().equalsWithEps(expected.sequence(), 1e-5)).as("sequence output, batch of %d", size).isTrue();
                assertThat(actual.pooled().equalsWithEps(expected.pooled(), 1e-5)).as("pooled output, batch of %d", size).isTrue();
            }
            TaskHead head = new TaskHead("testing", 0, SequenceClassificationHead.of(2));
            assertThatThrownBy(() -> forwardOnly.gradients(head, TestingInferenceModels.batch(model.vocabulary(), sentences.subList(0, 2)), 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("forward passes only");
        }
    }
}
