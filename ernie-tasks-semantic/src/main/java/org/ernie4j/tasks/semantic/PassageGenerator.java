package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.SplitDocuments;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * IR relevance's {@code passages} fallback: a stand-in for a search log that text alone can decide, in the paper's three
 * grades. Each example picks a sentence of the document (the line) and the passage around it, the
 * {@value #RADIUS} sentences with text on either side. The query is {@link Keywords} of that passage, in text order: up to
 * {@value #LINE_WORDS} of the line and up to {@value #PASSAGE_WORDS} of the sentences around it that the line does not
 * hold, so a strong line holds part of its query, as a clicked title holds words of what was searched, and is never a
 * copy of it. The line shown with the query is then, by a draw of the mix:
 * <ul>
 * <li>class 0, strong: the sentence itself;</li>
 * <li>class 1, weak: a sentence of another passage of the same document, more than {@value #FAR} sentences away, so that
 * its own passage does not overlap the query's;</li>
 * <li>class 2, irrelevant: a sentence of another document, on the document's side of the held-out split
 * ({@link OtherDocuments}).</li>
 * </ul>
 * Every line is one sentence with text, cut to what fits, and every query is made the same way whatever the class, so
 * the input's layout tells the classes apart only as far as sentence lengths differ between documents. A document gives
 * {@code pairsPerDocument} examples, the same number for every document: lines of the same document and lines of
 * another document are then drawn with the same weight per document. It holds no state between documents beside what it
 * remembers of other documents, which changes no example.
 */
final class PassageGenerator
        implements LabelGenerator
{
    static final int RADIUS = 2;
    /** A weak line is further than this from the strong line: its passage and the query's share no sentence. */
    static final int FAR = 2 * RADIUS;
    /** The fewest sentences with text that give every sentence a weak line. */
    static final int FEWEST_SENTENCES = 2 * FAR + 2;
    /** Keywords of the line in a query: a strong line holds them, as a clicked title holds words of its query. */
    static final int LINE_WORDS = 2;
    /** Keywords of the line's passage, the sentences around it, in a query. */
    static final int PASSAGE_WORDS = 2;
    static final int QUERY_WORDS = LINE_WORDS + PASSAGE_WORDS;
    static final int DEFAULT_PAIRS_PER_DOCUMENT = 64;
    /** Sentence pieces of whole documents: a bounded number is remembered. */
    static final int REMEMBERED_DOCUMENTS = 1024;

    static final String TOO_FEW_SENTENCES = "document has fewer than " + FEWEST_SENTENCES + " sentences with text";
    static final String NO_QUERY = "no sentence with a keyword whose passage has another";
    static final String NO_OTHER_LINE = "no other document with text on the document's side of the held-out split";

    // A passage of four sentences nearly always has two keywords; a document of lists or numbers may have none anywhere.
    private static final int QUERY_ATTEMPTS = 8;

    private final QueryTitleInputs inputs;
    private final int pairsPerDocument;
    private final double weakShare;
    private final double irrelevantShare;
    private final OtherDocuments<List<int[]>> otherLines;
    private final TaskReporter reporter;

    /**
     * @param weakShare the probability of a weak line (class 1)
     * @param irrelevantShare the probability of a line of another document (class 2); the rest are strong (class 0)
     */
    PassageGenerator(QueryTitleInputs inputs, int pairsPerDocument, double weakShare, double irrelevantShare, SplitDocuments documents,
            TaskReporter reporter)
    {
        this.inputs = requireNonNull(inputs, "inputs is null");
        this.otherLines = new OtherDocuments<>(documents, PassageGenerator::lines, REMEMBERED_DOCUMENTS);
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.pairsPerDocument = pairsPerDocument;
        this.weakShare = weakShare;
        this.irrelevantShare = irrelevantShare;
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        List<Sentence> sentences = withText(document);
        if (sentences.size() < FEWEST_SENTENCES) {
            reporter.skipped(TOO_FEW_SENTENCES);
            return List.of();
        }
        List<Example> examples = new ArrayList<>(pairsPerDocument);
        for (int draw = 0; draw < pairsPerDocument; draw++) {
            int line = -1;
            int[] query = null;
            for (int attempt = 0; attempt < QUERY_ATTEMPTS && query == null; attempt++) {
                line = random.nextInt(sentences.size());
                Keywords keywords = passageAround(sentences, line);
                boolean usable = keywords.markedCount() > 0 && keywords.count() > keywords.markedCount();
                query = usable ? keywords.query(LINE_WORDS, PASSAGE_WORDS, random) : null;
            }
            if (query == null) {
                reporter.skipped(NO_QUERY);
                continue;
            }
            double grade = random.nextDouble();
            if (grade < irrelevantShare) {
                Optional<List<int[]>> other = otherLines.draw(document, random).filter(lines -> !lines.isEmpty());
                if (other.isEmpty()) {
                    reporter.skipped(NO_OTHER_LINE);
                    continue;
                }
                examples.add(inputs.example(query, other.get().get(random.nextInt(other.get().size())), RelevanceLabel.RANDOM));
            }
            else if (grade < irrelevantShare + weakShare) {
                examples.add(inputs.example(query, Pieces.of(sentences.get(farFrom(line, sentences.size(), random)), 0), RelevanceLabel.SHOWN));
            }
            else {
                examples.add(inputs.example(query, Pieces.of(sentences.get(line), 0), RelevanceLabel.CLICKED));
            }
        }
        return examples;
    }

    /** The keywords of the sentences within {@value #RADIUS} of {@code line}, those of the line marked. */
    private Keywords passageAround(List<Sentence> sentences, int line)
    {
        Keywords keywords = new Keywords(inputs.vocabulary());
        for (int i = Math.max(0, line - RADIUS); i <= Math.min(sentences.size() - 1, line + RADIUS); i++) {
            keywords.add(sentences.get(i), i == line);
        }
        return keywords;
    }

    /**
     * A sentence index drawn uniformly among those more than {@value #FAR} from {@code line}; with at least
     * {@value #FEWEST_SENTENCES} sentences there is always one.
     */
    static int farFrom(int line, int count, RandomGenerator random)
    {
        int before = Math.max(0, line - FAR);
        int after = Math.max(0, count - line - FAR - 1);
        int drawn = random.nextInt(before + after);
        return drawn < before ? drawn : line + FAR + 1 + (drawn - before);
    }

    private static List<Sentence> withText(Document document)
    {
        List<Sentence> sentences = new ArrayList<>(document.sentences().size());
        for (Sentence sentence : document.sentences()) {
            if (sentence.pieceCount() > 0) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** The pieces of each sentence with text of a document, what another document gives as lines. */
    private static List<int[]> lines(Document document)
    {
        List<int[]> lines = new ArrayList<>();
        for (Sentence sentence : withText(document)) {
            lines.add(Pieces.of(sentence, 0));
        }
        return List.copyOf(lines);
    }

    @Override
    public String toString()
    {
        return "IR relevance stand-in from passages, " + pairsPerDocument + " per document, weak lines " + weakShare + ", lines of other documents "
                + irrelevantShare;
    }
}
