package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import jdk.incubator.vector.FloatVector;

import static java.util.Objects.requireNonNull;
import static org.ernie4j.core.engine.fused.Kernels.LANES;
import static org.ernie4j.core.engine.fused.Kernels.load;
import static org.ernie4j.core.engine.fused.Kernels.store;

/**
 * {@link AdamW}'s update rule (the same operations in the same order, per parameter, with per-parameter step counts and
 * decay only on weights) as one pass over each parameter's flat buffer that reads the gradient, both moments and the
 * parameter once and writes them once, with the clipping factor folded in. The work is split by element ranges over
 * the {@link Workers}. Moments are ND4J arrays in the same form as {@link AdamW}'s, so checkpoints move between the two.
 */
public final class FusedAdamW
        implements Optimizer
{
    private final OptimizerSettings settings;
    private final ModelParameters parameters;
    private final Workers workers;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final double[] partialSquares;

    public FusedAdamW(OptimizerSettings settings, ModelParameters parameters, Workers workers)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.partialSquares = new double[workers.count()];
        FusedSupport.check(parameters);
    }

    @Override
    public synchronized double gradientNorm(Map<String, INDArray> gradients)
    {
        List<Slot> active = active(gradients);
        long total = total(active);
        Arrays.fill(partialSquares, 0);
        workers.run(w -> forEachPiece(active, total, w,
                (slot, offset, length) -> partialSquares[w] += Kernels.sumOfSquares(slot.gradient, offset, length)));
        return Math.sqrt(Arrays.stream(partialSquares).sum());
    }

    @Override
    public synchronized void apply(Map<String, INDArray> gradients, double learningRate, double gradientScale)
    {
        List<Slot> active = active(gradients);
        long total = total(active);
        for (Slot slot : active) {
            slot.prepare(settings, learningRate);
        }
        float scale = (float) gradientScale;
        workers.run(w -> forEachPiece(active, total, w, (slot, offset, length) -> slot.update(offset, length, scale)));
    }

    @Override
    public synchronized Map<String, AdamW.Moments> state()
    {
        Map<String, AdamW.Moments> state = new LinkedHashMap<>();
        slots.forEach((name, slot) -> {
            if (slot.updates > 0) {
                state.put(name, new AdamW.Moments(slot.firstArray, slot.secondArray, slot.updates));
            }
        });
        return Map.copyOf(state);
    }

    @Override
    public synchronized void restore(Map<String, AdamW.Moments> state)
    {
        Map<String, Slot> restored = new HashMap<>();
        for (Map.Entry<String, AdamW.Moments> entry : state.entrySet()) {
            INDArray parameter = parameters.get(entry.getKey());
            AdamW.Moments moments = entry.getValue();
            if (!Arrays.equals(parameter.shape(), moments.first().shape()) || !Arrays.equals(parameter.shape(), moments.second().shape())) {
                throw new IllegalArgumentException("optimizer state of " + entry.getKey() + " does not match the parameter's shape");
            }
            restored.put(entry.getKey(), new Slot(entry.getKey(), dense(moments.first()), dense(moments.second()), moments.updates()));
        }
        slots.clear();
        parameters.names().stream().filter(restored::containsKey).forEach(name -> slots.put(name, restored.get(name)));
    }

    private static INDArray dense(INDArray array)
    {
        INDArray floats = array.dataType() == DataType.FLOAT ? array : array.castTo(DataType.FLOAT);
        return floats.isView() || floats.ordering() != 'c' ? floats.dup('c') : floats;
    }

    private List<Slot> active(Map<String, INDArray> gradients)
    {
        List<Slot> active = new ArrayList<>(gradients.size());
        for (Map.Entry<String, INDArray> entry : gradients.entrySet()) {
            Slot slot = slots.get(entry.getKey());
            if (slot == null) {
                INDArray parameter = parameters.get(entry.getKey());
                slot = new Slot(entry.getKey(), Nd4j.zeros(DataType.FLOAT, parameter.shape()), Nd4j.zeros(DataType.FLOAT, parameter.shape()), 0);
                slots.put(entry.getKey(), slot);
            }
            slot.attach(entry.getValue());
            active.add(slot);
        }
        return active;
    }

    /**
     * Worker {@code w}'s share of the active slots' elements, laid end to end and split evenly over the workers, as a
     * piece of each slot it covers.
     */
    private void forEachPiece(List<Slot> active, long total, int w, Piece piece)
    {
        long from = total * w / workers.count();
        long to = total * (w + 1) / workers.count();
        long offset = 0;
        for (Slot slot : active) {
            long start = Math.max(from, offset);
            long end = Math.min(to, offset + slot.length);
            if (start < end) {
                piece.accept(slot, start - offset, end - start);
            }
            offset += slot.length;
        }
    }

    private interface Piece
    {
        void accept(Slot slot, long offset, long length);
    }

    private static long total(List<Slot> active)
    {
        long total = 0;
        for (Slot slot : active) {
            total += slot.length;
        }
        return total;
    }

    /** One parameter with its moments and, for the current step, its gradient and scalar factors. */
    private final class Slot
    {
        private final INDArray firstArray;
        private final INDArray secondArray;
        private final FloatBlock parameter;
        private final FloatBlock first;
        private final FloatBlock second;
        private final boolean decayed;
        private final long length;
        private long updates;
        private INDArray gradientArray;
        private FloatBlock gradient;
        private float beta1;
        private float oneMinusBeta1;
        private float beta2;
        private float oneMinusBeta2;
        private float secondCorrectionRoot;
        private float epsilon;
        private float stepSize;
        private float decay;

        private Slot(String name, INDArray firstArray, INDArray secondArray, long updates)
        {
            this.firstArray = firstArray;
            this.secondArray = secondArray;
            this.parameter = FloatBlock.of(parameters.get(name));
            this.first = FloatBlock.of(firstArray);
            this.second = FloatBlock.of(secondArray);
            this.decayed = parameters.spec(name).decayed();
            this.length = parameter.length();
            this.updates = updates;
        }

        /** Uses {@code array} as this step's gradient; the engine's arrays stay the same, so the view is usually reused. */
        void attach(INDArray array)
        {
            if (array != gradientArray) {
                INDArray floats = dense(array);
                gradient = FloatBlock.of(floats);
                gradientArray = floats == array ? array : null;
            }
        }

        /** Advances the step count and fixes this step's factors, as AdamW computes them. */
        void prepare(OptimizerSettings settings, double learningRate)
        {
            updates++;
            double firstCorrection = 1 - Math.pow(settings.beta1(), updates);
            double secondCorrection = 1 - Math.pow(settings.beta2(), updates);
            beta1 = (float) settings.beta1();
            oneMinusBeta1 = (float) (1 - settings.beta1());
            beta2 = (float) settings.beta2();
            oneMinusBeta2 = (float) (1 - settings.beta2());
            secondCorrectionRoot = (float) Math.sqrt(secondCorrection);
            epsilon = (float) settings.epsilon();
            stepSize = (float) (learningRate / firstCorrection);
            decay = decayed && settings.weightDecay() > 0 ? (float) (learningRate * settings.weightDecay()) : 0f;
        }

        /** The update of elements {@code from .. from + count}. */
        void update(long from, long count, float scale)
        {
            ByteBuffer g = gradient.bytes();
            ByteBuffer m = first.bytes();
            ByteBuffer v = second.bytes();
            ByteBuffer p = parameter.bytes();
            long end = from + count;
            long i = from;
            for (; i + LANES <= end; i += LANES) {
                FloatVector grad = load(g, i).mul(scale);
                FloatVector m1 = load(m, i).mul(beta1).add(grad.mul(oneMinusBeta1));
                FloatVector v1 = load(v, i).mul(beta2).add(grad.mul(grad).mul(oneMinusBeta2));
                store(m1, m, i);
                store(v1, v, i);
                FloatVector denominator = v1.sqrt().div(secondCorrectionRoot).add(epsilon);
                FloatVector update = m1.div(denominator).mul(stepSize);
                FloatVector value = load(p, i);
                if (decay != 0f) {
                    update = update.add(value.mul(decay));
                }
                store(value.sub(update), p, i);
            }
            for (; i < end; i++) {
                int index = (int) (4 * i);
                float grad = g.getFloat(index) * scale;
                float m1 = m.getFloat(index) * beta1 + grad * oneMinusBeta1;
                float v1 = v.getFloat(index) * beta2 + grad * grad * oneMinusBeta2;
                m.putFloat(index, m1);
                v.putFloat(index, v1);
                float update = m1 / ((float) Math.sqrt(v1) / secondCorrectionRoot + epsilon) * stepSize;
                float value = p.getFloat(index);
                if (decay != 0f) {
                    update += value * decay;
                }
                p.putFloat(index, value - update);
            }
        }
    }
}
