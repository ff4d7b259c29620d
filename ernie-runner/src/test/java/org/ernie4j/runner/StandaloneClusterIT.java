package org.ernie4j.runner;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The packaged jar on a real Spark cluster: a standalone master and worker started from the Spark jars the build
 * resolved, the driver started the way {@code spark-submit} starts it in client mode (its {@code SparkSubmit} class,
 * {@code --spark submit}), and executors in JVMs of their own that the worker launches. A run that averages parameters
 * every 16 steps over two executors is repeated while one executor is killed ({@code kill -9}) in the middle of a round:
 * Spark runs the lost part again on the other executor and the run's losses are those of the run left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT
{
    private static final Path JAR = Path.of("target/ernie.jar");
    private static final Path SPARK_CLASS_PATH = Path.of("target/spark-classpath.txt");
    private static final String EXECUTOR = "CoarseGrainedExecutorBackend";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temporary;

    private Path sparkHome;
    private Process master;
    private Process worker;
    private String masterUrl;

    @BeforeAll
    void startMasterAndWorker()
            throws Exception
    {
        sparkHome = sparkHome(temporary.resolve("spark-home"));
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = start(sparkDaemon("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port",
                String.valueOf(freePort())), temporary.resolve("master.log"));
        waitFor(temporary.resolve("master.log"), text -> text.contains("I have been elected leader"), master);
        worker = start(sparkDaemon("org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1", "--cores", "2", "--memory", "4g",
                "--work-dir", temporary.resolve("work").toString(), "--webui-port", String.valueOf(freePort())), temporary.resolve("worker.log"));
        waitFor(temporary.resolve("worker.log"), text -> text.contains("Successfully registered with master"), worker);
    }

    @AfterAll
    void stopMasterAndWorker()
    {
        for (Process process : new Process[] {worker, master}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    @Test
    void anExecutorKilledInTheMiddleOfARoundChangesNothing()
            throws Exception
    {
        Path straight = temporary.resolve("straight");
        Process alone = start(submit(straight), temporary.resolve("straight.log"));
        assertFinished(alone, temporary.resolve("straight.log"));

        Path killed = temporary.resolve("killed");
        Path log = temporary.resolve("killed.log");
        Process driver = start(submit(killed), log);
        // Both parts of the first round have started (each executor builds its engine first, seconds of work): kill one
        // executor's JVM while it computes.
        waitFor(log, text -> text.contains("Starting task 1.0 in stage 0.0"), driver);
        ProcessHandle executor = worker.descendants().filter(process -> process.info().commandLine().orElse("").contains(EXECUTOR)).findFirst()
                .orElseThrow(() -> new AssertionError("no executor JVM under the worker"));
        executor.destroyForcibly();
        String output = assertFinished(driver, log);

        // Spark words the loss of a running task either way, depending on which it notices first.
        assertThat(output).contains("Lost executor")
                .containsPattern("Lost task [01]\\.0 in stage 0\\.0|task [01]\\.0 in stage 0\\.0 \\(TID \\d+\\) failed because while it was being computed");
        List<Double> expected = losses(straight);
        List<Double> actual = losses(killed);
        assertThat(actual).hasSize(80).hasSameSizeAs(expected);
        for (int step = 0; step < expected.size(); step++) {
            assertThat(actual.get(step)).as("loss at step %d", step).isCloseTo(expected.get(step), within(1e-6 * Math.abs(expected.get(step))));
        }
    }

    /** The driver as {@code spark-submit --deploy-mode client} starts it: {@code SparkSubmit} in a JVM with the driver's options. */
    private List<String> submit(Path run)
    {
        List<String> command = java("-Xmx1g", "-XX:MaxDirectMemorySize=1g", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G");
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*", "org.apache.spark.deploy.SparkSubmit", "--class",
                "org.ernie4j.runner.Ernie", "--master", masterUrl, "--deploy-mode", "client", "--executor-memory", "1g", "--executor-cores", "1",
                "--conf", "spark.task.cpus=1", "--conf", "spark.task.maxFailures=4", "--conf", "spark.executorEnv.OMP_NUM_THREADS=1", "--conf",
                "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector -XX:MaxDirectMemorySize=1g -Dorg.bytedeco.javacpp.maxbytes=1G"
                        + " -Dorg.bytedeco.javacpp.maxphysicalbytes=3G " + sparkJvmArgs(),
                JAR.toAbsolutePath().toString(), "pretrain", "--spark", "submit", "--spark-partitions", "2", "--spark-average-every", "16", "--config",
                "src/test/resources/tiny-spark-long.yaml", "--corpus", "src/test/resources/tiny-corpus", "--run-dir", run.toString()));
        return command;
    }

    private List<String> sparkDaemon(String mainClass, String... arguments)
    {
        List<String> command = java("-Xmx512m");
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(Arrays.asList(arguments));
        return command;
    }

    private static List<String> java(String... options)
    {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules",
                "jdk.incubator.vector"));
        command.addAll(Arrays.asList(options));
        command.addAll(Arrays.asList(sparkJvmArgs().split("\\s+")));
        return command;
    }

    private static String sparkJvmArgs()
    {
        return System.getProperty("spark.jvm.args", "").trim();
    }

    /**
     * A Spark installation's layout made of the jars the build resolved: a {@code RELEASE} file and {@code jars/}, which
     * is where a standalone worker takes the class path of the executors it launches. ND4J stays out: the
     * application jar brings it.
     */
    private static Path sparkHome(Path home)
            throws IOException
    {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark jars resolved by the ernie4j build, for StandaloneClusterIT\n");
        for (String entry : Files.readString(SPARK_CLASS_PATH).trim().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.contains("/org/nd4j/") && !entry.contains("/org/bytedeco/") && !entry.contains("/org/ernie4j/")
                    && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        return home;
    }

    private Process start(List<String> command, Path log)
            throws IOException
    {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPARK_HOME", sparkHome.toString());
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private static void waitFor(Path log, Predicate<String> ready, Process process)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (ready.test(text)) {
                return;
            }
            assertThat(process.isAlive()).as("process still running:%n%s", text).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting in " + log + ":\n" + Files.readString(log));
    }

    private static String assertFinished(Process process, Path log)
            throws IOException, InterruptedException
    {
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("finished within 5 minutes:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("finished at step 80 of 80");
        return output;
    }

    private static List<Double> losses(Path run)
            throws IOException
    {
        List<Double> losses = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            losses.add(JSON.readTree(line).get("loss").asDouble());
        }
        return losses;
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
