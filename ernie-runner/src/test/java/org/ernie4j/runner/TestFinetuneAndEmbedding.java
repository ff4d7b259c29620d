package org.ernie4j.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ernie4j.core.embed.Classification;
import org.ernie4j.core.embed.Encoding;
import org.ernie4j.core.embed.ErnieModule;
import org.ernie4j.core.embed.TextClassifier;
import org.ernie4j.core.embed.TextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * Pre-train, fine-tune and evaluate through the command line, then serve the models from an injector the way a host
 * application would, to concurrent callers.
 */
class TestFinetuneAndEmbedding
{
    @TempDir
    Path temporary;

    @Test
    void pretrainFinetuneEvaluateAndEmbed()
            throws Exception
    {
        Path run = temporary.resolve("pretrained");
        TestingErnie.Result pretrained = ernie("pretrain", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--run-dir",
                run.toString());
        assertThat(pretrained.code()).as(pretrained.err()).isZero();

        // Which address a sentence comes from: real text, a real (if easy) task.
        Path data = Files.createDirectories(temporary.resolve("data"));
        List<String> rows = new ArrayList<>();
        for (String address : List.of("1790_george_washington_n.txt", "1932_herbert_hoover_r.txt")) {
            String label = address.contains("washington") ? "washington" : "hoover";
            for (String sentence : Files.readString(Path.of(resource("tiny-corpus/" + address)), StandardCharsets.UTF_8).split("(?<=[.?!])\\s+")) {
                if (sentence.split("\\s+").length >= 5) {
                    rows.add(label + "\t" + sentence.strip());
                }
            }
        }
        Files.write(data.resolve("sentences.tsv"), rows, StandardCharsets.UTF_8);
        Path config = Files.writeString(temporary.resolve("finetune.yaml"), """
                model: %s
                data:
                  kind: sequence
                  train: %s
                  split: [0.2, 0.2]
                training:
                  epochs: 2
                  batch-size: 8
                  max-length: 32
                  learning-rate: 1.0e-3
                  dropout: 0.0
                output: %s
                """.formatted(run, data.resolve("sentences.tsv"), temporary.resolve("finetuned")));
        TestingErnie.Result finetuned = ernie("finetune", "--config", config.toString());
        assertThat(finetuned.code()).as(finetuned.err()).isZero();
        assertThat(finetuned.err()).contains("epoch 1: training loss").contains("dev accuracy");
        assertThat(finetuned.out()).contains("best model (epoch").contains("accuracy").contains("confusion (rows gold, columns predicted)");
        JsonNode metrics = new ObjectMapper().readTree(temporary.resolve("finetuned/metrics.json").toFile());

        // The lexical baseline on the same configuration: the same test items, every word or only those the model reads.
        TestingErnie.Result whole = ernie("baseline", "--config", config.toString(), "--output", temporary.resolve("baseline-whole").toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("best epoch").contains("macro-F1");
        TestingErnie.Result asRead = ernie("baseline", "--config", config.toString(), "--as-the-model-reads", "--output",
                temporary.resolve("baseline-read").toString());
        assertThat(asRead.code()).as(asRead.err()).isZero();
        Matcher words = Pattern.compile("reads in 32 pieces: ([\\d,]+) of ([\\d,]+) words").matcher(asRead.err());
        assertThat(words.find()).as(asRead.err()).isTrue();
        assertThat(Long.parseLong(words.group(1).replace(",", ""))).isLessThan(Long.parseLong(words.group(2).replace(",", "")));
        TestingErnie.Result probe = ernie("baseline", "--config", config.toString(), "--features", "frozen-encoder", "--output",
                temporary.resolve("probe").toString());
        assertThat(probe.code()).as(probe.err()).isZero();
        assertThat(probe.err()).contains("with the frozen encoder of " + run);
        // Several seeds in one run: the texts encoded once, each seed's figures those of a run of its own.
        TestingErnie.Result seeds = ernie("baseline", "--config", config.toString(), "--features", "frozen-encoder", "--seeds", "1,2", "--output",
                temporary.resolve("probes").toString());
        assertThat(seeds.code()).as(seeds.err()).isZero();
        assertThat(seeds.err()).contains("seed 2: ").contains(", 0 texts encoded");
        assertThat(temporary.resolve("probes/seed-1/metrics.json")).hasSameTextualContentAs(temporary.resolve("probe/metrics.json"));
        assertThat(temporary.resolve("probes/seed-2/metrics.json")).exists();
        TestingErnie.Result seedsWithoutOutput = ernie("baseline", "--config", config.toString(), "--seeds", "1,2");
        assertThat(seedsWithoutOutput.code()).isNotZero();
        assertThat(seedsWithoutOutput.err()).contains("--seeds").contains("--output");
        TestingErnie.Result unknown = ernie("baseline", "--config", config.toString(), "--features", "pixels");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("--features").contains("pixels");
        for (String baseline : List.of("baseline-whole", "baseline-read", "probe")) {
            JsonNode figures = new ObjectMapper().readTree(temporary.resolve(baseline + "/metrics.json").toFile());
            assertThat(figures.path("model").asText()).startsWith(baseline.equals("probe") ? "linear probe on the frozen encoder of" : "lexical baseline");
            assertThat(figures.path("test").path("items").asLong()).isEqualTo(metrics.path("test").path("items").asLong());
        }

        Path best = temporary.resolve("finetuned/best");
        assertThat(metrics.path("labels")).hasSize(2);
        assertThat(metrics.path("test").path("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.path("test").path("confusion")).hasSize(2);

        TestingErnie.Result evaluated = ernie("evaluate", "--model", best.toString(), "--data", data.resolve("sentences.tsv").toString(), "--json",
                temporary.resolve("evaluation.json").toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("washington").contains("hoover").contains("macro-F1");
        assertThat(temporary.resolve("evaluation.json")).content().contains("\"macro_f1\"");

        Injector injector = Guice.createInjector(ErnieModule.builder().encoder(run).classifier(best).build());
        TextEncoder encoder = injector.getInstance(TextEncoder.class);
        TextClassifier classifier = injector.getInstance(TextClassifier.class);
        assertThat(injector.getInstance(TextClassifier.class)).as("a singleton").isSameAs(classifier);

        Encoding encoding = encoder.encode("The Congress of the United States.");
        assertThat(encoding.pooled()).hasValueSatisfying(pooled -> assertThat(pooled).hasSize(encoder.dimension()));
        assertThat(encoding.mean()).hasSize(encoder.dimension());
        assertThat(encoding.pieces()).startsWith("[CLS]").endsWith("[SEP]");
        assertThat(encoding.tokens().length).isEqualTo(encoding.pieces().size());
        assertThat(encoding.tokens()[1]).hasSize(encoder.dimension());

        List<String> texts = rows.stream().limit(24).map(row -> row.substring(row.indexOf('\t') + 1)).toList();
        List<Classification> sequential = new ArrayList<>();
        for (String text : texts) {
            sequential.add(classifier.classify(text));
        }
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Classification>> concurrent = new ArrayList<>();
            for (String text : texts) {
                concurrent.add(callers.submit(() -> classifier.classify(text)));
            }
            for (int i = 0; i < texts.size(); i++) {
                Classification answer = concurrent.get(i).get();
                assertThat(answer.label()).isEqualTo(sequential.get(i).label());
                assertThat(answer.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                        within(1e-5));
                assertThat(answer.probabilities().get(answer.label())).isEqualTo(sequential.get(i).probabilities().get(answer.label()));
            }
        }
        finally {
            callers.shutdownNow();
        }
    }
}
