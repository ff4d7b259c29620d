package org.ernie4j.core.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * How a pre-training run ended.
 *
 * @param startedAt the step the run started or resumed at
 * @param completedSteps steps completed in all
 * @param totalSteps steps in the schedule
 * @param lastCheckpoint the newest checkpoint, if any
 * @param skips per task, the inputs its label generator skipped, by reason
 */
@PublicApi
public record RunOutcome(long startedAt, long completedSteps, long totalSteps, Optional<Path> lastCheckpoint,
        Map<String, Map<String, Long>> skips)
{
    public RunOutcome
    {
        requireNonNull(lastCheckpoint, "lastCheckpoint is null");
        skips = Map.copyOf(requireNonNull(skips, "skips is null"));
    }

    public boolean finished()
    {
        return completedSteps >= totalSteps;
    }
}
