#!/usr/bin/env bash
# The mail-decoder comparison of docs/DATASETS.md: the hand-written MailText that the spam dataset used before mime4j
# (taken from git history at 4b8f316 and renamed OldMailText; it is not part of the build) against the current one on
# every mail of the SpamAssassin corpus. Prints the time of each over the whole corpus (three alternating passes, the
# mails already in memory), how many decoded texts are identical (as decoded, after DatasetSplit.clean, and as the
# dataset row: cleaned and cut to SpamDataset.MAX_CHARACTERS), and what each dropped; writes the list of differing mails
# and both texts of each into the output folder.
#
#   docs/experiments/compare-mail-decoders.sh [SPAM_ASSASSIN_DIR [OUT_DIR]]
#
# Runs against ernie-runner/target/ernie.jar (ernie-runner/bin/ernie builds it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$root/../shared/data/spam-assassin}
out=${2:-/tmp/compare-mail-decoders}
jar=$root/ernie-runner/target/ernie.jar
[ -f "$jar" ] || { echo "compare-mail-decoders: $jar is missing; build it (ernie-runner/bin/ernie --help does)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/src/org/ernie4j/runner/datasets
mkdir -p "$src" "$work/classes"
git -C "$root" show 4b8f316:ernie-runner/src/main/java/org/ernie4j/runner/datasets/MailText.java \
  | sed 's/\bMailText\b/OldMailText/g' >"$src/OldMailText.java"
cat >"$src/CompareMailText.java" <<'JAVA'
package org.ernie4j.runner.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

public class CompareMailText
{
    public static void main(String[] args)
            throws Exception
    {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> mails = new ArrayList<>();
        try (Stream<Path> folders = Files.list(corpus)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    mails.addAll(files.filter(Files::isRegularFile).sorted().toList());
                }
            }
        }
        List<byte[]> raw = new ArrayList<>();
        for (Path mail : mails) {
            raw.add(Files.readAllBytes(mail));
        }
        long[][] millis = new long[2][3];
        for (int pass = 0; pass < 3; pass++) {
            millis[0][pass] = time(raw, OldMailText::decode);
            millis[1][pass] = time(raw, MailText::decode);
        }
        System.out.printf("%d mails%nold decoder ms %s%nnew decoder ms %s%n", raw.size(), passes(millis[0]), passes(millis[1]));
        int sameText = 0;
        int sameClean = 0;
        int sameRow = 0;
        int sameDropped = 0;
        Map<String, Integer> oldDropped = new TreeMap<>();
        Map<String, Integer> newDropped = new TreeMap<>();
        StringBuilder differing = new StringBuilder();
        Files.createDirectories(out);
        for (int i = 0; i < raw.size(); i++) {
            OldMailText.Decoded old = OldMailText.decode(raw.get(i));
            MailText.Decoded now = MailText.decode(raw.get(i));
            old.dropped().forEach(type -> oldDropped.merge(type, 1, Integer::sum));
            now.dropped().forEach(type -> newDropped.merge(type, 1, Integer::sum));
            String oldClean = DatasetSplit.clean(old.text());
            String newClean = DatasetSplit.clean(now.text());
            sameText += old.text().equals(now.text()) ? 1 : 0;
            sameClean += oldClean.equals(newClean) ? 1 : 0;
            sameRow += row(oldClean).equals(row(newClean)) ? 1 : 0;
            sameDropped += old.dropped().equals(now.dropped()) ? 1 : 0;
            if (!oldClean.equals(newClean) || !old.dropped().equals(now.dropped())) {
                String name = corpus.relativize(mails.get(i)).toString();
                differing.append(name).append("\tsubject ").append(old.subject().equals(now.subject()) ? "same" : "differs")
                        .append("\tdropped ").append(old.dropped()).append(" -> ").append(now.dropped()).append('\n');
                Path both = Files.createDirectories(out.resolve(name.replace('/', '_')));
                Files.writeString(both.resolve("old.txt"), old.subject() + "\n----\n" + old.body());
                Files.writeString(both.resolve("new.txt"), now.subject() + "\n----\n" + now.body());
            }
        }
        Files.writeString(out.resolve("differences.tsv"), differing);
        System.out.printf("identical text %d, after clean %d, as dataset row %d; identical dropped parts %d%n", sameText, sameClean, sameRow, sameDropped);
        System.out.println("old dropped " + oldDropped);
        System.out.println("new dropped " + newDropped);
        System.out.println("the differing mails: " + out.resolve("differences.tsv"));
    }

    private static long time(List<byte[]> mails, Function<byte[], ?> decoder)
    {
        long start = System.nanoTime();
        mails.forEach(decoder::apply);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String passes(long[] millis)
    {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return Arrays.toString(millis) + ", median " + sorted[1];
    }

    private static String row(String text)
    {
        return text.length() > SpamDataset.MAX_CHARACTERS ? text.substring(0, SpamDataset.MAX_CHARACTERS) : text;
    }
}
JAVA
javac -nowarn -d "$work/classes" -cp "$jar" "$src"/*.java
java -Xmx2g -cp "$work/classes:$jar" org.ernie4j.runner.datasets.CompareMailText "$corpus" "$out"
