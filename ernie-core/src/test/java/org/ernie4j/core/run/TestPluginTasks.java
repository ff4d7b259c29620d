package org.ernie4j.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.config.PluginsSection;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.TaskChange;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plugins folder turned into task changes: jars present at start join first; a jar removed retires its tasks; a
 * jar whose task name is taken is refused and reported.
 */
class TestPluginTasks
{
    @TempDir
    Path temporary;

    @Test
    void jarsAtStartJoinRemovedJarsRetireTakenNamesAreRefused()
            throws Exception
    {
        Path folder = Files.createDirectories(temporary.resolve("plugins"));
        Path jar = jar("long-sentences", "LongSentences", folder.resolve("long-sentences.jar"));
        List<String> refusals = new ArrayList<>();
        PluginsSection settings = new PluginsSection(folder.toString(), 50L, Map.of("long-sentences", Map.of()));
        TaskCatalog classPath = TaskCatalog.of(List.of(new TestingTasks.MaskedWords()));
        try (PluginTasks plugins = new PluginTasks(folder, settings, classPath, PretrainingTask.class.getClassLoader(), refusals::add)) {
            assertThat(plugins.catalog().tasks()).containsOnlyKeys("testing-masked-words", "long-sentences");
            assertThat(plugins.catalog().origin("long-sentences")).isEqualTo("long-sentences.jar");
            plugins.joinTasksFoundAtStart(List.of("testing-masked-words"));
            assertThat(plugins.pending()).isTrue();
            assertThat(plugins.take()).singleElement().isInstanceOfSatisfying(TaskChange.Join.class, join -> {
                assertThat(join.task().name()).isEqualTo("long-sentences");
                assertThat(join.origin()).isEqualTo("long-sentences.jar");
                assertThat(join.task().settings().path()).isEqualTo("plugins.settings.long-sentences");
            });

            jar("testing-masked-words", "Impostor", folder.resolve("impostor.jar"));
            Files.delete(jar);
            List<TaskChange> changes = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (changes.isEmpty() || refusals.isEmpty()) {
                changes.addAll(plugins.await(Duration.ofMillis(200)));
                assertThat(System.nanoTime()).isLessThan(deadline);
            }
            assertThat(changes).singleElement().isInstanceOfSatisfying(TaskChange.Retire.class, retire -> {
                assertThat(retire.task()).isEqualTo("long-sentences");
                assertThat(retire.reason()).contains("long-sentences.jar was removed");
            });
            assertThat(refusals).singleElement().asString()
                    .contains("impostor.jar").contains("testing-masked-words").contains("already loaded from class path");
        }
    }

    private Path jar(String taskName, String className, Path target)
    {
        String source = org.ernie4j.core.training.plugin.TestingPluginSources.longSentenceTask("example.plugin", className, taskName);
        return new PluginJarBuilder()
                .source("example.plugin." + className, source)
                .service("example.plugin." + className)
                .build(temporary.resolve("work-" + className), target);
    }
}
