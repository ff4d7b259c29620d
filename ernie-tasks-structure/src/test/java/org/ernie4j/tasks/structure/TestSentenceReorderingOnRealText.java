package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.testkit.TestingTaskContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentence reordering on three real addresses, checked from the outside: the classes drawn over thousands of examples,
 * and every example put back in order from its class alone.
 */
class TestSentenceReorderingOnRealText
{
    private static final SotuCorpus CORPUS = SotuCorpus.get();
    private static final List<Document> DOCUMENTS = CORPUS.addresses();

    @ParameterizedTest
    @CsvSource({"2, 128, 3000", "3, 256, 4500", "4, 256, 6600"})
    void drawsEveryClassEquallyOftenSoEachSegmentCountInProportionToItsOrders(int maxSegments, int maxSequenceLength, int draws)
    {
        int classes = ReorderingClasses.classCount(maxSegments);
        int[] counts = new int[classes];
        int[] bySegmentCount = new int[maxSegments + 1];
        for (Generated generated : generate(maxSegments, maxSequenceLength, draws)) {
            int label = ((SequenceLabel) generated.example().target()).label();
            counts[label]++;
            bySegmentCount[ReorderingClasses.segmentCount(label)]++;
        }
        for (int label = 0; label < classes; label++) {
            assertWithinSamplingError("class " + label, counts[label], draws, 1.0 / classes);
        }
        for (int n = 1; n <= maxSegments; n++) {
            assertWithinSamplingError(n + " segments", bySegmentCount[n], draws, (double) factorial(n) / classes);
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 128", "3, 128", "3, 512", "4, 256", "5, 256"})
    void decodingTheClassAndApplyingItsInverseRestoresTheParagraph(int maxSegments, int maxSequenceLength)
    {
        for (Generated generated : generate(maxSegments, maxSequenceLength, 600)) {
            ShownSegments shown = ShownSegments.of(generated.example(), CORPUS.vocabulary());
            List<int[]> restored = shown.restored();
            SentenceRun run = SentenceRun.find(generated.document(), restored);
            assertThat(run).as("restored %s", generated.example()).isNotNull();
            assertThat(run.sentenceCount()).isGreaterThanOrEqualTo(maxSegments);
            // Only the identity order of each segment count leaves the paragraph as it was.
            int[] order = ReorderingClasses.orderOf(shown.label());
            boolean identity = Arrays.equals(order, IntStream.range(0, order.length).toArray());
            assertThat(Arrays.equals(ShownSegments.concatenated(shown.segments()), ShownSegments.concatenated(restored)))
                    .as("shown as it was: %s", generated.example()).isEqualTo(identity);
        }
    }

    /**
     * Consecutive whole sentences of a document, found from the segments put back in order: each segment must start and end
     * at sentence boundaries.
     */
    private record SentenceRun(int firstSentence, int sentenceCount)
    {
        static SentenceRun find(Document document, List<int[]> segments)
        {
            List<int[]> sentences = new ArrayList<>();
            for (Sentence sentence : document.sentences()) {
                sentences.add(SentencePieces.of(sentence));
            }
            for (int first = 0; first < sentences.size(); first++) {
                int next = first;
                boolean matches = true;
                for (int[] segment : segments) {
                    int end = wholeSentencesFrom(sentences, next, segment);
                    if (end < 0) {
                        matches = false;
                        break;
                    }
                    next = end;
                }
                if (matches) {
                    return new SentenceRun(first, next - first);
                }
            }
            return null;
        }

        /** The sentence after the run of whole sentences from {@code first} that spells {@code segment}, or -1. */
        private static int wholeSentencesFrom(List<int[]> sentences, int first, int[] segment)
        {
            int offset = 0;
            int next = first;
            while (offset < segment.length && next < sentences.size()) {
                int[] sentence = sentences.get(next);
                if (offset + sentence.length > segment.length
                        || !Arrays.equals(sentence, Arrays.copyOfRange(segment, offset, offset + sentence.length))) {
                    return -1;
                }
                offset += sentence.length;
                next++;
            }
            return offset == segment.length && next > first ? next : -1;
        }
    }

    private record Generated(Document document, Example example)
    {
    }

    /** At least {@code count} examples over the addresses with seeds 0, 1, 2... in turn; exactly {@code count}. */
    private static List<Generated> generate(int maxSegments, int maxSequenceLength, int count)
    {
        TestingTaskContext context = TestingTaskContext.builder(CORPUS.vocabulary())
                .taskName(SentenceReorderingTask.NAME)
                .settings(Map.of("max-segments", maxSegments))
                .maxSequenceLength(maxSequenceLength)
                .build();
        LabelGenerator labels = new SentenceReorderingTask().labels(context);
        List<Generated> generated = new ArrayList<>();
        for (int seed = 0; generated.size() < count; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Document document : DOCUMENTS) {
                for (Example example : labels.generate(document, random)) {
                    generated.add(new Generated(document, example));
                }
            }
        }
        return generated.subList(0, count);
    }

    /** Within four standard deviations of a binomial count: a fair generator fails this about once in 16,000 classes. */
    private static void assertWithinSamplingError(String what, int count, int draws, double probability)
    {
        double expected = draws * probability;
        double sigma = Math.sqrt(draws * probability * (1 - probability));
        assertThat((double) count).as("%s: %d of %d draws, expected %.1f +- %.1f", what, count, draws, expected, 4 * sigma)
                .isBetween(expected - 4 * sigma, expected + 4 * sigma);
    }

    private static int factorial(int n)
    {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }
}
