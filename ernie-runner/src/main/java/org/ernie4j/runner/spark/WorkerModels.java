package org.ernie4j.runner.spark;

import org.ernie4j.core.text.annotate.OpenNlpModels;

/**
 * The English OpenNLP models, loaded once per worker JVM on first use: they do not serialize, so they cannot travel
 * with a task, and loading them takes seconds, too long to repeat for every partition. The models are immutable; each
 * annotator makes its own detectors and taggers from them.
 */
final class WorkerModels
{
    private WorkerModels()
    {
    }

    static OpenNlpModels english()
    {
        return Holder.ENGLISH;
    }

    // Holder idiom: loaded on first use, once, thread-safely.
    private static final class Holder
    {
        private static final OpenNlpModels ENGLISH = OpenNlpModels.loadEnglish();
    }
}
