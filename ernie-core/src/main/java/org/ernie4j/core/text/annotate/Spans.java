package org.ernie4j.core.text.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ernie4j.spi.document.Span;

/**
 * Turns per-token labels into the SPI's token spans.
 */
final class Spans
{
    /** The entity label of maximal runs of proper nouns. */
    static final String PROPER = "PROPER";

    private Spans() {}

    /**
     * Chunk spans from BIO tags such as B-NP I-NP O. An I- tag that does not continue a span of its type starts one, as
     * in the CoNLL evaluation, so that a stray tag is not lost.
     */
    static List<Span> fromBio(String[] tags)
    {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.length; i++) {
            String tag = i < tags.length ? tags[i] : "O";
            boolean begins = tag.startsWith("B-");
            boolean inside = tag.startsWith("I-");
            String tagType = begins || inside ? tag.substring(2) : null;
            boolean continues = inside && tagType.equals(type);
            if (type != null && !continues) {
                spans.add(new Span(start, i, type));
                type = null;
            }
            if ((begins || inside) && !continues && !tagType.isEmpty()) {
                start = i;
                type = tagType;
            }
        }
        return spans;
    }

    /**
     * Entity spans: the gazetteer's matches, and maximal runs of proper nouns (NNP, NNPS) outside them as {@value #PROPER}.
     * A gazetteer match wins over the proper-noun run it overlaps; the run's tokens outside the match remain runs of
     * their own ("President" before a gazetteer's "George Washington").
     */
    static List<Span> entities(String[] tokens, String[] tags, Gazetteer gazetteer)
    {
        List<Span> entities = new ArrayList<>(gazetteer.find(tokens));
        boolean[] covered = new boolean[tokens.length];
        for (Span match : entities) {
            for (int i = match.start(); i < match.end(); i++) {
                covered[i] = true;
            }
        }
        int i = 0;
        while (i < tokens.length) {
            if (covered[i] || !isProperNoun(tags[i])) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < tokens.length && !covered[end] && isProperNoun(tags[end])) {
                end++;
            }
            entities.add(new Span(i, end, PROPER));
            i = end;
        }
        entities.sort(Comparator.comparingInt(Span::start));
        return entities;
    }

    private static boolean isProperNoun(String tag)
    {
        return tag.equals("NNP") || tag.equals("NNPS");
    }
}
