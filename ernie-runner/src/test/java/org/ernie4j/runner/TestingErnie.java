package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
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

    /** The path of a test resource. */
    static String resource(String name)
            throws URISyntaxException
    {
        return Path.of(TestingErnie.class.getResource("/" + name).toURI()).toString();
    }
}
