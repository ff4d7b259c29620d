package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.execution.ProductTimings;
import org.ernie4j.runner.benchmark.BenchmarksFile;
import org.ernie4j.runner.benchmark.Provenance;
import org.ernie4j.runner.benchmark.ProductsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie benchmark products}: the forward-only fused engine's products on packed weights against OpenBLAS on one
 * thread, at the rows a single text or a batch gives a worker and MiniLM's four product shapes. Where the packed kernel
 * stops winning is where the engine hands products to OpenBLAS ({@code WidePanelGemm.ROWS_UP_TO}).
 */
@Command(name = "products", mixinStandardHelpOptions = true,
        description = "Time the fused engine's products on weights packed once against OpenBLAS sgemm, one thread, on MiniLM's product shapes.")
final class ProductsBenchmarkCommand
        implements Callable<Integer>
{
    /** MiniLM's products (inner x columns): the projections, the attention output, the two feed-forward products. */
    private static final int[][] MINILM_PRODUCTS = {{384, 1152}, {384, 384}, {384, 1536}, {1536, 384}};

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--rows", paramLabel = "R,R,...", split = ",", defaultValue = "32,64,128,256,512",
            description = "Rows of A per product (default: ${DEFAULT-VALUE}).")
    private List<Integer> rows;

    @CommandLine.Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Timed rounds per kernel and shape (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @CommandLine.Option(names = "--seconds", paramLabel = "S", defaultValue = "0.4",
            description = "Seconds per round (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @CommandLine.Option(names = "--warmup", paramLabel = "S", defaultValue = "1.0",
            description = "Untimed seconds before each kernel's rounds on each shape, for the JIT (default: ${DEFAULT-VALUE}).")
    private double warmup;

    @CommandLine.Option(names = "--cold", description = "Also time the packed kernel cycling over 24 copies of the weights, which do not fit in the core's cache.")
    private boolean cold;

    @CommandLine.Option(names = "--write", paramLabel = "FILE", description = "Append the report to this Markdown file (docs/BENCHMARKS.md).")
    private Path write;

    @Override
    public Integer call()
    {
        if (rows.stream().anyMatch(count -> count < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows: every count must be at least 1, not " + rows);
        }
        if (rounds < 1 || !(seconds > 0) || !(warmup >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1, --seconds above 0 and --warmup 0 or more");
        }
        if (!ProductTimings.packedProductsPossible()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "this machine's vectors hold fewer than 8 floats: the engine runs no products on packed weights here");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> environment = NativeEnvironment.prepare();
        List<ProductTimings.Shape> shapes = new ArrayList<>();
        for (int count : rows) {
            for (int[] product : MINILM_PRODUCTS) {
                shapes.add(new ProductTimings.Shape(count, product[0], product[1]));
            }
        }
        out.printf(Locale.ROOT, "timing %d shapes x %d kernels, %d rounds of %.1f s each after %.1f s of warm-up...%n", shapes.size(), cold ? 3 : 2,
                rounds, seconds, warmup);
        out.flush();
        List<ProductTimings.Timing> timings = ProductTimings.measure(shapes, rounds, seconds, warmup, cold);
        String command = "ernie benchmark products --rows " + rows.stream().map(String::valueOf).collect(Collectors.joining(",")) + " --rounds " + rounds
                + " --seconds " + seconds + " --warmup " + warmup + (cold ? " --cold" : "") + (write == null ? "" : " --write " + write);
        String report = new ProductsReport(Provenance.now(command, MachineDescription.describe(), environment), timings).markdown();
        out.print(report);
        out.flush();
        if (write != null) {
            new BenchmarksFile(write).append(report);
            out.println("appended to " + write);
        }
        return 0;
    }
}
