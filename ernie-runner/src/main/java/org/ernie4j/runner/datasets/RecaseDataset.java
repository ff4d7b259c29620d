package org.ernie4j.runner.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.finetune.ClassificationMetrics;
import org.ernie4j.core.support.Seeds;

/**
 * Recovering stripped capitalization: sentences of the addresses a pre-training corpus leaves out (sotu-party's test
 * split, by the same seed and shares), lower-cased, each word labelled with its original {@link WordCase}. Those
 * addresses are split again by address into this dataset's train, dev and test. Written in the token format of
 * {@code ernie finetune} ({@code word<TAB>label}, a blank line after each sentence).
 *
 * <p>Words are separated by white space and keep their punctuation ("congress,"); a word without a cased letter
 * (numbers, dashes) is left out, having no class. Sentences longer than {@value #MAX_WORDS} words are cut into parts of at
 * most that many. {@code dataset.json} records what two rules score on the test split, to read a model against: every
 * word {@code lower}, and the first word of each sentence {@code capitalized} and the rest {@code lower}.
 */
public final class RecaseDataset
{
    static final int MAX_WORDS = 60;

    private RecaseDataset()
    {
    }

    /** What was built: each split's addresses, sentences and words. */
    public record Summary(Map<String, List<String>> addresses, Map<String, Integer> sentences, Map<String, Integer> words)
    {
    }

    /** One sentence: its lower-cased words and their classes. */
    record Sentence(List<String> words, List<WordCase> cases)
    {
        Sentence
        {
            words = List.copyOf(words);
            cases = List.copyOf(cases);
        }
    }

    /**
     * @param devShare, testShare and seed sotu-party's, which decide the held-out addresses
     * @param recaseDevShare, recaseTestShare the shares of the held-out addresses that become this dataset's dev and test
     */
    public static Summary build(Path sotu, Path output, double devShare, double testShare, long seed, double recaseDevShare, double recaseTestShare)
    {
        List<AddressSplit.Address> heldOut = AddressSplit.shuffled(AddressSplit.of(sotu, devShare, testShare, seed).addresses("test"),
                Seeds.mix(seed, "recase"));
        int test = Math.max(1, (int) Math.round(recaseTestShare * heldOut.size()));
        int dev = Math.max(1, (int) Math.round(recaseDevShare * heldOut.size()));
        if (test + dev >= heldOut.size()) {
            throw new IllegalArgumentException("sotu-party's test split has " + heldOut.size() + " address(es): too few for a recase train, dev and test split");
        }
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        Map<String, List<Sentence>> sentences = new LinkedHashMap<>();
        AddressSplit.SPLITS.forEach(split -> {
            addresses.put(split, new ArrayList<>());
            sentences.put(split, new ArrayList<>());
        });
        for (int index = 0; index < heldOut.size(); index++) {
            String split = index < test ? "test" : index < test + dev ? "dev" : "train";
            addresses.get(split).add(heldOut.get(index).name());
            sentences.get(split).addAll(sentences(heldOut.get(index).text()));
        }
        addresses.values().forEach(list -> list.sort(null));
        Map<String, List<String>> files = new LinkedHashMap<>();
        Map<String, Integer> sentenceCounts = new LinkedHashMap<>();
        Map<String, Integer> wordCounts = new LinkedHashMap<>();
        sentences.forEach((split, list) -> {
            files.put(split + ".tsv", lines(list));
            sentenceCounts.put(split, list.size());
            wordCounts.put(split, list.stream().mapToInt(sentence -> sentence.words().size()).sum());
        });
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("dataset", "recase: the original casing of each word of lower-cased sentences of sotu-party's test addresses");
        description.put("source", sotu.toString());
        description.put("seed", seed);
        description.put("sotu_party_shares", Map.of("dev", devShare, "test", testShare));
        description.put("labels", Arrays.stream(WordCase.values()).map(WordCase::label).toList());
        description.put("sentences", sentenceCounts);
        description.put("words", wordCounts);
        description.put("test_baselines", baselines(sentences.get("test")));
        description.put("addresses", addresses);
        DatasetSplit.writeFiles(output, files, description);
        return new Summary(addresses, sentenceCounts, wordCounts);
    }

    static List<Sentence> sentences(String text)
    {
        List<Sentence> result = new ArrayList<>();
        for (String sentence : Sentences.split(text)) {
            List<String> words = new ArrayList<>();
            List<WordCase> cases = new ArrayList<>();
            for (String word : sentence.split("\\s+")) {
                Optional<WordCase> wordCase = WordCase.of(word);
                if (wordCase.isEmpty()) {
                    continue;
                }
                words.add(word.toLowerCase(Locale.ROOT));
                cases.add(wordCase.get());
                if (words.size() == MAX_WORDS) {
                    result.add(new Sentence(words, cases));
                    words = new ArrayList<>();
                    cases = new ArrayList<>();
                }
            }
            if (!words.isEmpty()) {
                result.add(new Sentence(words, cases));
            }
        }
        return result;
    }

    private static List<String> lines(List<Sentence> sentences)
    {
        List<String> lines = new ArrayList<>();
        for (Sentence sentence : sentences) {
            for (int i = 0; i < sentence.words().size(); i++) {
                lines.add(DatasetSplit.clean(sentence.words().get(i)) + "\t" + sentence.cases().get(i).label());
            }
            lines.add("");
        }
        return lines;
    }

    /** Accuracy and macro-F1 of the two rules on {@code sentences}. */
    static Map<String, Map<String, Double>> baselines(List<Sentence> sentences)
    {
        List<String> labels = Arrays.stream(WordCase.values()).map(WordCase::label).toList();
        int words = sentences.stream().mapToInt(sentence -> sentence.words().size()).sum();
        int[] gold = new int[words];
        int[] allLower = new int[words];
        int[] firstCapitalized = new int[words];
        int position = 0;
        for (Sentence sentence : sentences) {
            for (int i = 0; i < sentence.cases().size(); i++) {
                gold[position] = sentence.cases().get(i).ordinal();
                allLower[position] = WordCase.LOWER.ordinal();
                firstCapitalized[position] = (i == 0 ? WordCase.CAPITALIZED : WordCase.LOWER).ordinal();
                position++;
            }
        }
        Map<String, Map<String, Double>> baselines = new LinkedHashMap<>();
        baselines.put("every word lower", scores(ClassificationMetrics.of(labels, gold, allLower, -1)));
        baselines.put("first word capitalized, the rest lower", scores(ClassificationMetrics.of(labels, gold, firstCapitalized, -1)));
        return baselines;
    }

    private static Map<String, Double> scores(ClassificationMetrics metrics)
    {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("accuracy", metrics.accuracy());
        scores.put("macro_f1", metrics.macroF1());
        return scores;
    }
}
