package ${package};

import org.ernie4j.spi.TaskSettings;

/**
 * The settings of {@link ${classPrefix}Task}, read and checked once when the task joins a run.
 *
 * @param maxSentences the most sentences one input packs; at least 2
 */
record ${classPrefix}Settings(int maxSentences)
{
    static final int DEFAULT_MAX_SENTENCES = 3;

    ${classPrefix}Settings
    {
        if (maxSentences < 2) {
            throw new IllegalArgumentException("maxSentences must be at least 2: " + maxSentences);
        }
    }

    /**
     * @throws org.ernie4j.spi.InvalidSettingException naming the setting's place in the configuration, for a value the task
     *         cannot use
     */
    static ${classPrefix}Settings from(TaskSettings settings)
    {
        int maxSentences = settings.getInt("max-sentences", DEFAULT_MAX_SENTENCES);
        if (maxSentences < 2) {
            throw settings.invalid("max-sentences", "must be at least 2, so that an input holds a sentence start to find, but is " + maxSentences);
        }
        return new ${classPrefix}Settings(maxSentences);
    }
}
