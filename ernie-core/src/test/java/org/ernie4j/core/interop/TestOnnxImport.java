package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ONNX import on the published all-MiniLM-L6-v2 graph, changed where a weight's role, the positions or the activation
 * could no longer be told: each is refused, naming the initializer or what the graph lacks.
 */
class TestOnnxImport
{
    private static ModelProto published;

    @TempDir
    Path temporary;

    @BeforeAll
    static void readThePublishedGraph()
    {
        published = OnnxImport.parse(TestingMiniLm.directory().resolve(OnnxImport.MODEL));
    }

    @Test
    void parsingLeavesTheWeightsInTheMappedFile()
    {
        long before = TestingHeap.used();
        ModelProto model = OnnxImport.parse(TestingMiniLm.directory().resolve(OnnxImport.MODEL));
        long grown = TestingHeap.used() - before;
        assertThat(model.getGraph().getInitializerCount()).isEqualTo(102);
        assertThat(model.getGraph().getInitializer(1).getRawData().asReadOnlyByteBuffer().isDirect()).as("a view of the mapping").isTrue();
        // Half the file's size: a parse that copied the weights into the heap takes all 90 MB; the heap measured after a
        // collection still moves by some 20 MB between runs of the same code (18.6 MB was seen once), so a tighter bound
        // would fail on noise.
        assertThat(grown).as("heap taken by parsing a 90 MB model").isLessThan(45L << 20);
    }

    @Test
    void aMatrixWhoseBiasIsUnnamedIsRefusedByName()
            throws IOException
    {
        // Layer 2's query bias renamed: the MatMul reading onnx::MatMul_813 now feeds the Add of a tensor with no role.
        GraphProto.Builder graph = published.getGraph().toBuilder();
        renameInitializer(graph, "encoder.layer.2.attention.self.query.bias", "unnamed_bias");
        Path directory = write(published.toBuilder().setGraph(graph).build());
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("model.onnx: 2 problems")
                .hasMessageContaining("initializer onnx::MatMul_813 F32[384, 384] has no role ernie4j can tell: it is read by MatMul"
                        + " /encoder/layer.2/attention/self/query/MatMul")
                .hasMessageContaining("initializer unnamed_bias F32[384] has no role ernie4j can tell");
    }

    @Test
    void positionsThatDoNotCountFromZeroAreRefused()
            throws IOException
    {
        GraphProto.Builder graph = published.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto tensor = graph.getInitializer(i);
            if (tensor.getName().equals("embeddings.position_ids")) {
                // RoBERTa's positions start after the padding index; here they start at 2.
                long[] ids = new long[512];
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(512 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int position = 0; position < ids.length; position++) {
                    bytes.putLong(position + 2);
                }
                graph.setInitializer(i, tensor.toBuilder().setRawData(org.nd4j.shade.protobuf.ByteString.copyFrom(bytes.array())));
            }
        }
        Path directory = write(published.toBuilder().setGraph(graph).build());
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory))
                .hasMessageContaining("initializer embeddings.position_ids I64[1, 512] is not the positions 0, 1, 2, ... (at 0: 2)");
    }

    @Test
    void anActivationOtherThanGeluIsRefused()
            throws IOException
    {
        GraphProto.Builder graph = published.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            if (node.getOpType().equals("Erf")) {
                graph.setNode(i, node.toBuilder().setOpType("Tanh").build());
            }
        }
        Path tanh = write(published.toBuilder().setGraph(graph).build());
        // Erf swapped for Tanh is not the tanh form of GELU, but reads as one: the activation follows the operators.
        assertThat(new OnnxImport(ImportOptions.defaults()).read(tanh).encoder().activation()).isEqualTo(org.ernie4j.core.model.Activation.GELU_TANH);
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            if (node.getOpType().equals("Tanh")) {
                graph.setNode(i, node.toBuilder().setOpType("Sigmoid").build());
            }
        }
        Path sigmoid = write(published.toBuilder().setGraph(graph).build());
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(sigmoid))
                .hasMessageContaining("the feed-forward activation (operators [Add, Div, Mul, Sigmoid]) is neither GELU form");
    }

    @Test
    void anOnnxFileNeedsItsTokenizer()
            throws IOException
    {
        Path directory = Files.createDirectories(temporary.resolve("no-tokenizer"));
        Files.createSymbolicLink(directory.resolve(OnnxImport.MODEL), TestingMiniLm.directory().resolve(OnnxImport.MODEL));
        assertThat(OnnxImport.holdsOnnx(directory)).isTrue();
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory)).hasMessageContaining("has no tokenizer.json");
    }

    private static void renameInitializer(GraphProto.Builder graph, String from, String to)
    {
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(from)) {
                graph.setInitializer(i, graph.getInitializer(i).toBuilder().setName(to));
            }
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            NodeProto.Builder renamed = node.toBuilder();
            for (int input = 0; input < node.getInputCount(); input++) {
                if (node.getInput(input).equals(from)) {
                    renamed.setInput(input, to);
                }
            }
            graph.setNode(i, renamed);
        }
    }

    private Path write(ModelProto model)
            throws IOException
    {
        Path directory = Files.createTempDirectory(temporary, "onnx");
        try (OutputStream out = Files.newOutputStream(directory.resolve(OnnxImport.MODEL))) {
            model.writeTo(out);
        }
        Files.copy(TestingMiniLm.directory().resolve(TokenizerJson.FILE), directory.resolve(TokenizerJson.FILE));
        return directory;
    }
}
