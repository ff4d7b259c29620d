package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

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
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-Dorg.bytedeco.javacpp.maxbytes=2G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=4G", "-cp", System.getProperty("java.class.path"),
                Ernie.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    /** The path of a test resource. */
    static String resource(String name)
            throws URISyntaxException
    {
        return Path.of(TestingErnie.class.getResource("/" + name).toURI()).toString();
    }
}
