package org.ernie4j.core.training.evaluate;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.data.HeldOutSplit;
import org.ernie4j.core.training.schedule.ScheduleSpec;
import org.ernie4j.core.training.schedule.TaskSchedule;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The evaluator's arithmetic with an engine whose answers are known: the accuracy, the per-document counts behind the
 * interval, the sizes and the baselines, each worked out independently from the held-out set.
 */
class TestEvaluator
{
    private static final TestingCorpus CORPUS = TestingCorpus.washington1790(2);
    private static final int MAX_LENGTH = 48;

    @Test
    void sequenceLabelsAreCountedPerDocumentBehindTheAccuracyAndItsInterval()
    {
        ActiveTask task = activate(new TestingTasks.SentenceOrder());
        HeldOutSplit split = HeldOutSplit.of(CORPUS, 0.3, 7);
        HeldOutSet set = HeldOutSet.draw(task, split.heldOut(), split.training(), CORPUS.vocabulary(), 25, 4, MAX_LENGTH, 7);
        // An engine that always answers "not swapped" (class 0).
        Evaluator evaluator = new Evaluator(new AlwaysClassZero(), schedule(task), List.of(task), Map.of(task.name(), set), 0, 7);

        TaskEvaluation result = evaluator.evaluate(2).get(0);

        long[] correct = new long[split.heldOut().size()];
        long[] labelled = new long[split.heldOut().size()];
        long[] byLabel = new long[2];
        int examples = 0;
        for (int b = 0; b < set.batches().size(); b++) {
            int[] documents = set.documentOf(b);
            List<Example> batch = set.batches().get(b).examples();
            for (int i = 0; i < batch.size(); i++) {
                int label = ((SequenceLabel) batch.get(i).target()).label();
                labelled[documents[i]]++;
                correct[documents[i]] += label == 0 ? 1 : 0;
                byLabel[label]++;
                examples++;
            }
        }
        long right = Arrays.stream(correct).sum();
        assertThat(result.examples()).isEqualTo(examples).isEqualTo(set.examples());
        assertThat(result.labelled()).isEqualTo(examples);
        assertThat(result.documents()).isEqualTo(Arrays.stream(labelled).filter(count -> count > 0).count());
        assertThat(result.accuracy()).isCloseTo((double) right / examples, within(1e-12));
        // Always class 0 is exactly the majority baseline when 0 is the majority, and never above it.
        assertThat(result.accuracy()).isLessThanOrEqualTo(result.baseline().majority());
        assertThat(result.verdict()).isEqualTo(TaskEvaluation.Verdict.NOT_ABOVE_BASELINE);
        assertThat(result.interval().low()).isLessThanOrEqualTo(result.accuracy());
        assertThat(result.interval().high()).isGreaterThanOrEqualTo(result.accuracy());
        assertThat(result.interval().low()).isLessThanOrEqualTo(AccuracyInterval.wilson(right, examples).low());
        assertThat(result.loss()).isEqualTo(0.5);
        // Split by true class: every class-0 item right, every class-1 item wrong.
        assertThat(byLabel[0]).isPositive();
        assertThat(byLabel[1]).isPositive();
        assertThat(result.byClass().labelled()).containsExactly(byLabel[0], byLabel[1]);
        assertThat(result.byClass().correct()).containsExactly(byLabel[0], 0);
        assertThat(result.byClass().accuracy(0)).isEqualTo(1.0);
        assertThat(result.byClass().accuracy(1)).isEqualTo(0.0);
        // Every item answered class 0: the matrix of answers has all of them in its first column.
        assertThat(result.byClass().hasAnswers()).isTrue();
        assertThat(result.byClass().answered()).isDeepEqualTo(new long[][] {{byLabel[0], 0}, {byLabel[1], 0}});
    }

