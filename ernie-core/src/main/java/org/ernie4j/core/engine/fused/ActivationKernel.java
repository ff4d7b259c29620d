package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import org.ernie4j.core.model.Activation;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static org.ernie4j.core.engine.fused.Kernels.LANES;
import static org.ernie4j.core.engine.fused.Kernels.SPECIES;
import static org.ernie4j.core.engine.fused.Kernels.load;
import static org.ernie4j.core.engine.fused.Kernels.store;

/**
 * GELU (tanh or erf form) and tanh, each fused with the bias added before it and, backwards, with that bias's gradient.
 * The transcendental functions are the vector library's ({@code tanh}, {@code exp}), many times faster than
 * {@link Math#tanh} in a loop. There is no vector {@code erf}; the erf form uses Abramowitz and Stegun's formula 7.1.26
 * (absolute error below 1.5e-7, the size of a float's rounding near 1), written on the complementary function so
 * that the lower tail keeps its relative accuracy.
 */
final class ActivationKernel
{
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);
    private static final float CUBIC = 0.044715f;
    private static final float INVERSE_SQRT_2 = (float) (1.0 / Math.sqrt(2.0));
    private static final float INVERSE_SQRT_2_PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));
    // Abramowitz and Stegun 7.1.26.
    private static final float P = 0.3275911f;
    private static final float A1 = 0.254829592f;
    private static final float A2 = -0.284496736f;
    private static final float A3 = 1.421413741f;
    private static final float A4 = -1.453152027f;
    private static final float A5 = 1.061405429f;

    private ActivationKernel()
    {
    }

    /**
     * For a {@code rows x width} matrix with leading dimension {@code width}: adds the bias to {@code pre} in place
     * (the pre-activation, kept for the backward pass) and writes {@code gelu(pre)} to {@code out}.
     */
    static void geluForward(Activation activation, int rows, int width, FloatBlock pre, long preOffset, FloatBlock bias,
            FloatBlock out, long outOffset)
    {
        geluForward(activation, rows, width, width, pre, preOffset, bias, 0, out, outOffset);
    }

    /**
     * As above, for {@code width} columns of matrices with leading dimension {@code ld} (a band of columns), with the
     * bias's values from {@code biasOffset}; with no bias ({@code null}), {@code pre} is only read. With {@code out}
     * the same place as {@code pre}, the output replaces the pre-activation and the bias is added only on the way.
     */
    static void geluForward(Activation activation, int rows, int width, int ld, FloatBlock pre, long preOffset, FloatBlock bias,
            int biasOffset, FloatBlock out, long outOffset)
    {
        boolean inPlace = out == pre && outOffset == preOffset;
        ByteBuffer x = pre.bytes();
        ByteBuffer b = bias == null ? null : bias.bytes();
        ByteBuffer o = out.bytes();
        boolean tanhForm = activation == Activation.GELU_TANH;
        for (int row = 0; row < rows; row++) {
            long start = preOffset + (long) row * ld;
            long outStart = outOffset + (long) row * ld;
            int c = 0;
            for (; c + LANES <= width; c += LANES) {
                FloatVector v = load(x, start + c);
                if (b != null) {
                    v = v.add(load(b, biasOffset + c));
                    if (!inPlace) {
                        store(v, x, start + c);
                    }
                }
                store(tanhForm ? geluTanh(v) : geluErf(v), o, outStart + c);
            }
            for (; c < width; c++) {
                float v = x.getFloat((int) (4 * (start + c)));
                if (b != null) {
                    v += b.getFloat(4 * (biasOffset + c));
                    if (!inPlace) {
                        x.putFloat((int) (4 * (start + c)), v);
                    }
                }
                o.putFloat((int) (4 * (outStart + c)), tanhForm ? geluTanh(v) : geluErf(v));
            }
        }
    }

    /**
     * Replaces {@code pre}, a contiguous {@code rows x width} pre-activation whose GELU's output was kept, with the GELU's
     * derivative there, for {@link #multiplyByDerivative}.
     */
    static void geluDerivativeInPlace(Activation activation, int rows, int width, FloatBlock pre, long preOffset)
    {
        ByteBuffer x = pre.bytes();
        boolean tanhForm = activation == Activation.GELU_TANH;
        for (int row = 0; row < rows; row++) {
            long start = preOffset + (long) row * width;
            int c = 0;
            for (; c + LANES <= width; c += LANES) {
                FloatVector v = load(x, start + c);
                store(tanhForm ? geluTanhDerivative(v) : geluErfDerivative(v), x, start + c);
            }
            for (; c < width; c++) {
                int index = (int) (4 * (start + c));
                float v = x.getFloat(index);
                x.putFloat(index, tanhForm ? geluTanhDerivative(v) : geluErfDerivative(v));
            }
        }
    }

    /**
     * For a backward pass that did not keep the GELU's output: writes {@code out = gelu(pre)} (the same floats as {@link
     * #geluForward} wrote) and replaces {@code pre} with the GELU's derivative there, for {@link #multiplyByDerivative}
     * after the products that need {@code out}. Both come from one exponential and one division, where recomputing the
     * output and then its derivative took two divisions and two exponentials (three in the erf form): the layer's
     * backward needs the pre-activation for nothing else.
     */
    static void geluWithDerivative(Activation activation, int rows, int width, FloatBlock pre, long preOffset, FloatBlock out, long outOffset)
    {
        ByteBuffer x = pre.bytes();
        ByteBuffer o = out.bytes();
        boolean tanhForm = activation == Activation.GELU_TANH;
        // Row by row, each row's last floats (past its last whole vector) one at a time, as geluForward did: the same
        // floats only if the same code computes each of them.
        for (int row = 0; row < rows; row++) {
            long start = preOffset + (long) row * width;
            long outStart = outOffset + (long) row * width;
            int c = 0;
            for (; c + LANES <= width; c += LANES) {
                FloatVector v = load(x, start + c);
                if (tanhForm) {
                    FloatVector sigmoid = tanhSigmoid(v);
                    store(v.mul(sigmoid), o, outStart + c);
                    store(geluTanhDerivative(v, sigmoid), x, start + c);
                }
                else {
                    FloatVector gaussian = gaussian(v);
                    FloatVector cdf = normalCdf(v, gaussian);
                    store(v.mul(cdf), o, outStart + c);
                    store(geluErfDerivative(v, cdf, gaussian), x, start + c);
                }
            }
            for (; c < width; c++) {
                int index = (int) (4 * (start + c));
                float v = x.getFloat(index);
                o.putFloat((int) (4 * (outStart + c)), tanhForm ? geluTanh(v) : geluErf(v));
                x.putFloat(index, tanhForm ? geluTanhDerivative(v) : geluErfDerivative(v));
            }
        }
    }

    /**
     * The GELU's backward step once the derivative has replaced the pre-activation ({@link #geluWithDerivative}, {@link
     * #geluDerivativeInPlace}): turns the gradient of the GELU's output into that of its input, {@code gradient *=
     * derivative} in place, and adds the column sums of the result to {@code dBias} (the bias added before the GELU).
     */
    static void multiplyByDerivative(int rows, int width, FloatBlock derivative, long derivativeOffset, FloatBlock gradient,
            long gradientOffset, FloatBlock dBias)
    {
        ByteBuffer d = derivative.bytes();
        ByteBuffer g = gradient.bytes();
        ByteBuffer db = dBias.bytes();
        for (int row = 0; row < rows; row++) {
            long start = derivativeOffset + (long) row * width;
            long gradientStart = gradientOffset + (long) row * width;
            int c = 0;
            for (; c + LANES <= width; c += LANES) {
                FloatVector result = load(g, gradientStart + c).mul(load(d, start + c));
                store(result, g, gradientStart + c);
                store(load(db, c).add(result), db, c);
            }
            for (; c < width; c++) {
                int index = (int) (4 * (gradientStart + c));
                float result = g.getFloat(index) * d.getFloat((int) (4 * (start + c)));
                g.putFloat(index, result);
                db.putFloat(4 * c, db.getFloat(4 * c) + result);
            }
        }
    }

    /** {@code out = tanh(pre + bias)} for a {@code rows x width} matrix; {@code pre} keeps no bias (not needed later). */
    static void tanhForward(int rows, int width, FloatBlock pre, long preOffset, FloatBlock bias, FloatBlock out, long outOffset)
    {
        ByteBuffer x = pre.bytes();
        ByteBuffer b = bias.bytes();
        ByteBuffer o = out.bytes();
        for (int row = 0; row < rows; row++) {
            long start = preOffset + (long) row * width;
            long outStart = outOffset + (long) row * width;
            int c = 0;
            for (; c + LANES <= width; c += LANES) {
                store(load(x, start + c).add(load(b, c)).lanewise(VectorOperators.TANH), o, outStart + c);
            }
            for (; c < width; c++) {
                o.putFloat((int) (4 * (outStart + c)), (float) Math.tanh(x.getFloat((int) (4 * (start + c))) + b.getFloat(4 * c)));
            }
        }
    }

    /** {@code gradient *= 1 - out^2} in place (the tanh's backward pass from its output) and {@code dBias += gradient}. */
    static void tanhBackward(int rows, int width, FloatBlock out, long outOffset, FloatBlock gradient, long gradientOffset,
            FloatBlock dBias)
    {
        ByteBuffer o = out.bytes();
        ByteBuffer g = gradient.bytes();
        ByteBuffer db = dBias.bytes();
        for (int row = 0; row < rows; row++) {
            long start = outOffset + (long) row * width;
            long gradientStart = gradientOffset + (long) row * width;
            for (int c = 0; c < width; c++) {
                float y = o.getFloat((int) (4 * (start + c)));
                int index = (int) (4 * (gradientStart + c));
                float result = g.getFloat(index) * (1 - y * y);
                g.putFloat(index, result);
                db.putFloat(4 * c, db.getFloat(4 * c) + result);
            }
        }
    }

    /**
     * {@code 0.5 x (1 + tanh(u)) = x s} with {@code s = 1 / (1 + exp(-2u))}, {@code u = sqrt(2/pi) (x + 0.044715 x^3)}:
     * the same function, with the vector library's {@code exp}, which is markedly faster than its {@code tanh}.
     */
    private static FloatVector geluTanh(FloatVector x)
    {
        return x.mul(tanhSigmoid(x));
    }

    /** The {@code s} above. */
    private static FloatVector tanhSigmoid(FloatVector x)
    {
        FloatVector exponential = x.mul(x).mul(CUBIC).add(1f).mul(x).mul(-2 * SQRT_2_OVER_PI).lanewise(VectorOperators.EXP);
        return FloatVector.broadcast(SPECIES, 1f).div(exponential.add(1f));
    }

    /** With {@code s} as above, {@code tanh(u) = 2s - 1} and {@code 1 - tanh(u)^2 = 4 s (1 - s)}: the derivative is {@code s + 2 x s (1 - s) u'}. */
    private static FloatVector geluTanhDerivative(FloatVector x)
    {
        return geluTanhDerivative(x, tanhSigmoid(x));
    }

    private static FloatVector geluTanhDerivative(FloatVector x, FloatVector s)
    {
        FloatVector innerDerivative = x.mul(x).mul(3 * CUBIC).add(1f).mul(2 * SQRT_2_OVER_PI);
        return s.sub(s.mul(s)).mul(x).mul(innerDerivative).add(s);
    }

    private static FloatVector geluErf(FloatVector x)
    {
        return x.mul(normalCdf(x, gaussian(x)));
    }

    private static FloatVector geluErfDerivative(FloatVector x)
    {
        FloatVector gaussian = gaussian(x);
        return geluErfDerivative(x, normalCdf(x, gaussian), gaussian);
    }

    /** {@code Phi(x) + x phi(x)}, the density {@code phi(x)} being {@code exp(-x^2 / 2) / sqrt(2 pi)}. */
    private static FloatVector geluErfDerivative(FloatVector x, FloatVector cdf, FloatVector gaussian)
    {
        return cdf.add(x.mul(gaussian.mul(INVERSE_SQRT_2_PI)));
    }

    /** {@code exp(-z^2)} with {@code z = |x| / sqrt 2}: {@code exp(-x^2 / 2)}, which both the CDF and the density need. */
    private static FloatVector gaussian(FloatVector x)
    {
        FloatVector z = x.abs().mul(INVERSE_SQRT_2);
        return z.mul(z).neg().lanewise(VectorOperators.EXP);
    }

    /**
     * {@code Phi(x) = 0.5 (1 + erf(x / sqrt 2))}, from the complementary error function of {@code |x| / sqrt 2}, given
     * {@link #gaussian}{@code (x)}.
     */
    private static FloatVector normalCdf(FloatVector x, FloatVector gaussian)
    {
        FloatVector z = x.abs().mul(INVERSE_SQRT_2);
        FloatVector t = FloatVector.broadcast(SPECIES, 1f).div(z.mul(P).add(1f));
        FloatVector polynomial = t.mul(A5).add(A4).mul(t).add(A3).mul(t).add(A2).mul(t).add(A1).mul(t);
        FloatVector halfTail = polynomial.mul(gaussian).mul(0.5f);
        VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
        return halfTail.neg().add(1f).blend(halfTail, negative);
    }

    private static float geluTanh(float x)
    {
        float inner = SQRT_2_OVER_PI * (x + CUBIC * x * x * x);
        return 0.5f * x * (1f + (float) Math.tanh(inner));
    }

    private static float geluTanhDerivative(float x)
    {
        float t = (float) Math.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x));
        return 0.5f * (1 + t) + 0.5f * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * x * x);
    }

    private static float geluErf(float x)
    {
        return x * normalCdf(x);
    }

    private static float geluErfDerivative(float x)
    {
        return normalCdf(x) + x * (float) Math.exp(-0.5 * x * x) * INVERSE_SQRT_2_PI;
    }

    private static float normalCdf(float x)
    {
        float z = Math.abs(x) * INVERSE_SQRT_2;
        float t = 1f / (1f + P * z);
        float polynomial = ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t;
        float halfTail = 0.5f * polynomial * (float) Math.exp(-z * z);
        return x < 0 ? halfTail : 1f - halfTail;
    }
}
