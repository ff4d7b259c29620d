package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code ernie watch} in a JVM of its own, as a service runs it: when its schedule is done it says that it waits for task
 * jars and where, and a TERM signal then ends it in good order, with exit code 0.
 */
class TestWatchCommand
{
    @TempDir
    Path temporary;

    @Test
    void saysThatItWaitsForJarsAndStopsCleanlyOnSigterm()
            throws Exception
    {
        Path plugins = Files.createDirectories(temporary.resolve("plugins"));
        Path log = temporary.resolve("watch.log");
        Process watch = TestingErnie.start(log, "watch", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("run").toString(), "--plugins", plugins.toString());
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.readString(log).contains("waiting for new task jars")) {
                assertThat(watch.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("waited too long; the log:%n%s", Files.readString(log)).isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(Files.readString(log)).contains("the schedule is done at step 6; waiting for new task jars in " + plugins);
            watch.destroy();
            assertThat(watch.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(watch.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("finished at step 6 of 6");
        }
        finally {
            watch.destroyForcibly();
        }
    }
}
