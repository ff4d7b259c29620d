package org.ernie4j.core.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.ernie4j.core.PublicApi;

/**
 * The whole configuration of a run, as read from YAML. Every key has a default; see the README's configuration
 * reference. Values are immutable; {@link ConfigLoader} reads and validates them.
 */
@PublicApi
public record ErnieConfig(CorpusSection corpus, VocabularySection vocabulary, ModelSection model, TrainingSection training,
        ScheduleSection schedule, EvaluationSection evaluation, PluginsSection plugins, List<TaskSection> tasks)
{
    /** The task list when none is configured: ERNIE 2.0's first task. */
    public static final List<TaskSection> DEFAULT_TASKS = List.of(new TaskSection("knowledge-masking", null));

    @JsonCreator
    public ErnieConfig(
            @JsonProperty("corpus") CorpusSection corpus,
            @JsonProperty("vocabulary") VocabularySection vocabulary,
            @JsonProperty("model") ModelSection model,
            @JsonProperty("training") TrainingSection training,
            @JsonProperty("schedule") ScheduleSection schedule,
            @JsonProperty("evaluation") EvaluationSection evaluation,
            @JsonProperty("plugins") PluginsSection plugins,
            @JsonProperty("tasks") List<TaskSection> tasks)
    {
        this.corpus = Defaults.or(corpus, CorpusSection.defaults());
        this.vocabulary = Defaults.or(vocabulary, VocabularySection.defaults());
        this.model = Defaults.or(model, ModelSection.defaults());
        this.training = Defaults.or(training, TrainingSection.defaults());
        this.schedule = Defaults.or(schedule, ScheduleSection.defaults());
        this.evaluation = Defaults.or(evaluation, EvaluationSection.defaults());
        this.plugins = Defaults.or(plugins, PluginsSection.defaults());
        this.tasks = tasks == null ? DEFAULT_TASKS : List.copyOf(tasks);
    }

    /** This configuration with another schedule section. */
    public ErnieConfig withSchedule(ScheduleSection replacement)
    {
        return new ErnieConfig(corpus, vocabulary, model, training, replacement, evaluation, plugins, tasks);
    }

    /** This configuration with another plugins section. */
    public ErnieConfig withPlugins(PluginsSection replacement)
    {
        return new ErnieConfig(corpus, vocabulary, model, training, schedule, evaluation, replacement, tasks);
    }

    /** This configuration with another training section. */
    public ErnieConfig withTraining(TrainingSection replacement)
    {
        return new ErnieConfig(corpus, vocabulary, model, replacement, schedule, evaluation, plugins, tasks);
    }

    /** This configuration with another evaluation section. */
    public ErnieConfig withEvaluation(EvaluationSection replacement)
    {
        return new ErnieConfig(corpus, vocabulary, model, training, schedule, replacement, plugins, tasks);
    }

    /** This configuration with other tasks. */
    public ErnieConfig withTasks(List<TaskSection> replacement)
    {
        return new ErnieConfig(corpus, vocabulary, model, training, schedule, evaluation, plugins, replacement);
    }

    public static ErnieConfig defaults()
    {
        return new ErnieConfig(null, null, null, null, null, null, null, null);
    }
}
