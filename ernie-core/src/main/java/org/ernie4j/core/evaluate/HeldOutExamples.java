package org.ernie4j.core.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.data.Examples;
import org.ernie4j.core.random.Seeds;
import org.ernie4j.core.task.ActiveTask;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.example.Batch;
import org.ernie4j.spi.example.Example;

/**
 * A task's fixed evaluation set: the first examples its generator makes from the held-out documents with a fixed
 * seed, in batches. The same every time, so that evaluations at different steps (and in different runs with the same
 * seed) compare like with like.
 */
final class HeldOutExamples
{
    private static final long EVALUATION_STREAM = 0x4556414CL;

    private HeldOutExamples()
    {
    }

    static List<Batch> of(ActiveTask task, DocumentSource heldOut, int maxExamples, int batchSize, int maxLength, int padId, long seed)
    {
        List<Example> examples = new ArrayList<>();
        for (int index = 0; index < heldOut.size() && examples.size() < maxExamples; index++) {
            for (Example example : task.labels().generate(heldOut.get(index), Seeds.random(Seeds.mix(seed, task.name()), EVALUATION_STREAM, index))) {
                if (examples.size() < maxExamples && example.length() <= maxLength && Examples.hasLabels(example)) {
                    examples.add(example);
                }
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < examples.size(); start += batchSize) {
            batches.add(Batch.of(examples.subList(start, Math.min(examples.size(), start + batchSize)), padId));
        }
        return List.copyOf(batches);
    }
}
