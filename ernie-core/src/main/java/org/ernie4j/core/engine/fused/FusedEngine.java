package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EncoderOutputs;
import org.ernie4j.core.engine.Evaluation;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.StepResult;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.TaskHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * The standard encoder and heads executed directly on the CPU: every matrix product is one OpenBLAS {@code sgemm} on
 * buffers where the operands already lie, and everything else (embeddings, layer norm with its residual and dropout,
 * GELU, the attention softmax with its padding bias, the loss) is a fused loop over preallocated native buffers, written
 * with the vector API. It computes the same function as the SameDiff graph of {@link org.ernie4j.core.engine.samediff}, with the
 * same parameters, the same dropout masks and the same gradients (to float rounding); a custom head runs in SameDiff on
 * this engine's encoder outputs.
 *
 * <p>The batch is split by sequences over the {@link Workers}; each worker runs the whole forward and backward pass of
 * its shard with single-threaded BLAS into its own gradient buffers, and the workers then add their gradients. This
 * keeps both cores busy in every part of the step, not only in the large products.
 *
 * <p>The gradient arrays of a {@link StepResult} belong to the engine and are overwritten by its next call; use them (or
 * copy them) before that. Calls are serialised.
 *
 * <p>An engine {@linkplain #forwardOnly made for forward passes only} (inference) keeps no activations for a backward
 * pass and no gradient buffers, and packs the parameters once (they must not change while it runs). At a batch smaller
 * than its workers (a single text) it splits the encoder's work within the sequences instead: every worker takes a share
 * of the attention heads, and a share of the rows for the rest, or, for inputs too short for that (see {@link
 * #ROW_SPLIT_FROM}), a band of each product's output columns and a share of the rows for the norms (see {@link
 * EncoderPasses#forwardShares}), so that GELU, the norms and the softmax use every core too, not only the products; the
 * head after the encoder lets BLAS use the idle workers' cores. The system property {@value #SPLIT_PROPERTY}{@code =false} turns the split off (BLAS
 * threads for the whole pass, as before the split existed): for the benchmark's same-run comparison only.
 */
public final class FusedEngine
        implements ModelEngine
{
    /** Set to {@code false}, forward-only engines made afterwards do not split a pass within sequences (benchmark A/B only). */
    public static final String SPLIT_PROPERTY = "ernie4j.fused.splitWithinSequences";
    /** Set to {@code false}, forward-only engines made afterwards run every product on BLAS, none on {@link PanelGemm} (benchmark A/B only). */
    public static final String PANEL_PROPERTY = "ernie4j.fused.panelProducts";
    /**
     * A pass split within sequences gives each worker a share of the rows when a share has at least this many, and a band
     * of every product's columns below: OpenBLAS's single-threaded {@code sgemm} of MiniLM's shapes ran at 34, 50, 65 and
     * 76 GFLOP/s on 16, 32, 64 and 128 rows (86 on 512), while a column band costs five more waits per layer; measured
     * at batch 1, the bands were faster at 32 pieces over 2 workers and slightly slower at 128.
     */
    static final int ROW_SPLIT_FROM = 64;

    private final EncoderConfig config;
    private final ModelParameters parameters;
    private final Workers workers;
    private final EncoderBlocks encoder;
    private final Activations activations;
    private final MaskSet masks;
    private final EncoderPasses encoderPasses;
    private final PoolerPass pooler;
    private final Worker[] workerStates;
    private final Map<String, TaskPlan> tasks = new HashMap<>();
    private final boolean forwardOnly;
    private final boolean splitWithinSequences;
    private final boolean panelProducts;
    private final int rowSplitFrom;
    private boolean packed;
    private long profiledSteps;

    public FusedEngine(EncoderConfig config, ModelParameters parameters, Workers workers)
    {
        this(config, parameters, workers, false, false, ROW_SPLIT_FROM);
    }

    /** An engine for forward passes only (encoding, logits, evaluation) of parameters that do not change while it runs. */
    public static FusedEngine forwardOnly(EncoderConfig config, ModelParameters parameters, Workers workers)
    {
        return forwardOnly(config, parameters, workers, !"false".equals(System.getProperty(SPLIT_PROPERTY)));
    }

    /** As {@link #forwardOnly(EncoderConfig, ModelParameters, Workers)}, splitting batches smaller than the workers or not. */
    static FusedEngine forwardOnly(EncoderConfig config, ModelParameters parameters, Workers workers, boolean splitWithinSequences)
    {
        return forwardOnly(config, parameters, workers, splitWithinSequences, ROW_SPLIT_FROM);
    }

    /** As above, splitting by rows from {@code rowSplitFrom} rows per share (see {@link #ROW_SPLIT_FROM}; tests take both ways). */
    static FusedEngine forwardOnly(EncoderConfig config, ModelParameters parameters, Workers workers, boolean splitWithinSequences,
            int rowSplitFrom)
    {
        return new FusedEngine(config, parameters, workers, true, splitWithinSequences, rowSplitFrom);
    }

    private FusedEngine(EncoderConfig config, ModelParameters parameters, Workers workers, boolean forwardOnly, boolean splitWithinSequences,
            int rowSplitFrom)
    {
        this.config = requireNonNull(config, "config is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.workers = requireNonNull(workers, "workers is null");
        FusedSupport.check(parameters);
        FusedSupport.useSingleThreadedBlas();
        // The few ND4J operations left (creating gradient arrays, a custom head's graph) are small: one thread, as elsewhere.
        NativeEnvironment.limitNd4jThreads();
        this.encoder = new EncoderBlocks(config, name -> FloatBlock.of(parameters.get(name)));
        this.forwardOnly = forwardOnly;
        this.splitWithinSequences = forwardOnly && splitWithinSequences;
        // The packed kernel exists for OpenBLAS's weakness at few rows; Intel MKL's sgemm (ERNIE_BLAS=mkl) needs no such help:
        // measured again at batch 1 on MiniLM once the head's BLAS threads were fixed, MKL's sgemm ran 220-243 sentences/s
        // against the packed kernel's 208-213 at 32 pieces, 70.7-75.8 against 59.7-62.9 at 128 (docs/BENCHMARKS.md).
        this.panelProducts = forwardOnly && !"false".equals(System.getProperty(PANEL_PROPERTY)) && NativeEnvironment.mklLibrary().isEmpty();
        this.rowSplitFrom = rowSplitFrom;
        this.activations = new Activations(config, forwardOnly);
        this.masks = new MaskSet(config);
        this.encoderPasses = new EncoderPasses(config, encoder, activations, masks);
        this.pooler = new PoolerPass(config, encoder, activations);
        this.workerStates = new Worker[workers.count()];
        for (int index = 0; index < workerStates.length; index++) {
            workerStates[index] = new Worker(index, config, parameters);
        }
    }

    @Override
    public synchronized StepResult gradients(TaskHead task, Batch batch, long dropoutSeed)
    {
        if (forwardOnly) {
            throw new IllegalStateException("this fused engine was made for forward passes only; it computes no gradients");
        }
        TaskPlan plan = plan(task);
        StepInputs inputs = StepInputs.of(config, batch, task.taskId(), true);
        Shard[] shards = prepare(inputs);
        drawMasks(inputs, shards, dropoutSeed);
        Evaluation evaluation;
        Map<String, INDArray> gradients;
        if (plan.custom() != null) {
            CustomHeadBridge.Result result = customPass(plan.custom(), batch, inputs, shards, true);
            workers.run(shards.length, w -> backwardFromCustom(shards[w], inputs, plan.custom()));
            reduce(plan, shards.length);
            gradients = new LinkedHashMap<>(plan.gradients());
            gradients.putAll(result.parameterGradients());
            evaluation = new Evaluation(result.loss(), 0, 0);
        }
        else {
            HeadTargets targets = HeadTargets.of(task.name(), task.head(), batch, config.vocabularySize());
            plan.head().ensure(inputs, targets);
            workers.run(shards.length, w -> trainShard(shards[w], inputs, targets, plan.head()));
            reduce(plan, shards.length);
            gradients = plan.gradients();
            evaluation = tally(shards.length);
        }
        profiledSteps++;
        return new StepResult(evaluation, gradients);
    }

    @Override
    public synchronized Evaluation evaluate(TaskHead task, Batch batch)
    {
        TaskPlan plan = plan(task);
        StepInputs inputs = StepInputs.of(config, batch, task.taskId(), false);
        Shard[] shards = prepare(inputs);
        if (plan.custom() != null) {
            return new Evaluation(customPass(plan.custom(), batch, inputs, shards, false).loss(), 0, 0);
        }
        HeadTargets targets = HeadTargets.of(task.name(), task.head(), batch, config.vocabularySize());
        plan.head().ensure(inputs, targets);
        forward(inputs, shards, (shard, worker) -> plan.head().forward(shard, inputs, targets, worker, false));
        return tally(shards.length);
    }

    @Override
    public synchronized INDArray logits(TaskHead task, Batch batch)
    {
        TaskPlan plan = plan(task);
        if (plan.custom() != null) {
            throw new UnsupportedOperationException("the fused engine gives no logits for the custom head of task " + task.name()
                    + "; its graph runs in SameDiff, use the SameDiff engine");
        }
        StepInputs inputs = StepInputs.of(config, batch, task.taskId(), false);
        Shard[] shards = prepare(inputs);
        plan.head().ensure(inputs, HeadTargets.of(task.name(), task.head(), batch, config.vocabularySize()));
        forward(inputs, shards, (shard, worker) -> plan.head().forwardLogits(shard, inputs, worker));
        return plan.head().logits(inputs);
    }

    /** The average time per step of each part since the engine started or since {@link #resetProfile()}. */
    public synchronized StepProfile profile()
    {
        OpTimer timer = workerStates[0].timer;
        List<StepProfile.Part> parts = new ArrayList<>();
        long steps = Math.max(1, profiledSteps);
        for (Op op : Op.values()) {
            if (timer.nanos(op) > 0) {
                parts.add(new StepProfile.Part(op, timer.nanos(op) / 1e9 / steps, timer.flops(op) / 1e9 / steps));
            }
        }
        long flops = 0;
        for (Worker worker : workerStates) {
            for (Op op : Op.values()) {
                flops += worker.timer.flops(op);
            }
        }
        return new StepProfile(profiledSteps, parts, flops / 1e9 / steps);
    }

    public synchronized void resetProfile()
    {
        for (Worker worker : workerStates) {
            worker.timer.reset();
        }
        profiledSteps = 0;
    }

    private Shard[] prepare(StepInputs inputs)
    {
        // Training changes the parameters after every step; a forward-only engine's stay as they were.
        if (!forwardOnly || !packed) {
            encoderPasses.prepare();
            if (panelProducts) {
                encoderPasses.preparePanels();
            }
            packed = true;
        }
        activations.ensure(inputs.size(), inputs.length());
        if (inputs.training()) {
            masks.ensure(inputs.rows());
        }
        return Shard.split(inputs.size(), inputs.length(), workers.count());
    }

    /**
     * The encoder's forward pass over every sequence, then {@code head} on each shard. Over a batch smaller than the
     * workers, a forward-only engine splits the encoder within the sequences so that every worker has a share; the head
     * (the pooler or a task's, small next to the encoder) then runs on the sequences' shards.
     */
    private void forward(StepInputs inputs, Shard[] shards, java.util.function.BiConsumer<Shard, Worker> head)
    {
        if (splitWithinSequences && shards.length < workers.count()) {
            boolean byRows = inputs.rows() / workers.count() >= rowSplitFrom;
            SharedParts parts = new SharedParts(encoderPasses.sharedParts(byRows), workers.count());
            workers.runSharing(workers.count(), w -> {
                Worker worker = workerStates[w];
                worker.timer.start();
                worker.tally.reset();
                encoderPasses.forwardShares(inputs, worker, parts, byRows);
            });
            // The head on single-threaded BLAS: it is one row per sequence, and switching OpenBLAS to more threads and
            // back around it on every call cost batch 1 a quarter of its speed (docs/BENCHMARKS.md, issue 25).
            workers.run(shards.length, w -> {
                Worker worker = workerStates[w];
                worker.timer.start();
                head.accept(shards[w], worker);
            });
            return;
        }
        runForward(shards, w -> {
            Worker worker = workerStates[w];
            worker.timer.start();
            forwardEncoder(shards[w], inputs, worker);
            head.accept(shards[w], worker);
        });
    }

    /**
     * Runs a pass over the shards. A forward-only engine given fewer sequences than workers (a single text, say) lets
     * each shard's BLAS calls use the idle workers' cores meanwhile; training never does, since its batches fill the
     * workers and BLAS threads on top of them would only compete for the same cores.
     */
    private void runForward(Shard[] shards, java.util.function.IntConsumer pass)
    {
        int blasThreads = forwardOnly ? workers.count() / shards.length : 1;
        if (blasThreads <= 1) {
            workers.run(shards.length, pass);
            return;
        }
        FusedSupport.useBlasThreads(blasThreads);
        try {
            workers.run(shards.length, pass);
        }
        finally {
            FusedSupport.useSingleThreadedBlas();
        }
    }

    private void drawMasks(StepInputs inputs, Shard[] shards, long seed)
    {
        if (MaskSet.count(config) == 0) {
            return;
        }
        workers.run(shards.length, w -> {
            Worker worker = workerStates[w];
            worker.timer.start();
            masks.draw(seed, inputs.rows(), w, shards.length);
            worker.timer.stop(Op.DROPOUT_MASKS);
        });
    }

    private void trainShard(Shard shard, StepInputs inputs, HeadTargets targets, HeadPass head)
    {
        Worker worker = workerStates[shard.worker()];
        worker.timer.start();
        worker.tally.reset();
        forwardEncoder(shard, inputs, worker);
        head.forward(shard, inputs, targets, worker, true);
        head.backward(shard, inputs, targets, worker, activations.gradientA);
        encoderPasses.backward(shard, inputs, worker, head.writesTokenGradient());
    }

    private void forwardEncoder(Shard shard, StepInputs inputs, Worker worker)
    {
        worker.tally.reset();
        encoderPasses.forward(shard, inputs, worker);
    }

    /**
     * The encoder's outputs without dropout, computed by the same passes that train: the fused engine is checked against
     * the model's definition (and an outside implementation) on its outputs as well as on its gradients.
     */
    @Override
    public synchronized EncoderOutputs encode(Batch batch, int taskId)
    {
        StepInputs inputs = StepInputs.of(config, batch, taskId, false);
        return forwardWithPooler(inputs, prepare(inputs));
    }

    /** The encoder and the pooler over every shard, copied out of the engine's buffers. */
    private EncoderOutputs forwardWithPooler(StepInputs inputs, Shard[] shards)
    {
        int h = config.hidden();
        pooler.ensure(inputs.size());
        forward(inputs, shards, (shard, worker) -> {
            pooler.forward(shard, worker);
            worker.timer.stop(Op.HEAD_FORWARD);
        });
        INDArray sequence = Nd4j.create(DataType.FLOAT, inputs.size(), inputs.length(), h);
        FloatBlock.of(sequence).copyFrom(activations.hidden[config.layers()], 0, 0, inputs.rows() * h);
        INDArray pooled = Nd4j.create(DataType.FLOAT, inputs.size(), h);
        FloatBlock.of(pooled).copyFrom(pooler.pooled(), 0, 0, inputs.size() * h);
        return new EncoderOutputs(sequence, pooled, true);
    }

    private CustomHeadBridge.Result customPass(CustomHeadBridge bridge, Batch batch, StepInputs inputs, Shard[] shards, boolean training)
    {
        int h = config.hidden();
        EncoderOutputs outputs = forwardWithPooler(inputs, shards);
        long started = System.nanoTime();
        INDArray sequence = outputs.sequence();
        INDArray pooled = outputs.pooled();
        INDArray mask = Nd4j.create(DataType.FLOAT, inputs.size(), inputs.length());
        int[] lengths = inputs.lengths();
        for (int sequenceIndex = 0; sequenceIndex < inputs.size(); sequenceIndex++) {
            for (int position = 0; position < lengths[sequenceIndex]; position++) {
                mask.putScalar(sequenceIndex, position, 1.0);
            }
        }
        CustomHeadBridge.Result result = bridge.run(batch, sequence, pooled, mask, training);
        if (training) {
            copyGradient(result.sequenceGradient(), activations.gradientA, inputs.rows() * h);
            copyGradient(result.pooledGradient(), pooler.gradient(), inputs.size() * h);
        }
        workerStates[0].timer.nanosAdd(Op.CUSTOM_HEAD, System.nanoTime() - started);
        return result;
    }

    private static void copyGradient(INDArray gradient, FloatBlock target, int length)
    {
        if (gradient == null) {
            target.fill(0f, 0, length);
            return;
        }
        INDArray dense = gradient.isView() || gradient.ordering() != 'c' ? gradient.dup('c') : gradient;
        target.copyFrom(FloatBlock.of(dense.castTo(DataType.FLOAT)), 0, 0, length);
    }

    private void backwardFromCustom(Shard shard, StepInputs inputs, CustomHeadBridge bridge)
    {
        Worker worker = workerStates[shard.worker()];
        worker.timer.start();
        if (bridge.usesPooled()) {
            pooler.backward(shard, worker, activations.gradientA, false);
            worker.timer.stop(Op.HEAD_BACKWARD);
        }
        encoderPasses.backward(shard, inputs, worker, false);
    }

    private void reduce(TaskPlan plan, int used)
    {
        if (used == 1) {
            return;
        }
        workers.run(used, w -> {
            Worker worker = workerStates[w];
            worker.timer.start();
            plan.reduce(w, used);
            worker.timer.stop(Op.REDUCE);
        });
    }

    private Evaluation tally(int used)
    {
        double loss = 0;
        long correct = 0;
        long labelled = 0;
        BitSet rightItems = new BitSet();
        int items = 0;
        for (int w = 0; w < used; w++) {
            LossTally tally = workerStates[w].tally;
            loss += tally.loss();
            correct += tally.correct();
            labelled += tally.labelled();
            tally.addRightItemsTo(rightItems);
            items = Math.max(items, tally.items());
        }
        int[] predictions = new int[items];
        Arrays.fill(predictions, -1);
        for (int w = 0; w < used; w++) {
            workerStates[w].tally.addPredictionsTo(predictions);
        }
        return new Evaluation(loss, correct, labelled, rightItems, predictions);
    }

    private TaskPlan plan(TaskHead task)
    {
        return tasks.computeIfAbsent(task.name(), name -> new TaskPlan(task, config, parameters, encoder, activations, pooler, workerStates,
                !forwardOnly));
    }

    @Override
    public synchronized void close()
    {
        tasks.clear();
    }
}
