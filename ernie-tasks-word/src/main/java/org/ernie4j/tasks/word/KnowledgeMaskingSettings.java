package org.ernie4j.tasks.word;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of knowledge masking, read and validated once when the task joins a run. The keys, their defaults and
 * their meaning are documented on {@link KnowledgeMaskingTask}.
 */
final class KnowledgeMaskingSettings
{
    static final String MASKING_RATE = "masking-rate";
    static final String STRATEGY = "strategy";
    static final String ENTITY_SHARE = "entity-share";
    static final String PHRASE_SHARE = "phrase-share";
    static final String MASK_PROBABILITY = "mask-probability";
    static final String RANDOM_PROBABILITY = "random-probability";

    static final double DEFAULT_MASKING_RATE = 0.15;
    static final MaskingStrategy DEFAULT_STRATEGY = MaskingStrategy.MIXED;
    static final double DEFAULT_ENTITY_SHARE = 0.4;
    static final double DEFAULT_PHRASE_SHARE = 0.4;
    static final double DEFAULT_MASK_PROBABILITY = 0.8;
    static final double DEFAULT_RANDOM_PROBABILITY = 0.1;

    private final double maskingRate;
    private final MaskingStrategy strategy;
    private final double entityShare;
    private final double phraseShare;
    private final double maskProbability;
    private final double randomProbability;

    KnowledgeMaskingSettings(double maskingRate, MaskingStrategy strategy, double entityShare, double phraseShare, double maskProbability, double randomProbability)
    {
        this.maskingRate = maskingRate;
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.entityShare = entityShare;
        this.phraseShare = phraseShare;
        this.maskProbability = maskProbability;
        this.randomProbability = randomProbability;
    }

    static KnowledgeMaskingSettings defaults()
    {
        return new KnowledgeMaskingSettings(DEFAULT_MASKING_RATE, DEFAULT_STRATEGY, DEFAULT_ENTITY_SHARE, DEFAULT_PHRASE_SHARE,
                DEFAULT_MASK_PROBABILITY, DEFAULT_RANDOM_PROBABILITY);
    }

    /**
     * Reads every key (so that none is reported as unknown) and validates ranges.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key
     */
    static KnowledgeMaskingSettings read(TaskSettings settings)
    {
        requireNonNull(settings, "settings is null");
        double maskingRate = settings.getDouble(MASKING_RATE, DEFAULT_MASKING_RATE);
        if (!(maskingRate > 0 && maskingRate <= 1)) {
            throw settings.invalid(MASKING_RATE, "must be greater than 0 and at most 1, not " + maskingRate);
        }
        String strategyName = settings.getString(STRATEGY, DEFAULT_STRATEGY.configName());
        MaskingStrategy strategy = MaskingStrategy.fromConfigName(strategyName)
                .orElseThrow(() -> settings.invalid(STRATEGY, "must be one of " + MaskingStrategy.configNames() + ", not '" + strategyName + "'"));
        double entityShare = fraction(settings, ENTITY_SHARE, DEFAULT_ENTITY_SHARE);
        double phraseShare = fraction(settings, PHRASE_SHARE, DEFAULT_PHRASE_SHARE);
        if (entityShare + phraseShare > 1 + 1e-9) {
            throw settings.invalid(PHRASE_SHARE, "together with " + ENTITY_SHARE + " (" + entityShare + ") must be at most 1, not "
                    + (entityShare + phraseShare));
        }
        double maskProbability = fraction(settings, MASK_PROBABILITY, DEFAULT_MASK_PROBABILITY);
        double randomProbability = fraction(settings, RANDOM_PROBABILITY, DEFAULT_RANDOM_PROBABILITY);
        if (maskProbability + randomProbability > 1 + 1e-9) {
            throw settings.invalid(RANDOM_PROBABILITY, "together with " + MASK_PROBABILITY + " (" + maskProbability
                    + ") must be at most 1, not " + (maskProbability + randomProbability));
        }
        return new KnowledgeMaskingSettings(maskingRate, strategy, entityShare, phraseShare, maskProbability, randomProbability);
    }

    private static double fraction(TaskSettings settings, String key, double defaultValue)
    {
        double value = settings.getDouble(key, defaultValue);
        if (!(value >= 0 && value <= 1)) {
            throw settings.invalid(key, "must be between 0 and 1, not " + value);
        }
        return value;
    }

    double maskingRate()
    {
        return maskingRate;
    }

    MaskingStrategy strategy()
    {
        return strategy;
    }

    double entityShare()
    {
        return entityShare;
    }

    double phraseShare()
    {
        return phraseShare;
    }

    double maskProbability()
    {
        return maskProbability;
    }

    double randomProbability()
    {
        return randomProbability;
    }

    @Override
    public String toString()
    {
        return MASKING_RATE + "=" + maskingRate + ", " + STRATEGY + "=" + strategy.configName() + ", " + ENTITY_SHARE + "=" + entityShare
                + ", " + PHRASE_SHARE + "=" + phraseShare + ", " + MASK_PROBABILITY + "=" + maskProbability + ", " + RANDOM_PROBABILITY + "="
                + randomProbability;
    }
}
