package org.ernie4j.runner.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ernie4j.core.support.Seeds;

/**
 * Spam against ham from the raw SpamAssassin mails: every mail of the folders whose name contains {@code spam} is spam,
 * of the others ham. Each mail is decoded ({@link MailText}), cut to its first {@value #MAX_CHARACTERS} characters, and
 * split at random (by the seed, in each class's proportions) into train, dev and test. What was dropped is reported.
 */
public final class SpamDataset
{
    static final int MAX_CHARACTERS = 2000;

    private SpamDataset()
    {
    }

    /** What was built and what was dropped. */
    public record Summary(Map<String, Integer> mails, Map<String, Integer> examples, int withoutText, int withReplacedBytes,
            Map<String, Integer> droppedParts)
    {
    }

    public static Summary build(Path spamAssassin, Path output, double devShare, double testShare, long seed)
    {
        Map<String, List<DatasetSplit.Row>> byLabel = new LinkedHashMap<>();
        byLabel.put("ham", new ArrayList<>());
        byLabel.put("spam", new ArrayList<>());
        Map<String, Integer> mails = new TreeMap<>();
        Map<String, Integer> dropped = new TreeMap<>();
        int withoutText = 0;
        int withReplacedBytes = 0;
        try (Stream<Path> folders = Files.list(spamAssassin)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String label = folder.getFileName().toString().toLowerCase(Locale.ROOT).contains("spam") ? "spam" : "ham";
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path mail : files.filter(Files::isRegularFile).sorted().toList()) {
                        MailText.Decoded decoded = MailText.decode(Files.readAllBytes(mail));
                        mails.merge(folder.getFileName().toString(), 1, Integer::sum);
                        decoded.dropped().forEach(type -> dropped.merge(type, 1, Integer::sum));
                        String text = DatasetSplit.clean(decoded.text());
                        if (text.isBlank()) {
                            withoutText++;
                            continue;
                        }
                        if (text.indexOf('\uFFFD') >= 0) {
                            withReplacedBytes++;
                        }
                        byLabel.get(label).add(new DatasetSplit.Row(label, text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text));
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the SpamAssassin folders in " + spamAssassin, e);
        }
        if (byLabel.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(spamAssassin + " needs folders of spam (name containing 'spam') and of ham mails");
        }
        List<DatasetSplit.Row> train = new ArrayList<>();
        List<DatasetSplit.Row> dev = new ArrayList<>();
        List<DatasetSplit.Row> test = new ArrayList<>();
        for (Map.Entry<String, List<DatasetSplit.Row>> label : byLabel.entrySet()) {
            List<DatasetSplit.Row> rows = new ArrayList<>(label.getValue());
            SplittableRandom random = Seeds.random(Seeds.mix(seed, label.getKey()));
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                DatasetSplit.Row swap = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, swap);
            }
            int testCount = (int) Math.round(testShare * rows.size());
            int devCount = (int) Math.round(devShare * rows.size());
            test.addAll(rows.subList(0, testCount));
            dev.addAll(rows.subList(testCount, testCount + devCount));
            train.addAll(rows.subList(testCount + devCount, rows.size()));
        }
        Map<String, Integer> examples = new LinkedHashMap<>();
        examples.put("train", train.size());
        examples.put("dev", dev.size());
        examples.put("test", test.size());
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("dataset", "spam vs ham from the raw SpamAssassin mails (subject and decoded text parts, HTML stripped)");
        description.put("source", spamAssassin.toString());
        description.put("max_characters", MAX_CHARACTERS);
        description.put("seed", seed);
        description.put("mails", mails);
        description.put("examples", examples);
        description.put("mails_without_text", withoutText);
        description.put("mails_with_bytes_not_valid_in_their_charset", withReplacedBytes);
        description.put("dropped_parts", dropped);
        DatasetSplit.write(output, train, dev, test, description);
        return new Summary(mails, examples, withoutText, withReplacedBytes, dropped);
    }
}
