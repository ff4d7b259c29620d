package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static org.ernie4j.core.engine.fused.Kernels.LANES;
import static org.ernie4j.core.engine.fused.Kernels.SPECIES;
import static org.ernie4j.core.engine.fused.Kernels.load;
import static org.ernie4j.core.engine.fused.Kernels.store;

/**
 * Layer normalisation of one row at a time, fused with what surrounds it in a post-LN block: the residual sum with a
 * biased, dropped-out branch before it, an optional dropout mask after it, and in the backward pass the gradients of the
 * gain, the shift, the branch and the branch's bias. A row of the hidden width stays in the first-level cache across the
 * two or three passes a row needs.
 *
 * <p>Same formula as the graph: {@code xhat = (z - mean) / sqrt(var + eps)} with the biased variance, then
 * {@code y = xhat * gamma + beta}.
 */
final class LayerNormKernel
{
    private LayerNormKernel()
    {
    }

    /** Writes {@code z = residual + (branch + bias) * mask} into {@code target}; bias and mask may be null. */
    static void composeResidual(int width, FloatBlock residual, long residualOffset, FloatBlock branch, long branchOffset,
            FloatBlock bias, FloatBlock mask, long maskOffset, FloatBlock target, long targetOffset)
    {
        ByteBuffer r = residual.bytes();
        ByteBuffer a = branch.bytes();
        ByteBuffer t = target.bytes();
        ByteBuffer b = bias == null ? null : bias.bytes();
        ByteBuffer m = mask == null ? null : mask.bytes();
        int c = 0;
        for (; c + LANES <= width; c += LANES) {
            FloatVector v = load(a, branchOffset + c);
            if (b != null) {
                v = v.add(load(b, c));
            }
            if (m != null) {
                v = v.mul(load(m, maskOffset + c));
            }
            store(load(r, residualOffset + c).add(v), t, targetOffset + c);
        }
        for (; c < width; c++) {
            float v = a.getFloat((int) (4 * (branchOffset + c)));
            if (b != null) {
                v += b.getFloat(4 * c);
            }
            if (m != null) {
                v *= m.getFloat((int) (4 * (maskOffset + c)));
            }
            t.putFloat((int) (4 * (targetOffset + c)), r.getFloat((int) (4 * (residualOffset + c))) + v);
        }
    }

    /**
     * Normalises the row {@code z} held in {@code xhat} in place and writes {@code (xhat * gamma + beta) * outMask} to
     * {@code out} ({@code outMask} may be null). Returns {@code 1 / sqrt(var + eps)}, which the backward pass needs.
     */
    static float normalize(int width, float epsilon, FloatBlock xhat, long xhatOffset, FloatBlock gamma, FloatBlock beta,
            FloatBlock out, long outOffset, FloatBlock outMask, long outMaskOffset)
    {
        ByteBuffer x = xhat.bytes();
        int c = 0;
        FloatVector sum = FloatVector.zero(SPECIES);
        for (; c + LANES <= width; c += LANES) {
            sum = sum.add(load(x, xhatOffset + c));
        }
        float total = sum.reduceLanes(VectorOperators.ADD);
        for (; c < width; c++) {
            total += x.getFloat((int) (4 * (xhatOffset + c)));
        }
        float mean = total / width;

        c = 0;
        FloatVector squares = FloatVector.zero(SPECIES);
        for (; c + LANES <= width; c += LANES) {
            FloatVector centred = load(x, xhatOffset + c).sub(mean);
            store(centred, x, xhatOffset + c);
            squares = centred.fma(centred, squares);
        }
        float squareTotal = squares.reduceLanes(VectorOperators.ADD);
        for (; c < width; c++) {
            int index = (int) (4 * (xhatOffset + c));
            float centred = x.getFloat(index) - mean;
            x.putFloat(index, centred);
            squareTotal += centred * centred;
        }
        float inverse = (float) (1.0 / Math.sqrt(squareTotal / width + epsilon));

        ByteBuffer g = gamma.bytes();
        ByteBuffer b = beta.bytes();
        ByteBuffer o = out.bytes();
        ByteBuffer m = outMask == null ? null : outMask.bytes();
        c = 0;
        for (; c + LANES <= width; c += LANES) {
            FloatVector normalized = load(x, xhatOffset + c).mul(inverse);
            store(normalized, x, xhatOffset + c);
            FloatVector y = normalized.fma(load(g, c), load(b, c));
            if (m != null) {
                y = y.mul(load(m, outMaskOffset + c));
            }
            store(y, o, outOffset + c);
        }
        for (; c < width; c++) {
            int index = (int) (4 * (xhatOffset + c));
            float normalized = x.getFloat(index) * inverse;
            x.putFloat(index, normalized);
            float y = normalized * g.getFloat(4 * c) + b.getFloat(4 * c);
            if (m != null) {
                y *= m.getFloat((int) (4 * (outMaskOffset + c)));
            }
            o.putFloat((int) (4 * (outOffset + c)), y);
        }
        return inverse;
    }

