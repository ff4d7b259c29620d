package org.ernie4j.core.engine.execution;

import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing an encoder's outputs frees the arrays the caller owns at once (the fused engine's copies) and leaves the
 * SameDiff session's arrays alone; either way the engine encodes the next batch as before.
 */
class TestEncoderOutputsOwnership
{
    @Test
    void theFusedEnginesOutputsAreFreedOnCloseAndItKeepsEncoding()
    {
        assertClosing(EngineKind.FUSED, true);
    }

    @Test
    void theSameDiffSessionsOutputsAreLeftToTheCollector()
    {
        assertClosing(EngineKind.SAMEDIFF, false);
    }

    private static void assertClosing(EngineKind kind, boolean freed)
    {
        PretrainedModel model = TestingInferenceModels.encoder();
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(1));
        Batch batch = TestingInferenceModels.batch(model.vocabulary(), sentences.subList(0, 4));
        try (Execution execution = Execution.forInference(kind, model.encoder(), model.encoderParameters(), 2)) {
            EncoderOutputs outputs = execution.engine().encode(batch, 0);
            assertThat(outputs.callersOwn()).isEqualTo(freed);
            INDArray first = outputs.sequence().dup();
            outputs.close();
            assertThat(outputs.sequence().wasClosed()).isEqualTo(freed);
            assertThat(outputs.pooled().wasClosed()).isEqualTo(freed);
            outputs.close(); // a second close is harmless
            try (EncoderOutputs again = execution.engine().encode(batch, 0)) {
                assertThat(again.sequence().equalsWithEps(first, 1e-6)).as("the same batch encoded after closing").isTrue();
            }
        }
    }
}
