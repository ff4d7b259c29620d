package org.ernie4j.core.engine.fused;

import java.util.Optional;

import org.ernie4j.core.model.ModelParameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether the fused engine can run here, and the BLAS setting it needs. It needs the vector API
 * ({@code --add-modules jdk.incubator.vector}, which the launcher and the build pass), ND4J's CPU backend (its arrays
 * must live in host memory) and float parameters. Nothing here loads a vector class, so asking is always safe.
 */
public final class FusedSupport
{
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private FusedSupport()
    {
    }

    /** Why the fused engine cannot run in this JVM, or empty if it can. */
    public static Optional<String> unavailableReason()
    {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.of("the JVM runs without the vector API; start it with --add-modules " + VECTOR_MODULE
                    + " (the ernie launcher does)");
        }
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        if (!backend.toLowerCase(java.util.Locale.ROOT).contains("cpu")) {
            return Optional.of("ND4J runs on the " + backend + " backend; the fused engine works on the CPU backend only");
        }
        return Optional.empty();
    }

    static void check(ModelParameters parameters)
    {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("the fused engine cannot run: " + reason);
        });
        if (parameters.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("the fused engine computes in float32; the parameters are " + parameters.dataType());
        }
    }

    /**
     * Each worker calls BLAS from its own thread on its own shard, so BLAS itself must not fan out: two levels of
     * threads on the same cores only get in each other's way. This is process-wide (OpenBLAS has one setting).
     */
    static void useSingleThreadedBlas()
    {
        useBlasThreads(1);
    }

    /** Lets each BLAS call use {@code threads} threads (process-wide, as above): for a forward pass on fewer sequences than workers. */
    static void useBlasThreads(int threads)
    {
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }
}
