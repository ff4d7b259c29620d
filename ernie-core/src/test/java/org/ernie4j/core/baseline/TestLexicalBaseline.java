package org.ernie4j.core.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.finetune.LabelledItem;
import org.ernie4j.core.testing.TestingResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The lexical baseline on datasets made from the three State of the Union addresses of the test resources (1790, 1932,
 * 1973: far apart in time, so their words tell them apart).
 */
class TestLexicalBaseline
{
    private static final List<String> ADDRESSES = List.of(TestingResources.WASHINGTON_1790, TestingResources.HOOVER_1932, TestingResources.NIXON_1973);

    @TempDir
    Path directory;

    @Test
    void tellsTheAddressOfAPassageFromItsWordsAndWritesTheFineTuningsMetricsFile()
            throws IOException
    {
        Map<String, List<String>> splits = splits();
        for (int address = 0; address < ADDRESSES.size(); address++) {
            List<String> passages = passages(ADDRESSES.get(address), 25);
            for (int i = 0; i < passages.size(); i++) {
                splits.get(split(i)).add("address-" + address + "\t" + passages.get(i));
            }
        }
        Path config = dataset("sequence", splits, 1);

        BaselineResult result = new LexicalBaseline(new ConfigLoader().loadFinetune(config), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { });

        // Three classes: chance is about a third.
        assertThat(result.test().macroF1()).isGreaterThan(0.7);
        assertThat(result.devHistory().get(result.bestEpoch() - 1)).isEqualTo(result.devHistory().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        JsonNode metrics = new ObjectMapper().readTree(directory.resolve("out/metrics.json").toFile());
        assertThat(metrics.path("model").asText()).isEqualTo(LexicalBaseline.MODEL_NAME);
        assertThat(metrics.path("initialize").asText()).isEqualTo("none");
        assertThat(metrics.path("best_epoch").asInt()).isEqualTo(result.bestEpoch());
        assertThat(metrics.path("test").path("macro_f1").asDouble()).isCloseTo(result.test().macroF1(), within(1e-12));
        assertThat(metrics.path("test").path("items").asLong()).isEqualTo(splits.get("test").size());
    }

    @Test
    void tellsWhetherTwoPassagesComeFromOneAddressByTheWordsTheyShare()
            throws IOException
    {
        List<List<String>> passages = ADDRESSES.stream().map(address -> passages(address, 40)).toList();
        Map<String, List<String>> splits = splits();
        int count = passages.stream().mapToInt(List::size).min().orElseThrow() - 2;
        for (int i = 0; i < count; i++) {
            List<String> lines = splits.get(split(i));
            for (int address = 0; address < ADDRESSES.size(); address++) {
                // Two pairs of each kind per passage, balanced; the "different" ones with both other addresses.
                lines.add("same\t" + passages.get(address).get(i) + "\t" + passages.get(address).get(i + 1));
                lines.add("same\t" + passages.get(address).get(i) + "\t" + passages.get(address).get(i + 2));
                lines.add("different\t" + passages.get(address).get(i) + "\t" + passages.get((address + 1) % 3).get(i));
                lines.add("different\t" + passages.get(address).get(i) + "\t" + passages.get((address + 2) % 3).get(i + 1));
            }
        }
        Path config = dataset("sequence", splits, 1);

        BaselineResult result = new LexicalBaseline(new ConfigLoader().loadFinetune(config), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { });

        // Balanced pairs: chance is a half (a threshold on the cosine alone, fitted on these pairs, reaches about 0.73).
        assertThat(result.test().accuracy()).isGreaterThan(0.65);
    }

    @Test
    void recoversCapitalizationFromTheWordAndItsNeighbours()
            throws IOException
    {
        Map<String, List<String>> splits = splits();
        int sentence = 0;
        for (String address : ADDRESSES) {
            for (String text : TestingResources.sotuText(address).split("(?<=[.?!])\\s+")) {
                List<String> words = Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
                if (words.isEmpty()) {
                    continue;
                }
                List<String> lines = splits.get(split(sentence++));
                words.forEach(word -> lines.add(word.toLowerCase(Locale.ROOT) + "\t" + casing(word)));
                lines.add("");
            }
        }
        Path config = dataset("token", splits, 1);

        BaselineResult result = new LexicalBaseline(new ConfigLoader().loadFinetune(config), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { });

        long lower = splits.get("test").stream().filter(line -> line.endsWith("\tlower")).count();
        double everyWordLower = (double) lower / result.test().total();
        assertThat(result.test().accuracy()).isGreaterThan(everyWordLower + 0.03);
        assertThat(result.test().perClass()).filteredOn(score -> score.label().equals("capitalized"))
                .singleElement().satisfies(score -> assertThat(score.f1()).isGreaterThan(0.6));
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedAnotherOrder()
            throws IOException
    {
        Map<String, List<String>> splits = splits();
        for (int address = 0; address < ADDRESSES.size(); address++) {
            List<String> passages = passages(ADDRESSES.get(address), 12);
            for (int i = 0; i < passages.size(); i++) {
                splits.get(split(i)).add("address-" + address + "\t" + passages.get(i));
            }
        }
        BaselineResult first = new LexicalBaseline(new ConfigLoader().loadFinetune(dataset("sequence", splits, 7)), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { });
        String firstFile = Files.readString(directory.resolve("out/metrics.json"));
        BaselineResult again = new LexicalBaseline(new ConfigLoader().loadFinetune(dataset("sequence", splits, 7)), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { });

        assertThat(Files.readString(directory.resolve("out/metrics.json"))).isEqualTo(firstFile);
        assertThat(again.devHistory()).isEqualTo(first.devHistory());
        BaselineResult other = new LexicalBaseline(new ConfigLoader().loadFinetune(dataset("sequence", splits, 8)), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { });
        assertThat(other.devHistory()).isNotEqualTo(first.devHistory());
    }

    @Test
    void aPairsFeaturesDoNotDependOnWhichTextComesFirst()
    {
        List<String> passages = passages(TestingResources.HOOVER_1932, 30);
        List<LabelledItem.Text> training = List.of(new LabelledItem.Text(passages.get(0), passages.get(1), "same", "t:1"),
                new LabelledItem.Text(passages.get(2), passages.get(3), "same", "t:2"));
        TextFeatures features = TextFeatures.fit(training, 20);

        FeatureVector forward = features.of(new LabelledItem.Text(passages.get(4), passages.get(5), "same", "t:3"));
        FeatureVector backward = features.of(new LabelledItem.Text(passages.get(5), passages.get(4), "same", "t:3"));

        Map<Integer, Float> forwardValues = values(forward);
        Map<Integer, Float> backwardValues = values(backward);
        assertThat(backwardValues.keySet()).isEqualTo(forwardValues.keySet());
        forwardValues.forEach((index, value) -> assertThat(backwardValues.get(index)).isCloseTo(value, within(1e-6f)));
    }

    @Test
    void aLabelThatTrainingNeverHadIsNamedWithItsFileAndLine()
            throws IOException
    {
        Map<String, List<String>> splits = splits();
        List<String> passages = passages(TestingResources.NIXON_1973, 20);
        for (int i = 0; i < 20; i++) {
            splits.get(split(i)).add((i % 2 == 0 ? "even" : "odd") + "\t" + passages.get(i));
        }
        splits.get("dev").add("neither\t" + passages.get(21));
        Path config = dataset("sequence", splits, 1);

        assertThatThrownBy(() -> new LexicalBaseline(new ConfigLoader().loadFinetune(config), LexicalBaseline.Reading.WHOLE_TEXT).run(line -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.tsv:" + splits.get("dev").size())
                .hasMessageContaining("'neither'");
        assertThat(directory.resolve("out/metrics.json")).doesNotExist();
    }

    private static Map<String, List<String>> splits()
    {
        return new HashMap<>(Map.of("train", new ArrayList<>(), "dev", new ArrayList<>(), "test", new ArrayList<>()));
    }

    /** Three items in five to training, one to dev, one to test. */
    private static String split(int index)
    {
        return switch (index % 5) {
            case 3 -> "dev";
            case 4 -> "test";
            default -> "train";
        };
    }

    private Path dataset(String kind, Map<String, List<String>> splits, long seed)
            throws IOException
    {
        for (Map.Entry<String, List<String>> split : splits.entrySet()) {
            Files.write(directory.resolve(split.getKey() + ".tsv"), split.getValue());
        }
        return Files.writeString(directory.resolve("finetune.yaml"), String.format(Locale.ROOT, """
                model: not-used-by-the-baseline
                data:
                  kind: %s
                  train: %s
                  dev: %s
                  test: %s
                  outside-label: lower
                training:
                  seed: %d
                  epochs: 10
                  patience: 2
                  metric: macro-f1
                output: %s
                """, kind, directory.resolve("train.tsv"), directory.resolve("dev.tsv"), directory.resolve("test.tsv"), seed, directory.resolve("out")));
    }

    private static List<String> passages(String address, int words)
    {
        String[] all = TestingResources.sotuText(address).strip().split("\\s+");
        List<String> passages = new ArrayList<>();
        for (int start = 0; start + words <= all.length; start += words) {
            passages.add(String.join(" ", Arrays.asList(all).subList(start, start + words)));
        }
        return passages;
    }

    private static String casing(String word)
    {
        boolean anyUpper = word.chars().anyMatch(Character::isUpperCase);
        boolean anyLower = word.chars().anyMatch(Character::isLowerCase);
        if (!anyUpper) {
            return "lower";
        }
        if (!anyLower) {
            return word.chars().filter(Character::isLetter).count() > 1 ? "upper" : "capitalized";
        }
        return Character.isUpperCase(word.chars().filter(Character::isLetter).findFirst().orElse('a'))
                && word.chars().filter(Character::isLetter).skip(1).noneMatch(Character::isUpperCase) ? "capitalized" : "mixed";
    }

    private static Map<Integer, Float> values(FeatureVector vector)
    {
        Map<Integer, Float> values = new HashMap<>();
        for (int i = 0; i < vector.size(); i++) {
            values.put(vector.index(i), vector.value(i));
        }
        return values;
    }
}
