package org.ernie4j.tasks.word;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which units knowledge masking hides: the {@code strategy} setting.
 */
enum MaskingStrategy
{
    /** Entities, phrases and single words, in shares of the masking budget (ERNIE's knowledge masking). */
    MIXED,
    /** Whole entities only; windows without an entity mask single words instead. */
    ENTITY,
    /** Whole phrases only; windows without a phrase of two or more tokens mask single words instead. */
    PHRASE,
    /** Whole single words only (BERT's whole-word masking), ignoring the annotations: a baseline. */
    WORD;

    /** The name used in the configuration, such as {@code mixed}. */
    String configName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<MaskingStrategy> fromConfigName(String name)
    {
        return Arrays.stream(values()).filter(strategy -> strategy.configName().equals(name)).findFirst();
    }

    static String configNames()
    {
        return Arrays.stream(values()).map(MaskingStrategy::configName).collect(Collectors.joining(", "));
    }
}