    @Test
    void anEngineThatDoesNotSayWhatItAnsweredKeepsTheSplitWithoutTheMatrix()
    {
        ActiveTask task = activate(new TestingTasks.SentenceOrder());
        HeldOutSplit split = HeldOutSplit.of(CORPUS, 0.3, 7);
        HeldOutSet set = HeldOutSet.draw(task, split.heldOut(), split.training(), CORPUS.vocabulary(), 40, 4, MAX_LENGTH, 7);
        ModelEngine rightItemsOnly = new EvaluatingOnly()
        {
            @Override
            public Evaluation evaluate(TaskHead head, Batch batch)
            {
                Evaluation full = new AlwaysClassZero().evaluate(head, batch);
                return new Evaluation(full.loss(), full.correct(), full.labelled(), full.rightItems());
            }
        };
        Evaluator evaluator = new Evaluator(rightItemsOnly, schedule(task), List.of(task), Map.of(task.name(), set), 0, 7);

        ClassAccuracy byClass = evaluator.evaluate(2).get(0).byClass();

        assertThat(byClass.isKnown()).isTrue();
        assertThat(byClass.hasAnswers()).isFalse();
        assertThatThrownBy(() -> byClass.answered(0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void maskedTokensAreTracedToTheirExampleAndDocument()
    {
        ActiveTask task = activate(new TestingTasks.MaskedWords());
        HeldOutSplit split = HeldOutSplit.of(CORPUS, 0.3, 7);
        HeldOutSet set = HeldOutSet.draw(task, split.heldOut(), split.training(), CORPUS.vocabulary(), 40, 4, MAX_LENGTH, 7);
        // Right exactly on the masked positions of examples from the first held-out document.
        Evaluator evaluator = new Evaluator(new KnownAnswers(set, document -> document == 0), schedule(task), List.of(task),
                Map.of(task.name(), set), 0, 7);

        TaskEvaluation result = evaluator.evaluate(2).get(0);

        long masked = 0;
        long maskedInFirst = 0;
        for (int b = 0; b < set.batches().size(); b++) {
            int[] documents = set.documentOf(b);
            BatchTargets.MaskedPositions targets = (BatchTargets.MaskedPositions) set.batches().get(b).targets();
            for (int position : targets.flatPositions()) {
                masked++;
                maskedInFirst += documents[position / set.batches().get(b).length()] == 0 ? 1 : 0;
            }
        }
        assertThat(maskedInFirst).isPositive().isLessThan(masked);
        assertThat(result.labelled()).isEqualTo(masked);
        assertThat(result.accuracy()).isCloseTo((double) maskedInFirst / masked, within(1e-12));
        // One class per word piece: no split by class is kept.
        assertThat(result.byClass()).isEqualTo(ClassAccuracy.NONE);
        // One document all right, the others all wrong: the bootstrap over documents is far wider than Wilson's.
        assertThat(result.interval().high() - result.interval().low())
                .isGreaterThan(2 * AccuracyInterval.wilson(maskedInFirst, masked).halfWidth());
    }

    @Test
    void aHeldOutSetSmallerThanAskedSaysHowSmall()
    {
        ActiveTask task = activate(new TestingTasks.SentenceOrder());
        HeldOutSplit split = HeldOutSplit.of(CORPUS, 0.3, 7);
        HeldOutSet set = HeldOutSet.draw(task, split.heldOut(), split.training(), CORPUS.vocabulary(), 100_000, 4, MAX_LENGTH, 7);
        // Every example the held-out documents yield: one per two sentences.
        int pairs = 0;
        for (int i = 0; i < split.heldOut().size(); i++) {
            pairs += split.heldOut().get(i).sentences().size() / 2;
        }
        assertThat(set.examples()).isEqualTo(pairs).isLessThan(100_000);
        assertThat(set.baseline().items()).isEqualTo(pairs);
    }

    private static TaskSchedule schedule(ActiveTask task)
    {
        return ScheduleSpec.continual().create(List.of(task.name()), 2, 7, () -> new long[] {1});
    }

    private static ActiveTask activate(PretrainingTask task)
    {
        return ActiveTask.activate(task, 0, new MapTaskSettings("tasks[0].settings", Map.of()), CORPUS.vocabulary(), MAX_LENGTH, CORPUS,
                HeldOutSplit.of(CORPUS, 0, 7).heldOut());
    }

    /** An engine that only evaluates. */
    private interface EvaluatingOnly
            extends ModelEngine
    {
        @Override
        default StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
        {
            throw new UnsupportedOperationException("evaluation only");
        }

        @Override
        default void close()
        {
        }
    }

    /** Answers sequence labels with class 0 whatever the input: right where the label is 0. */
    private static final class AlwaysClassZero
            implements EvaluatingOnly
    {
        @Override
        public Evaluation evaluate(TaskHead task, Batch batch)
        {
            int[] labels = ((BatchTargets.SequenceLabels) batch.targets()).labels();
            BitSet right = new BitSet();
            long correct = 0;
            for (int item = 0; item < labels.length; item++) {
                if (labels[item] == 0) {
                    right.set(item);
                    correct++;
                }
            }
            return new Evaluation(0.5, correct, labels.length, right, new int[labels.length]);
        }
    }

    /** Right on the masked positions of the examples from chosen held-out documents. */
    private record KnownAnswers(HeldOutSet set, IntPredicate documentIsRight)
            implements EvaluatingOnly
    {
        @Override
        public Evaluation evaluate(TaskHead task, Batch batch)
        {
            int index = set.batches().indexOf(batch);
            int[] documents = set.documentOf(index);
            int[] positions = ((BatchTargets.MaskedPositions) batch.targets()).flatPositions();
            BitSet right = new BitSet();
            long correct = 0;
            for (int item = 0; item < positions.length; item++) {
                if (documentIsRight.test(documents[positions[item] / batch.length()])) {
                    right.set(item);
                    correct++;
                }
            }
            return new Evaluation(1.0, correct, positions.length, right);
        }
    }
}
