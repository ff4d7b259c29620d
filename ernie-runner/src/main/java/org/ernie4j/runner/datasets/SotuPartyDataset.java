package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ernie4j.core.support.Seeds;

/**
 * The party of a State of the Union speaker from a passage of the address: Democratic against Republican addresses,
 * split by address (no address has passages in two splits) in each party's proportions, passages of a fixed number of
 * words. The addresses of the test split are listed in {@code dataset.json}, so that a pre-training corpus can leave
 * them out.
 */
public final class SotuPartyDataset
{
    private static final Pattern NAME = Pattern.compile("(\\d{4})_(.+)_(d|r)\\.txt");

    private SotuPartyDataset()
    {
    }

    /** What was built: how many addresses and passages went to each split. */
    public record Summary(Map<String, List<String>> addresses, Map<String, Integer> passages)
    {
    }

    /**
     * @param sotu the folder of addresses ({@code YEAR_PRESIDENT_PARTY.txt})
     * @param passageWords words per passage; the last, shorter part of an address is dropped
     */
    public static Summary build(Path sotu, Path output, int passageWords, double devShare, double testShare, long seed)
    {
        if (passageWords < 10) {
            throw new IllegalArgumentException("passages need at least 10 words, not " + passageWords);
        }
        Map<String, List<Path>> byParty = new LinkedHashMap<>();
        byParty.put("democratic", new ArrayList<>());
        byParty.put("republican", new ArrayList<>());
        try (Stream<Path> files = Files.list(sotu)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    byParty.get(name.group(3).equals("d") ? "democratic" : "republican").add(file);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sotu, e);
        }
        if (byParty.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(sotu + " has no Democratic or no Republican address (files named YEAR_PRESIDENT_d.txt / _r.txt)");
        }
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        Map<String, List<DatasetSplit.Row>> rows = new LinkedHashMap<>();
        for (String split : List.of("train", "dev", "test")) {
            addresses.put(split, new ArrayList<>());
            rows.put(split, new ArrayList<>());
        }
        for (Map.Entry<String, List<Path>> party : byParty.entrySet()) {
            List<Path> files = new ArrayList<>(party.getValue());
            SplittableRandom random = Seeds.random(Seeds.mix(seed, party.getKey()));
            for (int i = files.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Path swap = files.get(i);
                files.set(i, files.get(j));
                files.set(j, swap);
            }
            int test = Math.max(1, (int) Math.round(testShare * files.size()));
            int dev = Math.max(1, (int) Math.round(devShare * files.size()));
            for (int index = 0; index < files.size(); index++) {
                String split = index < test ? "test" : index < test + dev ? "dev" : "train";
                addresses.get(split).add(files.get(index).getFileName().toString());
                for (String passage : passages(files.get(index), passageWords)) {
                    rows.get(split).add(new DatasetSplit.Row(party.getKey(), passage));
                }
            }
        }
        addresses.values().forEach(list -> list.sort(null));
        Map<String, Integer> passages = new LinkedHashMap<>();
        rows.forEach((split, list) -> passages.put(split, list.size()));
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("dataset", "party of the State of the Union speaker (Democratic vs Republican), split by address");
        description.put("source", sotu.toString());
        description.put("passage_words", passageWords);
        description.put("seed", seed);
        description.put("passages", passages);
        description.put("addresses", addresses);
        DatasetSplit.write(output, rows.get("train"), rows.get("dev"), rows.get("test"), description);
        return new Summary(addresses, passages);
    }

    /**
     * Copies every address of {@code sotu} except {@code excluded} (file names) into {@code target}: a pre-training corpus
     * that never saw the test addresses. Addresses of no party in the dataset (Whig, Federalist, ...) are copied too.
     */
    public static int copyAllBut(Path sotu, List<String> excluded, Path target)
    {
        int copied = 0;
        try (Stream<Path> files = Files.list(sotu)) {
            Files.createDirectories(target);
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".txt") && !excluded.contains(name)) {
                    Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy the addresses of " + sotu + " into " + target, e);
        }
        return copied;
    }

    private static List<String> passages(Path address, int words)
    {
        String[] tokens;
        try {
            tokens = Files.readString(address, StandardCharsets.UTF_8).strip().split("\\s+");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + address, e);
        }
        List<String> passages = new ArrayList<>();
        for (int start = 0; start + words <= tokens.length; start += words) {
            passages.add(String.join(" ", List.of(tokens).subList(start, start + words)));
        }
        return passages;
    }
}
