package org.ernie4j.core.engine.execution;

import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.fused.FusedAdamW;
import org.ernie4j.core.engine.fused.FusedEngine;
import org.ernie4j.core.engine.fused.FusedSupport;
import org.ernie4j.core.engine.fused.StepProfile;
import org.ernie4j.core.engine.fused.Workers;
import org.ernie4j.core.engine.samediff.SameDiffEngine;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.optim.AdamW;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Who executes the model: an engine and the optimizer that goes with it, chosen by {@link EngineKind}. The fused engine
 * comes with the fused AdamW, both sharing one set of worker threads; the SameDiff engine comes with the ND4J AdamW,
 * which runs on any backend. Both optimizers keep the same state, so a checkpoint resumes under either.
 */
@PublicApi
public final class Execution
        implements AutoCloseable
{
    /**
     * The system property that, set to {@code false} before {@link #forInference}, keeps the fused engine from splitting a
     * batch smaller than its workers within the sequences: for a benchmark's same-run comparison with the engine before
     * the split, not for use.
     */
    public static final String SPLIT_WITHIN_SEQUENCES_PROPERTY = FusedEngine.SPLIT_PROPERTY;
    /**
     * The system property that, set to {@code false} before {@link #forInference}, makes the fused engine run products of
     * few rows on BLAS instead of on weights packed once: for a benchmark's same-run comparison, not for use.
     */
    public static final String PANEL_PRODUCTS_PROPERTY = FusedEngine.PANEL_PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final EngineKind kind;
    private final ModelEngine engine;
    private final ModelParameters parameters;
    private final Optimizer optimizer;
    private final Workers workers;

    private Execution(EngineKind kind, ModelEngine engine, ModelParameters parameters, Optimizer optimizer, Workers workers)
    {
        this.kind = kind;
        this.engine = engine;
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.workers = workers;
    }

    /**
     * The engine {@code requested} stands for here: {@code auto} is the fused engine where it can run and SameDiff
     * elsewhere; {@code fused} where it cannot run is an error that says why.
     */
    public static EngineKind resolve(EngineKind requested)
    {
        requireNonNull(requested, "requested is null");
        return switch (requested) {
            case SAMEDIFF -> EngineKind.SAMEDIFF;
            case AUTO -> FusedSupport.unavailableReason().isEmpty() ? EngineKind.FUSED : EngineKind.SAMEDIFF;
            case FUSED -> {
                FusedSupport.unavailableReason().ifPresent(reason -> {
                    throw new IllegalStateException("the fused engine was requested but cannot run: " + reason);
                });
                yield EngineKind.FUSED;
            }
        };
    }

    /** Why {@code auto} does not choose the fused engine here, or an empty text if it does. */
    public static String autoReason()
    {
        return FusedSupport.unavailableReason().orElse("");
    }

    /** The engine {@code requested} stands for, on as many threads as there are processors. */
    public static Execution create(EngineKind requested, EncoderConfig config, ModelParameters parameters, OptimizerSettings settings)
    {
        return create(requested, config, parameters, settings, Runtime.getRuntime().availableProcessors());
    }

    /** The engine {@code requested} stands for; the fused engine and its optimizer run on {@code threads} threads. */
    public static Execution create(EngineKind requested, EncoderConfig config, ModelParameters parameters, OptimizerSettings settings,
            int threads)
    {
        requireNonNull(settings, "settings is null");
        Execution engineOnly = forGradients(requested, config, parameters, threads);
        try {
            return new Execution(engineOnly.kind, engineOnly.engine, parameters, engineOnly.newOptimizer(settings), engineOnly.workers);
        }
        catch (RuntimeException e) {
            engineOnly.close();
            throw e;
        }
    }

    /**
     * The engine {@code requested} stands for, without an optimizer: for a worker of a data-parallel run, which only
     * computes gradients (the driver applies the update), so that it holds no optimizer state it never uses.
     */
    public static Execution forGradients(EngineKind requested, EncoderConfig config, ModelParameters parameters, int threads)
    {
        return withoutOptimizer(requested, config, parameters, threads, false);
    }

    private static Execution withoutOptimizer(EngineKind requested, EncoderConfig config, ModelParameters parameters, int threads,
            boolean forwardOnly)
    {
        requireNonNull(config, "config is null");
        requireNonNull(parameters, "parameters is null");
        EngineKind kind = resolve(requested);
        if (kind == EngineKind.FUSED) {
            Workers workers = new Workers(threads);
            try {
                FusedEngine engine = forwardOnly ? FusedEngine.forwardOnly(config, parameters, workers) : new FusedEngine(config, parameters, workers);
                return new Execution(kind, engine, parameters, null, workers);
            }
            catch (RuntimeException e) {
                workers.close();
                throw e;
            }
        }
        return new Execution(kind, new SameDiffEngine(config, parameters), parameters, null, null);
    }

    /**
     * The engine {@code requested} stands for, for forward passes only (encoding, logits, evaluation) of parameters that
     * stay as they are while it runs: no optimizer, no dropout, no gradients (the fused engine then keeps no activations
     * for a backward pass and no gradient buffers). It logs which engine runs, and why {@code auto} fell back to SameDiff
     * where it did, since inference on the graph is several times slower.
     */
    public static Execution forInference(EngineKind requested, EncoderConfig config, ModelParameters parameters, int threads)
    {
        requireNonNull(requested, "requested is null");
        requireNonNull(config, "config is null");
        Execution execution = withoutOptimizer(requested, config.withoutDropout(), parameters, threads, true);
        if (requested == EngineKind.AUTO && execution.kind == EngineKind.SAMEDIFF) {
            LOG.info("inference engine: samediff (configured: auto; the fused engine cannot run: {})", autoReason());
        }
        else {
            LOG.debug("inference engine: {} (configured: {})", execution.kind.configName(), requested.configName());
        }
        return execution;
    }

    /** The engine that runs: {@link EngineKind#FUSED} or {@link EngineKind#SAMEDIFF}. */
    public EngineKind kind()
    {
        return kind;
    }

    public ModelEngine engine()
    {
        return engine;
    }

    /** The optimizer that goes with the engine; none for an execution made {@linkplain #forGradients for gradients only}. */
    public Optimizer optimizer()
    {
        if (optimizer == null) {
            throw new IllegalStateException("this execution computes gradients only; it has no optimizer");
        }
        return optimizer;
    }

    /**
     * A new optimizer of the kind that goes with the engine, over the same parameters and (fused) threads, with empty
     * state: for a worker that takes local steps of its own with the hyper-parameters of the run it works for.
     */
    public Optimizer newOptimizer(OptimizerSettings settings)
    {
        requireNonNull(settings, "settings is null");
        return kind == EngineKind.FUSED ? new FusedAdamW(settings, parameters, workers) : new AdamW(settings, parameters);
    }

    /**
     * Where the steps' time went since the engine started or since {@link #resetProfile()}; empty for the SameDiff engine,
     * which does not time its parts.
     */
    public Optional<StepBreakdown> profile()
    {
        if (!(engine instanceof FusedEngine fused)) {
            return Optional.empty();
        }
        StepProfile profile = fused.profile();
        List<StepBreakdown.Part> parts = profile.parts().stream()
                .map(part -> new StepBreakdown.Part(part.op().description(), part.seconds(), part.gigaflops()))
                .toList();
        return Optional.of(new StepBreakdown(profile.steps(), parts, profile.gigaflopsPerStep()));
    }

    /** Starts the {@linkplain #profile() profile} afresh, after warm-up steps say; nothing for the SameDiff engine. */
    public void resetProfile()
    {
        if (engine instanceof FusedEngine fused) {
            fused.resetProfile();
        }
    }

    @Override
    public void close()
    {
        try {
            engine.close();
        }
        finally {
            if (workers != null) {
                workers.close();
            }
        }
    }
}
