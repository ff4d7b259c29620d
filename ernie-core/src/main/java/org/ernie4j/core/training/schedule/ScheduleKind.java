package org.ernie4j.core.training.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ernie4j.core.PublicApi;

/**
 * How a run decides which task trains at each step. Every kind trains the same number of steps, N iterations per task
 * times the number of tasks, so that kinds compare on the same budget.
 */
@PublicApi
public enum ScheduleKind
{
    /** ERNIE 2.0's continual multi-task learning: tasks join stage by stage; every stage trains all introduced tasks. */
    CONTINUAL("continual"),
    /** Traditional continual learning: one task per stage, never revisited. */
    SEQUENTIAL("sequential"),
    /** Multi-task learning from scratch: every task from the first step, N iterations each, interleaved. */
    MULTI_TASK("multi-task"),
    /** Each step's task drawn uniformly. */
    UNIFORM("uniform"),
    /** Each step's task drawn in proportion to the examples the task yields on the corpus. */
    PROPORTIONAL("proportional"),
    /** Each step's task drawn in proportion to {@code n_i^(1/T)}, {@code n_i} the examples the task yields. */
    TEMPERATURE("temperature"),
    /** Each step's task drawn in proportion to configured weights. */
    WEIGHTS("weights");

    private final String configName;

    ScheduleKind(String configName)
    {
        this.configName = configName;
    }

    /** The name used in configuration files, such as {@code multi-task}. */
    public String configName()
    {
        return configName;
    }

    /** Whether the kind needs the tasks' data sizes. */
    public boolean needsDataSizes()
    {
        return this == PROPORTIONAL || this == TEMPERATURE;
    }

    public static ScheduleKind fromConfigName(String name)
    {
        for (ScheduleKind kind : values()) {
            if (kind.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of "
                + Arrays.stream(values()).map(ScheduleKind::configName).collect(Collectors.joining(", ")));
    }
}
