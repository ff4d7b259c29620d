package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.shade.protobuf.CodedInputStream;
import org.nd4j.shade.protobuf.UnsafeByteOperations;

import onnx.Onnx.ModelProto;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * Reads a directory with an ONNX BERT-family encoder ({@code model.onnx}, or the directory's only {@code .onnx} file) and
 * its {@code tokenizer.json} into ernie4j parameters. The model is parsed with the ONNX schema's generated protobuf
 * classes (as ND4J ships them); {@link OnnxBertGraph} recovers each weight's role from the graph, and the rest is the
 * safetensors import's: every tensor accounted for, problems named together.
 */
@PublicApi
public final class OnnxImport
{
    public static final String MODEL = "model.onnx";

    private final ImportOptions options;

    public OnnxImport(ImportOptions options)
    {
        this.options = requireNonNull(options, "options is null");
    }

    /** Whether {@code directory} holds an ONNX model rather than a safetensors one. */
    public static boolean holdsOnnx(Path directory)
    {
        return !Files.exists(directory.resolve(WeightImport.WEIGHTS)) && modelFile(directory).isPresent();
    }

    public ImportedModel read(Path directory)
    {
        requireNonNull(directory, "directory is null");
        Path modelFile = modelFile(directory).orElseThrow(() -> new InteropException(directory, "has no " + MODEL + " (nor exactly one .onnx file)"));
        Path tokenizerFile = directory.resolve(TokenizerJson.FILE);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new InteropException(directory, "has no " + TokenizerJson.FILE + " beside " + modelFile.getFileName()
                    + ": an ONNX file has no vocabulary");
        }
        TokenizerJson tokenizer = TokenizerJson.read(tokenizerFile);
        ModelProto model = parse(modelFile);
        OnnxBertGraph graph = OnnxBertGraph.read(modelFile, model.getGraph());
        List<String> notes = new ArrayList<>();
        notes.add(modelFile.getFileName() + ": ONNX IR " + model.getIrVersion() + ", opset " + model.getOpsetImportList().stream()
                .map(opset -> (opset.getDomain().isEmpty() ? "" : opset.getDomain() + " ") + opset.getVersion()).toList() + ", from "
                + model.getProducerName() + " " + model.getProducerVersion());
        notes.addAll(graph.notes());
        notes.addAll(tokenizer.notes());
        notes.add("text is tokenized as " + TokenizerJson.FILE + " says: " + tokenizer.vocabulary().settings());
        return new WeightImport(options).convert(directory, modelFile, graph.config(), tokenizer.vocabulary(), graph.tensors(), graph.inOut(),
                notes);
    }

    /**
     * The model, parsed from the memory-mapped file with aliasing on, so that the initializers' bytes stay views of the
     * mapping instead of copies in the heap (ONNX files are at most 2 GB: one mapping). protobuf aliases only a buffer it
     * may take as immutable, which is what {@code UnsafeByteOperations.unsafeWrap} promises: the mapping is read-only.
     */
    static ModelProto parse(Path file)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CodedInputStream coded = UnsafeByteOperations.unsafeWrap(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size())).newCodedInput();
            coded.enableAliasing(true);
            coded.setSizeLimit(Integer.MAX_VALUE);
            return ModelProto.parseFrom(coded);
        }
        catch (IOException e) {
            throw new InteropException(file, "is not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<Path> modelFile(Path directory)
    {
        if (Files.isRegularFile(directory.resolve(MODEL))) {
            return java.util.Optional.of(directory.resolve(MODEL));
        }
        try (var files = Files.list(directory)) {
            List<Path> onnx = files.filter(path -> path.getFileName().toString().endsWith(".onnx")).toList();
            return onnx.size() == 1 ? java.util.Optional.of(onnx.get(0)) : java.util.Optional.empty();
        }
        catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
