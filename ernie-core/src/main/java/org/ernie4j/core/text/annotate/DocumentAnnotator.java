package org.ernie4j.core.text.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Turns a raw document into the SPI's annotated document: sentences (detected, unless the corpus gives them), tokens,
 * Penn Treebank part-of-speech tags, phrase chunks, entity spans and WordPiece ids. All offsets are offsets into the
 * raw document's text.
 *
 * <p>Not thread-safe: it owns OpenNLP tools, which keep state between calls. Use one per thread; the models behind them
 * are shared.
 */
@PublicApi
public final class DocumentAnnotator
{
    // A blank line ends a paragraph; sentences never run across paragraphs, which keeps headings and mail headers apart.
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");

    private final SentenceDetectorME sentenceDetector;
    private final TokenizerME tokenizer;
    private final POSTaggerME tagger;
    private final ChunkerME chunker;
    private final Gazetteer gazetteer;
    private final Vocabulary vocabulary;
    private final AnnotationOptions options;
    private AnnotationStats stats = AnnotationStats.NONE;

    public DocumentAnnotator(OpenNlpModels models, Gazetteer gazetteer, Vocabulary vocabulary, AnnotationOptions options)
    {
        requireNonNull(models, "models is null");
        this.gazetteer = requireNonNull(gazetteer, "gazetteer is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.options = requireNonNull(options, "options is null");
        this.sentenceDetector = models.newSentenceDetector();
        this.tokenizer = models.newTokenizer();
        this.tagger = models.newTagger();
        this.chunker = models.newChunker();
    }

    public Document annotate(RawDocument raw)
    {
        requireNonNull(raw, "raw is null");
        Counts counts = new Counts();
        List<Sentence> sentences = new ArrayList<>();
        String text = raw.text();
        for (int[] range : sentenceRanges(raw)) {
            annotateSentence(text, range[0], range[1], sentences, counts);
        }
        stats = stats.plus(new AnnotationStats(1, sentences.size(), counts.tokens, counts.split, counts.skipped));
        return new Document(raw.id(), raw.title(), sentences);
    }

    /** What this annotator has done so far. */
    public AnnotationStats stats()
    {
        return stats;
    }

    private List<int[]> sentenceRanges(RawDocument raw)
    {
        String text = raw.text();
        List<int[]> ranges = new ArrayList<>();
        if (raw.hasGivenSentences()) {
            int start = 0;
            for (String sentence : raw.givenSentences()) {
                addTrimmed(text, start, start + sentence.length(), ranges);
                start += sentence.length() + 1;
            }
            return ranges;
        }
        Matcher breaks = PARAGRAPH_BREAK.matcher(text);
        int paragraphStart = 0;
        while (paragraphStart < text.length()) {
            int paragraphEnd = breaks.find() ? breaks.start() : text.length();
            String paragraph = text.substring(paragraphStart, paragraphEnd);
            if (!paragraph.isBlank()) {
                for (opennlp.tools.util.Span sentence : sentenceDetector.sentPosDetect(paragraph)) {
                    addTrimmed(text, paragraphStart + sentence.getStart(), paragraphStart + sentence.getEnd(), ranges);
                }
            }
            paragraphStart = paragraphEnd == text.length() ? paragraphEnd : breaks.end();
        }
        return ranges;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> ranges)
    {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            ranges.add(new int[] {start, end});
        }
    }

    private void annotateSentence(String text, int start, int end, List<Sentence> sentences, Counts counts)
    {
        String sentence = text.substring(start, end);
        opennlp.tools.util.Span[] positions = tokenizer.tokenizePos(sentence);
        if (positions.length == 0) {
            return;
        }
        if (positions.length <= options.maxSentenceTokens()) {
            sentences.add(annotateTokens(text, start, positions, 0, positions.length));
            counts.tokens += positions.length;
            return;
        }
        if (options.longSentences() == LongSentencePolicy.SKIP) {
            counts.skipped++;
            return;
        }
        counts.split++;
        String[] words = surfaces(sentence, positions, 0, positions.length);
        int from = 0;
        while (from < positions.length) {
            int to = cutPoint(words, from, options.maxSentenceTokens());
            sentences.add(annotateTokens(text, start, positions, from, to));
            counts.tokens += to - from;
            from = to;
        }
    }

    /**
     * Where to end the part that starts at {@code from}: after the last semicolon or colon in its second half, else after
     * the last comma there, else at the limit.
     */
    private static int cutPoint(String[] words, int from, int max)
    {
        int limit = from + max;
        if (limit >= words.length) {
            return words.length;
        }
        int afterComma = -1;
        for (int cut = limit; cut > from + max / 2; cut--) {
            String previous = words[cut - 1];
            if (previous.equals(";") || previous.equals(":")) {
                return cut;
            }
            if (afterComma < 0 && previous.equals(",")) {
                afterComma = cut;
            }
        }
        return afterComma > 0 ? afterComma : limit;
    }

    /**
     * One sentence of the tokens {@code [from, to)}, whose positions are relative to the sentence that starts at
     * {@code sentenceStart} in the document.
     */
    private Sentence annotateTokens(String text, int sentenceStart, opennlp.tools.util.Span[] positions, int from, int to)
    {
        int start = sentenceStart + positions[from].getStart();
        int end = sentenceStart + positions[to - 1].getEnd();
        String[] words = new String[to - from];
        for (int i = from; i < to; i++) {
            words[i - from] = text.substring(sentenceStart + positions[i].getStart(), sentenceStart + positions[i].getEnd());
        }
        String[] tags = tagger.tag(words);
        String[] chunkTags = chunker.chunk(words, tags);
        List<Token> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            tokens.add(new Token(words[i], sentenceStart + positions[from + i].getStart(), tags[i], pieceIds(words[i])));
        }
        List<Span> chunks = Spans.fromBio(chunkTags);
        List<Span> entities = Spans.entities(words, tags, gazetteer);
        return new Sentence(text.substring(start, end), start, tokens, chunks, entities);
    }

    private int[] pieceIds(String word)
    {
        int[] ids = vocabulary.encode(word);
        // A token of nothing but characters the basic tokenizer drops (format controls, U+FFFD) still needs a piece.
        return ids.length > 0 ? ids : new int[] {vocabulary.unkId()};
    }

    private static String[] surfaces(String sentence, opennlp.tools.util.Span[] positions, int from, int to)
    {
        String[] words = new String[to - from];
        for (int i = from; i < to; i++) {
            words[i - from] = sentence.substring(positions[i].getStart(), positions[i].getEnd());
        }
        return words;
    }

    private static final class Counts
    {
        private long tokens;
        private long split;
        private long skipped;
    }
}
