package org.ernie4j.core.training.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.SpiVersion;
import org.ernie4j.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real plugin jars, compiled and packed by the test, opened in their own class loaders, and the ways a jar is refused.
 */
class TestPluginJar
{
    private static final ClassLoader HOST = PretrainingTask.class.getClassLoader();

    @TempDir
    Path temporary;

    @Test
    void opensAPluginInItsOwnClassLoaderSharingOnlyTheSpi()
    {
        Path jar = new PluginJarBuilder()
                .source("example.plugin.LongSentences", TestingPluginSources.longSentenceTask("example.plugin", "LongSentences", "long-sentences"))
                .source("com.fasterxml.jackson.databind.ObjectMapper", "package com.fasterxml.jackson.databind; public class ObjectMapper { public static String origin() { return \"plugin\"; } }")
                .service("example.plugin.LongSentences")
                .manifestAttribute(SpiVersion.MANIFEST_ATTRIBUTE, Integer.toString(SpiVersion.CURRENT))
                .build(temporary.resolve("work"), temporary.resolve("long-sentences.jar"));
        try (PluginJar plugin = PluginJar.open(jar, HOST)) {
            assertThat(plugin.tasks()).hasSize(1);
            PretrainingTask task = plugin.tasks().get(0);
            assertThat(task.info().name()).isEqualTo("long-sentences");
            assertThat(task.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
            // The SPI is the host's, so the host can use the task; the plugin's own copy of a library is its own.
            assertThat(PretrainingTask.class.isInstance(task)).isTrue();
            Class<?> pluginMapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, task.getClass().getClassLoader());
            assertThat(pluginMapper).isNotSameAs(com.fasterxml.jackson.databind.ObjectMapper.class);
            assertThat(pluginMapper.getMethod("origin").invoke(null)).isEqualTo("plugin");
        }
        catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesAFileThatIsNotAJar()
            throws IOException
    {
        Path notAJar = Files.writeString(temporary.resolve("notes.jar"), "these are not the classes you are looking for");
        assertThatThrownBy(() -> PluginJar.open(notAJar, HOST))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("notes.jar")
                .hasMessageContaining("not a jar, or it is truncated");
    }

    @Test
    void refusesATruncatedJar()
            throws IOException
    {
        Path jar = validJar("whole.jar");
        byte[] bytes = Files.readAllBytes(jar);
        Path truncated = Files.write(temporary.resolve("truncated.jar"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThatThrownBy(() -> PluginJar.open(truncated, HOST))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("truncated.jar");
    }

    @Test
    void refusesAJarWithoutATask()
    {
        Path jar = new PluginJarBuilder()
                .source("example.plugin.Helper", "package example.plugin; public class Helper {}")
                .build(temporary.resolve("work"), temporary.resolve("helper.jar"));
        assertThatThrownBy(() -> PluginJar.open(jar, HOST))
                .hasMessageContaining("helper.jar")
                .hasMessageContaining("has no META-INF/services/org.ernie4j.spi.PretrainingTask");
    }

    @Test
    void refusesAJarBuiltForAnotherSpiVersion()
    {
        Path jar = new PluginJarBuilder()
                .source("example.plugin.LongSentences", TestingPluginSources.longSentenceTask("example.plugin", "LongSentences", "long-sentences"))
                .service("example.plugin.LongSentences")
                .manifestAttribute(SpiVersion.MANIFEST_ATTRIBUTE, "2")
                .build(temporary.resolve("work"), temporary.resolve("future.jar"));
        assertThatThrownBy(() -> PluginJar.open(jar, HOST))
                .hasMessageContaining("future.jar")
                .hasMessageContaining("built for ernie-spi 2")
                .hasMessageContaining("SPI version " + SpiVersion.CURRENT);
    }

    @Test
    void refusesATaskThatDoesNotLinkAgainstThisSpi()
            throws IOException
    {
        // Compile against an SPI that has a method this one lacks, as a plugin built for a newer SPI would be.
        Path newerSpi = new PluginJarBuilder()
                .source("org.ernie4j.spi.Newer", "package org.ernie4j.spi; public final class Newer { public static String name() { return \"newer\"; } }")
                .build(temporary.resolve("newer-spi-work"), temporary.resolve("newer-spi.jar"));
        String source = TestingPluginSources.longSentenceTask("example.plugin", "Linked", "linked")
                .replace("new TaskInfo(\"linked\"", "new TaskInfo(org.ernie4j.spi.Newer.name()");
        Path jar = new PluginJarBuilder()
                .classPath(System.getProperty("java.class.path") + java.io.File.pathSeparator + newerSpi)
                .source("example.plugin.Linked", source)
                .service("example.plugin.Linked")
                .build(temporary.resolve("work"), temporary.resolve("linked.jar"));
        assertThatThrownBy(() -> PluginJar.open(jar, HOST))
                .hasMessageContaining("linked.jar")
                .hasMessageContaining("task class example.plugin.Linked was built against an incompatible ernie-spi")
                .hasMessageContaining("org/ernie4j/spi/Newer");
    }

    @Test
    void refusesATaskWhoseClassCannotBeCreated()
    {
        Path jar = new PluginJarBuilder()
                .source("example.plugin.Broken", """
                        package example.plugin;

                        public final class Broken implements org.ernie4j.spi.PretrainingTask
                        {
                            public Broken()
                            {
                                throw new IllegalStateException("no model file");
                            }

                            public org.ernie4j.spi.TaskInfo info() { return null; }

                            public org.ernie4j.spi.head.HeadSpec head(org.ernie4j.spi.TaskContext context) { return null; }

                            public org.ernie4j.spi.LabelGenerator labels(org.ernie4j.spi.TaskContext context) { return null; }
                        }
                        """)
                .service("example.plugin.Broken")
                .build(temporary.resolve("work"), temporary.resolve("broken.jar"));
        assertThatThrownBy(() -> PluginJar.open(jar, HOST))
                .hasMessageContaining("broken.jar")
                .hasMessageContaining("example.plugin.Broken cannot be created");
    }

    @Test
    void aTaskNameThatIsTakenIsRefusedNamingBoth()
    {
        Path jar = new PluginJarBuilder()
                .source("example.plugin.Impostor", TestingPluginSources.longSentenceTask("example.plugin", "Impostor", "testing-masked-words"))
                .service("example.plugin.Impostor")
                .build(temporary.resolve("work"), temporary.resolve("impostor.jar"));
        TaskCatalog classPath = TaskCatalog.of(List.of(new TestingTasks.MaskedWords()));
        try (PluginJar plugin = PluginJar.open(jar, HOST)) {
            assertThatThrownBy(() -> classPath.with(plugin.tasks(), "impostor.jar"))
                    .hasMessageContaining("task 'testing-masked-words' of example.plugin.Impostor in impostor.jar")
                    .hasMessageContaining("already loaded from class path")
                    .hasMessageContaining(TestingTasks.MaskedWords.class.getName());
        }
    }

    private Path validJar(String name)
    {
        return new PluginJarBuilder()
                .source("example.plugin.LongSentences", TestingPluginSources.longSentenceTask("example.plugin", "LongSentences", "long-sentences"))
                .service("example.plugin.LongSentences")
                .build(temporary.resolve("work-" + name), temporary.resolve(name));
    }
}
