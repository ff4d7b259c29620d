package org.ernie4j.core.training.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ernie4j.core.support.Seeds;
import org.ernie4j.core.training.data.Examples;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.example.Example;

/**
 * A task's examples drawn evenly across documents: each document's usable examples in a seeded shuffled order, taken in
 * turn, one from every document, then a second from every document that has one, and so on, until enough are taken.
 * Neighbouring examples of one document share words and topic, so "the first N examples" would rest a figure on one or
 * two documents; drawn in turn, a figure rests on as many documents as there are.
 *
 * <p>Where there are more documents than examples wanted, documents are visited in a seeded order until as many have
 * given examples as are wanted, one example then coming from each.
 * The draw is a pure function of the documents, the generator, the seed and the stream, so the same examples come back at
 * every evaluation and in every run with the same seed. Documents are generated twice (once to count their examples,
 * once to take them) so that no more than the examples taken are ever held in memory.
 *
 * @param examples the examples, in the order taken
 * @param documentOf for each example, the index (in the document source) of the document it came from
 * @param documents the number of documents that gave at least one example
 */
record DocumentSample(List<Example> examples, int[] documentOf, int documents)
{
    DocumentSample
    {
        examples = List.copyOf(examples);
        documentOf = documentOf.clone();
    }

    @Override
    public int[] documentOf()
    {
        return documentOf.clone();
    }

    static DocumentSample draw(LabelGenerator generator, DocumentSource source, int wanted, int maxLength, long seed, long stream)
    {
        List<Integer> documents = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int giving = 0;
        for (int document : visitingOrder(source.size(), wanted, Seeds.random(seed, stream, -1))) {
            if (giving == wanted) {
                break;
            }
            int count = usable(generator, source, document, maxLength, seed, stream).size();
            documents.add(document);
            counts.add(count);
            giving += count > 0 ? 1 : 0;
        }
        int[] available = counts.stream().mapToInt(Integer::intValue).toArray();
        int[] taken = allocate(available, wanted);
        List<List<Example>> chosen = new ArrayList<>();
        int givers = 0;
        for (int i = 0; i < documents.size(); i++) {
            List<Example> usable = taken[i] == 0 ? List.of() : usable(generator, source, documents.get(i), maxLength, seed, stream);
            if (usable.size() != available[i]) {
                throw new IllegalStateException("the generator gave document " + source.get(documents.get(i)).id()
                        + " another number of examples the second time: it is not deterministic");
            }
            List<Example> shuffled = new ArrayList<>(usable);
            shuffle(shuffled, Seeds.random(seed, stream, documents.get(i), 1));
            chosen.add(shuffled.subList(0, taken[i]));
            givers += taken[i] > 0 ? 1 : 0;
        }
        int total = IntStream.of(taken).sum();
        List<Example> examples = new ArrayList<>();
        List<Integer> documentOf = new ArrayList<>();
        for (int turn = 0; examples.size() < total; turn++) {
            for (int i = 0; i < chosen.size(); i++) {
                if (turn < chosen.get(i).size()) {
                    examples.add(chosen.get(i).get(turn));
                    documentOf.add(documents.get(i));
                }
            }
        }
        return new DocumentSample(examples, documentOf.stream().mapToInt(Integer::intValue).toArray(), givers);
    }

    /**
     * How many examples to take from each document: one from each in turn, while a document has examples left and
     * fewer than {@code wanted} are taken.
     */
    static int[] allocate(int[] available, int wanted)
    {
        int[] taken = new int[available.length];
        int total = 0;
        boolean progress = true;
        while (total < wanted && progress) {
            progress = false;
            for (int i = 0; i < available.length && total < wanted; i++) {
                if (taken[i] < available[i]) {
                    taken[i]++;
                    total++;
                    progress = true;
                }
            }
        }
        return taken;
    }

    /**
     * All documents in order when they are no more than wanted; else every document in a seeded order, to be visited
     * until {@code wanted} of them have given examples (the draw then takes one from each).
     */
    private static List<Integer> visitingOrder(int size, int wanted, SplittableRandom random)
    {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        if (size > wanted) {
            shuffle(all, random);
        }
        return all;
    }

    /** Fisher-Yates, from the last place down (Java 17's Collections.shuffle takes only a java.util.Random). */
    private static <T> void shuffle(List<T> list, SplittableRandom random)
    {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private static List<Example> usable(LabelGenerator generator, DocumentSource source, int document, int maxLength, long seed, long stream)
    {
        List<Example> usable = new ArrayList<>();
        for (Example example : generator.generate(source.get(document), Seeds.random(seed, stream, document))) {
            if (example.length() <= maxLength && Examples.hasLabels(example)) {
                usable.add(example);
            }
        }
        return usable;
    }
}
