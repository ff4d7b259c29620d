package org.ernie4j.runner.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.StepResult;

import static java.util.Objects.requireNonNull;

/**
 * What a worker does with a shard: take an engine of its JVM, bring it to the step's broadcast parameters, compute the
 * shard's loss and gradients, and return them scaled by the shard's loss weight. It writes nothing anywhere: checkpoints
 * are the driver's alone.
 */
final class ShardTask
        implements Function<Shard, GradientSum>
{
    private static final long serialVersionUID = 1L;

    private final Broadcast<ParameterSnapshot> parameters;
    private final EncoderShape encoder;
    private final EngineKind engine;
    private final int threads;

    ShardTask(Broadcast<ParameterSnapshot> parameters, EncoderShape encoder, EngineKind engine, int threads)
    {
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.threads = threads;
    }

    @Override
    public GradientSum call(Shard shard)
    {
        Failpoint.check(shard.job(), shard.index());
        return WorkerEngines.withEngine(encoder.toConfig(), engine, threads, parameters.value(), worker -> {
            long started = System.nanoTime();
            StepResult result = worker.gradients(shard.head().toTaskHead(), shard.batch(), shard.dropoutSeed());
            return GradientSum.of(result, shard.weight(), (System.nanoTime() - started) / 1e9);
        });
    }
}
