package org.ernie4j.core.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;
import org.ernie4j.core.training.evaluate.ClassAccuracy;
import org.ernie4j.core.training.evaluate.TaskEvaluation;

import static org.ernie4j.core.run.JsonLinesFile.number;

/**
 * A run's {@code evaluations.jsonl}: one JSON line per task and evaluation on held-out examples, the source of the
 * forgetting matrix.
 */
public final class EvaluationLog
        implements TrainingListener, AutoCloseable
{
    private final JsonLinesFile file;

    private EvaluationLog(JsonLinesFile file)
    {
        this.file = file;
    }

    /** Opens the log, keeping only evaluations made at or before {@code completedSteps}. */
    public static EvaluationLog open(Path file, long completedSteps)
    {
        return new EvaluationLog(JsonLinesFile.open(file, completedSteps));
    }

    @Override
    public void onStep(StepRecord record)
    {
    }

    @Override
    public void onEvaluation(List<TaskEvaluation> results)
    {
        for (TaskEvaluation result : results) {
            file.append(String.format(Locale.ROOT, "{\"step\":%d,\"stage\":%d,\"task\":\"%s\",\"loss\":%s,\"accuracy\":%s,\"labelled\":%d,"
                            + "\"examples\":%d,\"documents\":%d,\"accuracy_low\":%s,\"accuracy_high\":%s,\"majority_baseline\":%s,\"layout_baseline\":%s%s}",
                    result.step(), result.stage(), result.task(), number(result.loss()), number(result.accuracy()), result.labelled(),
                    result.examples(), result.documents(), number(result.interval().low()), number(result.interval().high()),
                    number(result.baseline().majority()), number(result.baseline().layout()), byClass(result.byClass())));
        }
        file.flush();
    }

    /** The split by class as two arrays of counts, or nothing where none was kept. */
    private static String byClass(ClassAccuracy byClass)
    {
        if (!byClass.isKnown()) {
            return "";
        }
        String split = ",\"class_labelled\":" + array(byClass.labelled()) + ",\"class_correct\":" + array(byClass.correct());
        if (byClass.hasAnswers()) {
            split += ",\"class_answered\":" + Arrays.stream(byClass.answered()).map(EvaluationLog::array).collect(Collectors.joining(",", "[", "]"));
        }
        return split;
    }

    private static String array(long[] values)
    {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public void close()
    {
        file.close();
    }
}
