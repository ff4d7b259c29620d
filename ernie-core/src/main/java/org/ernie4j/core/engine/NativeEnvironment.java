package org.ernie4j.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ernie4j.core.PublicApi;

/**
 * Sets the native libraries' environment before ND4J loads them, so that a user never has to know these knobs:
 *
 * <ul>
 * <li>{@code OPENBLAS_CORETYPE}: the OpenBLAS 0.3.19 bundled with ND4J does not recognise some recent CPUs and falls
 * back to its oldest kernels, about 4x slower on matrix products. We read the CPU's flags and name the best kernel family
 * it supports (SkylakeX for AVX-512, Haswell for AVX2).</li>
 * <li>{@code OMP_NUM_THREADS}: with two OpenMP threads on a two-core machine, libnd4j's small ops ran 10-100x slower
 * than with one; one thread is the measured best for training here.</li>
 * </ul>
 *
 * Both are read by the native libraries when they load, so they are set in this process's environment with libc's
 * {@code setenv} (through JavaCPP's {@code systems} preset) and only take effect if this runs before the first ND4J call.
 * A value the user already set is left alone.
 */
@PublicApi
public final class NativeEnvironment
{
    private static final Logger LOG = LoggerFactory.getLogger(NativeEnvironment.class);
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path PROCESS_MAPS = Path.of("/proc/self/maps");
    private static final String MKL_LIBRARY = "libmkl_rt";
    private static final String LOG_INITIALIZATION = "org.nd4j.log.initialization";
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq");

    private static volatile List<String> applied;
    private static volatile boolean threadsLimited;

    private NativeEnvironment()
    {
    }

    /**
     * Sets the environment if this has not been done yet; returns what was set, as {@code NAME=value (reason)} lines.
     * Call before anything touches ND4J.
     */
    public static synchronized List<String> prepare()
    {
        if (applied != null) {
            return applied;
        }
        List<String> settings = new ArrayList<>();
        // ND4J prints its build and BLAS details at start-up; the doctor command reports what matters instead.
        if (System.getProperty(LOG_INITIALIZATION) == null) {
            System.setProperty(LOG_INITIALIZATION, "false");
        }
        if (isLinuxX86()) {
            recommendedCoreType(cpuFlags()).ifPresent(core ->
                    setIfAbsent("OPENBLAS_CORETYPE", core, "matrix kernels for this CPU's instruction set", settings));
            setIfAbsent("OMP_NUM_THREADS", "1", "one OpenMP thread is fastest for libnd4j's ops on small machines", settings);
            mklLibrary().ifPresent(library -> settings.add("BLAS=Intel MKL " + library + " (ERNIE_BLAS=mkl: preloaded in place of ND4J's "
                    + "OpenBLAS, which the OPENBLAS_CORETYPE above then no longer concerns; MKL_NUM_THREADS="
                    + Optional.ofNullable(System.getenv("MKL_NUM_THREADS")).orElse("unset") + ")"));
        }
        applied = List.copyOf(settings);
        return applied;
    }

    /**
     * Limits ND4J to one thread once it is loaded, unless the user chose {@code OMP_NUM_THREADS}. ND4J decides its thread
     * count from the Java view of the environment, which a {@code setenv} after JVM start does not change, so the
     * variable alone is not enough.
     */
    public static synchronized void limitNd4jThreads()
    {
        if (threadsLimited) {
            return;
        }
        threadsLimited = true;
        if (System.getenv("OMP_NUM_THREADS") != null) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }

    /**
     * Where Intel MKL's runtime library is loaded from, if it is loaded into this process: the launcher preloads it for
     * {@code ERNIE_BLAS=mkl}, and then MKL, not ND4J's OpenBLAS, serves every {@code cblas_sgemm} call. A preloaded library
     * is there from the process's start, so the answer is read once.
     */
    public static Optional<String> mklLibrary()
    {
        return PreloadedMkl.LIBRARY;
    }

    /** The library that serves the matrix products here: {@code Intel MKL} when {@link #mklLibrary()} finds it loaded, else {@code OpenBLAS}. */
    public static String blasName()
    {
        return mklLibrary().isPresent() ? "Intel MKL" : "OpenBLAS";
    }

    /** Holds the answer of {@link #mklLibrary()}, read from the process's memory map when first asked for. */
    private static final class PreloadedMkl
    {
        static final Optional<String> LIBRARY = findPreloadedMkl();

        private PreloadedMkl()
        {
        }
    }

    private static Optional<String> findPreloadedMkl()
    {
        try {
            for (String line : Files.readAllLines(PROCESS_MAPS)) {
                int path = line.indexOf('/');
                if (path >= 0 && line.indexOf(MKL_LIBRARY, path) >= 0) {
                    return Optional.of(line.substring(path).trim());
                }
            }
        }
        catch (IOException | SecurityException e) {
            LOG.debug("cannot read {}: {}", PROCESS_MAPS, e.getMessage());
        }
        return Optional.empty();
    }

    /** The OpenBLAS kernel family for a set of CPU flags, if one is worth naming. */
    public static Optional<String> recommendedCoreType(Set<String> flags)
    {
        if (flags.containsAll(AVX512)) {
            return Optional.of("SkylakeX");
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /** The CPU flags from {@code /proc/cpuinfo}, or none where it cannot be read. */
    public static Set<String> cpuFlags()
    {
        try {
            for (String line : Files.readAllLines(CPU_INFO)) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return Set.of(line.substring(colon + 1).trim().split("\\s+"));
                }
            }
        }
        catch (IOException | SecurityException e) {
            LOG.debug("cannot read {}: {}", CPU_INFO, e.getMessage());
        }
        return Set.of();
    }

    private static void setIfAbsent(String name, String value, String reason, List<String> settings)
    {
        if (System.getenv(name) != null) {
            return;
        }
        try {
            int result = org.bytedeco.systems.global.linux.setenv(name, value, 0);
            if (result == 0) {
                settings.add(name + "=" + value + " (" + reason + ")");
            }
            else {
                LOG.warn("could not set {}={} (setenv returned {})", name, value, result);
            }
        }
        catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            LOG.warn("could not set {}={}: {}; set it in the environment for full speed", name, value, e.getMessage());
        }
    }

    private static boolean isLinuxX86()
    {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
