package org.ernie4j.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bytedeco.javacpp.Pointer;
import org.ernie4j.core.engine.BlasProbe;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.support.Versions;
import org.nd4j.linalg.factory.Nd4j;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie doctor}: what this machine runs: the ND4J backend, the BLAS kernels and their measured speed, threads and
 * memory limits.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show the backend, the BLAS kernels it runs, a measured sgemm speed, threads and memory limits.")
final class DoctorCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--quick", description = "Skip the speed measurement.")
    private boolean quick;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        List<String> applied = NativeEnvironment.prepare();
        Set<String> flags = NativeEnvironment.cpuFlags();
        out.printf("ernie4j        %s (ND4J %s)%n", Versions.ernie4j(), Versions.nd4j());
        out.printf("java           %s (%s), max heap %s%n", System.getProperty("java.version"), System.getProperty("java.vm.name"),
                bytes(Runtime.getRuntime().maxMemory()));
        out.printf("machine        %s, %d cores, %s %s%n", cpuInfo("model name").orElse("unknown CPU"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        out.printf("cpu features   %s%n", features(flags));
        out.printf("environment    %s%n", applied.isEmpty() ? "nothing set by ernie4j (already set, or not needed)" : String.join("; ", applied));
        userSet("OPENBLAS_CORETYPE", out);
        userSet("OMP_NUM_THREADS", out);

        NativeEnvironment.limitNd4jThreads();
        var environment = Nd4j.getExecutioner().getEnvironmentInformation();
        out.printf("backend        %s, BLAS %s, %d thread(s) for ops%n", Nd4j.getBackend().getClass().getSimpleName(),
                environment.get("blas.vendor"), Nd4j.getEnvironment().maxThreads());
        Object devices = environment.get("cuda.devicesInformation");
        if (devices != null) {
            out.printf("gpu devices    %s%n", devices);
        }
        else {
            out.printf("blas core      %s%n", BlasCoreProbe.runningCore().orElse("unknown (the probe could not tell)"));
            out.printf("products       %s%n", ProductsLibraryLine.of(NativeEnvironment.mklLibrary(), cpuInfo("vendor_id"),
                    System.getProperty("os.name"), System.getProperty("os.arch")));
        }
        out.printf("off-heap limit %s (physical %s)%n", bytes(Pointer.maxBytes()), bytes(Pointer.maxPhysicalBytes()));
        String fusedReason = Execution.autoReason();
        out.printf("engine         training.engine auto runs %s%n", fusedReason.isEmpty()
                ? "the fused CPU engine (" + Runtime.getRuntime().availableProcessors() + " workers, single-threaded BLAS each)"
                : "the SameDiff engine: " + fusedReason);
        if (!quick) {
            for (int size : new int[] {256, 512, 1024}) {
                out.printf(Locale.ROOT, "sgemm %4d     %.1f GFLOP/s (median of 7, float32)%n", size, BlasProbe.sgemmGflops(size, 7));
            }
        }
        out.flush();
        return 0;
    }

    private static void userSet(String name, PrintWriter out)
    {
        String value = System.getenv(name);
        if (value != null) {
            out.printf("user setting   %s=%s (left as set)%n", name, value);
        }
    }

    private static String features(Set<String> flags)
    {
        StringBuilder features = new StringBuilder();
        for (String flag : List.of("avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_bf16", "amx_tile")) {
            if (flags.contains(flag)) {
                features.append(flag).append(' ');
            }
        }
        String best = NativeEnvironment.recommendedCoreType(flags).orElse("none");
        return (features.isEmpty() ? "no vector extensions found " : features.toString()) + "-> BLAS kernels " + best;
    }

    /** The first value of a {@code /proc/cpuinfo} field, such as {@code model name} or {@code vendor_id}. */
    private static Optional<String> cpuInfo(String field)
    {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    static String bytes(long bytes)
    {
        if (bytes <= 0) {
            return "unlimited";
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
