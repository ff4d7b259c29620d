package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * Capitalization's examples for one document: one per window that has a word to label. Uses no randomness: the labels
 * are facts of the text.
 */
final class CapitalizationGenerator
        implements LabelGenerator
{
    static final String NOTHING_TO_LABEL = "window has no word to label (no letter with case, only unknown pieces or only sentence-initial words)";

    private final int maxSequenceLength;
    private final TaskReporter reporter;
    private final WindowCutter cutter;
    private final CapitalizationLabels labels;
    private final WordLabelExamples examples;

    CapitalizationGenerator(CapitalizationSettings settings, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.cutter = new WindowCutter(maxSequenceLength - 2, reporter);
        this.labels = new CapitalizationLabels(settings, vocabulary);
        this.examples = new WordLabelExamples(vocabulary);
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        List<Example> result = new ArrayList<>();
        for (Window window : cutter.cut(document)) {
            Optional<Example> example = examples.example(window, labels.of(window));
            if (example.isPresent()) {
                result.add(example.get());
            }
            else {
                reporter.skipped(NOTHING_TO_LABEL);
            }
        }
        return result;
    }

    @Override
    public String toString()
    {
        return "capitalization, inputs of at most " + maxSequenceLength + " pieces";
    }
}
