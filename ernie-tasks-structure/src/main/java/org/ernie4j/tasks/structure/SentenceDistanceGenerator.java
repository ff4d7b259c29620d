package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.SplitDocuments;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;

import static java.util.Objects.requireNonNull;

/**
 * Sentence distance's examples for one document: as many pairs as the document has sentences less one, each of a class
 * drawn from the class balance. Holds no state between documents, so it is deterministic for a given random source.
 */
final class SentenceDistanceGenerator
        implements LabelGenerator
{
    static final String TOO_FEW_SENTENCES = "document has fewer than two sentences";
    static final String NO_DISTANT_PAIR = "document has two sentences only, no pair that is not adjacent";
    static final String NO_OTHER_DOCUMENT = "corpus has no other document";
    static final String EMPTY_OTHER_DOCUMENT = "other document has no word pieces";
    static final String SINGLE_DOCUMENT_WARNING = "sentence-distance: the corpus has no document other than the one being read,"
            + " so no pair comes from two different documents (class 2); such draws are skipped";

    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final int maxSegmentLength;
    private final int sentencesPerSegment;
    private final ClassBalance balance;
    private final SplitDocuments documents;
    private final TaskReporter reporter;

    SentenceDistanceGenerator(SentenceDistanceSettings settings, Vocabulary vocabulary, int maxSequenceLength, SplitDocuments documents, TaskReporter reporter)
    {
        requireNonNull(settings, "settings is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.documents = requireNonNull(documents, "documents is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.maxSegmentLength = settings.maxSegmentLength();
        this.sentencesPerSegment = settings.sentencesPerSegment();
        this.balance = settings.balance();
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        List<int[]> sentences = SentencePieces.ofDocument(document);
        int count = sentences.size();
        if (count < 2) {
            reporter.skipped(TOO_FEW_SENTENCES);
            return List.of();
        }
        List<Example> examples = new ArrayList<>(count - 1);
        for (int draw = 0; draw < count - 1; draw++) {
            DistanceLabel label = balance.draw(random);
            int[][] pair = switch (label) {
                case ADJACENT -> adjacent(sentences, random);
                case SAME_DOCUMENT -> distant(sentences, random);
                case OTHER_DOCUMENT -> fromOtherDocument(document, sentences, random);
            };
            if (pair != null) {
                examples.add(example(pair[0], pair[1], label));
            }
        }
        return examples;
    }

    private int[][] adjacent(List<int[]> sentences, RandomGenerator random)
    {
        int first = random.nextInt(sentences.size() - 1);
        return new int[][] {endingAt(sentences, first), startingAt(sentences, first + 1)};
    }

    /** A pair {@code (i, j)} with {@code j >= i + 2}, every such pair equally likely; null when there is none. */
    private int[][] distant(List<int[]> sentences, RandomGenerator random)
    {
        int count = sentences.size();
        if (count < 3) {
            reporter.skipped(NO_DISTANT_PAIR);
            return null;
        }
        // Pairs i < j - 1 of count sentences match pairs x < y of count - 1 by y = j - 1: draw two distinct of those.
        int x = random.nextInt(count - 1);
        int y = random.nextInt(count - 2);
        if (y >= x) {
            y++;
        }
        return new int[][] {endingAt(sentences, Math.min(x, y)), startingAt(sentences, Math.max(x, y) + 1)};
    }

    private int[][] fromOtherDocument(Document document, List<int[]> sentences, RandomGenerator random)
    {
        // From the document's own side of the held-out split: a held-out pair of class 2 holds held-out text only.
        Optional<Document> other = documents.randomOther(document, random);
        if (other.isEmpty()) {
            reporter.warnOnce(SINGLE_DOCUMENT_WARNING);
            reporter.skipped(NO_OTHER_DOCUMENT);
            return null;
        }
        int[] first = endingAt(sentences, random.nextInt(sentences.size()));
        int[] second = anyRun(other.get(), random);
        if (second == null) {
            reporter.skipped(EMPTY_OTHER_DOCUMENT);
            return null;
        }
        return new int[][] {first, second};
    }

    /**
     * The pieces of a random sentence of another document and of the sentences after it, up to
     * {@code sentences-per-segment} sentences with text, or null if none has any. Reads those sentences, not the whole
     * document, unless it meets sentences without tokens.
     */
    private int[] anyRun(Document document, RandomGenerator random)
    {
        List<Sentence> sentences = document.sentences();
        if (sentences.isEmpty()) {
            return null;
        }
        int start = random.nextInt(sentences.size());
        int first = -1;
        for (int i = 0; i < sentences.size() && first < 0; i++) {
            int at = (start + i) % sentences.size();
            first = sentences.get(at).pieceCount() > 0 ? at : -1;
        }
        if (first < 0) {
            return null;
        }
        List<int[]> run = new ArrayList<>(sentencesPerSegment);
        for (int next = first; next < sentences.size() && run.size() < sentencesPerSegment; next++) {
            if (sentences.get(next).pieceCount() > 0) {
                run.add(SentencePieces.of(sentences.get(next)));
            }
        }
        return concatenated(run, 0, run.size());
    }

    /** Sentence {@code last} and up to {@code sentences-per-segment - 1} sentences before it, in document order. */
    private int[] endingAt(List<int[]> sentences, int last)
    {
        return concatenated(sentences, Math.max(0, last - sentencesPerSegment + 1), last + 1);
    }

    /** Sentence {@code first} and up to {@code sentences-per-segment - 1} sentences after it. */
    private int[] startingAt(List<int[]> sentences, int first)
    {
        return concatenated(sentences, first, Math.min(sentences.size(), first + sentencesPerSegment));
    }

    private static int[] concatenated(List<int[]> sentences, int from, int to)
    {
        if (to - from == 1) {
            return sentences.get(from);
        }
        int length = 0;
        for (int i = from; i < to; i++) {
            length += sentences.get(i).length;
        }
        int[] pieces = new int[length];
        int at = 0;
        for (int i = from; i < to; i++) {
            int[] sentence = sentences.get(i);
            System.arraycopy(sentence, 0, pieces, at, sentence.length);
            at += sentence.length;
        }
        return pieces;
    }

    private Example example(int[] first, int[] second, DistanceLabel label)
    {
        // Where the two sentences meet is what tells adjacent text from distant text: a long first sentence keeps its end,
        // a long second sentence its beginning. The same cut for every class, so that it gives no class away.
        int[] a = first.length > maxSegmentLength ? Arrays.copyOfRange(first, first.length - maxSegmentLength, first.length) : first;
        int[] b = second.length > maxSegmentLength ? Arrays.copyOf(second, maxSegmentLength) : second;
        return InputBuilder.start(vocabulary, maxSequenceLength)
                .addAll(a).separator()
                .nextSegment()
                .addAll(b).separator()
                .build(new SequenceLabel(label.label()));
    }

    @Override
    public String toString()
    {
        return "sentence distance, class balance " + balance + ", sentences of at most " + maxSegmentLength + " pieces";
    }
}
