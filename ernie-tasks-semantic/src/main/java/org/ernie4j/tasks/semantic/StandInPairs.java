package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * The stand-in "title" and "queries" of a document for IR relevance's {@code document-titles} fallback: the title is the
 * document's own title when the corpus gives one, else its first sentence; the queries are its short noun phrases (one to
 * {@value #LONGEST_QUERY} tokens of a chunk labelled {@code NP} with a noun among them), taken from the sentences that are
 * not the title.
 */
final class StandInPairs
{
    static final int LONGEST_QUERY = 4;

    private final Vocabulary vocabulary;

    StandInPairs(Vocabulary vocabulary)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /** The pieces of the document's title, or of its first sentence with tokens; empty when it has neither. */
    int[] title(Document document)
    {
        int[] own = ownTitle(document);
        if (own.length > 0) {
            return own;
        }
        int first = firstSentence(document);
        return first < 0 ? own : Pieces.of(document.sentences().get(first), 0);
    }

    /** The document's noun phrases that can serve as a query, to draw from. */
    QueryDraws queries(Document document)
    {
        // With a title of its own the whole text is fair game; else the first sentence is the title and gives no query.
        int skipped = ownTitle(document).length > 0 ? -1 : firstSentence(document);
        List<Sentence> eligible = new ArrayList<>();
        List<Sentence> sentences = document.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            if (i != skipped && !sentences.get(i).chunks().isEmpty()) {
                eligible.add(sentences.get(i));
            }
        }
        return new QueryDraws(eligible);
    }

    /**
     * Draws a document's queries uniformly among its noun phrases without looking at every chunk: a State of the Union
     * address has thousands of chunks and gives a few pairs, and checking every chunk was most of the fallback's cost. A
     * chunk is drawn uniformly and kept if it can serve as a query (so the queries kept are uniform among the queries);
     * after {@value #DRAWS} chunks that cannot, the queries are listed and one is drawn from the list.
     */
    final class QueryDraws
    {
        private static final int DRAWS = 64;

        private final List<Sentence> sentences;
        private final int[] firstChunk;

        private QueryDraws(List<Sentence> sentences)
        {
            this.sentences = sentences;
            this.firstChunk = new int[sentences.size() + 1];
            for (int i = 0; i < sentences.size(); i++) {
                firstChunk[i + 1] = firstChunk[i] + sentences.get(i).chunks().size();
            }
        }

        /** A query drawn uniformly among the document's queries; empty when it has none. */
        Optional<Query> draw(RandomGenerator random)
        {
            int chunks = firstChunk[sentences.size()];
            if (chunks == 0) {
                return Optional.empty();
            }
            for (int draw = 0; draw < DRAWS; draw++) {
                int chunk = random.nextInt(chunks);
                int sentence = sentenceOf(chunk);
                Span span = sentences.get(sentence).chunks().get(chunk - firstChunk[sentence]);
                if (isQuery(sentences.get(sentence), span)) {
                    return Optional.of(new Query(sentences.get(sentence), span));
                }
            }
            List<Query> all = new ArrayList<>();
            for (Sentence sentence : sentences) {
                for (Span chunk : sentence.chunks()) {
                    if (isQuery(sentence, chunk)) {
                        all.add(new Query(sentence, chunk));
                    }
                }
            }
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
        }

        /** The sentence holding chunk {@code chunk} of the eligible sentences' chunks counted in order. */
        private int sentenceOf(int chunk)
        {
            int low = 0;
            int high = sentences.size() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (firstChunk[middle] <= chunk) {
                    low = middle;
                }
                else {
                    high = middle - 1;
                }
            }
            return low;
        }
    }

    /** A noun phrase of a sentence that can serve as a query. */
    record Query(Sentence sentence, Span chunk)
    {
        /** The phrase's word pieces. */
        int[] pieces()
        {
            return Pieces.of(sentence, chunk.start(), chunk.end());
        }
    }

    /** The pieces of the title the corpus gives the document; empty when it gives none with any word. */
    private int[] ownTitle(Document document)
    {
        String title = document.title().map(String::strip).orElse("");
        return title.isEmpty() ? new int[0] : vocabulary.encode(title);
    }

    private boolean isQuery(Sentence sentence, Span chunk)
    {
        if (!chunk.label().equals("NP") || chunk.length() > LONGEST_QUERY) {
            return false;
        }
        boolean noun = false;
        boolean known = false;
        for (int i = chunk.start(); i < chunk.end(); i++) {
            Token token = sentence.tokens().get(i);
            noun |= token.pos().startsWith("NN");
            for (int piece = 0; piece < token.pieceCount(); piece++) {
                known |= !vocabulary.isSpecial(token.pieceId(piece));
            }
        }
        // A phrase of unknown pieces only would be a query of [UNK]s: nothing to match a title against.
        return noun && known;
    }

    private static int firstSentence(Document document)
    {
        List<Sentence> sentences = document.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).pieceCount() > 0) {
                return i;
            }
        }
        return -1;
    }
}
