package org.ernie4j.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.training.schedule.ScheduleKind;
import org.ernie4j.core.training.schedule.ScheduleSpec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code schedule:} which task trains at each step.
 *
 * @param kind {@code continual} (ERNIE 2.0), {@code sequential}, {@code multi-task}, {@code uniform}, {@code proportional},
 *         {@code temperature} or {@code weights}
 * @param temperature T of the temperature sampler, {@code p_i ~ n_i^(1/T)}
 * @param weights task name to weight, for the weights sampler
 * @param maskedLmEveryStep a task with a masked-token head whose loss is added to every step of the other tasks
 */
@PublicApi
public record ScheduleSection(String kind, double temperature, Map<String, Double> weights, String maskedLmEveryStep)
{
    @JsonCreator
    public ScheduleSection(
            @JsonProperty("kind") String kind,
            @JsonProperty("temperature") Double temperature,
            @JsonProperty("weights") Map<String, Double> weights,
            @JsonProperty("masked-lm-every-step") String maskedLmEveryStep)
    {
        this(Defaults.or(kind, ScheduleKind.CONTINUAL.configName()), Defaults.or(temperature, 2.0),
                weights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weights)), maskedLmEveryStep);
    }

    public static ScheduleSection defaults()
    {
        return new ScheduleSection(null, (Double) null, null, null);
    }

    /** This section with another kind of schedule. */
    public ScheduleSection withKind(ScheduleKind replacement)
    {
        return new ScheduleSection(replacement.configName(), temperature, weights, maskedLmEveryStep);
    }

    public ScheduleKind scheduleKind()
    {
        try {
            return ScheduleKind.fromConfigName(kind);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("schedule.kind", e.getMessage());
        }
    }

    public ScheduleSpec spec()
    {
        return new ScheduleSpec(scheduleKind(), temperature, weights, maskedLmEveryStep);
    }
}
