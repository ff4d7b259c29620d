package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import org.ernie4j.spi.example.TokenLabels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static org.ernie4j.core.engine.fused.Kernels.LANES;
import static org.ernie4j.core.engine.fused.Kernels.SPECIES;
import static org.ernie4j.core.engine.fused.Kernels.load;
import static org.ernie4j.core.engine.fused.Kernels.store;

/**
 * The heads' loss, {@code sum_i w_i (-log softmax(z_i)[y_i])}, fused with the output bias added to the logits, the
 * accuracy count, and the gradient {@code dz_i = w_i (softmax(z_i) - onehot(y_i))} written over the logits together with
 * the output bias's gradient. A row whose label is {@link TokenLabels#IGNORED} has weight 0 and a zero gradient.
 */
final class CrossEntropyKernel
{
    private CrossEntropyKernel()
    {
    }

    /**
     * Processes {@code rows} rows of {@code classes} logits (leading dimension {@code classes}) starting at
     * {@code offset}; row {@code r} has label {@code labels[firstItem + r]} and weight {@code weights[firstItem + r]}.
     * With {@code gradient} false the logits are left holding the biased logits' exponentials and nothing else is
     * written. {@code bias} and {@code dBias} may be null.
     */
    static void apply(FloatBlock logits, long offset, int rows, int classes, FloatBlock bias, int[] labels, float[] weights,
            int firstItem, boolean gradient, FloatBlock dBias, LossTally tally)
    {
        ByteBuffer z = logits.bytes();
        ByteBuffer b = bias == null ? null : bias.bytes();
        ByteBuffer db = dBias == null ? null : dBias.bytes();
        for (int row = 0; row < rows; row++) {
            long start = offset + (long) row * classes;
            int label = labels[firstItem + row];
            float weight = weights[firstItem + row];

            int c = 0;
            FloatVector maxima = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            for (; c + LANES <= classes; c += LANES) {
                FloatVector v = load(z, start + c);
                if (b != null) {
                    v = v.add(load(b, c));
                    store(v, z, start + c);
                }
                maxima = maxima.max(v);
            }
            float max = maxima.reduceLanes(VectorOperators.MAX);
            for (; c < classes; c++) {
                int index = (int) (4 * (start + c));
                float v = z.getFloat(index) + (b == null ? 0f : b.getFloat(4 * c));
                z.putFloat(index, v);
                max = Math.max(max, v);
            }
            int predicted = firstIndexOf(z, start, classes, max);
            boolean labelled = label != TokenLabels.IGNORED;
            float labelLogit = labelled ? z.getFloat((int) (4 * (start + label))) : 0f;

            float sum = SoftmaxKernel.exponentiate(z, start, classes, max);
            double negativeLogLikelihood = labelled ? Math.log(sum) + max - labelLogit : 0;
            tally.add(firstItem + row, weight * negativeLogLikelihood, labelled, predicted, predicted == label);

            if (gradient) {
                float scale = weight / sum;
                c = 0;
                for (; c + LANES <= classes; c += LANES) {
                    FloatVector d = load(z, start + c).mul(scale);
                    store(d, z, start + c);
                    if (db != null) {
                        store(load(db, c).add(d), db, c);
                    }
                }
                for (; c < classes; c++) {
                    int index = (int) (4 * (start + c));
                    float d = z.getFloat(index) * scale;
                    z.putFloat(index, d);
                    if (db != null) {
                        db.putFloat(4 * c, db.getFloat(4 * c) + d);
                    }
                }
                if (labelled) {
                    int index = (int) (4 * (start + label));
                    z.putFloat(index, z.getFloat(index) - weight);
                    if (db != null) {
                        db.putFloat(4 * label, db.getFloat(4 * label) - weight);
                    }
                }
            }
        }
    }

    private static int firstIndexOf(ByteBuffer z, long start, int classes, float value)
    {
        int c = 0;
        for (; c + LANES <= classes; c += LANES) {
            int lane = load(z, start + c).compare(VectorOperators.EQ, value).firstTrue();
            if (lane < LANES) {
                return c + lane;
            }
        }
        for (; c < classes; c++) {
            if (z.getFloat((int) (4 * (start + c))) == value) {
                return c;
            }
        }
        return -1;
    }
}
