package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The party of a State of the Union speaker from a passage of the address: Democratic against Republican addresses,
 * split by address (no address has passages in two splits) in each party's proportions, passages of a fixed number of
 * words. The addresses of the test split are listed in {@code dataset.json}, so that a pre-training corpus can leave
 * them out.
 */
public final class SotuPartyDataset
{
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
        AddressSplit addressSplit = AddressSplit.of(sotu, devShare, testShare, seed);
        Map<String, List<DatasetSplit.Row>> rows = new LinkedHashMap<>();
        for (String name : AddressSplit.SPLITS) {
            List<DatasetSplit.Row> list = new ArrayList<>();
            for (AddressSplit.Address address : addressSplit.addresses(name)) {
                for (String passage : Passages.windows(address.text(), passageWords)) {
                    list.add(new DatasetSplit.Row(address.party(), passage));
                }
            }
            rows.put(name, list);
        }
        Map<String, List<String>> addresses = addressSplit.names();
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
}
