package org.ernie4j.runner.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.ernie4j.core.support.Seeds;

/**
 * Pairs of State of the Union passages labelled {@code same} (both from one address) or {@code different} (from two
 * addresses), balanced, on sotu-party's split by address (same seed and shares, same test addresses), so that a
 * pre-training corpus without sotu-party's test addresses never saw a test passage.
 *
 * <p>What would let a model answer from the surface rather than from what the passages say, and what is done about it:
 * <ul>
 * <li>era and style: the other address of a {@code different} pair is the one of the same split nearest in year (the
 * same president's, mostly), so two periods' vocabularies do not give the answer away;</li>
 * <li>years: four-digit years (1700-2099) become the word {@value #YEAR}, so a shared year does not either;</li>
 * <li>salutations and closings ("Fellow-Citizens of the Senate", "God bless America"): an address's first and last
 * passages are dropped;</li>
 * <li>length: every passage has the same number of words;</li>
 * <li>continuation: the two passages of a {@code same} pair are never adjacent, so one never ends mid-sentence where
 * the other goes on.</li>
 * </ul>
 * A passage can be in more than one pair of its split, never in two splits.
 */
public final class SameAddressDataset
{
    static final String YEAR = "YEAR";
    private static final Pattern YEARS = Pattern.compile("\\b(1[7-9]\\d\\d|20\\d\\d)\\b");

    private SameAddressDataset()
    {
    }

    /** What was built: each split's addresses and pairs. */
    public record Summary(Map<String, List<String>> addresses, Map<String, Integer> pairs)
    {
    }

    /** A passage and where it is in its address. */
    private record Passage(int index, String text)
    {
    }

    /**
     * @param passageWords words per passage; two must fit the model's input together
     * @param devShare, testShare and seed as for sotu-party, whose address split this is
     */
    public static Summary build(Path sotu, Path output, int passageWords, double devShare, double testShare, long seed)
    {
        if (passageWords < 10) {
            throw new IllegalArgumentException("passages need at least 10 words, not " + passageWords);
        }
        AddressSplit split = AddressSplit.of(sotu, devShare, testShare, seed);
        Map<String, List<DatasetSplit.Row>> rows = new LinkedHashMap<>();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (String name : AddressSplit.SPLITS) {
            List<DatasetSplit.Row> list = pairs(split.addresses(name), passageWords, Seeds.mix(Seeds.mix(seed, "same-address"), name));
            rows.put(name, list);
            pairs.put(name, list.size());
        }
        Map<String, List<String>> addresses = split.names();
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("dataset", "same-address: are two passages from the same State of the Union address? Pairs on sotu-party's split by address");
        description.put("source", sotu.toString());
        description.put("passage_words", passageWords);
        description.put("seed", seed);
        description.put("different_pairs", "the other address is the one of the same split nearest in year");
        description.put("removed", List.of("four-digit years (replaced by " + YEAR + ")", "each address's first and last passage (salutations)",
                "length differences (every passage has the same number of words)", "adjacent passages in a same pair"));
        description.put("pairs", pairs);
        description.put("addresses", addresses);
        DatasetSplit.write(output, rows.get("train"), rows.get("dev"), rows.get("test"), description);
        return new Summary(addresses, pairs);
    }

    private static List<DatasetSplit.Row> pairs(List<AddressSplit.Address> addresses, int passageWords, long seed)
    {
        List<AddressSplit.Address> byName = addresses.stream().sorted(Comparator.comparing(AddressSplit.Address::name)).toList();
        Map<String, List<Passage>> passages = new LinkedHashMap<>();
        for (AddressSplit.Address address : byName) {
            passages.put(address.name(), passages(address, passageWords));
        }
        List<DatasetSplit.Row> rows = new ArrayList<>();
        for (AddressSplit.Address address : byName) {
            AddressSplit.Address other = nearestInYear(address, byName);
            List<Passage> others = other == null ? List.of() : passages.get(other.name());
            if (others.isEmpty()) {
                continue;
            }
            SplittableRandom random = Seeds.random(Seeds.mix(seed, address.name()));
            List<Passage> own = AddressSplit.shuffled(passages.get(address.name()), random.nextLong());
            // Half of the address's passages make same pairs (two each), as many of the rest make different pairs.
            int same = 0;
            for (int i = 0; i + 1 < own.size() / 2; i += 2) {
                Passage first = own.get(i);
                Passage second = own.get(i + 1);
                if (Math.abs(first.index() - second.index()) > 1) {
                    rows.add(new DatasetSplit.Row("same", first.text(), second.text()));
                    same++;
                }
            }
            for (int i = 0; i < same; i++) {
                Passage mine = own.get(own.size() - 1 - i);
                Passage theirs = others.get(random.nextInt(others.size()));
                rows.add(random.nextBoolean() ? new DatasetSplit.Row("different", mine.text(), theirs.text())
                        : new DatasetSplit.Row("different", theirs.text(), mine.text()));
            }
        }
        return AddressSplit.shuffled(rows, seed);
    }

    private static List<Passage> passages(AddressSplit.Address address, int passageWords)
    {
        String text = YEARS.matcher(address.text()).replaceAll(YEAR);
        List<String> windows = Passages.windows(text, passageWords);
        List<Passage> passages = new ArrayList<>();
        for (int index = 1; index < windows.size() - 1; index++) {
            passages.add(new Passage(index, windows.get(index)));
        }
        return passages;
    }

    /** The other address of the split nearest in year; the earlier one on a tie; null when the split has no other. */
    static AddressSplit.Address nearestInYear(AddressSplit.Address address, List<AddressSplit.Address> addresses)
    {
        AddressSplit.Address nearest = null;
        for (AddressSplit.Address candidate : addresses) {
            if (candidate.name().equals(address.name())) {
                continue;
            }
            if (nearest == null || distance(candidate, address) < distance(nearest, address)
                    || distance(candidate, address) == distance(nearest, address) && candidate.year() < nearest.year()) {
                nearest = candidate;
            }
        }
        return nearest;
    }

    private static int distance(AddressSplit.Address a, AddressSplit.Address b)
    {
        return Math.abs(a.year() - b.year());
    }
}
