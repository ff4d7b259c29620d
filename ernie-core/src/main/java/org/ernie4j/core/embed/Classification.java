package org.ernie4j.core.embed;

import java.util.Map;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * A classifier's answer for one text: the most likely label and the probability of every label.
 */
@PublicApi
public record Classification(String label, Map<String, Double> probabilities)
{
    public Classification
    {
        requireNonNull(label, "label is null");
        probabilities = Map.copyOf(probabilities);
    }
}
