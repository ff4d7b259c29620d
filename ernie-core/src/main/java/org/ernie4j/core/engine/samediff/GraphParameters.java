package org.ernie4j.core.engine.samediff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.model.Initialization;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * The trainable variables of a built graph, held in the model's parameters. A custom head creates its variables in the
 * graph; the first time, they become model parameters (so they are trained and checkpointed), and when the parameters
 * already hold them (a resumed run, or the other engine's checkpoint), the graph takes the stored values. Variables made
 * from the parameters in the first place (the encoder's, a standard head's) are already the same arrays.
 */
public final class GraphParameters
{
    private final List<String> names;

    private GraphParameters(List<String> names)
    {
        this.names = List.copyOf(names);
    }

    /** Makes every variable of {@code sd} a model parameter, or the stored parameter of its name. */
    public static GraphParameters adopt(SameDiff sd, ModelParameters parameters)
    {
        requireNonNull(sd, "sd is null");
        requireNonNull(parameters, "parameters is null");
        List<String> names = new ArrayList<>();
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            String name = variable.name();
            names.add(name);
            if (parameters.contains(name)) {
                if (variable.getArr() != parameters.get(name)) {
                    sd.setArrayForVariable(name, parameters.get(name));
                }
                continue;
            }
            INDArray value = variable.getArr();
            parameters.add(new ParameterSpec(name, value.shape(), Initialization.ZEROS, true), value.castTo(parameters.dataType()));
            sd.setArrayForVariable(name, parameters.get(name));
        }
        return new GraphParameters(names);
    }

    /** The names of the graph's trainable variables, in the graph's order. */
    public List<String> names()
    {
        return names;
    }

    /** The gradients a run of the graph gave its variables, by name, in a new map the caller may add to. */
    public Map<String, INDArray> gradients(OutAndGrad result)
    {
        Map<String, INDArray> gradients = new HashMap<>();
        for (String name : names) {
            // Variables off the loss path (the pooler, for a token head) have no gradient.
            INDArray gradient = result.getGradients().get(name);
            if (gradient != null) {
                gradients.put(name, gradient);
            }
        }
        return gradients;
    }
}
