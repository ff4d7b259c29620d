package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * Token-document relation's examples for one document: the document is cut into segments (windows), and each word of a
 * segment is labelled by whether its type occurs in another segment. One example per segment with a word to label; uses
 * no randomness.
 *
 * <p>Linear in the document: every token's type is found once, and a type "occurs in another segment" exactly when it
 * occurs in two or more segments, since it occurs in its own. So one pass counts, per type, the segments it occurs in,
 * and a second pass labels.
 */
final class TokenDocumentRelationGenerator
        implements LabelGenerator
{
    static final int ONLY_HERE = 0;
    static final int ELSEWHERE_TOO = 1;

    static final String SINGLE_SEGMENT = "document fits in a single segment: no other segment to relate its words to";
    static final String NOTHING_TO_LABEL = "segment has no word to label (only punctuation, stop words or unknown pieces)";

    private final TokenDocumentRelationSettings settings;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final TaskReporter reporter;
    private final WindowCutter cutter;
    private final WordLabelExamples examples;

    TokenDocumentRelationGenerator(TokenDocumentRelationSettings settings, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.cutter = new WindowCutter(maxSequenceLength - 2, reporter);
        this.examples = new WordLabelExamples(vocabulary);
    }

    /** How many segments a type occurs in; the last segment counted keeps a segment from counting twice. */
    private static final class Occurrence
    {
        int lastSegment = -1;
        int segments;
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        List<Window> segments = cutter.cut(document);
        if (segments.isEmpty()) {
            // The cutter reported why: no pieces at all, or only words too long for any input.
            return List.of();
        }
        if (segments.size() < 2) {
            reporter.skipped(SINGLE_SEGMENT);
            return List.of();
        }
        List<String[]> types = segments.stream().map(this::typesOf).toList();
        Map<String, Occurrence> occurrences = occurrences(types);
        List<Example> result = new ArrayList<>();
        for (int segment = 0; segment < segments.size(); segment++) {
            String[] segmentTypes = types.get(segment);
            int[] labels = new int[segmentTypes.length];
            for (int token = 0; token < labels.length; token++) {
                String type = segmentTypes[token];
                labels[token] = type == null ? TokenLabels.IGNORED : occurrences.get(type).segments > 1 ? ELSEWHERE_TOO : ONLY_HERE;
            }
            Optional<Example> example = examples.example(segments.get(segment), labels);
            if (example.isPresent()) {
                result.add(example.get());
            }
            else {
                reporter.skipped(NOTHING_TO_LABEL);
            }
        }
        return result;
    }

    /** The number of segments each type occurs in, from the types of every segment. */
    private static Map<String, Occurrence> occurrences(List<String[]> types)
    {
        Map<String, Occurrence> occurrences = new HashMap<>();
        for (int segment = 0; segment < types.size(); segment++) {
            for (String type : types.get(segment)) {
                if (type != null) {
                    Occurrence occurrence = occurrences.computeIfAbsent(type, key -> new Occurrence());
                    if (occurrence.lastSegment != segment) {
                        occurrence.lastSegment = segment;
                        occurrence.segments++;
                    }
                }
            }
        }
        return occurrences;
    }

    /** The type of every token of the segment, or null for a token that gets no label. */
    private String[] typesOf(Window segment)
    {
        String[] types = new String[segment.tokenCount()];
        for (int i = 0; i < types.length; i++) {
            Token token = segment.token(i);
            if (Words.hasLetterOrDigit(token.surface()) && !Words.hasSpecialPiece(token, vocabulary)) {
                String type = WordType.of(token.surface());
                types[i] = settings.isIgnored(type) ? null : type;
            }
        }
        return types;
    }

    @Override
    public String toString()
    {
        return "token-document relation, segments of at most " + maxSequenceLength + " pieces";
    }
}
