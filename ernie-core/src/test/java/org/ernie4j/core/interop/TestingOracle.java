package org.ernie4j.core.interop;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixture written by {@code src/test/python/make_bert_oracle.py}: a tiny encoder's weights in the Hugging Face layout,
 * and what PyTorch computed with them (outputs for fixed inputs, one masked-LM step's loss and gradients).
 */
final class TestingOracle
{
    /** ERNIE layout: task embedding, exact GELU, epsilon 1e-12, names without a prefix. */
    static final String ERNIE_ERF = "ernie-tiny-erf";
    /** BERT layout: "bert." prefix, no task embedding, tanh GELU, epsilon 1e-5, tied decoder copy and next-sentence head. */
    static final String BERT_TANH = "bert-tiny-tanh";

    private final Path directory;
    private final SafetensorsFile oracle;

    private TestingOracle(Path directory)
    {
        this.directory = directory;
        this.oracle = SafetensorsFile.read(directory.resolve("oracle.safetensors"));
    }

    static TestingOracle of(String name)
    {
        try {
            return new TestingOracle(Path.of(TestingOracle.class.getResource(name + "/oracle.safetensors").toURI()).getParent());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path directory()
    {
        return directory;
    }

    Tensor tensor(String name)
    {
        Tensor tensor = oracle.tensors().get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("the oracle has no tensor " + name);
        }
        return tensor;
    }

    boolean has(String name)
    {
        return oracle.tensors().containsKey(name);
    }

    INDArray array(String name)
    {
        Tensor tensor = tensor(name);
        return Nd4j.create(tensor.floats(), tensor.shape(), 'c');
    }

    int taskId()
    {
        return (int) tensor("task_type_ids").longs()[0];
    }

    /** The fixed inputs, padded as PyTorch saw them; the targets are unused by the encoder. */
    Batch inputs()
    {
        return batch("input_ids", null);
    }

    /** The masked-LM step's inputs ([MASK] at the masked positions) with the original ids as targets. */
    Batch maskedLmStep()
    {
        return batch("mlm.input_ids", tensor("mlm.flat_positions").longs());
    }

    private Batch batch(String idsName, long[] flatPositions)
    {
        Tensor ids = tensor(idsName);
        long[] shape = ids.shape();
        int size = (int) shape[0];
        int length = (int) shape[1];
        long[] tokenIds = ids.longs();
        long[] segments = tensor("token_type_ids").longs();
        long[] mask = tensor("attention_mask").longs();
        long[] originals = tensor("input_ids").longs();
        List<Example> examples = new ArrayList<>();
        for (int row = 0; row < size; row++) {
            int real = 0;
            while (real < length && mask[row * length + real] == 1) {
                real++;
            }
            int[] rowIds = new int[real];
            int[] rowSegments = new int[real];
            for (int position = 0; position < real; position++) {
                rowIds[position] = (int) tokenIds[row * length + position];
                rowSegments[position] = (int) segments[row * length + position];
            }
            if (flatPositions == null) {
                examples.add(new Example(rowIds, rowSegments, new SequenceLabel(0)));
                continue;
            }
            List<Integer> positions = new ArrayList<>();
            for (long flat : flatPositions) {
                if (flat / length == row) {
                    positions.add((int) (flat % length));
                }
            }
            int[] at = positions.stream().mapToInt(Integer::intValue).toArray();
            int[] labels = new int[at.length];
            for (int i = 0; i < at.length; i++) {
                labels[i] = (int) originals[row * length + at[i]];
            }
            examples.add(new Example(rowIds, rowSegments, new MaskedTokens(at, labels)));
        }
        return Batch.of(examples, 0, length);
    }
}
