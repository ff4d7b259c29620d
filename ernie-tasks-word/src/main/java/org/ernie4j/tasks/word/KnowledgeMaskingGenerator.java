package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;

import static java.util.Objects.requireNonNull;

/**
 * Knowledge masking's examples for one document: one per window, with the chosen units corrupted in the input and all
 * their pieces as targets. Holds no state between documents, so it is deterministic for a given random source.
 */
final class KnowledgeMaskingGenerator
        implements LabelGenerator
{
    static final String NOTHING_TO_MASK = "window has nothing to mask (only punctuation, unknown pieces or names with unknown pieces)";

    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final TaskReporter reporter;
    private final WindowCutter cutter;
    private final UnitSelector selector;
    private final UnitReplacement replacement;
    private final String fallbackWarning;

    KnowledgeMaskingGenerator(KnowledgeMaskingSettings settings, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        requireNonNull(settings, "settings is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.cutter = new WindowCutter(maxSequenceLength - 2, reporter);
        this.selector = new UnitSelector(settings);
        this.replacement = new UnitReplacement(settings, vocabulary);
        this.fallbackWarning = "knowledge-masking: strategy '" + settings.strategy().configName()
                + "' found windows without a " + (settings.strategy() == MaskingStrategy.ENTITY ? "named entity" : "phrase of two or more tokens")
                + "; they mask single words instead";
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        List<Example> examples = new ArrayList<>();
        for (Window window : cutter.cut(document)) {
            UnitSelector.Selection selection = selector.select(MaskingUnits.of(window, vocabulary), window.pieceCount(), random);
            if (selection.units().isEmpty()) {
                reporter.skipped(NOTHING_TO_MASK);
                continue;
            }
            if (selection.fellBackToWords()) {
                reporter.warnOnce(fallbackWarning);
            }
            examples.add(example(window, selection.units(), random));
        }
        return examples;
    }

    private Example example(Window window, List<MaskingUnit> units, RandomGenerator random)
    {
        int[] pieces = window.pieceIds();
        int[] ids = window.inputIds(vocabulary);

        int count = units.stream().mapToInt(MaskingUnit::pieceCount).sum();
        int[] positions = new int[count];
        int[] originals = new int[count];
        int next = 0;
        for (MaskingUnit unit : units) {
            for (int piece = unit.firstPiece(); piece < unit.endPiece(); piece++) {
                positions[next] = piece + 1;
                originals[next] = pieces[piece];
                next++;
            }
            replacement.apply(unit, ids, 1, random);
        }
        // A single text: every position is segment 0.
        return new Example(ids, new int[ids.length], new MaskedTokens(positions, originals));
    }

    @Override
    public String toString()
    {
        return "knowledge masking, inputs of at most " + maxSequenceLength + " pieces";
    }
}
