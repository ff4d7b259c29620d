package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.training.benchmark.EncodeBenchmark;
import org.ernie4j.runner.benchmark.InferenceReport;
import org.ernie4j.runner.benchmark.OnnxRuntimeEncoder;
import org.ernie4j.runner.benchmark.OnnxRuntimeProfile;
import org.ernie4j.runner.benchmark.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * The inference benchmark's {@code --breakdown} on ONNX Runtime's side: a model the build imports and exports to ONNX,
 * run by ONNX Runtime with profiling on, its profile read back into kernel time per run by operator type; and the report
 * that sets each engine's account of a call beside the other's.
 */
class TestOnnxRuntimeBreakdown
{
    @TempDir
    Path temporary;

    @Test
    void onnxRuntimesProfileGivesKernelTimePerRunByOperatorType()
            throws Exception
    {
        Path imported = temporary.resolve("imported");
        TestingErnie.Result importing = ernie("import", "--from", resource("bert-layout-tiny"), "--out", imported.toString(), "--ignore", "cls.");
        assertThat(importing.code()).as(importing.err()).isZero();
        Path onnx = temporary.resolve("onnx");
        TestingErnie.Result export = ernie("export", "--model", imported.toString(), "--out", onnx.toString(), "--format", "onnx");
        assertThat(export.code()).as(export.err()).isZero();

        int[] pieces = new int[200];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = 5 + i % 40;
        }
        List<Batch> batches = EncodeBenchmark.of(pieces, 2, 3, 0, 4, 16).batches();
        Path file;
        try (OnnxRuntimeEncoder encoder = new OnnxRuntimeEncoder(onnx.resolve("model.onnx"), 1, temporary.resolve("profile"))) {
            for (int run = 0; run < 7; run++) {
                encoder.encode(batches.get(run % batches.size()));
            }
            file = encoder.endProfiling();
        }
        assertThat(file).exists().hasParent(temporary);

        OnnxRuntimeProfile profile = OnnxRuntimeProfile.read(file);
        assertThat(profile.runs()).isEqualTo(7);
        // Two layers: the projections, the attention's products and the feed-forward are matrix products of some kind.
        assertThat(profile.millisecondsPerRun().keySet()).anyMatch(operator -> operator.contains("MatMul"));
        assertThat(profile.millisecondsPerRun().values()).allMatch(milliseconds -> milliseconds >= 0);
        List<Double> ordered = List.copyOf(profile.millisecondsPerRun().values());
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(ordered.get(i)).as("largest first").isLessThanOrEqualTo(ordered.get(i - 1));
        }
    }

    @Test
    void aFileThatIsNoProfileIsRefusedByName()
            throws Exception
    {
        Path notArray = Files.writeString(temporary.resolve("object.json"), "{\"cat\": \"Session\"}");
        assertThatThrownBy(() -> OnnxRuntimeProfile.read(notArray)).hasMessageContaining(notArray.toString()).hasMessageContaining("not an ONNX Runtime profile");
        Path noRun = Files.writeString(temporary.resolve("empty.json"), "[{\"cat\": \"Session\", \"name\": \"session_initialization\", \"dur\": 5}]");
        assertThatThrownBy(() -> OnnxRuntimeProfile.read(noRun)).hasMessageContaining(noRun.toString()).hasMessageContaining("no run of the model");
    }

    @Test
    void theReportListsEachEnginesPartsLargestFirstWithTheirTotal()
    {
        EncoderConfig shape = new EncoderConfig(30522, 384, 6, 12, 1536, 512, 2, 1, 0.1, 1e-12, Activation.GELU_ERF, 0.02);
        InferenceReport.Shape point = new InferenceReport.Shape(32, 32);
        InferenceReport.ModelFigures model = new InferenceReport.ModelFigures("all-MiniLM-L6-v2", shape,
                Map.of("fused", Map.of(point, List.of(299.0)), "onnxruntime", Map.of(point, List.of(377.0))),
                Map.of("fused", List.of(1L << 30), "onnxruntime", List.of(380L << 20)),
                Map.of("fused", Map.of(point, Map.of("GELU, forward", List.of(8.0, 9.0, 8.5), "feed-forward products, forward", List.of(55.0))),
                        "onnxruntime", Map.of(point, Map.of("MatMul", List.of(66.4), "BiasGelu", List.of(6.6)))));
        String text = new InferenceReport(Provenance.now("bench", "machine", List.of()), List.of("fused", "onnxruntime"), List.of(model), List.of())
                .markdown();
        assertThat(text)
                .contains("| batch x pieces | engine | total | parts, largest first |")
                .contains("| 32 x 32 | fused | 63.5 | feed-forward products, forward 55.0, GELU, forward 8.50 |")
                .contains("| 32 x 32 | onnxruntime | 73.0 | MatMul 66.4, BiasGelu 6.60 |");
    }
}
