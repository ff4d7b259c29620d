package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ernie4j.core.embed.TextEncoder;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.runner.benchmark.BenchmarksFile;
import org.ernie4j.runner.benchmark.CallersReport;
import org.ernie4j.runner.benchmark.ConcurrentCallers;
import org.ernie4j.runner.benchmark.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie benchmark callers}: what gathering concurrent requests into shared engine calls gives a service whose
 * threads each embed one text: the same encoder with requests gathered and with one call per request, in alternating
 * rounds in one JVM, at several numbers of callers.
 */
@Command(name = "callers", mixinStandardHelpOptions = true,
        description = "Time single-text callers on several threads against one TextEncoder, with requests gathered into shared engine calls "
                + "and with one call per request.")
final class CallersBenchmarkCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--model", paramLabel = "DIR", required = true,
            description = "A pre-training run, a checkpoint or an `ernie import` directory.")
    private Path model;

    @CommandLine.Option(names = "--callers", paramLabel = "N,N,...", split = ",", defaultValue = "1,2,8,32",
            description = "Numbers of concurrent callers (default: ${DEFAULT-VALUE}).")
    private List<Integer> callers;

    @CommandLine.Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Rounds, each measuring both ways (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @CommandLine.Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Timed seconds per point (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @CommandLine.Option(names = "--warmup", paramLabel = "S", defaultValue = "3",
            description = "Untimed seconds before each point, callers already running (default: ${DEFAULT-VALUE}).")
    private double warmup;

    @CommandLine.Mixin
    private ThreadsOption threads;

    @CommandLine.Option(names = "--write", paramLabel = "FILE", description = "Append the report to this Markdown file (docs/BENCHMARKS.md).")
    private Path write;

    @Override
    public Integer call()
    {
        if (callers.stream().anyMatch(count -> count < 1) || rounds < 1 || !(seconds > 0) || !(warmup >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--callers: every count at least 1; --rounds at least 1, --seconds above 0, --warmup 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> environment = NativeEnvironment.prepare();
        PretrainedModel pretrained = PretrainedModel.load(model);
        List<String> texts = demoSentences();
        Map<Integer, List<ConcurrentCallers.Point>> gathered = new LinkedHashMap<>();
        Map<Integer, List<ConcurrentCallers.Point>> oneCallEach = new LinkedHashMap<>();
        try (TextEncoder gathering = new TextEncoder(pretrained, 0, EngineKind.AUTO, threads.threads());
                TextEncoder oneEach = oneCallPerRequest(pretrained)) {
            for (int round = 1; round <= rounds; round++) {
                for (int count : callers) {
                    // Alternating within the round, the order swapped every other round: the machine drifts.
                    boolean gatheredFirst = round % 2 == 1;
                    for (boolean gatheredNow : gatheredFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        ConcurrentCallers.Point point = ConcurrentCallers.measure(gatheredNow ? gathering : oneEach, texts, count, warmup, seconds);
                        (gatheredNow ? gathered : oneCallEach).computeIfAbsent(count, key -> new ArrayList<>()).add(point);
                        out.printf(Locale.ROOT, "round %d of %d, %d callers, %s: %.1f sentences/s, median %.1f ms, %.1f texts per call%n", round, rounds,
                                count, gatheredNow ? "gathered" : "one call each", point.sentencesPerSecond(), point.medianMillis(), point.textsPerCall());
                        out.flush();
                    }
                }
            }
            List<CallersReport.Row> rows = new ArrayList<>();
            for (int count : callers) {
                rows.add(new CallersReport.Row(count, gathered.get(count), oneCallEach.get(count)));
            }
            String command = "ernie benchmark callers --model " + model + " --callers " + callers.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " --rounds " + rounds + " --seconds " + seconds + " --warmup " + warmup + threads.commandLine()
                    + (write == null ? "" : " --write " + write);
            List<String> notes = List.of(
                    String.format(Locale.ROOT, "engine: %s, %d threads; each caller a thread of its own calling `embed(List.of(text), true)` in a loop",
                            gathering.engine().name().toLowerCase(Locale.ROOT), threads.threads()),
                    "texts: the demo corpus's " + texts.size() + " sentences as they are (cut at the model's longest input), each caller starting at "
                            + "a different one",
                    "gathered: requests that arrive while the engine runs share its next call (the default); one call each: the same encoder "
                            + "made with -D" + TextEncoder.GATHER_PROPERTY + "=false, one engine call per request as before; both in this JVM, "
                            + "alternating",
                    "sentences/s and latencies count the calls that started and ended within each point's timed seconds; texts per engine "
                            + "call over the same seconds");
            String report = new CallersReport(Provenance.now(command, MachineDescription.describe(), environment),
                    pretrained.source() + " (hidden " + pretrained.encoder().hidden() + ", " + pretrained.encoder().layers() + " layers)", notes, rows)
                    .markdown();
            out.print(report);
            out.flush();
            if (write != null) {
                new BenchmarksFile(write).append(report);
                out.println("appended to " + write);
            }
        }
        return 0;
    }

    /** The same encoder as {@code gathering}, made with requests not gathered (the property is read when it is made). */
    private TextEncoder oneCallPerRequest(PretrainedModel pretrained)
    {
        String before = System.getProperty(TextEncoder.GATHER_PROPERTY);
        System.setProperty(TextEncoder.GATHER_PROPERTY, "false");
        try {
            return new TextEncoder(pretrained, 0, EngineKind.AUTO, threads.threads());
        }
        finally {
            if (before == null) {
                System.clearProperty(TextEncoder.GATHER_PROPERTY);
            }
            else {
                System.setProperty(TextEncoder.GATHER_PROPERTY, before);
            }
        }
    }

    /** The demo corpus's sentences: its text split after full stops, question and exclamation marks. */
    private static List<String> demoSentences()
    {
        List<String> sentences = new ArrayList<>();
        try {
            for (String name : DemoCorpus.names()) {
                for (String sentence : DemoCorpus.text(name).split("(?<=[.!?])\\s+")) {
                    if (sentence.isBlank()) {
                        continue;
                    }
                    sentences.add(sentence.strip());
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list the demo corpus", e);
        }
        return sentences;
    }
}
