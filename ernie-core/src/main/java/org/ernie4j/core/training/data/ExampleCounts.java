package org.ernie4j.core.training.data;

import java.util.List;

import org.ernie4j.core.support.Seeds;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.DocumentSource;

/**
 * Estimates how many examples each task yields on a corpus (its data size, for the proportional and temperature
 * samplers) by running its label generator over evenly spaced documents and scaling to the whole corpus.
 */
public final class ExampleCounts
{
    private static final long COUNT_STREAM = 0x434F554E54L;

    private ExampleCounts()
    {
    }

    /**
     * @param generators the tasks' label generators, in task order
     * @param sample at most this many documents are read
     */
    public static long[] estimate(List<LabelGenerator> generators, DocumentSource documents, long seed, int sample)
    {
        int size = documents.size();
        int read = Math.min(size, Math.max(1, sample));
        long[] counts = new long[generators.size()];
        for (int i = 0; i < read; i++) {
            int index = (int) ((long) i * size / read);
            var document = documents.get(index);
            for (int task = 0; task < generators.size(); task++) {
                counts[task] += generators.get(task).generate(document, Seeds.random(seed, COUNT_STREAM, index)).size();
            }
        }
        for (int task = 0; task < counts.length; task++) {
            counts[task] = Math.round((double) counts[task] * size / read);
        }
        return counts;
    }
}
