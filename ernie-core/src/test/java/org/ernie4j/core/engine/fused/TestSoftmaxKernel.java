package org.ernie4j.core.engine.fused;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ernie4j.core.engine.fused.KernelInputs.block;
import static org.ernie4j.core.engine.fused.KernelInputs.gaussian;

/**
 * The attention softmax and its backward pass against the formulas in double precision, for row counts that leave a
 * group of fewer than four rows and key counts that leave floats past the last whole vector; the floats of a row past
 * its keys (a padded sequence's) are left as they were.
 */
class TestSoftmaxKernel
{
    @ParameterizedTest
    @CsvSource({"7, 37, 40", "4, 32, 32", "1, 5, 8", "9, 128, 130"})
    void forwardIsTheSoftmaxOfEachRowsKeys(int rows, int keys, int ld)
    {
        float[] scores = gaussian(rows * ld, 6f, 21);
        FloatBlock block = block(scores);
        SoftmaxKernel.forward(block, 0, rows, keys, ld);
        for (int row = 0; row < rows; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int key = 0; key < keys; key++) {
                max = Math.max(max, scores[row * ld + key]);
            }
            double sum = 0;
            for (int key = 0; key < keys; key++) {
                sum += Math.exp(scores[row * ld + key] - max);
            }
            for (int key = 0; key < keys; key++) {
                double expected = Math.exp(scores[row * ld + key] - max) / sum;
                assertThat(block.get(row * ld + key)).as("row %d key %d", row, key).isCloseTo((float) expected, within(1e-6f));
            }
            for (int column = keys; column < ld; column++) {
                assertThat(block.get(row * ld + column)).as("row %d past its keys, column %d", row, column).isEqualTo(scores[row * ld + column]);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"7, 37, 40", "9, 128, 130"})
    void backwardIsTheSoftmaxJacobianTimesTheGradient(int rows, int keys, int ld)
    {
        float[] scores = gaussian(rows * ld, 3f, 22);
        FloatBlock probabilities = block(scores);
        SoftmaxKernel.forward(probabilities, 0, rows, keys, ld);
        float[] gradient = gaussian(rows * ld, 1f, 23);
        FloatBlock result = block(gradient);
        SoftmaxKernel.backward(probabilities, 0, result, 0, rows, keys, ld);
        for (int row = 0; row < rows; row++) {
            double dot = 0;
            for (int key = 0; key < keys; key++) {
                dot += (double) gradient[row * ld + key] * probabilities.get(row * ld + key);
            }
            for (int key = 0; key < keys; key++) {
                int i = row * ld + key;
                double expected = probabilities.get(i) * (gradient[i] - dot);
                assertThat(result.get(i)).as("row %d key %d", row, key).isCloseTo((float) expected, within(1e-6f));
            }
        }
    }
}
