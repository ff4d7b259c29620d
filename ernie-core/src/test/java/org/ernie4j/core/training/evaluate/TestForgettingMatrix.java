package org.ernie4j.core.training.evaluate;

import java.util.List;

import org.ernie4j.spi.baseline.BaselineAccuracy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestForgettingMatrix
{
    private static final BaselineAccuracy BASELINE = new BaselineAccuracy(100, 0.5, 0.55);

    @Test
    void forgettingIsTheBestAccuracyBeforeTheEndMinusTheFinalOneWithAMarginFromBothIntervals()
    {
        ForgettingMatrix matrix = ForgettingMatrix.of(List.of(
                result(100, 0, "a", 1.2, 0.60, 0.50, 0.70),
                result(200, 1, "a", 1.0, 0.70, 0.64, 0.76),
                result(200, 1, "b", 2.0, 0.40, 0.30, 0.50),
                result(300, 2, "a", 1.1, 0.65, 0.61, 0.69),
                result(300, 2, "b", 1.5, 0.55, 0.45, 0.65)));

        assertThat(matrix.tasks()).containsExactly("a", "b");
        assertThat(matrix.rows()).extracting(ForgettingMatrix.Row::step).containsExactly(100L, 200L, 300L);
        assertThat(matrix.stageEnds()).extracting(ForgettingMatrix.Row::stage).containsExactly(0, 1, 2);
        List<ForgettingMatrix.Forgetting> forgetting = matrix.forgetting();
        assertThat(forgetting).hasSize(2);

        ForgettingMatrix.Forgetting a = forgetting.get(0);
        // Best before the end: 0.70 at step 200 (interval half-width 0.06); final 0.65 (half-width 0.04).
        assertThat(a.bestAccuracy()).isEqualTo(0.70);
        assertThat(a.finalAccuracy()).isEqualTo(0.65);
        assertThat(a.accuracyForgetting()).isCloseTo(0.05, within(1e-12));
        // sqrt(0.06^2 + 0.04^2) = 0.072111
        assertThat(a.accuracyForgettingMargin()).isCloseTo(0.072111, within(1e-6));
        assertThat(a.isBeyondNoise()).isFalse();
        assertThat(a.bestLoss()).isEqualTo(1.0);
        assertThat(a.lossForgetting()).isCloseTo(0.1, within(1e-12));

        ForgettingMatrix.Forgetting b = forgetting.get(1);
        // b improved: forgetting -0.15, margin sqrt(0.1^2 + 0.1^2).
        assertThat(b.accuracyForgetting()).isCloseTo(-0.15, within(1e-12));
        assertThat(b.accuracyForgettingMargin()).isCloseTo(Math.sqrt(0.02), within(1e-12));

        assertThat(matrix.meanAccuracyForgetting().getAsDouble()).isCloseTo(-0.05, within(1e-12));
        // sqrt(0.072111^2 + 0.141421^2) / 2 = sqrt(0.0052 + 0.02) / 2
        assertThat(matrix.meanAccuracyForgettingMargin().getAsDouble()).isCloseTo(Math.sqrt(0.0252) / 2, within(1e-12));
        assertThat(matrix.finalResults().get("b").accuracy()).isEqualTo(0.55);
    }

    @Test
    void forgettingBeyondItsMarginIsSaidToBe()
    {
        ForgettingMatrix matrix = ForgettingMatrix.of(List.of(
                result(100, 0, "a", 1.0, 0.90, 0.88, 0.92),
                result(200, 1, "a", 1.5, 0.60, 0.58, 0.62)));
        ForgettingMatrix.Forgetting a = matrix.forgetting().get(0);
        assertThat(a.accuracyForgetting()).isCloseTo(0.30, within(1e-12));
        assertThat(a.isBeyondNoise()).isTrue();
    }

    @Test
    void recordsWithoutIntervalsHaveNoMargin()
    {
        ForgettingMatrix matrix = ForgettingMatrix.of(List.of(new TaskEvaluation(1, 0, "a", 1, 0.5, 10), new TaskEvaluation(2, 1, "a", 1, 0.4, 10)));
        assertThat(matrix.forgetting().get(0).accuracyForgettingMargin()).isNaN();
        assertThat(matrix.forgetting().get(0).isBeyondNoise()).isFalse();
        assertThat(matrix.meanAccuracyForgettingMargin()).isEmpty();
    }

    @Test
    void theVerdictComparesTheIntervalsLowerEndWithTheBestBaseline()
    {
        assertThat(result(1, 0, "a", 1, 0.60, 0.56, 0.64).verdict()).isEqualTo(TaskEvaluation.Verdict.ABOVE_BASELINE);
        assertThat(result(1, 0, "a", 1, 0.60, 0.54, 0.66).verdict()).isEqualTo(TaskEvaluation.Verdict.NOT_ABOVE_BASELINE);
        assertThat(result(1, 0, "a", 1, 0.60, 0.55, 0.65).verdict()).as("touching the baseline is not above it")
                .isEqualTo(TaskEvaluation.Verdict.NOT_ABOVE_BASELINE);
        assertThat(new TaskEvaluation(1, 0, "a", 1, 0.9, 10).verdict()).isEqualTo(TaskEvaluation.Verdict.UNKNOWN);
    }

    private static TaskEvaluation result(long step, int stage, String task, double loss, double accuracy, double low, double high)
    {
        return new TaskEvaluation(step, stage, task, loss, accuracy, 100, 100, 5, new AccuracyInterval(low, high), BASELINE);
    }
}
