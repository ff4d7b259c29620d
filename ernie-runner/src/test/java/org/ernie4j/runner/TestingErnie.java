package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the {@code ernie} command line in this JVM as a user would, capturing what it prints.
 */
final class TestingErnie
{
    private TestingErnie()
    {
    }

    /** What a command printed and returned. */
    record Result(int code, String out, String err)
    {
    }

    static Result ernie(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ernie.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The command line in a JVM of its own, as a user or a service starts it, its output and errors going to {@code log}. */
    static Process start(Path log, String... args)
            throws IOException
    {
        return new ProcessBuilder(javaCommand(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * The command line in a JVM of its own that cannot write a file larger than {@code limitKib} KiB ({@code ulimit -f},
     * through bash): a write that crosses the limit fails with "File too large", as writes on a full disk fail.
     */
    static Process startWithFileSizeLimit(Path log, long limitKib, String... args)
            throws IOException
    {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + limitKib + " && exec \"$0\" \"$@\""));
        command.addAll(javaCommand(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> javaCommand(String... args)
    {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-Dorg.bytedeco.javacpp.maxbytes=2G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G", "-cp", System.getProperty("java.class.path"),
                Ernie.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A fine-tuning configuration of {@code model} on twelve labelled sentences of two classes (one epoch, batch 4, 16
     * pieces), its data and output in {@code directory}.
     */
    static Path fineTuning(Path directory, Path model)
            throws IOException
    {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(i % 2 == 0 ? "war\tthe war of the nation is not peace" : "peace\twe will work for peace in the world");
        }
        Path data = Files.write(directory.resolve("train.tsv"), rows);
        return Files.writeString(directory.resolve("finetune.yaml"), """
                model: %s
                data:
                  kind: sequence
                  train: %s
                  split: [0.25, 0.25]
                training:
                  epochs: 1
                  batch-size: 4
                  max-length: 16
                output: %s
                """.formatted(model, data, directory.resolve("finetuned")));
    }

    /**
     * Pre-trains {@code tasks} on the tiny corpus from the model {@code ernie import} imported to {@code imported} (its
     * printed output {@code importOutput} gives the configuration), three steps each; checks that the run succeeded and
     * prepared its corpus with the model's vocabulary, and returns the run directory, {@code directory/run}.
     */
    static Path continueOnTinyCorpus(Path directory, String importOutput, Path imported, String... tasks)
            throws IOException, URISyntaxException
    {
        Path config = continuation(directory, importOutput, tasks);
        Path run = directory.resolve("run");
        Result trained = ernie("pretrain", "--config", config.toString(), "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(trained.code()).as(trained.err() + "\n" + Files.readString(config)).isZero();
        assertThat(run.resolve("prepared/vocab.txt")).hasSameTextualContentAs(imported.resolve("vocab.txt"));
        return run;
    }

    /**
     * A pre-training configuration that continues the model {@code ernie import} just imported (its printed output):
     * the printed {@code model:}, {@code training:} and tokenizer keys, and three steps of each task, batch 4, length 32.
     */
    static Path continuation(Path directory, String importOutput, String... tasks)
            throws IOException
    {
        String printed = importOutput.substring(importOutput.indexOf("model:\n"));
        StringBuilder names = new StringBuilder("tasks:\n");
        for (String task : tasks) {
            names.append("  - name: ").append(task).append('\n');
        }
        return Files.writeString(directory.resolve("continue.yaml"), "corpus:\n  threads: 1\n" + printed.replace("training:\n", """
                training:
                  batch-size: 4
                  sequence-length: 32
                  steps-per-task: 3
                  open-documents: 2
                  warmup-fraction: 0.0
                """) + names);
    }

    /** A condition a test waits for, which may read files. */
    interface Condition
    {
        boolean holds()
                throws IOException;
    }

    /** Waits, for three minutes at most, until {@code condition} holds while {@code process} (called {@code what}) runs. */
    static void waitFor(String what, Condition condition, Process process)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.holds()) {
            assertThat(process.isAlive()).as(what + " is running").isTrue();
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * Writes the command-line tests' tiny run ({@code tiny.yaml}) into {@code directory} with shards of
     * {@code documentsPerShard} documents, so that a preparation of a few hundred documents completes shards within seconds.
     */
    static Path tinyRunInSmallShards(Path directory, int documentsPerShard)
            throws IOException, URISyntaxException
    {
        String tiny = Files.readString(Path.of(resource("tiny.yaml")));
        return Files.writeString(directory.resolve("small-shards.yaml"),
                tiny.replace("corpus:\n", "corpus:\n  documents-per-shard: " + documentsPerShard + "\n"));
    }

    /** {@code count} one-sentence texts from the test addresses' sentences, numbered ("Item N: ...") so that none repeats. */
    static List<String> numberedSentences(int count)
            throws IOException, URISyntaxException
    {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(resource("tiny-corpus")))) {
            for (Path file : files.sorted().toList()) {
                for (String sentence : Files.readString(file).split("(?<=\\.)\\s+(?=[A-Z])")) {
                    sentences.add(sentence.replaceAll("\\s+", " ").trim());
                }
            }
        }
        List<String> numbered = new ArrayList<>();
        for (int item = 0; item < count; item++) {
            numbered.add("Item " + item + ": " + sentences.get(item % sentences.size()));
        }
        return numbered;
    }

    /** The names of the files in {@code directory}, sorted. */
    static List<String> fileNames(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Asserts that {@code actual} holds exactly the files of {@code expected}, byte for byte (a prepared corpus made
     * another way, resumed, or on a cluster, must be the local one), and returns their names.
     */
    static List<String> assertSameFiles(Path actual, Path expected)
            throws IOException
    {
        List<String> names = fileNames(expected);
        assertThat(fileNames(actual)).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(actual.resolve(name))).as(name).isEqualTo(Files.readAllBytes(expected.resolve(name)));
        }
        return names;
    }

    /** The path of a test resource. */
    static String resource(String name)
            throws URISyntaxException
    {
        return Path.of(TestingErnie.class.getResource("/" + name).toURI()).toString();
    }
}
