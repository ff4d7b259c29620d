package org.ernie4j.core.engine.fused;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import org.ernie4j.core.model.DropoutRule;
import org.ernie4j.core.support.Seeds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dropout rule's written-out SplitMix64 draws the masks {@link SplittableRandom} drew before it (so runs and
 * checkpoints from before keep their curves), and the fused engine's vector draw writes exactly the rule's floats.
 */
class TestMaskDraw
{
    @Test
    void ruleDrawsWhatSplittableRandomDrew()
    {
        for (double p : new double[] {0.1, 0.5, 0.01}) {
            int length = 5000;
            float[] rule = new float[length];
            DropoutRule.fill(42, 3, p, FloatBuffer.wrap(rule), length);
            SplittableRandom random = Seeds.random(42, 3);
            float keep = (float) (1.0 / (1.0 - p));
            for (int i = 0; i < length; i++) {
                assertThat(rule[i]).as("entry %d at p %s", i, p).isEqualTo(random.nextDouble() < p ? 0f : keep);
            }
        }
    }

    @Test
    void vectorDrawMatchesTheRule()
    {
        for (int length : new int[] {1, 7, 8, 9, 16, 17, 1000, 4099}) {
            for (double p : new double[] {0.1, 0.3}) {
                float[] expected = new float[length];
                DropoutRule.fill(7, length, p, FloatBuffer.wrap(expected), length);
                FloatBlock block = FloatBlock.allocate(length);
                MaskDraw.fill(7, length, p, block, length);
                float[] actual = new float[length];
                block.copyTo(0, actual, 0, length);
                assertThat(actual).as("length %d, p %s", length, p).containsExactly(expected);
            }
        }
    }
}
