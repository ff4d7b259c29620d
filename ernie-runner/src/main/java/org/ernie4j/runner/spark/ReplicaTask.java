package org.ernie4j.runner.spark;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.optim.GradientClipping;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

import static java.util.Objects.requireNonNull;

/**
 * What a worker does with its part of a round: take an engine of its JVM, bring it to the round's broadcast parameters,
 * give it an optimizer with the broadcast moments, and take the round's steps on its shards exactly as the trainer takes
 * a step (the task's gradients, plus the masked-LM batch's where the run adds one, the divergence check, clipping, the
 * update). It returns its parameters and moments for the driver to average, and writes nothing anywhere.
 */
final class ReplicaTask
        implements Function<ReplicaWork, ReplicaSum>
{
    private static final long serialVersionUID = 1L;

    private final Broadcast<RoundStart> round;
    private final EncoderShape encoder;
    private final EngineKind engine;
    private final int threads;

    ReplicaTask(Broadcast<RoundStart> round, EncoderShape encoder, EngineKind engine, int threads)
    {
        this.round = requireNonNull(round, "round is null");
        this.encoder = requireNonNull(encoder, "encoder is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.threads = threads;
    }

    @Override
    public ReplicaSum call(ReplicaWork work)
    {
        Failpoint.check(work.job(), work.index());
        RoundStart start = round.value();
        return WorkerEngines.withEngine(encoder.toConfig(), engine, threads, start.parameters(), worker -> {
            // From here on the engine's parameters leave the snapshot, also if a step fails half-way.
            worker.changedLocally();
            return train(work, worker, start);
        });
    }

    private static ReplicaSum train(ReplicaWork work, WorkerEngines.WorkerEngine worker, RoundStart start)
    {
        long started = System.nanoTime();
        OptimizerSettings settings = start.optimizer().toSettings();
        Optimizer optimizer = worker.newOptimizer(settings);
        optimizer.restore(start.moments().toMoments(worker.parameters()));
        ReplicaSum sum = ReplicaSum.worker(work.length());
        Set<String> changed = new LinkedHashSet<>();
        for (ReplicaStep step : work.steps()) {
            int position = (int) (step.step() - work.firstStep());
            Map<String, INDArray> gradients = new HashMap<>();
            if (step.main() != null) {
                Optional<StepResult> result = pass(worker, step.main(), "loss", step.step(), work.index(), sum);
                if (result.isEmpty()) {
                    return sum;
                }
                sum.step(position, step.main().weight(), result.get().evaluation());
                // An engine may reuse its gradient arrays from call to call: keep the task's apart from the masked LM's.
                result.get().gradients().forEach((name, gradient) -> gradients.put(name, step.auxiliary() == null ? gradient : gradient.dup()));
            }
            if (step.auxiliary() != null) {
                Optional<StepResult> masked = pass(worker, step.auxiliary(), "masked-LM loss", step.step(), work.index(), sum);
                if (masked.isEmpty()) {
                    return sum;
                }
                sum.auxiliary(position, step.auxiliary().weight(), masked.get().loss());
                masked.get().gradients().forEach((name, gradient) -> gradients.merge(name, gradient, INDArray::add));
            }
            double norm = optimizer.gradientNorm(gradients);
            if (!Double.isFinite(norm)) {
                sum.diverged(step.step(), "the gradient norm is " + norm + " on worker " + work.index());
                return sum;
            }
            sum.norm(position, norm);
            optimizer.apply(gradients, step.learningRate(), GradientClipping.scale(norm, settings.clipNorm()));
            changed.addAll(gradients.keySet());
        }
        sum.finish(worker.parameters(), optimizer.state(), changed, (System.nanoTime() - started) / 1e9);
        return sum;
    }

    /** The shard's loss and gradients; empty, with the divergence recorded in {@code sum}, when the loss is not finite. */
    private static Optional<StepResult> pass(WorkerEngines.WorkerEngine worker, Shard shard, String loss, long step, int workerIndex, ReplicaSum sum)
    {
        StepResult result = worker.gradients(shard.head().toTaskHead(), shard.batch(), shard.dropoutSeed());
        if (!Double.isFinite(result.loss())) {
            sum.diverged(step, "the " + loss + " is " + result.loss() + " on worker " + workerIndex);
            return Optional.empty();
        }
        return Optional.of(result);
    }
}
