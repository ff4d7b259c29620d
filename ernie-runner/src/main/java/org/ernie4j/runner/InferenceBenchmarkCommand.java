package org.ernie4j.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.engine.execution.StepBreakdown;
import org.ernie4j.core.interop.ImportOptions;
import org.ernie4j.core.interop.ImportedCheckpoint;
import org.ernie4j.core.interop.ImportedModel;
import org.ernie4j.core.interop.OnnxExport;
import org.ernie4j.core.interop.OnnxImport;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.run.CorpusPreparation;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.core.training.benchmark.EncodeBenchmark;
import org.ernie4j.core.training.benchmark.ProcessMemory;
import org.ernie4j.core.training.benchmark.StepBenchmark;
import org.ernie4j.runner.benchmark.BenchmarksFile;
import org.ernie4j.runner.benchmark.InferenceReport;
import org.ernie4j.runner.benchmark.OnnxRuntimeEncoder;
import org.ernie4j.runner.benchmark.OnnxRuntimeProfile;
import org.ernie4j.runner.benchmark.Provenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie benchmark inference}: sentences per second of the encoder's forward pass on the fused engine, the SameDiff
 * engine and ONNX Runtime, on the same models and inputs, at each batch size and input length, with each one's peak
 * resident memory. Each engine runs in a JVM of its own, so that its peak RSS is its own; rounds alternate the engines,
 * and the report gives the median of the rounds.
 *
 * <p>The models are ONNX directories ({@code model.onnx} and {@code tokenizer.json}), which ONNX Runtime serves as they are
 * and ernie4j's engines run after {@code ernie import}; the reference shape is written as one (weights drawn as training
 * starts them, the demo corpus's 8000-piece vocabulary) unless {@code --no-reference}.
 */
@Command(name = "inference", mixinStandardHelpOptions = true,
        description = "Time the encoder's forward pass (sentences/s) on the fused engine, SameDiff and ONNX Runtime, each in its own JVM, "
                + "on ONNX models and the reference shape; print and record the figures with peak RSS.")
