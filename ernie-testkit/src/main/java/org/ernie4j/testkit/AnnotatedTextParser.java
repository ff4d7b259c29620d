package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * The line-by-line state machine behind {@link AnnotatedText}. One instance reads one input.
 */
final class AnnotatedTextParser
{
    private static final String DOCUMENT = "# document:";
    private static final String TITLE = "# title:";
    private static final String SENTENCE = "# sentence:";

    private enum State
    {
        BEFORE_DOCUMENT, EXPECT_TITLE, BETWEEN_SENTENCES, IN_SENTENCE
    }

    private final String source;
    private final Vocabulary vocabulary;
    private final List<Document> documents = new ArrayList<>();
    private final Set<String> documentIds = new HashSet<>();

    private State state = State.BEFORE_DOCUMENT;
    private int lineNumber;

    private String documentId;
    private String title;
    private List<Sentence> sentences;
    private int documentEnd;

    private String sentenceText;
    private int sentenceStart;
    private List<Token> tokens;
    private BioSpans chunks;
    private BioSpans entities;

    AnnotatedTextParser(String source, Vocabulary vocabulary)
    {
        this.source = requireNonNull(source, "source is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    void accept(String line)
    {
        lineNumber++;
        switch (state) {
            case BEFORE_DOCUMENT -> {
                if (line.startsWith(DOCUMENT)) {
                    startDocument(line);
                }
                else if (!line.isEmpty()) {
                    throw error("expected '" + DOCUMENT + " <id>' before anything else");
                }
            }
            case EXPECT_TITLE -> {
                if (!line.startsWith(TITLE)) {
                    throw error("expected '" + TITLE + " <title>' right after the document line");
                }
                String rest = afterSpace(line.substring(TITLE.length()));
                title = rest.isEmpty() ? null : rest;
                state = State.BETWEEN_SENTENCES;
            }
            case BETWEEN_SENTENCES -> {
                if (line.startsWith(SENTENCE)) {
                    startSentence(line);
                }
                else if (line.startsWith(DOCUMENT)) {
                    finishDocument();
                    startDocument(line);
                }
                else if (!line.isEmpty()) {
                    throw error("expected '" + SENTENCE + "', '" + DOCUMENT + "' or a blank line");
                }
            }
            case IN_SENTENCE -> {
                if (line.isEmpty()) {
                    finishSentence();
                }
                else if (line.startsWith("#")) {
                    throw error("sentence not closed by a blank line before this header");
                }
                else {
                    addToken(line);
                }
            }
        }
    }

    List<Document> finish()
    {
        if (state == State.IN_SENTENCE) {
            finishSentence();
        }
        if (state == State.EXPECT_TITLE) {
            throw error("input ends before the title line of document '" + documentId + "'");
        }
        if (state == State.BETWEEN_SENTENCES) {
            finishDocument();
        }
        return List.copyOf(documents);
    }

    private void startDocument(String line)
    {
        String id = afterSpace(line.substring(DOCUMENT.length()));
        if (id.isBlank()) {
            throw error("document id is empty");
        }
        if (!documentIds.add(id)) {
            throw error("document id '" + id + "' repeats an earlier document");
        }
        documentId = id;
        sentences = new ArrayList<>();
        documentEnd = 0;
        state = State.EXPECT_TITLE;
    }

    private void finishDocument()
    {
        documents.add(new Document(documentId, title, sentences));
    }

    private void startSentence(String line)
    {
        String rest = afterSpace(line.substring(SENTENCE.length()));
        int tab = rest.indexOf('\t');
        if (tab < 0) {
            throw error("expected '" + SENTENCE + " <offset>\\t<text>'");
        }
        sentenceStart = offset(rest.substring(0, tab), "sentence offset");
        if (sentenceStart < documentEnd) {
            throw error("sentence starts at " + sentenceStart + ", before the previous sentence ends at " + documentEnd);
        }
        sentenceText = rest.substring(tab + 1);
        tokens = new ArrayList<>();
        chunks = new BioSpans("chunk");
        entities = new BioSpans("entity");
        state = State.IN_SENTENCE;
    }

    private void finishSentence()
    {
        chunks.end(tokens.size());
        entities.end(tokens.size());
        sentences.add(new Sentence(sentenceText, sentenceStart, tokens, chunks.spans(), entities.spans()));
        documentEnd = sentenceStart + sentenceText.length();
        state = State.BETWEEN_SENTENCES;
    }

    private void addToken(String line)
    {
        String[] fields = line.split("\t", -1);
        if (fields.length != 6) {
            throw error("expected 6 tab-separated fields (surface, offset, POS, chunk, entity, pieces), found " + fields.length);
        }
        String surface = fields[0];
        if (surface.isEmpty()) {
            throw error("token surface is empty");
        }
        int start = offset(fields[1], "token offset");
        int previousEnd = tokens.isEmpty() ? sentenceStart : tokens.get(tokens.size() - 1).end();
        if (start < previousEnd) {
            throw error("token '" + surface + "' starts at " + start + ", before " + previousEnd
                    + (tokens.isEmpty() ? " where its sentence starts" : " where the previous token ends"));
        }
        int inSentence = start - sentenceStart;
        if (!sentenceText.startsWith(surface, inSentence)) {
            throw error("token '" + surface + "' is not at offset " + start + " of its sentence, which reads '"
                    + sentenceText.substring(Math.min(inSentence, sentenceText.length()), Math.min(inSentence + surface.length(), sentenceText.length())) + "' there");
        }
        String pos = fields[2];
        if (pos.isEmpty() || pos.contains(" ")) {
            throw error("part-of-speech tag '" + pos + "' is empty or contains a space");
        }
        int index = tokens.size();
        String problem = chunks.tag(fields[3], index);
        if (problem == null) {
            problem = entities.tag(fields[4], index);
        }
        if (problem != null) {
            throw error(problem);
        }
        tokens.add(new Token(surface, start, pos, pieceIds(fields[5])));
    }

    private int[] pieceIds(String field)
    {
        if (field.isEmpty()) {
            throw error("token has no word pieces");
        }
        String[] pieces = field.split(" ", -1);
        int[] ids = new int[pieces.length];
        String unknown = vocabulary.piece(vocabulary.unkId());
        for (int i = 0; i < pieces.length; i++) {
            if (pieces[i].isEmpty()) {
                throw error("word pieces must be separated by single spaces: '" + field + "'");
            }
            ids[i] = vocabulary.id(pieces[i]);
            // id() maps a missing piece to [UNK]: only the [UNK] piece itself may legitimately give that id.
            if (ids[i] == vocabulary.unkId() && !pieces[i].equals(unknown)) {
                throw error("word piece '" + pieces[i] + "' is not in the vocabulary");
            }
        }
        return ids;
    }

    private int offset(String text, String what)
    {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw error(what + " is negative: " + text);
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw error(what + " is not a number: '" + text + "'");
        }
    }

    private static String afterSpace(String rest)
    {
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    private IllegalArgumentException error(String problem)
    {
        return new IllegalArgumentException(source + " line " + lineNumber + ": " + problem);
    }
}
