package org.ernie4j.runner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code ernie.jar} in a JVM of its own, as users start it: alone (every library it needs inside, Spark
 * absent), and with Spark's class path in front of it, the order {@code spark-submit} uses, in local Spark mode.
 */
class PlainJarIT
{
    private static final Path JAR = Path.of("target/ernie.jar");
    private static final Path SPARK_CLASS_PATH = Path.of("target/spark-classpath.txt");

    @TempDir
    Path temporary;

    @Test
    void thePlainJarTrainsWithoutSpark()
            throws Exception
    {
        List<String> command = java();
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(pretrain(temporary.resolve("plain")));
        String output = run(command);
        assertThat(output).contains("finished at step 6 of 6");
    }

    @Test
    void theJarTrainsOnLocalSparkBehindSparksClassPath()
            throws Exception
    {
        List<String> command = java();
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.args", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", Files.readString(SPARK_CLASS_PATH).trim() + File.pathSeparator + JAR, "org.ernie4j.runner.Ernie"));
        command.addAll(pretrain(temporary.resolve("spark")));
        command.addAll(List.of("--spark", "local[2]"));
        String output = run(command);
        assertThat(output).contains("Spark master local[2], 2 shard(s) per batch").contains("finished at step 6 of 6");
    }

    private static List<String> java()
    {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector",
                "-Xmx1g", "-XX:MaxDirectMemorySize=1g", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G"));
    }

    private static List<String> pretrain(Path run)
    {
        return List.of("pretrain", "--config", "src/test/resources/tiny.yaml", "--corpus", "src/test/resources/tiny-corpus", "--run-dir", run.toString());
    }

    private String run(List<String> command)
            throws IOException, InterruptedException
    {
        Path log = Files.createTempFile(temporary, "ernie", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("finished within 5 minutes:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
