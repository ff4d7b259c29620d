package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ernie4j.core.support.Seeds;

import static java.util.Objects.requireNonNull;

/**
 * The Democratic and Republican State of the Union addresses of a folder split into train, dev and test by address, in
 * each party's proportions, by a seed. Every dataset built from the addresses uses this one split, so that the test
 * addresses a pre-training corpus leaves out (those of sotu-party) are the test addresses of all of them.
 */
final class AddressSplit
{
    static final List<String> SPLITS = List.of("train", "dev", "test");
    private static final Pattern NAME = Pattern.compile("(\\d{4})_(.+)_(d|r)\\.txt");

    /** One address: its file, party and year. */
    record Address(Path file, String party, int year)
    {
        Address
        {
            requireNonNull(file, "file is null");
            requireNonNull(party, "party is null");
        }

        String name()
        {
            return file.getFileName().toString();
        }

        String text()
        {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private final Map<String, List<Address>> splits;

    private AddressSplit(Map<String, List<Address>> splits)
    {
        this.splits = splits;
    }

    /**
     * @param sotu the folder of addresses ({@code YEAR_PRESIDENT_PARTY.txt}); addresses of other parties are ignored
     */
    static AddressSplit of(Path sotu, double devShare, double testShare, long seed)
    {
        Map<String, List<Address>> byParty = new LinkedHashMap<>();
        byParty.put("democratic", new ArrayList<>());
        byParty.put("republican", new ArrayList<>());
        try (Stream<Path> files = Files.list(sotu)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    String party = name.group(3).equals("d") ? "democratic" : "republican";
                    byParty.get(party).add(new Address(file, party, Integer.parseInt(name.group(1))));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sotu, e);
        }
        if (byParty.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(sotu + " has no Democratic or no Republican address (files named YEAR_PRESIDENT_d.txt / _r.txt)");
        }
        Map<String, List<Address>> splits = new LinkedHashMap<>();
        SPLITS.forEach(split -> splits.put(split, new ArrayList<>()));
        for (Map.Entry<String, List<Address>> party : byParty.entrySet()) {
            List<Address> addresses = shuffled(party.getValue(), Seeds.mix(seed, party.getKey()));
            int test = Math.max(1, (int) Math.round(testShare * addresses.size()));
            int dev = Math.max(1, (int) Math.round(devShare * addresses.size()));
            for (int index = 0; index < addresses.size(); index++) {
                splits.get(index < test ? "test" : index < test + dev ? "dev" : "train").add(addresses.get(index));
            }
        }
        return new AddressSplit(splits);
    }

    /** A seeded Fisher-Yates shuffle of a copy of {@code items}. */
    static <T> List<T> shuffled(List<T> items, long seed)
    {
        List<T> copy = new ArrayList<>(items);
        SplittableRandom random = Seeds.random(seed);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    /** The addresses of a split, by party (Democratic first), each party's in the shuffled order. */
    List<Address> addresses(String split)
    {
        List<Address> addresses = splits.get(split);
        if (addresses == null) {
            throw new IllegalArgumentException("no split '" + split + "'; the splits are " + SPLITS);
        }
        return Collections.unmodifiableList(addresses);
    }

    /** The file names of each split's addresses, sorted: what {@code dataset.json} records. */
    Map<String, List<String>> names()
    {
        Map<String, List<String>> names = new LinkedHashMap<>();
        splits.forEach((split, addresses) -> names.put(split, addresses.stream().map(Address::name).sorted().toList()));
        return names;
    }
}
