package org.ernie4j.runner.benchmark;

import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.ernie4j.core.engine.Batch;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import static java.util.Objects.requireNonNull;

/**
 * An encoder's ONNX file served by ONNX Runtime on the CPU, as the peer the inference benchmark measures ernie4j's engines
 * against: every graph optimization on, sequential execution, {@code threads} intra-op threads (the calling thread among
 * them, as the fused engine's). ONNX Runtime is not in the fat jar (its natives for every platform would double it); the
 * benchmark puts its jar on the class path of the process that runs this.
 */
public final class OnnxRuntimeEncoder
        implements AutoCloseable
{
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;

    public OnnxRuntimeEncoder(Path model, int threads)
    {
        this(model, threads, null);
    }

    /**
     * As above; with a {@code profilePrefix}, ONNX Runtime profiles every run into a file whose name starts with it (see
     * {@link #endProfiling}). Profiling times each node, so a profiled encoder is not the one whose speed is measured.
     */
    public OnnxRuntimeEncoder(Path model, int threads, Path profilePrefix)
    {
        requireNonNull(model, "model is null");
        try {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (profilePrefix != null) {
                options.enableProfiling(profilePrefix.toString());
            }
            this.session = environment.createSession(model.toString(), options);
            this.inputs = session.getInputNames();
        }
        catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes a batch: the inputs the file asks for ({@code input_ids}, {@code attention_mask}, {@code token_type_ids},
     * and {@code task_type_ids} for an ernie4j export, as zeros) made from the batch, every output computed and released.
     */
    public void encode(Batch batch)
    {
        long[] shape = {batch.size(), batch.length()};
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (String input : inputs) {
                feeds.put(input, OnnxTensor.createTensor(environment, LongBuffer.wrap(values(input, batch)), shape));
            }
            try (OrtSession.Result ignored = session.run(feeds)) {
                // Computed is what is measured; reading the outputs out is the caller's business.
            }
        }
        catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
        finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private static long[] values(String input, Batch batch)
    {
        int[] ids = batch.inputIds();
        long[] values = new long[ids.length];
        switch (input) {
            case "input_ids" -> {
                for (int i = 0; i < ids.length; i++) {
                    values[i] = ids[i];
                }
            }
            case "attention_mask" -> {
                int[] lengths = batch.lengths();
                for (int row = 0; row < lengths.length; row++) {
                    for (int position = 0; position < lengths[row]; position++) {
                        values[row * batch.length() + position] = 1;
                    }
                }
            }
            case "token_type_ids" -> {
                int[] segments = batch.segmentIds();
                for (int i = 0; i < segments.length; i++) {
                    values[i] = segments[i];
                }
            }
            case "task_type_ids" -> {
                // Task 0, as ernie4j's engines are asked for.
            }
            default -> throw new IllegalArgumentException("the ONNX file asks for an input this benchmark does not know: " + input);
        }
        return values;
    }

    /** Ends the profiling this encoder was made with and returns where ONNX Runtime wrote the profile. */
    public Path endProfiling()
    {
        try {
            return Path.of(session.endProfiling());
        }
        catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot end its profile: " + e.getMessage(), e);
        }
    }

    @Override
    public void close()
    {
        try {
            session.close();
        }
        catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot close its session: " + e.getMessage(), e);
        }
    }
}
