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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Spark runs the lost part again on the other executor and the run's losses are those of the run left alone. A
 * {@code prepare --spark} loses an executor in the middle of annotating and still writes what a local {@code prepare}
 * writes, byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT
{
    private static final Path JAR = Path.of("target/ernie.jar");
    private static final Path SPARK_CLASS_PATH = Path.of("target/spark-classpath.txt");
    private static final String EXECUTOR = "CoarseGrainedExecutorBackend";
    private static final Pattern EXECUTOR_PROCESS = Pattern.compile("Started daemon with process name: (\\d+)@");
    private static final Pattern APPLICATION = Pattern.compile("Connected to Spark cluster with app ID (\\S+)");
    private static final Path SAMPLE = Path.of("src/main/resources/org/ernie4j/runner/demo-corpus");
    /**
     * The eight shortest of the runner's sample addresses (135 kB), two to a partition: enough text that annotating a
     * partition takes seconds after the executor has loaded the English models, so the kill lands while it works.
     */
    private static final List<String> ADDRESSES = List.of("1790_george_washington_n.txt", "1799_john_adams_f.txt", "1808_thomas_jefferson_dr.txt",
            "1916_woodrow_wilson_d.txt", "1935_franklin_d_roosevelt_d.txt", "1944_franklin_d_roosevelt_d.txt", "1969_lyndon_b_johnson_d.txt",
            "1987_ronald_reagan_r.txt");
    private static final String PREPARE_CONFIG = "src/test/resources/tiny-spark-prepare.yaml";
    /**
     * The annotation job's stage: counting the words is stages 0 (counts per partition) and 1 (their sums), reading the
     * sums back is stage 3 (stage 2, the counts again, is skipped: they are cached), annotating is stage 4.
     */
    private static final String ANNOTATION_STAGE = "stage 4.0";
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
        Process alone = start(submit(pretrain(straight)), temporary.resolve("straight.log"));
        assertFinished(alone, temporary.resolve("straight.log"));

        Path killed = temporary.resolve("killed");
        Path log = temporary.resolve("killed.log");
        Process driver = start(submit(pretrain(killed)), log);
        // Both parts of the first round have started (each executor builds its engine first, seconds of work): kill the
        // JVM of the executor computing the second while it computes.
        killExecutorRunning("task 1.0 in stage 0.0", log, driver);
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

    @Test
    void anExecutorKilledWhileAnnotatingChangesNoPreparedByte()
            throws Exception
    {
        Path input = addresses(temporary.resolve("addresses"));
        Path local = temporary.resolve("prepared-locally");
        TestingErnie.Result plain = TestingErnie.ernie("prepare", "--config", PREPARE_CONFIG, "--corpus", input.toString(), "--prepared",
                local.toString(), "--run-dir", temporary.resolve("local-run").toString());
        assertThat(plain.code()).as(plain.err()).isZero();

        Path parent = Files.createDirectories(temporary.resolve("prepared-on-spark"));
        Path log = temporary.resolve("prepared-on-spark.log");
        Process driver = start(submit(prepare(input, parent.resolve("prepared"))), log);
        // Both executors are annotating (the first partition of each loads the English models first): kill the one that
        // annotates the second partition. Its task runs again, on the other executor or the one the worker launches.
        killExecutorRunning("task 1.0 in " + ANNOTATION_STAGE, log, driver);
        String output = finish(driver, log);

        assertThat(driver.exitValue()).as(output).isZero();
        // A second attempt of the partition shows the kill landed while it was annotated, not after its result came back.
        assertThat(output).contains("Lost executor").contains("Starting task 1.1 in " + ANNOTATION_STAGE)
                .contains("prepared " + parent.resolve("prepared"));
        assertThat(TestingErnie.fileNames(parent)).as("no .prepared.tmp-* left beside the target").containsExactly("prepared");
        assertThat(TestingErnie.assertSameFiles(parent.resolve("prepared"), local)).contains("manifest.json", "vocab.txt", "shard-00000.bin",
                "shard-00002.bin");
    }

    private List<String> pretrain(Path run)
    {
        return List.of("pretrain", "--spark", "submit", "--spark-partitions", "2", "--spark-average-every", "16", "--config",
                "src/test/resources/tiny-spark-long.yaml", "--corpus", "src/test/resources/tiny-corpus", "--run-dir", run.toString());
    }

    /** Four partitions of two addresses, for two executors of one core. */
    private List<String> prepare(Path input, Path prepared)
    {
        return List.of("prepare", "--spark", "submit", "--spark-partitions", "4", "--config", PREPARE_CONFIG, "--corpus", input.toString(),
                "--prepared", prepared.toString(), "--run-dir", temporary.resolve("unused-run").toString());
    }

    private static Path addresses(Path directory)
            throws IOException
    {
        Files.createDirectories(directory);
        for (String name : ADDRESSES) {
            Files.copy(SAMPLE.resolve(name), directory.resolve(name));
        }
        return directory;
    }

    /**
     * Waits until the driver has started {@code task} ("task 1.0 in stage 4.0") and kills ({@code kill -9}) the JVM of
     * the executor it started it on. The worker runs each executor in {@code work/APPLICATION/EXECUTOR}, where its log
     * names its process id.
     */
    private void killExecutorRunning(String task, Path log, Process driver)
            throws IOException, InterruptedException
    {
        Pattern started = Pattern.compile("Starting " + Pattern.quote(task) + " \\(TID \\d+\\) \\([^,]+, executor (\\S+),");
        waitFor(log, text -> started.matcher(text).find(), driver);
        String text = Files.readString(log);
        Matcher executor = started.matcher(text);
        Matcher application = APPLICATION.matcher(text);
        assertThat(executor.find() && application.find()).as("the application and the executor in:%n%s", text).isTrue();
        Path executorLog = temporary.resolve("work").resolve(application.group(1)).resolve(executor.group(1)).resolve("stderr");
        Matcher pid = EXECUTOR_PROCESS.matcher(Files.readString(executorLog));
        assertThat(pid.find()).as("the process id in %s", executorLog).isTrue();
        ProcessHandle process = ProcessHandle.of(Long.parseLong(pid.group(1)))
                .orElseThrow(() -> new AssertionError("executor " + executor.group(1) + " is not running: " + executorLog));
        assertThat(process.info().commandLine().orElse("")).contains(EXECUTOR);
        process.destroyForcibly();
    }

    /**
     * The driver as {@code spark-submit --deploy-mode client} starts it: {@code SparkSubmit} in a JVM with the driver's
     * options, running {@code ernie} with {@code arguments}.
     */
    private List<String> submit(List<String> arguments)
    {
        List<String> command = java("-Xmx1g", "-XX:MaxDirectMemorySize=1g", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G");
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*", "org.apache.spark.deploy.SparkSubmit", "--class",
                "org.ernie4j.runner.Ernie", "--master", masterUrl, "--deploy-mode", "client", "--executor-memory", "1g", "--executor-cores", "1",
                "--conf", "spark.task.cpus=1", "--conf", "spark.task.maxFailures=4", "--conf", "spark.executorEnv.OMP_NUM_THREADS=1",
                "--conf", "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector -XX:MaxDirectMemorySize=1g -Dorg.bytedeco.javacpp.maxbytes=1G"
                        + " -Dorg.bytedeco.javacpp.maxphysicalbytes=3G " + sparkJvmArgs(),
                JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
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

    /** Waits for the process to exit (killing it after 5 minutes) and returns its output. */
    private static String finish(Process process, Path log)
            throws IOException, InterruptedException
    {
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("finished within 5 minutes:%n%s", output).isTrue();
        return output;
    }

    private static String assertFinished(Process process, Path log)
            throws IOException, InterruptedException
    {
        String output = finish(process, log);
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
