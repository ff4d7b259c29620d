package org.ernie4j.core.model.optim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import static java.util.Objects.requireNonNull;

/**
 * Adam with decoupled weight decay, applied per parameter: only the parameters that received a gradient in a step move,
 * and each keeps its own step count for the bias correction. A task's head therefore does not drift on momentum while
 * other tasks train (which ND4J's {@code fit()} does), and a head that joins late starts its moments from zero.
 */
@PublicApi
public final class AdamW
        implements Optimizer
{
    private final OptimizerSettings settings;
    private final ModelParameters parameters;
    private final Map<String, Moments> moments = new LinkedHashMap<>();

    public AdamW(OptimizerSettings settings, ModelParameters parameters)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** The first and second moments of one parameter and the number of updates it has had. */
    public record Moments(INDArray first, INDArray second, long updates)
    {
        public Moments
        {
            requireNonNull(first, "first is null");
            requireNonNull(second, "second is null");
        }
    }

    /** Updates every parameter that has a gradient, in place. */
    public void apply(Map<String, INDArray> gradients, double learningRate)
    {
        for (Map.Entry<String, INDArray> entry : gradients.entrySet()) {
            update(entry.getKey(), entry.getValue(), learningRate);
        }
    }

    @Override
    public double gradientNorm(Map<String, INDArray> gradients)
    {
        return GradientClipping.globalNorm(gradients);
    }

    /** Scales the gradients in place (when {@code gradientScale} is not 1) and updates. */
    @Override
    public void apply(Map<String, INDArray> gradients, double learningRate, double gradientScale)
    {
        if (gradientScale != 1) {
            gradients.values().forEach(gradient -> gradient.muli(gradientScale));
        }
        apply(gradients, learningRate);
    }

    private void update(String name, INDArray gradient, double learningRate)
    {
        INDArray parameter = parameters.get(name);
        Moments state = moments.get(name);
        if (state == null) {
            state = new Moments(Nd4j.zerosLike(parameter), Nd4j.zerosLike(parameter), 0);
        }
        long step = state.updates() + 1;
        double beta1 = settings.beta1();
        double beta2 = settings.beta2();
        INDArray first = state.first().muli(beta1).addi(gradient.mul(1 - beta1));
        INDArray second = state.second().muli(beta2).addi(gradient.mul(gradient).muli(1 - beta2));
        double firstCorrection = 1 - Math.pow(beta1, step);
        double secondCorrection = 1 - Math.pow(beta2, step);
        INDArray denominator = Transforms.sqrt(second, true).divi(Math.sqrt(secondCorrection)).addi(settings.epsilon());
        INDArray update = first.div(denominator).muli(learningRate / firstCorrection);
        if (parameters.spec(name).decayed() && settings.weightDecay() > 0) {
            update.addi(parameter.mul(learningRate * settings.weightDecay()));
        }
        parameter.subi(update);
        moments.put(name, new Moments(first, second, step));
    }

    @Override
    public synchronized Map<String, Moments> state()
    {
        return Map.copyOf(moments);
    }

    @Override
    public synchronized void restore(Map<String, Moments> state)
    {
        Map<String, Moments> restored = new HashMap<>();
        for (Map.Entry<String, Moments> entry : state.entrySet()) {
            INDArray parameter = parameters.get(entry.getKey());
            Moments value = entry.getValue();
            if (!java.util.Arrays.equals(parameter.shape(), value.first().shape())
                    || !java.util.Arrays.equals(parameter.shape(), value.second().shape())) {
                throw new IllegalArgumentException("optimizer state of " + entry.getKey() + " does not match the parameter's shape");
            }
            restored.put(entry.getKey(), value);
        }
        moments.clear();
        parameters.names().stream().filter(restored::containsKey).forEach(name -> moments.put(name, restored.get(name)));
    }
}
