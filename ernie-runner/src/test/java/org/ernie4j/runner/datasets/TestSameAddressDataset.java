package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TestSameAddressDataset
{
    private static final int WORDS = 50;

    @TempDir
    static Path directory;
    private static Path sotu;
    private static SameAddressDataset.Summary summary;

    @BeforeAll
    static void build()
    {
        sotu = TestingSotu.copyTo(directory.resolve("sotu"));
        summary = SameAddressDataset.build(sotu, directory.resolve("same-address"), WORDS, 0.15, 0.15, 42);
    }

    @Test
    void testAddressesAreSotuPartysTestAddresses()
    {
        SotuPartyDataset.Summary party = SotuPartyDataset.build(sotu, directory.resolve("sotu-party"), 100, 0.15, 0.15, 42);

        assertThat(summary.addresses()).isEqualTo(party.addresses());
        assertThat(summary.addresses().get("test")).isNotEmpty();
    }

    @Test
    void everySplitIsBalanced()
            throws IOException
    {
        for (String split : AddressSplit.SPLITS) {
            List<String[]> rows = rows(split);
            long same = rows.stream().filter(row -> row[0].equals("same")).count();

            assertThat(rows).as(split).isNotEmpty();
            assertThat(same * 2).as(split).isEqualTo(rows.size());
            assertThat(rows.size()).isEqualTo(summary.pairs().get(split));
        }
    }

    @Test
    void sameIsOneAddressAndDifferentIsTwoAndNeitherAreNeighbours()
            throws IOException
    {
        for (String split : AddressSplit.SPLITS) {
            Map<String, List<String>> windows = windowsOf(summary.addresses().get(split));
            for (String[] row : rows(split)) {
                Window first = find(windows, row[1]);
                Window second = find(windows, row[2]);
                if (row[0].equals("same")) {
                    assertThat(first.address()).isEqualTo(second.address());
                    assertThat(Math.abs(first.index() - second.index())).isGreaterThan(1);
                }
                else {
                    assertThat(first.address()).isNotEqualTo(second.address());
                }
            }
        }
    }

    @Test
    void noPassageIsInTwoSplitsAndNoneIsFirstOrLastOfItsAddress()
            throws IOException
    {
        Map<String, String> splitOf = new HashMap<>();
        for (String split : AddressSplit.SPLITS) {
            Map<String, List<String>> windows = windowsOf(summary.addresses().get(split));
            for (String[] row : rows(split)) {
                for (String passage : List.of(row[1], row[2])) {
                    assertThat(splitOf.getOrDefault(passage, split)).isEqualTo(split);
                    splitOf.put(passage, split);
                    Window window = find(windows, passage);
                    assertThat(window.index()).isBetween(1, windows.get(window.address()).size() - 2);
                }
            }
        }
    }

    @Test
    void passagesHaveOneLengthAndNoYear()
            throws IOException
    {
        Pattern year = Pattern.compile("\\b(1[7-9]\\d\\d|20\\d\\d)\\b");
        String original = Files.readString(sotu.resolve("1944_franklin_d_roosevelt_d.txt"));
        assertThat(year.matcher(original).find()).as("the sample has years to remove").isTrue();
        for (String split : AddressSplit.SPLITS) {
            for (String[] row : rows(split)) {
                for (String passage : List.of(row[1], row[2])) {
                    assertThat(passage.split(" ")).hasSize(WORDS);
                    assertThat(year.matcher(passage).find()).as(passage).isFalse();
                }
            }
        }
    }

    @Test
    void theSeedDecidesEverything()
            throws IOException
    {
        SameAddressDataset.build(sotu, directory.resolve("again"), WORDS, 0.15, 0.15, 42);
        SameAddressDataset.build(sotu, directory.resolve("other-seed"), WORDS, 0.15, 0.15, 7);

        for (String file : List.of("train.tsv", "dev.tsv", "test.tsv", "dataset.json")) {
            assertThat(directory.resolve("again").resolve(file)).hasSameTextualContentAs(directory.resolve("same-address").resolve(file));
        }
        assertThat(Files.readString(directory.resolve("other-seed/train.tsv"))).isNotEqualTo(Files.readString(directory.resolve("same-address/train.tsv")));
    }

    @Test
    void theOtherAddressIsTheNearestInYear()
    {
        AddressSplit.Address a1944 = address("1944_franklin_d_roosevelt_d.txt", 1944);
        AddressSplit.Address a1935 = address("1935_franklin_d_roosevelt_d.txt", 1935);
        AddressSplit.Address a1953 = address("1953_dwight_d_eisenhower_r.txt", 1953);
        AddressSplit.Address a1862 = address("1862_abraham_lincoln_r.txt", 1862);

        assertThat(SameAddressDataset.nearestInYear(a1944, List.of(a1862, a1935, a1944, a1953))).isEqualTo(a1935);
        assertThat(SameAddressDataset.nearestInYear(a1862, List.of(a1862, a1935, a1944, a1953))).isEqualTo(a1935);
        assertThat(SameAddressDataset.nearestInYear(a1862, List.of(a1862))).isNull();
    }

    private static AddressSplit.Address address(String name, int year)
    {
        return new AddressSplit.Address(sotu.resolve(name), "democratic", year);
    }

    private record Window(String address, int index)
    {
    }

    private static Window find(Map<String, List<String>> windows, String passage)
    {
        List<Window> found = new ArrayList<>();
        windows.forEach((address, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).equals(passage)) {
                    found.add(new Window(address, i));
                }
            }
        });
        assertThat(found).as("the passage is a window of exactly one address of its split: " + passage).hasSize(1);
        return found.get(0);
    }

    private static Map<String, List<String>> windowsOf(List<String> addresses)
            throws IOException
    {
        Map<String, List<String>> windows = new HashMap<>();
        for (String address : addresses) {
            String text = Files.readString(sotu.resolve(address), StandardCharsets.UTF_8).replaceAll("\\b(1[7-9]\\d\\d|20\\d\\d)\\b", "YEAR");
            windows.put(address, Passages.windows(text, WORDS).stream().map(DatasetSplit::clean).toList());
        }
        return windows;
    }

    private static List<String[]> rows(String split)
            throws IOException
    {
        try (Stream<String> lines = Files.lines(directory.resolve("same-address").resolve(split + ".tsv"))) {
            List<String[]> rows = lines.map(line -> line.split("\t", -1)).toList();
            Set<Integer> widths = new HashSet<>();
            rows.forEach(row -> widths.add(row.length));
            assertThat(widths).containsExactly(3);
            return rows;
        }
    }
}