final class InferenceBenchmarkCommand
        implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(InferenceBenchmarkCommand.class);
    private static final String POINT = "point";
    private static final String PEAK = "peak-rss";
    private static final String PART = "part";
    /** The fused engine as it was before it split a batch smaller than its workers within the sequences. */
    private static final String FUSED_UNSPLIT = "fused-unsplit";
    private static final String FUSED_BLAS = "fused-blas";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--model", paramLabel = "DIR",
            description = "An ONNX model directory (model.onnx and tokenizer.json), such as all-MiniLM-L6-v2's; repeatable.")
    private List<Path> models = new ArrayList<>();

    @CommandLine.Option(names = "--reference", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure the reference shape (vocab 8000, hidden 256, 4 layers) exported to ONNX (default: ${DEFAULT-VALUE}).")
    private boolean reference;

    @CommandLine.Option(names = "--engines", paramLabel = "E,E,...", split = ",", defaultValue = "fused,samediff,onnxruntime",
            description = "Engines to measure: fused, samediff, onnxruntime, and, for comparison, fused-unsplit (the fused engine not splitting a "
                    + "batch smaller than its workers within the sequences), fused-blas (every product on BLAS, none on weights packed once) "
                    + "(default: ${DEFAULT-VALUE}).")
    private List<String> engines;

    @CommandLine.Option(names = "--batch-sizes", paramLabel = "B,B,...", split = ",", defaultValue = "1,32",
            description = "Inputs per call (default: ${DEFAULT-VALUE}).")
    private List<Integer> batchSizes;

    @CommandLine.Option(names = "--lengths", paramLabel = "T,T,...", split = ",", defaultValue = "32,128",
            description = "Pieces per input, [CLS] and [SEP] included, no padding (default: ${DEFAULT-VALUE}).")
    private List<Integer> lengths;

    @CommandLine.Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Rounds over all engines (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @CommandLine.Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Timed seconds per engine, model and shape in a round, after the warm-up (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @CommandLine.Option(names = "--warmup", paramLabel = "S", defaultValue = "5",
            description = "Untimed seconds of calls before each engine, model and shape is timed, for the JIT to compile the kernels "
                    + "(default: ${DEFAULT-VALUE}).")
    private double warmup;

    @CommandLine.Option(names = "--breakdown",
            description = "Also report where a call's time goes on each engine: the fused engine's parts, ONNX Runtime's kernel time by "
                    + "operator type (from a profiled session run after the timed one, so that profiling does not slow the timed calls).")
    private boolean breakdown;

    @CommandLine.Mixin
    private ThreadsOption threads;

    @CommandLine.Option(names = "--work", paramLabel = "DIR", defaultValue = "runs/benchmark/inference",
            description = "Where the models' checkpoints, inputs and the measuring JVMs' logs go (default: ${DEFAULT-VALUE}).")
    private Path work;

    @CommandLine.Option(names = "--write", paramLabel = "FILE", description = "Append the results to this Markdown file, such as docs/BENCHMARKS.md.")
    private Path write;

    @CommandLine.Option(names = "--measure", hidden = true, description = "In a measuring JVM: the engine to measure.")
    private String measure;

    @CommandLine.Option(names = "--model-dir", hidden = true, description = "In a measuring JVM: the model's work directory.")
    private Path modelDirectory;

    private final CorpusPreparation preparation;
    private final ConfigLoader loader;

    @Inject
    InferenceBenchmarkCommand(CorpusPreparation preparation, ConfigLoader loader)
    {
        this.preparation = preparation;
        this.loader = loader;
    }

    @Override
    public Integer call()
    {
        check();
        if (measure != null) {
            return measure(spec.commandLine().getOut());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> environment = NativeEnvironment.prepare();
        Map<String, Path> directories = new LinkedHashMap<>();
        Map<String, EncoderConfig> shapes = new LinkedHashMap<>();
        if (reference) {
            directories.put("reference", referenceModel());
        }
        for (Path model : models) {
            directories.put(model.toAbsolutePath().normalize().getFileName().toString(), model);
        }
        Map<String, Path> workDirectories = new LinkedHashMap<>();
        directories.forEach((name, directory) -> {
            out.printf(Locale.ROOT, "%s: importing %s for ernie4j's engines and tokenizing the demo corpus with its vocabulary...%n", name, directory);
            out.flush();
            Path modelWork = work.resolve("models").resolve(name);
            shapes.put(name, prepareModel(directory, modelWork));
            workDirectories.put(name, modelWork);
        });
        String loadBefore = loadAverage();
        Map<String, Map<String, Map<InferenceReport.Shape, List<Double>>>> figures = new LinkedHashMap<>();
        Map<String, Map<String, List<Long>>> peaks = new LinkedHashMap<>();
        Map<String, Map<String, Map<InferenceReport.Shape, Map<String, List<Double>>>>> breakdowns = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String name : workDirectories.keySet()) {
                // Each round starts with another engine, so that none always runs first (or right after the heaviest).
                for (int turn = 0; turn < engines.size(); turn++) {
                    String engine = engines.get((turn + round - 1) % engines.size());
                    out.printf(Locale.ROOT, "round %d of %d: %s on %s...%n", round, rounds, name, engine);
                    out.flush();
                    Path log = work.resolve("logs").resolve(String.format(Locale.ROOT, "round-%d-%s-%s.log", round, name, engine));
                    measureInChild(engine, workDirectories.get(name), log,
                            figures.computeIfAbsent(name, key -> new LinkedHashMap<>()).computeIfAbsent(engine, key -> new LinkedHashMap<>()),
                            peaks.computeIfAbsent(name, key -> new LinkedHashMap<>()).computeIfAbsent(engine, key -> new ArrayList<>()),
                            breakdowns.computeIfAbsent(name, key -> new LinkedHashMap<>()).computeIfAbsent(engine, key -> new LinkedHashMap<>()));
                }
            }
        }
        List<InferenceReport.ModelFigures> modelFigures = new ArrayList<>();
        for (String name : workDirectories.keySet()) {
            Map<String, Map<InferenceReport.Shape, Map<String, List<Double>>>> parts = new LinkedHashMap<>(breakdowns.get(name));
            parts.values().removeIf(Map::isEmpty);
            modelFigures.add(new InferenceReport.ModelFigures(name, shapes.get(name), figures.get(name), peaks.get(name), parts));
        }
        List<String> notes = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "threads: %d (the fused engine's workers; ONNX Runtime's intra-op threads, inter-op 1, sequential, all graph "
                        + "optimizations); the SameDiff engine on ND4J's threads as ernie4j sets them", threads.threads()),
                "inputs: the demo corpus's text, tokenized by each model's vocabulary, cut into inputs of exactly the length shown ([CLS], pieces, "
                        + "[SEP]; no padding), 8 distinct batches in turn; ernie4j's engines compute the sequence output and the pooled output "
                        + "and copy both out (freed after each call), ONNX Runtime every output of the file, left in its buffers (its results closed after each call)",
                NativeEnvironment.mklLibrary().isPresent()
                        ? "kernels: ernie4j's engines on Intel MKL (ERNIE_BLAS=mkl, the environment above), every product of the fused engine on "
                                + "MKL's sgemm; ONNX Runtime on its own MLAS kernels"
                        : "kernels: ernie4j's engines on OpenBLAS (the environment above names its kernels); ONNX Runtime on its own MLAS kernels",
                "peak RSS: the measuring JVM's VmHWM (each engine and model in a JVM of its own; ernie4j's loads the imported checkpoint as "
                        + "TextEncoder does, ONNX Runtime the ONNX file); median of the rounds",
                "load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage()));
        if (engines.contains(FUSED_UNSPLIT)) {
            notes.add(FUSED_UNSPLIT + ": the fused engine with -D" + Execution.SPLIT_WITHIN_SEQUENCES_PROPERTY + "=false, as it was before it split a "
                    + "batch smaller than its workers within the sequences: one sequence per worker, BLAS threads on the idle workers' cores");
        }
        if (engines.contains(FUSED_BLAS)) {
            notes.add(FUSED_BLAS + ": the fused engine with -D" + Execution.PANEL_PRODUCTS_PROPERTY + "=false, as it was before products of few "
                    + "rows ran on weights packed once: every product on OpenBLAS");
        }
        String report = new InferenceReport(Provenance.now(commandLine(), MachineDescription.describe(), environment), engines, modelFigures, notes)
                .markdown();
        out.print(report);
        out.flush();
        if (write != null) {
            new BenchmarksFile(write).append(report);
            out.println("appended to " + write);
        }
        return 0;
    }

    private void check()
    {
        for (String engine : engines) {
            if (!List.of("fused", "samediff", InferenceReport.ONNX_RUNTIME, FUSED_UNSPLIT, FUSED_BLAS).contains(engine)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--engines: '" + engine
                        + "' is not one of fused, samediff, onnxruntime, " + FUSED_UNSPLIT + ", " + FUSED_BLAS);
            }
        }
        if (Stream.concat(batchSizes.stream(), lengths.stream()).anyMatch(value -> value < 1) || lengths.stream().anyMatch(length -> length < 3)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-sizes must be positive and --lengths at least 3");
        }
        if (rounds < 1 || seconds <= 0 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and --seconds must be positive, --warmup not negative");
        }
        if (!reference && models.isEmpty() && measure == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "nothing to measure: give --model DIR or leave --reference on");
        }
    }

    /** The reference shape as an ONNX directory, written once into the work directory. */
    private Path referenceModel()
    {
        Path directory = work.resolve("reference-onnx");
        if (Files.isRegularFile(directory.resolve(OnnxImport.MODEL))) {
            return directory;
        }
        WordPieceVocabulary vocabulary = BenchmarkCommand.demoCorpus(preparation, work.resolve("prepared")).vocabulary();
        EncoderConfig config = StepBenchmark.reference().config();
        ModelParameters parameters = EncodeBenchmark.initialized(config, 1);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new LinkedHashMap<>();
        parameters.names().forEach(name -> arrays.put(name, parameters.get(name)));
        new OnnxExport().write(new PretrainedModel(directory, config, vocabulary, arrays, List.of()), directory);
        return directory;
    }

    /**
     * Imports the model for ernie4j's engines (once), and writes its inputs: the demo corpus tokenized by the model's
     * vocabulary, with the ids of {@code [CLS]}, {@code [SEP]} and {@code [PAD]} first.
     */
    private EncoderConfig prepareModel(Path onnx, Path modelWork)
    {
        ImportedModel imported = new OnnxImport(ImportOptions.defaults()).read(onnx);
        Path checkpoint = modelWork.resolve("checkpoint");
        if (!Files.isDirectory(checkpoint)) {
            new ImportedCheckpoint(loader).write(imported, checkpoint);
        }
        WordPieceVocabulary vocabulary = imported.vocabulary();
        StringBuilder pieces = new StringBuilder();
        pieces.append(vocabulary.clsId()).append(' ').append(vocabulary.sepId()).append(' ').append(vocabulary.padId()).append('\n');
        Path corpus = DemoCorpus.extract(work.resolve("demo-corpus"));
        try {
            for (String file : DemoCorpus.names()) {
                for (String line : Files.readAllLines(corpus.resolve(file), StandardCharsets.UTF_8)) {
                    for (int id : vocabulary.encode(line)) {
                        pieces.append(id).append(' ');
                    }
                }
            }
            Files.writeString(modelWork.resolve("pieces.txt"), pieces.append('\n'), StandardCharsets.UTF_8);
            Files.copy(onnx.resolve(OnnxImport.MODEL), modelWork.resolve(OnnxImport.MODEL), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the inputs of " + onnx + " into " + modelWork, e);
        }
        return imported.encoder();
    }

    /** Runs one engine on one model in a JVM of its own (this JVM's options and class path) and reads back its figures. */
    private void measureInChild(String engine, Path modelWork, Path log, Map<InferenceReport.Shape, List<Double>> figures, List<Long> peaks,
            Map<InferenceReport.Shape, Map<String, List<Double>>> parts)
    {
        List<String> arguments = new ArrayList<>(List.of("benchmark", "inference",
                "--measure", engine, "--model-dir", modelWork.toAbsolutePath().toString(), "--threads", String.valueOf(threads.threads()),
                "--batch-sizes", join(batchSizes), "--lengths", join(lengths), "--seconds", String.valueOf(seconds), "--warmup", String.valueOf(warmup)));
        if (breakdown) {
            arguments.add("--breakdown");
        }
        List<String> command = ChildErnie.command(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            List<String> lines;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines = reader.lines().toList();
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("measuring " + engine + " failed (exit code " + process.exitValue() + "); see " + log);
            }
            for (String line : lines) {
                String[] fields = line.trim().split(" ");
                if (fields[0].equals(POINT)) {
                    figures.computeIfAbsent(new InferenceReport.Shape(Integer.parseInt(fields[1]), Integer.parseInt(fields[2])), key -> new ArrayList<>())
                            .add(Double.parseDouble(fields[3]));
                }
                else if (fields[0].equals(PEAK)) {
                    peaks.add(Long.parseLong(fields[1]));
                }
                else if (fields[0].equals(PART)) {
                    // part BATCH LENGTH MILLISECONDS NAME..., the name last since it has spaces
                    InferenceReport.Shape shape = new InferenceReport.Shape(Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
                    String part = String.join(" ", List.of(fields).subList(4, fields.length));
                    parts.computeIfAbsent(shape, key -> new LinkedHashMap<>()).computeIfAbsent(part, key -> new ArrayList<>())
                            .add(Double.parseDouble(fields[3]));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot run the measuring JVM for " + engine, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring " + engine, e);
        }
    }

    /** In a measuring JVM: every shape on one engine, one line each, then the peak RSS. */
    private int measure(PrintWriter out)
    {
        int[] header;
        int[] pieces;
        try {
            List<String> lines = Files.readAllLines(modelDirectory.resolve("pieces.txt"), StandardCharsets.UTF_8);
            header = ids(lines.get(0));
            pieces = ids(lines.get(1));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the inputs in " + modelDirectory, e);
        }
        AutoCloseable resource;
        Consumer<Batch> encode;
        Execution execution = null;
        if (measure.equals(InferenceReport.ONNX_RUNTIME)) {
            OnnxRuntimeEncoder onnx = new OnnxRuntimeEncoder(modelDirectory.resolve(OnnxImport.MODEL), threads.threads());
            resource = onnx;
            encode = onnx::encode;
        }
        else {
            NativeEnvironment.prepare();
            PretrainedModel model = PretrainedModel.load(modelDirectory.resolve("checkpoint"));
            String kind = measure;
            // This JVM measures nothing else, so a process-wide switch affects only this engine.
            if (measure.equals(FUSED_UNSPLIT)) {
                System.setProperty(Execution.SPLIT_WITHIN_SEQUENCES_PROPERTY, "false");
                kind = "fused";
            }
            if (measure.equals(FUSED_BLAS)) {
                System.setProperty(Execution.PANEL_PRODUCTS_PROPERTY, "false");
                kind = "fused";
            }
            Execution ours = Execution.forInference(EngineKind.fromConfigName(kind), model.encoder(), model.encoderParameters(), threads.threads());
            execution = ours;
            resource = ours;
            // Freed at once, as TextEncoder does after copying them out (and as ONNX Runtime's results are closed).
            encode = batch -> ours.engine().encode(batch, 0).close();
        }
        try (resource) {
            for (int batch : batchSizes) {
                for (int length : lengths) {
                    if (execution != null) {
                        execution.resetProfile();
                    }
                    double rate = EncodeBenchmark.of(pieces, header[0], header[1], header[2], batch, length).sentencesPerSecond(encode, warmup, seconds, 3);
                    out.printf(Locale.ROOT, "%s %d %d %.3f%n", POINT, batch, length, rate);
                    out.flush();
                    if (execution != null) {
                        execution.profile().ifPresent(profile -> {
                            LOG.info("where the time went at batch {} x {}: {}", batch, length, shares(profile));
                            if (breakdown) {
                                printParts(out, batch, length, 1000 * batch / rate, profile);
                            }
                        });
                    }
                }
            }
        }
        catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        out.printf(Locale.ROOT, "%s %d%n", PEAK, ProcessMemory.peakResidentBytes().orElse(-1));
        out.flush();
        if (breakdown && measure.equals(InferenceReport.ONNX_RUNTIME)) {
            // After the peak RSS: the profiled session is a second copy of the model, which the figures above must not count.
            profileOnnxRuntime(out, header, pieces);
        }
        return 0;
    }

    /** The fused engine's parts at one point, each its share of the profile applied to the call's time. */
    private static void printParts(PrintWriter out, int batch, int length, double millisecondsPerCall, StepBreakdown profile)
    {
        double total = profile.totalSeconds();
        for (StepBreakdown.Part part : profile.parts()) {
            out.printf(Locale.ROOT, "%s %d %d %.4f %s%n", PART, batch, length, millisecondsPerCall * part.seconds() / total, part.description());
        }
        out.flush();
    }

    /**
     * ONNX Runtime's own account of a call at every point: a session with profiling on, run as the timed one was (warm-up,
     * then the timed seconds), its profile read and deleted.
     */
    private void profileOnnxRuntime(PrintWriter out, int[] header, int[] pieces)
    {
        for (int batch : batchSizes) {
            for (int length : lengths) {
                Path prefix = modelDirectory.resolve(String.format(Locale.ROOT, "onnxruntime-profile-%dx%d", batch, length));
                Path file;
                try (OnnxRuntimeEncoder profiled = new OnnxRuntimeEncoder(modelDirectory.resolve(OnnxImport.MODEL), threads.threads(), prefix)) {
                    EncodeBenchmark.of(pieces, header[0], header[1], header[2], batch, length).sentencesPerSecond(profiled::encode, warmup, seconds, 3);
                    file = profiled.endProfiling();
                }
                OnnxRuntimeProfile profile = OnnxRuntimeProfile.read(file);
                profile.millisecondsPerRun().forEach((operator, milliseconds) ->
                        out.printf(Locale.ROOT, "%s %d %d %.4f %s%n", PART, batch, length, milliseconds, operator));
                out.flush();
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException e) {
                    LOG.warn("cannot delete ONNX Runtime's profile {}: {}", file, e.getMessage());
                }
            }
        }
    }

    /** Each part's share of the timed calls, largest first (the fused engine's first worker's view). */
    private static String shares(StepBreakdown profile)
    {
        double total = profile.totalSeconds();
        return profile.parts().stream()
                .sorted((a, b) -> Double.compare(b.seconds(), a.seconds()))
                .map(part -> String.format(Locale.ROOT, "%s %.0f%%", part.description(), 100 * part.seconds() / total))
                .collect(Collectors.joining(", "));
    }

    private static int[] ids(String line)
    {
        return Stream.of(line.trim().split(" ")).filter(field -> !field.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    private static String join(List<Integer> values)
    {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String loadAverage()
    {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private String commandLine()
    {
        return "ernie benchmark inference" + models.stream().map(model -> " --model " + model).collect(Collectors.joining())
                + (reference ? "" : " --no-reference") + " --engines " + String.join(",", engines) + " --batch-sizes " + join(batchSizes)
                + " --lengths " + join(lengths) + " --rounds " + rounds + " --seconds " + seconds + " --warmup " + warmup
                + threads.commandLine() + (write == null ? "" : " --write " + write);
    }
}
