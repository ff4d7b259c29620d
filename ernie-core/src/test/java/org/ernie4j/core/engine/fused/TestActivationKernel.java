package org.ernie4j.core.engine.fused;

import org.ernie4j.core.model.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ernie4j.core.engine.fused.KernelInputs.block;
import static org.ernie4j.core.engine.fused.KernelInputs.gaussian;

/**
 * The GELU kernels against each other and against the function: the backward pass's {@code geluWithDerivative} writes
 * exactly the output the forward pass wrote, its derivative is the output's slope (central differences in double
 * precision) and the same as {@code geluDerivativeInPlace}'s, and {@code multiplyByDerivative} scales the gradient and
 * adds its column sums to the bias gradient. The widths leave a remainder after the last whole vector, so the scalar
 * tails run as well as the vector loops.
 */
class TestActivationKernel
{
    private static final int ROWS = 3;
    private static final int WIDTH = 37;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardRecomputesTheForwardOutputAndItsSlope(Activation activation)
    {
        float[] pre = gaussian(ROWS * WIDTH, 2.5f, 11);
        FloatBlock forwardPre = block(pre);
        FloatBlock forwardOut = FloatBlock.allocate(pre.length);
        ActivationKernel.geluForward(activation, ROWS, WIDTH, WIDTH, forwardPre, 0, null, 0, forwardOut, 0);

        FloatBlock backwardPre = block(pre);
        FloatBlock backwardOut = FloatBlock.allocate(pre.length);
        ActivationKernel.geluWithDerivative(activation, ROWS, WIDTH, backwardPre, 0, backwardOut, 0);
        FloatBlock derivativeOnly = block(pre);
        ActivationKernel.geluDerivativeInPlace(activation, ROWS, WIDTH, derivativeOnly, 0);

        for (int i = 0; i < pre.length; i++) {
            assertThat(backwardOut.get(i)).as("output at %d", i).isEqualTo(forwardOut.get(i));
            assertThat(backwardPre.get(i)).as("derivative at %d", i).isEqualTo(derivativeOnly.get(i));
            assertThat(backwardPre.get(i)).as("derivative at x = %s", pre[i]).isCloseTo(slope(activation, pre[i]), within(2e-5f));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void inPlaceGivesTheSameOutputAndLeavesTheOtherColumnsAlone(Activation activation)
    {
        // A band of WIDTH columns from column 5 of rows 50 floats apart, with a bias: as the forward-only engine calls it.
        int ld = 50;
        int column = 5;
        float[] pre = gaussian(ROWS * ld, 2.5f, 12);
        FloatBlock bias = block(gaussian(ld, 0.5f, 13));
        FloatBlock separatePre = block(pre);
        FloatBlock separateOut = FloatBlock.allocate(pre.length);
        ActivationKernel.geluForward(activation, ROWS, WIDTH, ld, separatePre, column, bias, column, separateOut, column);

        FloatBlock inPlace = block(pre);
        ActivationKernel.geluForward(activation, ROWS, WIDTH, ld, inPlace, column, bias, column, inPlace, column);

        for (int row = 0; row < ROWS; row++) {
            for (int c = 0; c < ld; c++) {
                int i = row * ld + c;
                boolean inBand = c >= column && c < column + WIDTH;
                assertThat(inPlace.get(i)).as("row %d column %d", row, c).isEqualTo(inBand ? separateOut.get(i) : pre[i]);
            }
        }
        assertThat(separatePre.get(column)).as("the separate form keeps the biased pre-activation").isEqualTo(pre[column] + bias.get(column));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void outputAtKnownPoints(Activation activation)
    {
        float[] x = {-3f, -1f, 0f, 1f, 2f};
        FloatBlock out = FloatBlock.allocate(x.length);
        ActivationKernel.geluForward(activation, 1, x.length, x.length, block(x), 0, null, 0, out, 0);
        for (int i = 0; i < x.length; i++) {
            assertThat(out.get(i)).as("gelu(%s)", x[i]).isCloseTo((float) gelu(activation, x[i]), within(2e-6f));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void multiplyByDerivativeScalesTheGradientAndSumsTheBiasGradient(Activation activation)
    {
        float[] derivative = gaussian(ROWS * WIDTH, 1f, 12);
        float[] gradient = gaussian(ROWS * WIDTH, 1f, 13);
        float[] bias = gaussian(WIDTH, 1f, 14);
        FloatBlock gradientBlock = block(gradient);
        FloatBlock biasBlock = block(bias);
        ActivationKernel.multiplyByDerivative(ROWS, WIDTH, block(derivative), 0, gradientBlock, 0, biasBlock);
        for (int column = 0; column < WIDTH; column++) {
            float sum = bias[column];
            for (int row = 0; row < ROWS; row++) {
                int i = row * WIDTH + column;
                float product = gradient[i] * derivative[i];
                assertThat(gradientBlock.get(i)).isEqualTo(product);
                sum += product;
            }
            assertThat(biasBlock.get(column)).as("bias gradient %d", column).isCloseTo(sum, within(1e-6f));
        }
    }

    /** The GELU in double precision: the tanh form directly, the erf form from a series of the error function. */
    private static double gelu(Activation activation, double x)
    {
        if (activation == Activation.GELU_TANH) {
            return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        }
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    /**
     * {@code erf} by its Maclaurin series up to |z| = 4 (cancellation costs it about seven of double's digits there, which
     * leaves ten), and +-1 beyond, where it is within 2e-8 of that.
     */
    private static double erf(double z)
    {
        if (Math.abs(z) > 4) {
            return Math.signum(z);
        }
        double term = z;
        double sum = z;
        for (int n = 1; n < 200; n++) {
            term *= -z * z / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    private static float slope(Activation activation, float x)
    {
        double h = 1e-4;
        return (float) ((gelu(activation, x + h) - gelu(activation, x - h)) / (2 * h));
    }
}
