package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.fused.FusedEngine;
import org.ernie4j.core.engine.fused.Workers;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ONNX files whose initializers lie in a side file, as files over 2 GB must keep them: the published all-MiniLM-L6-v2
 * rewritten with every initializer's values moved to {@code weights.bin} imports to the same weights and the same
 * outputs; a side file that is missing, short, or outside the model's directory is refused, naming initializer and file.
 */
class TestOnnxExternalData
{
    private static final String SIDE_FILE = "weights.bin";
    private static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private static ModelProto published;
    private static ImportedModel inline;

    @TempDir
    Path temporary;

    @BeforeAll
    static void importThePublishedFile()
    {
        published = OnnxImport.parse(TestingMiniLm.directory().resolve(OnnxImport.MODEL));
        inline = new OnnxImport(ImportOptions.defaults()).read(TestingMiniLm.directory());
    }

    @Test
    void initializersInASideFileImportToTheSameWeightsAndOutputs()
            throws IOException
    {
        Path directory = withSideFile(temporary.resolve("minilm-external"), SIDE_FILE);
        assertThat(Files.size(directory.resolve(OnnxImport.MODEL))).as("the graph alone").isLessThan(1L << 20);
        ImportedModel external = new OnnxImport(ImportOptions.defaults()).read(directory);

        assertThat(external.parameters().names()).containsExactlyElementsOf(inline.parameters().names());
        for (String name : inline.parameters().names()) {
            assertThat(external.parameters().get(name)).as(name).isEqualTo(inline.parameters().get(name));
        }
        assertThat(external.report().lines()).isEqualTo(inline.report().lines().stream()
                .map(line -> line.replace(TestingMiniLm.directory().toString(), directory.toString())).toList());
        Batch batch = batch(List.of("The State of the Union is strong.", "Mr. Speaker, Mr. Vice President, Members of Congress."));
        try (Workers workers = new Workers(2);
                FusedEngine fromInline = new FusedEngine(inline.encoder().withoutDropout(), inline.parameters(), workers);
                FusedEngine fromSideFile = new FusedEngine(external.encoder().withoutDropout(), external.parameters(), workers)) {
            INDArray expected = fromInline.encode(batch, 0).sequence();
            assertThat(fromSideFile.encode(batch, 0).sequence()).isEqualTo(expected);
        }
    }

    @Test
    void aMissingSideFileIsNamedWithItsInitializers()
            throws IOException
    {
        Path directory = withSideFile(temporary.resolve("minilm-missing"), SIDE_FILE);
        Files.delete(directory.resolve(SIDE_FILE));
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("initializer " + WORD_EMBEDDINGS + " keeps its values in weights.bin, which is not a file in " + directory);
    }

    @Test
    void aShortSideFileIsNamedWithTheInitializersItCannotHold()
            throws IOException
    {
        Path directory = withSideFile(temporary.resolve("minilm-short"), SIDE_FILE);
        long size = Files.size(directory.resolve(SIDE_FILE));
        try (FileChannel channel = FileChannel.open(directory.resolve(SIDE_FILE), StandardOpenOption.WRITE)) {
            channel.truncate(size - 4);
        }
        // The last initializer's values ran to the end of the file.
        TensorProto last = published.getGraph().getInitializerList().stream().filter(tensor -> !tensor.getRawData().isEmpty())
                .reduce((first, second) -> second).orElseThrow();
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("initializer " + last.getName() + " keeps its values in weights.bin at bytes " + (size - last.getRawData().size())
                        + " to " + size + ", but weights.bin has " + (size - 4) + " bytes")
                .hasMessageNotContaining(WORD_EMBEDDINGS);
    }

    @Test
    void aSideFileOutsideTheModelsDirectoryIsRefused()
            throws IOException
    {
        Path directory = withSideFile(temporary.resolve("minilm-escape"), "../" + SIDE_FILE);
        assertThat(temporary.resolve(SIDE_FILE)).as("the values are there, but not in the model's directory").isRegularFile();
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("initializer " + WORD_EMBEDDINGS + " keeps its values in ../weights.bin, outside the model's directory "
                        + directory);
    }

    @Test
    void aLinkOutOfTheModelsDirectoryIsRefused()
            throws IOException
    {
        Path directory = withSideFile(temporary.resolve("minilm-link"), SIDE_FILE);
        Path elsewhere = Files.move(directory.resolve(SIDE_FILE), temporary.resolve("elsewhere.bin"));
        Files.createSymbolicLink(directory.resolve(SIDE_FILE), elsewhere);
        assertThatThrownBy(() -> new OnnxImport(ImportOptions.defaults()).read(directory))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("initializer " + WORD_EMBEDDINGS + " keeps its values in weights.bin, a link to " + elsewhere.toRealPath()
                        + " outside the model's directory");
    }

    /**
     * The published model with every initializer's raw values moved, one after the other, into {@code location}
     * (relative to {@code directory}), as {@code onnx.save_model(..., save_as_external_data=True)} writes it.
     */
    private static Path withSideFile(Path directory, String location)
            throws IOException
    {
        Files.createDirectories(directory);
        Files.copy(TestingMiniLm.directory().resolve(TokenizerJson.FILE), directory.resolve(TokenizerJson.FILE));
        GraphProto.Builder graph = published.getGraph().toBuilder();
        try (FileChannel values = FileChannel.open(directory.resolve(location), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < graph.getInitializerCount(); i++) {
                TensorProto tensor = graph.getInitializer(i);
                if (tensor.getRawData().isEmpty()) {
                    continue;
                }
                long offset = values.position();
                ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer();
                while (bytes.hasRemaining()) {
                    values.write(bytes);
                }
                graph.setInitializer(i, tensor.toBuilder()
                        .clearRawData()
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(entry("location", location))
                        .addExternalData(entry("offset", Long.toString(offset)))
                        .addExternalData(entry("length", Long.toString(values.position() - offset)))
                        .build());
            }
        }
        try (OutputStream out = Files.newOutputStream(directory.resolve(OnnxImport.MODEL))) {
            published.toBuilder().setGraph(graph).build().writeTo(out);
        }
        return directory;
    }

    private static StringStringEntryProto entry(String key, String value)
    {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static Batch batch(List<String> texts)
    {
        WordPieceVocabulary vocabulary = inline.vocabulary();
        List<Example> examples = texts.stream().map(text -> {
            InputBuilder input = InputBuilder.start(vocabulary, 128);
            for (int piece : vocabulary.encode(text)) {
                input.add(piece);
            }
            return input.separator().build(new SequenceLabel(0));
        }).toList();
        return Batch.of(examples, vocabulary.padId());
    }
}
