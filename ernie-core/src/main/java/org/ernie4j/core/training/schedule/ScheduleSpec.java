package org.ernie4j.core.training.schedule;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * Which schedule a run uses, with the parameters of its kind.
 *
 * @param kind the kind of schedule
 * @param temperature T of the temperature sampler
 * @param weights task name to weight, for the weights sampler; tasks not named weigh 0
 * @param maskedLmEveryStep a task with a masked-token head whose loss is added to every step of the other tasks, or null
 */
@PublicApi
public record ScheduleSpec(ScheduleKind kind, double temperature, Map<String, Double> weights, String maskedLmEveryStep)
{
    public ScheduleSpec
    {
        requireNonNull(kind, "kind is null");
        weights = Map.copyOf(requireNonNull(weights, "weights is null"));
    }

    /** ERNIE 2.0's continual schedule, nothing added. */
    public static ScheduleSpec continual()
    {
        return new ScheduleSpec(ScheduleKind.CONTINUAL, 1.0, Map.of(), null);
    }

    public Optional<String> maskedLm()
    {
        return Optional.ofNullable(maskedLmEveryStep);
    }

    /**
     * The schedule of {@code tasks} (in order of introduction) with a budget of {@code iterationsPerTask} each.
     *
     * @param dataSizes examples each task yields on the corpus; asked only by the kinds that need it
     */
    public TaskSchedule create(List<String> tasks, long iterationsPerTask, long seed, Supplier<long[]> dataSizes)
    {
        int count = tasks.size();
        long length = iterationsPerTask * count;
        return switch (kind) {
            case CONTINUAL -> StagedSchedule.continual(count, iterationsPerTask, seed);
            case SEQUENTIAL -> StagedSchedule.sequential(count, iterationsPerTask, seed);
            case MULTI_TASK -> StagedSchedule.simultaneous(count, iterationsPerTask, seed);
            case UNIFORM -> SampledSchedule.of(filled(count, 1.0), length, seed);
            case PROPORTIONAL -> SampledSchedule.of(SampledSchedule.tempered(dataSizes.get(), 1.0), length, seed);
            case TEMPERATURE -> SampledSchedule.of(SampledSchedule.tempered(dataSizes.get(), temperature), length, seed);
            case WEIGHTS -> SampledSchedule.of(tasks.stream().mapToDouble(task -> weights.getOrDefault(task, 0.0)).toArray(), length, seed);
        };
    }

    private static double[] filled(int count, double value)
    {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }
}
