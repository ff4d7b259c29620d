package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.finetune.LabelledDataReader;
import org.ernie4j.core.finetune.LabelledItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestRecaseDataset
{
    @TempDir
    static Path directory;
    private static Path sotu;
    private static RecaseDataset.Summary summary;

    @BeforeAll
    static void build()
    {
        sotu = TestingSotu.copyTo(directory.resolve("sotu"));
        // Shares that give the 11 Democratic and Republican addresses of the sample 4 test addresses to split again.
        summary = RecaseDataset.build(sotu, directory.resolve("recase"), 0.15, 0.4, 42, 0.25, 0.25);
    }

    @Test
    void everyAddressIsOneOfSotuPartysTestAddresses()
    {
        SotuPartyDataset.Summary party = SotuPartyDataset.build(sotu, directory.resolve("sotu-party"), 100, 0.15, 0.4, 42);

        List<String> all = new ArrayList<>();
        summary.addresses().values().forEach(all::addAll);
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(party.addresses().get("test"));
        summary.addresses().forEach((split, addresses) -> assertThat(addresses).as(split).isNotEmpty());
    }

    @Test
    void filesAreTokenDataThatFinetuneReads()
    {
        for (String split : AddressSplit.SPLITS) {
            List<LabelledItem> items = LabelledDataReader.read(directory.resolve("recase").resolve(split + ".tsv"), FinetuneKind.TOKEN);

            assertThat(items).hasSize(summary.sentences().get(split));
            int words = 0;
            for (LabelledItem item : items) {
                LabelledItem.Tokens tokens = (LabelledItem.Tokens) item;
                tokens.tokens().forEach(word -> assertThat(word).isEqualTo(word.toLowerCase(Locale.ROOT)));
                assertThat(tokens.labels()).isSubsetOf("lower", "capitalized", "upper", "mixed");
                assertThat(tokens.tokens().size()).isLessThanOrEqualTo(RecaseDataset.MAX_WORDS);
                words += tokens.tokens().size();
            }
            assertThat(words).isEqualTo(summary.words().get(split));
        }
    }

    @Test
    void labelsAreTheOriginalCasing()
    {
        List<RecaseDataset.Sentence> sentences = RecaseDataset.sentences(
                "To the Congress of the United States: The NATO treaty, signed in 1949 -- and Mr. McKinley's plan. I agree.");

        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).words()).containsExactly("to", "the", "congress", "of", "the", "united", "states:", "the", "nato", "treaty,",
                "signed", "in", "and", "mr.", "mckinley's", "plan.");
        assertThat(sentences.get(0).cases()).containsExactly(WordCase.CAPITALIZED, WordCase.LOWER, WordCase.CAPITALIZED, WordCase.LOWER,
                WordCase.LOWER, WordCase.CAPITALIZED, WordCase.CAPITALIZED, WordCase.CAPITALIZED, WordCase.UPPER, WordCase.LOWER, WordCase.LOWER,
                WordCase.LOWER, WordCase.LOWER, WordCase.CAPITALIZED, WordCase.MIXED, WordCase.LOWER);
        assertThat(sentences.get(1).cases()).containsExactly(WordCase.CAPITALIZED, WordCase.LOWER);
    }

    @Test
    void longSentencesAreCut()
    {
        String sentence = "the nation " .repeat(RecaseDataset.MAX_WORDS) + "ends.";

        List<RecaseDataset.Sentence> parts = RecaseDataset.sentences(sentence);

        assertThat(parts).extracting(part -> part.words().size()).containsExactly(RecaseDataset.MAX_WORDS, RecaseDataset.MAX_WORDS, 1);
    }

    @Test
    void baselinesAreScoredOnTheTestSentences()
    {
        // Gold: [capitalized, lower, capitalized] and [upper, lower]. All lower: 2 of 5 right; F1 lower = 2*(2/5*1)/(2/5+1) = 4/7,
        // the other classes 0; macro over the 3 classes present = 4/21. First word capitalized: 3 of 5 right; capitalized
        // P 1/2 R 1/2 F1 1/2, lower P 2/3 R 1 F1 4/5, upper 0; macro = 13/30.
        List<RecaseDataset.Sentence> sentences = List.of(
                new RecaseDataset.Sentence(List.of("congress", "shall", "act"), List.of(WordCase.CAPITALIZED, WordCase.LOWER, WordCase.CAPITALIZED)),
                new RecaseDataset.Sentence(List.of("nato", "grows"), List.of(WordCase.UPPER, WordCase.LOWER)));

        Map<String, Map<String, Double>> baselines = RecaseDataset.baselines(sentences);

        assertThat(baselines.get("every word lower").get("accuracy")).isCloseTo(0.4, within(1e-12));
        assertThat(baselines.get("every word lower").get("macro_f1")).isCloseTo(4.0 / 21, within(1e-12));
        assertThat(baselines.get("first word capitalized, the rest lower").get("accuracy")).isCloseTo(0.6, within(1e-12));
        assertThat(baselines.get("first word capitalized, the rest lower").get("macro_f1")).isCloseTo(13.0 / 30, within(1e-12));
    }

    @Test
    void datasetJsonRecordsTheTestBaselines()
            throws IOException
    {
        JsonNode description = new ObjectMapper().readTree(directory.resolve("recase/dataset.json").toFile());

        double lower = description.path("test_baselines").path("every word lower").path("accuracy").asDouble();
        assertThat(lower).isBetween(0.6, 0.95);
        assertThat(description.path("labels").toString()).isEqualTo("[\"lower\",\"capitalized\",\"upper\",\"mixed\"]");
    }

    @Test
    void tooFewHeldOutAddressesAreRefused()
    {
        assertThatThrownBy(() -> RecaseDataset.build(sotu, directory.resolve("too-few"), 0.15, 0.15, 42, 0.25, 0.25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few");
    }
}
