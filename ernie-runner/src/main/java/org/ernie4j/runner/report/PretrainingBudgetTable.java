package org.ernie4j.runner.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ernie4j.core.training.StepRecord;

/**
 * The pre-training arms' budgets side by side, as an experiment's report states them: steps, batches, input positions,
 * real tokens, the steps' wall time, and how the steps were shared among the tasks.
 */
public final class PretrainingBudgetTable
{
    private PretrainingBudgetTable()
    {
    }

    public static String markdown(List<PretrainingBudget> budgets)
    {
        StringBuilder text = new StringBuilder();
        text.append("| arm | steps | batches | input positions | real tokens | of which added masked-LM batches | step time | of which data waits ")
                .append("| median step | steps per task |\n");
        text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (PretrainingBudget budget : budgets) {
            text.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %s | %s | %s | %.3f s | %s |%n", budget.arm(), budget.steps(),
                    budget.batches(), budget.positions(), realTokens(budget), addedBatches(budget), duration(budget.stepSeconds()),
                    duration(budget.dataSeconds()), budget.medianStepSeconds(), perTask(budget)));
        }
        text.append("\ninput positions = batches x batch size x sequence length; real tokens are the non-padding ones; step time sums the ")
                .append("steps' wall time (held-out evaluations, checkpoints and start-up not included), so a step during which the process ")
                .append("was stopped counts whole; the median step is not moved by a few such steps.\n");
        return text.toString();
    }

    private static String realTokens(PretrainingBudget budget)
    {
        return budget.maskedLmTokens() == StepRecord.NOT_RECORDED ? String.format(Locale.ROOT, "%,d + not recorded", budget.tokens())
                : String.format(Locale.ROOT, "%,d", budget.tokens() + budget.maskedLmTokens());
    }

    private static String addedBatches(PretrainingBudget budget)
    {
        if (budget.maskedLmBatches() == 0) {
            return "-";
        }
        return budget.maskedLmTokens() == StepRecord.NOT_RECORDED
                ? String.format(Locale.ROOT, "%,d batches, tokens not recorded", budget.maskedLmBatches())
                : String.format(Locale.ROOT, "%,d batches, %,d tokens", budget.maskedLmBatches(), budget.maskedLmTokens());
    }

    private static String perTask(PretrainingBudget budget)
    {
        return budget.stepsPerTask().entrySet().stream().map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String duration(double seconds)
    {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
    }
}
