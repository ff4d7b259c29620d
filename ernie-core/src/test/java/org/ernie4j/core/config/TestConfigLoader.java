package org.ernie4j.core.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.ernie4j.core.text.wordpiece.WordCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestConfigLoader
{
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void emptyConfigurationIsAllDefaults()
    {
        ErnieConfig config = loader.parse("", "empty");
        assertThat(config.model().hidden()).isEqualTo(256);
        assertThat(config.model().layers()).isEqualTo(4);
        assertThat(config.training().batchSize()).isEqualTo(32);
        assertThat(config.tasks()).extracting(TaskSection::name).containsExactly("knowledge-masking");
    }

    @Test
    void valuesOverrideDefaultsAndTaskSettingsStayRaw()
    {
        ErnieConfig config = loader.parse("""
                model:
                  hidden: 64
                  heads: 2
                training:
                  learning-rate: 5.0e-4
                tasks:
                  - name: knowledge-masking
                    settings:
                      masking-rate: 0.2
                      strategy: entity
                """, "test");
        assertThat(config.model().hidden()).isEqualTo(64);
        assertThat(config.model().intermediate()).isEqualTo(1024);
        assertThat(config.training().learningRate()).isEqualTo(5e-4);
        assertThat(config.tasks().get(0).settings()).containsEntry("masking-rate", 0.2).containsEntry("strategy", "entity");
    }

    @Test
    void theBoundOnDistinctWordsReachesPreparationAndIsChecked()
    {
        assertThat(CorpusPreparation.options(loader.parse("", "empty"), false).maxDistinctWords()).isEqualTo(WordCounter.DEFAULT_MAX_DISTINCT_WORDS);
        ErnieConfig config = loader.parse("vocabulary:\n  max-distinct-words: 50000\n", "run.yaml");
        assertThat(CorpusPreparation.options(config, false).maxDistinctWords()).isEqualTo(50_000);
        assertThatThrownBy(() -> loader.parse("vocabulary:\n  max-distinct-words: 1\n", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("vocabulary.max-distinct-words: 1 is too small; use at least 2");
    }

    @Test
    void documentsPerShardReachPreparationAndAreChecked()
    {
        assertThat(CorpusPreparation.options(loader.parse("", "empty"), false).documentsPerShard()).isEqualTo(PrepareOptions.DEFAULT_DOCUMENTS_PER_SHARD);
        ErnieConfig config = loader.parse("corpus:\n  documents-per-shard: 250\n", "run.yaml");
        assertThat(CorpusPreparation.options(config, false).documentsPerShard()).isEqualTo(250);
        assertThatThrownBy(() -> loader.parse("corpus:\n  documents-per-shard: 0\n", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("corpus.documents-per-shard");
    }

    @Test
    void unknownKeyIsNamedWithPathAndLine()
    {
        assertThatThrownBy(() -> loader.parse("""
                model:
                  hidden: 64
                  hiden: 32
                """, "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("model")
                .hasMessageContaining("unknown key 'hiden'")
                .hasMessageContaining("run.yaml, line 3")
                .hasMessageContaining("hidden");
    }

    @Test
    void wrongTypeIsNamed()
    {
        assertThatThrownBy(() -> loader.parse("training:\n  batch-size: many\n", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("training.batch-size")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> loader.parse("model:\n  hidden: \"256\"\n", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("model.hidden");
    }

    @Test
    void impossibleSizesAreNamed()
    {
        assertThatThrownBy(() -> loader.parse("model:\n  hidden: 250\n  heads: 4\n", "run.yaml"))
                .hasMessage("model.heads: hidden size 250 is not divisible by 4 heads (run.yaml, line 3)");
        assertThatThrownBy(() -> loader.parse("model:\n  max-positions: 64\ntraining:\n  sequence-length: 128\n", "run.yaml"))
                .hasMessageStartingWith("training.sequence-length: 128 is longer than the position table")
                .hasMessageEndingWith("(run.yaml, line 4)");
        assertThatThrownBy(() -> loader.parse("model:\n  activation: relu\n", "run.yaml"))
                .hasMessageStartingWith("model.activation");
        assertThatThrownBy(() -> loader.parse("tasks:\n  - name: a\n  - name: a\n", "run.yaml"))
                .hasMessageStartingWith("tasks[1].name");
    }

    @Test
    void aKeyLeftAtItsDefaultIsLocatedAtItsSection()
    {
        assertThatThrownBy(() -> loader.parse("corpus:\n  threads: 1\nmodel:\n  hidden: 250\n", "run.yaml"))
                .hasMessage("model.heads: hidden size 250 is not divisible by 4 heads (run.yaml, line 3)");
        assertThatThrownBy(() -> loader.parse("tasks:\n  - name: a\n  - name: a\n", "run.yaml"))
                .hasMessage("tasks[1].name: task 'a' is listed twice (run.yaml, line 3)");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingBothLines()
    {
        assertThatThrownBy(() -> loader.parse("""
                training:
                  steps-per-task: 50
                model:
                  hidden: 64
                training:
                  batch-size: 8
                """, "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("training: given twice (run.yaml, lines 1 and 5)");
        assertThatThrownBy(() -> loader.parse("model:\n  hidden: 64\n  layers: 2\n  hidden: 32\n", "run.yaml"))
                .hasMessageStartingWith("model.hidden: given twice (run.yaml, lines 2 and 4)");
        assertThatThrownBy(() -> loader.parse("tasks:\n  - name: a\n    settings:\n      rate: 1\n      rate: 2\n", "run.yaml"))
                .hasMessageStartingWith("tasks[0].settings.rate: given twice (run.yaml, lines 4 and 5)");
        // The same key in two list items, or in two sections, is no repetition.
        assertThat(loader.parse("plugins:\n  settings: {}\ntasks:\n  - name: a\n    settings: {}\n  - name: b\n    settings: {}\n", "run.yaml")
                .tasks()).hasSize(2);
    }

    @Test
    void missingFileIsNamed(@TempDir Path directory)
    {
        assertThatThrownBy(() -> loader.load(directory.resolve("nope.yaml"))).hasMessageContaining("nope.yaml does not exist");
    }

    @Test
    void resolvedConfigurationReadsBackTheSame(@TempDir Path directory)
            throws Exception
    {
        ErnieConfig config = loader.parse("model:\n  hidden: 64\n  heads: 2\n", "test");
        Path file = directory.resolve("resolved.yaml");
        Files.writeString(file, loader.toYaml(config));
        assertThat(loader.load(file)).isEqualTo(config);
        assertThat(loader.resolved(config).path("model").path("max-positions").asInt()).isEqualTo(128);
    }

    @Test
    void fineTuningConfigurationIsStrictToo(@TempDir Path directory)
            throws Exception
    {
        Path good = Files.writeString(directory.resolve("finetune.yaml"), "model: runs/demo\ndata:\n  train: train.tsv\ntraining:\n  epochs: 3\n");
        FinetuneConfig config = loader.loadFinetune(good);
        assertThat(config.training().epochs()).isEqualTo(3);
        assertThat(config.training().metric()).isEqualTo("accuracy");
        assertThat(config.data().split()).containsExactly(0.1, 0.1);
        Path unknown = Files.writeString(directory.resolve("unknown.yaml"), "model: runs/demo\ndata:\n  train: train.tsv\n  trian: x\n");
        assertThatThrownBy(() -> loader.loadFinetune(unknown)).hasMessageStartingWith("data.trian: unknown key").hasMessageContaining("line 4");
        Path badMetric = Files.writeString(directory.resolve("metric.yaml"), "model: runs/demo\ndata:\n  train: t.tsv\ntraining:\n  metric: f2\n");
        assertThatThrownBy(() -> loader.loadFinetune(badMetric)).hasMessageStartingWith("training.metric");
        Path noModel = Files.writeString(directory.resolve("nomodel.yaml"), "data:\n  train: t.tsv\n");
        assertThatThrownBy(() -> loader.loadFinetune(noModel)).hasMessageStartingWith("model:");
    }
}
