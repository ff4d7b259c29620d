package org.ernie4j.runner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestChecksBeforePreparing.tiny;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code tasks} and {@code schedule} see the tasks of a plugins folder, given by {@code --plugins} or
 * {@code plugins.directory}, as {@code pretrain} does: a plugin task named in the configuration is no longer reported
 * missing, and one that joins at the start shows in the stage table.
 */
class TestCommandsSeePluginTasks
{
    @TempDir
    Path temporary;

    private Path plugins;

    @BeforeEach
    void dropThePlugin()
            throws IOException
    {
        plugins = Files.createDirectories(temporary.resolve("plugins"));
        Path jar = TestPluginsJoinARunningTraining.readmeExamplePlugin(temporary.resolve("build"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
    }

    @Test
    void tasksListsAPluginTaskNamedInTheConfigurationWithItsIdAndJar()
            throws IOException, URISyntaxException
    {
        Path config = Files.writeString(temporary.resolve("named.yaml"), tiny() + "  - name: upper-case-words\n");

        TestingErnie.Result withOption = ernie("tasks", "--config", config.toString(), "--plugins", plugins.toString());
        assertThat(withOption.code()).as(withOption.err()).isZero();
        assertThat(withOption.out()).containsPattern("upper-case-words\\s+other\\s+1\\s.*\\(plugin upper-case-words\\.jar\\)")
                .containsPattern("knowledge-masking\\s+word-aware\\s+0\\s")
                .doesNotContain("warning");

        Path configured = Files.writeString(temporary.resolve("configured.yaml"), tiny().replace("tasks:", "plugins:\n  directory: " + plugins
                + "\ntasks:") + "  - name: upper-case-words\n");
        TestingErnie.Result fromConfiguration = ernie("tasks", "--config", configured.toString());
        assertThat(fromConfiguration.code()).as(fromConfiguration.err()).isZero();
        assertThat(fromConfiguration.out()).isEqualTo(withOption.out());

        TestingErnie.Result without = ernie("tasks", "--config", config.toString());
        assertThat(without.out()).contains("warning: the configuration names task 'upper-case-words', which is neither on the class path nor in"
                + " the plugins folder");
    }

    @Test
    void tasksGivesAFolderTaskTheIdItGetsWhenItJoins()
            throws URISyntaxException
    {
        TestingErnie.Result result = ernie("tasks", "--config", resource("tiny.yaml"), "--plugins", plugins.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("upper-case-words\\s+other\\s+1\\s");
    }

    @Test
    void scheduleShowsTheStageOfAFolderTaskThatJoinsAtTheStart()
            throws URISyntaxException
    {
        TestingErnie.Result without = ernie("schedule", "--config", resource("tiny.yaml"));
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(without.out()).contains("1 task(s)").doesNotContain("upper-case-words");

        TestingErnie.Result with = ernie("schedule", "--config", resource("tiny.yaml"), "--plugins", plugins.toString());
        assertThat(with.code()).as(with.err()).isZero();
        assertThat(with.out()).contains("2 task(s)").contains("from the plugins folder, joining at step 0: upper-case-words")
                .containsPattern("upper-case-words\\s+\\d+");
    }

    @Test
    void aPluginsFolderThatIsNotAFolderIsAConfigurationError()
            throws URISyntaxException
    {
        TestingErnie.Result result = ernie("schedule", "--config", resource("tiny.yaml"), "--plugins", temporary.resolve("nowhere").toString());
        assertThat(result.code()).as(result.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("configuration error: plugins.directory: " + temporary.resolve("nowhere") + " is not a folder");
    }
}