    /**
     * The backward pass of one row. From {@code dy} (the gradient of the norm's output) it accumulates
     * {@code dGamma += dy * xhat} and {@code dBeta += dy}, and writes {@code dz}, the gradient of the norm's input. When
     * {@code branchGradient} is given it also writes the gradient of the branch before the residual sum,
     * {@code dz * mask} (mask may be null), and adds it to {@code dBias} if that is given.
     */
    static void backward(int width, FloatBlock dy, long dyOffset, FloatBlock xhat, long xhatOffset, float inverse, FloatBlock gamma,
            FloatBlock dGamma, FloatBlock dBeta, FloatBlock dz, long dzOffset,
            FloatBlock mask, long maskOffset, FloatBlock branchGradient, long branchOffset, FloatBlock dBias)
    {
        ByteBuffer d = dy.bytes();
        ByteBuffer x = xhat.bytes();
        ByteBuffer g = gamma.bytes();
        ByteBuffer dg = dGamma.bytes();
        ByteBuffer db = dBeta.bytes();
        int c = 0;
        FloatVector sum = FloatVector.zero(SPECIES);
        FloatVector sumX = FloatVector.zero(SPECIES);
        for (; c + LANES <= width; c += LANES) {
            FloatVector dyv = load(d, dyOffset + c);
            FloatVector xv = load(x, xhatOffset + c);
            FloatVector scaled = dyv.mul(load(g, c));
            sum = sum.add(scaled);
            sumX = scaled.fma(xv, sumX);
            store(dyv.fma(xv, load(dg, c)), dg, c);
            store(load(db, c).add(dyv), db, c);
        }
        float total = sum.reduceLanes(VectorOperators.ADD);
        float totalX = sumX.reduceLanes(VectorOperators.ADD);
        for (; c < width; c++) {
            float dyv = d.getFloat((int) (4 * (dyOffset + c)));
            float xv = x.getFloat((int) (4 * (xhatOffset + c)));
            float scaled = dyv * g.getFloat(4 * c);
            total += scaled;
            totalX += scaled * xv;
            dg.putFloat(4 * c, dg.getFloat(4 * c) + dyv * xv);
            db.putFloat(4 * c, db.getFloat(4 * c) + dyv);
        }
        float mean = total / width;
        float meanX = totalX / width;

        ByteBuffer out = dz.bytes();
        ByteBuffer m = mask == null ? null : mask.bytes();
        ByteBuffer bg = branchGradient == null ? null : branchGradient.bytes();
        ByteBuffer bb = dBias == null ? null : dBias.bytes();
        c = 0;
        for (; c + LANES <= width; c += LANES) {
            FloatVector xv = load(x, xhatOffset + c);
            FloatVector scaled = load(d, dyOffset + c).mul(load(g, c));
            FloatVector gradient = scaled.sub(mean).sub(xv.mul(meanX)).mul(inverse);
            store(gradient, out, dzOffset + c);
            if (bg != null) {
                FloatVector branch = m == null ? gradient : gradient.mul(load(m, maskOffset + c));
                store(branch, bg, branchOffset + c);
                if (bb != null) {
                    store(load(bb, c).add(branch), bb, c);
                }
            }
        }
        for (; c < width; c++) {
            float xv = x.getFloat((int) (4 * (xhatOffset + c)));
            float scaled = d.getFloat((int) (4 * (dyOffset + c))) * g.getFloat(4 * c);
            float gradient = (scaled - mean - xv * meanX) * inverse;
            out.putFloat((int) (4 * (dzOffset + c)), gradient);
            if (bg != null) {
                float branch = m == null ? gradient : gradient * m.getFloat((int) (4 * (maskOffset + c)));
                bg.putFloat((int) (4 * (branchOffset + c)), branch);
                if (bb != null) {
                    bb.putFloat(4 * c, bb.getFloat(4 * c) + branch);
                }
            }
        }
    }
}
