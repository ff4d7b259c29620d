package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * Pre-training continued from a model whose tokenizer is not uncased BERT's. A small cased BERT-layout model is made here
 * (trained a few steps from scratch with a cased vocabulary learned from the State of the Union addresses, exported to
 * the Hugging Face layout and imported back, so that its tokenizer settings come from the export's tokenizer.json); a run
 * started from it with the configuration {@code ernie import} printed prepares the corpus as the model's tokenizer splits
 * text, so that every word's pieces are the ids the model's own tokenizer gives, and trains. Without the tokenizer keys
 * the run is refused before anything is prepared.
 */
class TestCasedModel
{
    @TempDir
    Path temporary;

    @Test
    void preTrainingFromACasedModelFeedsItTheIdsItsTokenizerGives()
            throws Exception
    {
        Path scratch = Files.writeString(temporary.resolve("cased.yaml"), """
                corpus:
                  threads: 1
                vocabulary:
                  size: 600
                  lowercase: false
                  strip-accents: false
                model:
                  hidden: 16
                  layers: 2
                  heads: 2
                  intermediate: 32
                  max-positions: 64
                training:
                  batch-size: 4
                  sequence-length: 32
                  steps-per-task: 2
                  open-documents: 2
                  warmup-fraction: 0.0
                tasks:
                  - name: knowledge-masking
                """);
        Path first = temporary.resolve("cased-run");
        TestingErnie.Result trained = ernie("pretrain", "--config", scratch.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                first.toString());
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(Files.readAllLines(first.resolve("prepared/vocab.txt"))).as("a cased vocabulary").contains("The", "States", "Government", "the");

        Path exported = temporary.resolve("exported");
        TestingErnie.Result export = ernie("export", "--model", first.toString(), "--out", exported.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Path imported = temporary.resolve("imported");
        TestingErnie.Result result = ernie("import", "--from", exported.toString(), "--out", imported.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("vocabulary:\n  lowercase: false\n  strip-accents: false\n");
        WordPieceVocabulary modelTokenizer = PretrainedModel.load(imported).vocabulary();
        assertThat(modelTokenizer.settings().lowercase()).isFalse();

        Path run = TestingErnie.continueOnTinyCorpus(temporary, result.out(), imported, "knowledge-masking", "capitalization");
        Path config = temporary.resolve("continue.yaml");

        PreparedCorpus corpus = PreparedCorpus.open(run.resolve("prepared"));
        WordPieceVocabulary uncased = modelTokenizer.withSettings(TokenizerSettings.UNCASED);
        int tokens = 0;
        int caseMatters = 0;
        for (int index = 0; index < corpus.documents().size(); index++) {
            Document document = corpus.documents().get(index);
            for (Sentence sentence : document.sentences()) {
                for (Token token : sentence.tokens()) {
                    assertThat(token.pieceIds()).as("the pieces of '%s'", token.surface()).isEqualTo(ids(modelTokenizer, token.surface()));
                    tokens++;
                    if (!Arrays.equals(ids(uncased, token.surface()), token.pieceIds())) {
                        caseMatters++;
                    }
                }
            }
        }
        assertThat(tokens).isGreaterThan(1_000);
        assertThat(caseMatters).as("words whose pieces an uncased tokenizer would have made otherwise").isGreaterThan(100);
        assertThat(corpus.vocabulary().settings().splitsAs(modelTokenizer.settings())).as("the prepared corpus reads text as the model").isTrue();

        // The same run without the model's tokenizer keys would have fed it uncased pieces: refused before preparing.
        Path uncasedConfig = Files.writeString(temporary.resolve("uncased.yaml"), Files.readString(config)
                .replaceAll("vocabulary:\n(  .*\n)+", ""));
        TestingErnie.Result refused = ernie("pretrain", "--config", uncasedConfig.toString(), "--corpus", resource("tiny-corpus"), "--run-dir",
                temporary.resolve("refused-run").toString());
        assertThat(refused.code()).as(refused.err()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(refused.err()).contains("training.initialize-from: the model's tokenizer is cased, accents kept")
                .contains("lowercase: false, strip-accents: false");
        assertThat(temporary.resolve("refused-run/prepared")).doesNotExist();
    }

    /** The ids the tokenizer gives a word, as the corpus preparation keeps them (a word of no pieces is [UNK]). */
    private static int[] ids(WordPieceVocabulary vocabulary, String word)
    {
        int[] ids = vocabulary.encode(word);
        return ids.length > 0 ? ids : new int[] {vocabulary.unkId()};
    }
}
