package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Writes annotated documents as plain UTF-8 text, the fixture format that task plugin tests read (task modules cannot
 * depend on the core, so they get real annotated text this way):
 * <pre>
 * # document: &lt;id&gt;
 * # title: &lt;title, or nothing after the colon&gt;
 * # sentence: &lt;char offset of the sentence&gt;\t&lt;sentence text&gt;
 * &lt;surface&gt;\t&lt;char offset&gt;\t&lt;POS&gt;\t&lt;chunk BIO&gt;\t&lt;entity BIO&gt;\t&lt;word pieces separated by single spaces&gt;
 * ... one line per token, then a blank line after each sentence
 * </pre>
 * Chunk tags are B-NP, I-NP, ..., O; entity tags B-PROPER, I-PROPER (or the gazetteer's types), O. Word pieces are
 * written as strings (pre ##sident), not ids, so the format does not depend on a vocabulary's numbering. Line feeds,
 * carriage returns, tabs and other line separators inside ids, titles, sentence texts and surfaces are written as
 * spaces, which keeps every offset valid.
 */
public final class AnnotatedTextWriter
{
    private final Vocabulary vocabulary;

    /**
     * @param vocabulary the vocabulary the documents' piece ids refer to
     */
    public AnnotatedTextWriter(Vocabulary vocabulary)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /**
     * Writes the documents of a prepared corpus with the given ids, in the given order, to a new or replaced file.
     *
     * @throws IllegalArgumentException naming the id if the corpus has no such document
     */
    public static void write(PreparedCorpus corpus, List<String> documentIds, Path file)
    {
        requireNonNull(corpus, "corpus is null");
        requireNonNull(documentIds, "documentIds is null");
        new AnnotatedTextWriter(corpus.vocabulary()).write(documentIds.stream().map(corpus::document).toList(), file);
    }

    public void write(List<Document> documents, Path file)
    {
        requireNonNull(documents, "documents is null");
        requireNonNull(file, "file is null");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Document document : documents) {
                write(document, out);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write annotated text " + file, e);
        }
    }

    public void write(Document document, Writer out)
            throws IOException
    {
        out.write("# document: " + oneLine(document.id()) + "\n");
        out.write("# title:" + document.title().map(title -> " " + oneLine(title)).orElse("") + "\n");
        for (Sentence sentence : document.sentences()) {
            out.write("# sentence: " + sentence.start() + "\t" + oneLine(sentence.text()) + "\n");
            String[] chunks = bio(sentence.chunks(), sentence.tokens().size());
            String[] entities = bio(sentence.entities(), sentence.tokens().size());
            List<Token> tokens = sentence.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                out.write(oneLine(token.surface()) + "\t" + token.start() + "\t" + token.pos() + "\t" + chunks[i] + "\t" + entities[i]
                        + "\t" + pieces(token) + "\n");
            }
            out.write("\n");
        }
    }

    private String pieces(Token token)
    {
        StringBuilder pieces = new StringBuilder();
        for (int i = 0; i < token.pieceCount(); i++) {
            if (i > 0) {
                pieces.append(' ');
            }
            pieces.append(vocabulary.piece(token.pieceId(i)));
        }
        return pieces.toString();
    }

    private static String[] bio(List<Span> spans, int tokens)
    {
        String[] tags = new String[tokens];
        Arrays.fill(tags, "O");
        for (Span span : spans) {
            tags[span.start()] = "B-" + span.label();
            for (int i = span.start() + 1; i < span.end(); i++) {
                tags[i] = "I-" + span.label();
            }
        }
        return tags;
    }

    /** The text with every character that would break the line-and-tab layout replaced by a space, length kept. */
    static String oneLine(String text)
    {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }
}
