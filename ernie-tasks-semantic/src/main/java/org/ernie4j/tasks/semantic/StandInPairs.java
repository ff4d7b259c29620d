package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;

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

    /** The pieces of every noun phrase that can serve as a query, in document order. */
    List<int[]> queries(Document document)
    {
        // With a title of its own the whole text is fair game; else the first sentence is the title and gives no query.
        int skipped = ownTitle(document).length > 0 ? -1 : firstSentence(document);
        List<int[]> queries = new ArrayList<>();
        List<Sentence> sentences = document.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            if (i == skipped) {
                continue;
            }
            Sentence sentence = sentences.get(i);
            for (Span chunk : sentence.chunks()) {
                if (isQuery(sentence, chunk)) {
                    queries.add(Pieces.of(sentence, chunk.start(), chunk.end()));
                }
            }
        }
        return queries;
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
