package org.ernie4j.core.training.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TestPluginFolder
{
    @TempDir
    Path folder;

    @Test
    void takesAJarOnlyOnceItStopsChanging()
            throws IOException
    {
        PluginFolder plugins = new PluginFolder(folder);
        Path jar = Files.write(folder.resolve("task.jar"), new byte[100]);
        assertThat(plugins.scan().ready()).as("first sight: maybe still being written").isEmpty();
        Files.write(jar, new byte[50], StandardOpenOption.APPEND);
        assertThat(plugins.scan().ready()).as("it grew").isEmpty();
        assertThat(plugins.scan().ready()).as("unchanged over two scans").containsExactly(jar);
        assertThat(plugins.scan().ready()).as("taken once").isEmpty();
    }

    @Test
    void ignoresDotFilesAndOtherFilesAndSeesARenameIntoPlace()
            throws IOException
    {
        PluginFolder plugins = new PluginFolder(folder);
        Path partial = Files.write(folder.resolve(".task.jar.part"), new byte[10]);
        Files.writeString(folder.resolve("README.txt"), "not a plugin");
        Files.write(folder.resolve(".hidden.jar"), new byte[10]);
        plugins.scan();
        assertThat(plugins.scan().ready()).isEmpty();
        Path jar = Files.move(partial, folder.resolve("task.jar"), StandardCopyOption.ATOMIC_MOVE);
        plugins.scan();
        assertThat(plugins.scan().ready()).containsExactly(jar);
    }

    @Test
    void reportsARemovedJarOnceAndTakesItAgainWhenItComesBackChanged()
            throws IOException
    {
        PluginFolder plugins = new PluginFolder(folder);
        Path jar = Files.write(folder.resolve("task.jar"), new byte[10]);
        assertThat(plugins.takeAll()).containsExactly(jar);
        Files.delete(jar);
        assertThat(plugins.scan().removed()).containsExactly(jar);
        assertThat(plugins.scan().removed()).isEmpty();
        Files.write(jar, new byte[20]);
        plugins.scan();
        assertThat(plugins.scan().ready()).containsExactly(jar);
    }

    @Test
    void aMissingFolderIsEmpty()
    {
        assertThat(new PluginFolder(folder.resolve("nope")).scan().ready()).isEmpty();
    }
}
