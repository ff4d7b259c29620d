package org.ernie4j.core.engine.fused;

/**
 * Adds every worker's gradients into the first worker's, split by element range over the workers so that each adds
 * an equal share, whatever the sizes of the individual parameters.
 */
final class GradientReduction
{
    /** {@code blocks[parameter][worker]}. */
    private final FloatBlock[][] blocks;
    private final long total;

    GradientReduction(FloatBlock[][] blocks)
    {
        this.blocks = blocks;
        long sum = 0;
        for (FloatBlock[] parameter : blocks) {
            sum += parameter[0].length();
        }
        this.total = sum;
    }

    /** Worker {@code worker}'s share of adding the gradients of workers {@code 1 .. used - 1} into worker 0's. */
    void run(int worker, int used)
    {
        long from = total * worker / used;
        long to = total * (worker + 1) / used;
        long offset = 0;
        for (FloatBlock[] parameter : blocks) {
            long length = parameter[0].length();
            long start = Math.max(from, offset);
            long end = Math.min(to, offset + length);
            if (start < end) {
                for (int other = 1; other < used; other++) {
                    Kernels.add(parameter[0], start - offset, parameter[other], start - offset, end - start);
                }
            }
            offset += length;
        }
    }
}
