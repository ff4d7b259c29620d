package org.ernie4j.runner.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.model.optim.Optimizer;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The engines of one worker JVM, kept from task to task. Building an engine (and, for SameDiff, its graph) costs far
 * more than a step, and a Spark executor is a long-lived JVM that runs task after task, so engines live in this JVM-wide
 * pool: a task borrows one, copies the step's broadcast parameters into it and gives it back. An engine is not safe for
 * two threads at once, and an executor runs as many tasks at once as it has task slots, so the pool holds up to one
 * engine per slot. In local mode the workers are threads of the driver's JVM; {@link #closeAll()} frees their engines
 * when the run ends.
 */
final class WorkerEngines
{
    private static final List<WorkerEngine> IDLE = new ArrayList<>();

    private WorkerEngines()
    {
    }

    /** An idle engine of this shape, or a new one whose parameters are {@code snapshot}'s (an engine needs them to exist). */
    private static WorkerEngine borrow(EncoderConfig config, EngineKind kind, int threads, ParameterSnapshot snapshot)
    {
        synchronized (IDLE) {
            for (Iterator<WorkerEngine> engines = IDLE.iterator(); engines.hasNext(); ) {
                WorkerEngine engine = engines.next();
                if (engine.fits(config, kind, threads)) {
                    engines.remove();
                    return engine;
                }
            }
        }
        // ND4J reads its native settings once, when it loads: on an executor this may be the first ND4J use.
        NativeEnvironment.prepare();
        return new WorkerEngine(config, kind, threads, snapshot);
    }

    /**
     * Runs {@code work} on an engine of this shape brought to {@code snapshot}'s parameters, and gives the engine back
     * afterwards, also when the work fails.
     */
    static <T> T withEngine(EncoderConfig config, EngineKind kind, int threads, ParameterSnapshot snapshot, Function<WorkerEngine, T> work)
    {
        WorkerEngine engine = borrow(config, kind, threads, snapshot);
        try {
            engine.load(snapshot);
            return work.apply(engine);
        }
        finally {
            giveBack(engine);
        }
    }

    private static void giveBack(WorkerEngine engine)
    {
        synchronized (IDLE) {
            IDLE.add(engine);
        }
    }

    /** Closes every idle engine of this JVM. */
    static void closeAll()
    {
        List<WorkerEngine> closing;
        synchronized (IDLE) {
            closing = new ArrayList<>(IDLE);
            IDLE.clear();
        }
        closing.forEach(WorkerEngine::close);
    }

    /** One engine with its own copy of the parameters, and the version of the snapshot they hold. */
    static final class WorkerEngine
            implements AutoCloseable
    {
        private final EncoderConfig config;
        private final EngineKind requested;
        private final int threads;
        private final ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        private final Execution execution;
        private long version = Long.MIN_VALUE;

        private WorkerEngine(EncoderConfig config, EngineKind requested, int threads, ParameterSnapshot snapshot)
        {
            this.config = config;
            this.requested = requested;
            this.threads = threads;
            snapshot.copyInto(parameters);
            this.version = snapshot.version();
            this.execution = Execution.forGradients(requested, config, parameters, threads);
        }

        boolean fits(EncoderConfig wanted, EngineKind kind, int wantedThreads)
        {
            return config.equals(wanted) && requested == kind && threads == wantedThreads;
        }

        /** Brings the parameters to {@code snapshot}'s, unless they are there already. */
        void load(ParameterSnapshot snapshot)
        {
            if (snapshot.version() != version) {
                snapshot.copyInto(parameters);
                version = snapshot.version();
            }
        }

        StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
        {
            return execution.engine().gradients(task, batch, dropoutSeed);
        }

        /** A fresh optimizer over this engine's parameters, for local steps. */
        Optimizer newOptimizer(OptimizerSettings settings)
        {
            return execution.newOptimizer(settings);
        }

        ModelParameters parameters()
        {
            return parameters;
        }

        /** Marks the parameters as changed by local steps: the next {@link #load} copies the snapshot even if it is the same one. */
        void changedLocally()
        {
            version = Long.MIN_VALUE;
        }

        @Override
        public void close()
        {
            execution.close();
        }
    }
}
