package org.ernie4j.core.model;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;

/**
 * The names and shapes of a task head's parameters, all under {@code head.<task>.}. A masked-token head has a transform
 * (dense, activation, layer norm) and an output bias; its output weights are the token embedding, tied.
 */
public final class HeadLayout
{
    private HeadLayout()
    {
    }

    public static String prefix(String taskName)
    {
        return "head." + taskName;
    }

    public static String classifier(String taskName)
    {
        return prefix(taskName) + ".classifier";
    }

    public static String transform(String taskName)
    {
        return prefix(taskName) + ".transform";
    }

    public static String transformNorm(String taskName)
    {
        return prefix(taskName) + ".transform.norm";
    }

    public static String outputBias(String taskName)
    {
        return prefix(taskName) + ".output.bias";
    }

    /** The parameters of a standard head; a custom head creates its own in the graph and has none here. */
    public static List<ParameterSpec> parameters(String taskName, HeadSpec head, EncoderConfig config)
    {
        List<ParameterSpec> specs = new ArrayList<>();
        if (head instanceof SequenceClassificationHead sequence) {
            EncoderLayout.addDense(specs, classifier(taskName), config.hidden(), sequence.numClasses());
        }
        else if (head instanceof TokenClassificationHead token) {
            EncoderLayout.addDense(specs, classifier(taskName), config.hidden(), token.numClasses());
        }
        else if (head instanceof MaskedTokenHead) {
            EncoderLayout.addDense(specs, transform(taskName), config.hidden(), config.hidden());
            EncoderLayout.addNorm(specs, transformNorm(taskName), config.hidden());
            specs.add(ParameterSpec.bias(outputBias(taskName), config.vocabularySize()));
        }
        else if (!(head instanceof CustomHead)) {
            throw new IllegalArgumentException("unknown head kind: " + head);
        }
        return List.copyOf(specs);
    }
}
