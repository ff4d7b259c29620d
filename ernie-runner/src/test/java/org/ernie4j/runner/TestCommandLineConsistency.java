package org.ernie4j.runner;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * The command line behaves the same way everywhere: help at any depth, option values with names rather than Java
 * field names, and the run directory given as {@code --run-dir} to every command that works in one.
 */
class TestCommandLineConsistency
{
    private static final Pattern RAW_PLACEHOLDER = Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*>");

    @TempDir
    Path temporary;

    @Test
    void helpShowsASubcommandsOwnHelp()
    {
        TestingErnie.Result result = ernie("help", "data", "sotu-party");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Usage: ernie data sotu-party").contains("--passage-words=N");

        TestingErnie.Result unknown = ernie("help", "data", "sotu");
        assertThat(unknown.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(unknown.err()).contains("ernie data has no command 'sotu'; its commands are sotu-party, same-address, recase, spam");
    }

    @Test
    void noOptionShowsARawPlaceholder()
    {
        List<String> found = new ArrayList<>();
        for (List<String> command : commands(Ernie.commandLine(), new ArrayList<>())) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            TestingErnie.Result result = ernie(args.toArray(String[]::new));
            Matcher placeholder = RAW_PLACEHOLDER.matcher(result.out());
            while (placeholder.find()) {
                found.add(String.join(" ", command) + ": " + placeholder.group());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void reportTakesTheRunDirectoryAsAnOption()
            throws URISyntaxException
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result trained = ernie("pretrain", "--max-steps", "2", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(trained.code()).as(trained.err()).isZero();

        TestingErnie.Result report = ernie("report", "--run-dir", run.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("report " + run.resolve("report/index.html"));
        assertThat(run.resolve("report/index.html")).exists();

        TestingErnie.Result both = ernie("report", "--run-dir", run.toString(), temporary.toString());
        assertThat(both.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(both.err()).contains("two run directories given");
    }

    /** Every command and subcommand, as the words that name it (help itself left out). */
    private static List<List<String>> commands(CommandLine parent, List<String> prefix)
    {
        List<List<String>> all = new ArrayList<>();
        parent.getSubcommands().forEach((name, subcommand) -> {
            if (!subcommand.getCommandSpec().helpCommand()) {
                List<String> words = new ArrayList<>(prefix);
                words.add(name);
                all.add(words);
                all.addAll(commands(subcommand, words));
            }
        });
        return all;
    }
}
