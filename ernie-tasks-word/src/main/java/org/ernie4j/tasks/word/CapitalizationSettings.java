package org.ernie4j.tasks.word;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of capitalization prediction, read once when the task joins a run. The keys, their defaults and their
 * meaning are documented on {@link CapitalizationTask}.
 *
 * @param ignoreSentenceInitial whether the first word of each sentence goes without a label
 */
record CapitalizationSettings(boolean ignoreSentenceInitial)
{
    static final String IGNORE_SENTENCE_INITIAL = "ignore-sentence-initial";

    static final boolean DEFAULT_IGNORE_SENTENCE_INITIAL = true;

    static CapitalizationSettings defaults()
    {
        return new CapitalizationSettings(DEFAULT_IGNORE_SENTENCE_INITIAL);
    }

    /**
     * Reads every key, so that none is reported as unknown.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a value of the wrong type
     */
    static CapitalizationSettings read(TaskSettings settings)
    {
        requireNonNull(settings, "settings is null");
        return new CapitalizationSettings(settings.getBoolean(IGNORE_SENTENCE_INITIAL, DEFAULT_IGNORE_SENTENCE_INITIAL));
    }

    @Override
    public String toString()
    {
        return IGNORE_SENTENCE_INITIAL + "=" + ignoreSentenceInitial;
    }
}
