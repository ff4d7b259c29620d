package org.ernie4j.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Reads annotated text, the fixture format of ernie4j's tests, into {@link Document}s whose word pieces are ids of a
 * {@link Vocabulary}:
 *
 * <pre>
 * # document: &lt;id&gt;
 * # title: &lt;title, or nothing after the colon&gt;
 * # sentence: &lt;char offset of the sentence&gt;\t&lt;sentence text&gt;
 * &lt;surface&gt;\t&lt;char offset&gt;\t&lt;POS&gt;\t&lt;chunk BIO&gt;\t&lt;entity BIO&gt;\t&lt;word pieces separated by single spaces&gt;
 * ... one line per token ...
 * &lt;blank line after each sentence&gt;
 * </pre>
 *
 * <p>Chunk and entity columns are BIO tags such as {@code B-NP}, {@code I-NP}, {@code B-PROPER} and {@code O}; a run of
 * {@code B-X I-X ...} becomes a {@link org.ernie4j.spi.document.Span} labelled {@code X}. Offsets are character offsets in
 * the document's text.
 *
 * <p>The reader is strict, because a fixture that is silently misread makes every test built on it meaningless. It
 * rejects, with the source and line number: a line outside the grammar above, a missing title line, a token whose surface
 * is not found in its sentence's text at its offset, tokens or sentences out of order or overlapping, an {@code I-X} tag
 * that continues no {@code X} span, a word piece the vocabulary does not have, and a repeated document id. The only
 * latitude: blank lines between documents and sentences are ignored, and the end of the input also closes a sentence.
 */
public final class AnnotatedText
{
    private AnnotatedText()
    {
    }

    /** Reads a UTF-8 file. */
    public static List<Document> read(Path file, Vocabulary vocabulary)
    {
        requireNonNull(file, "file is null");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), vocabulary);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a UTF-8 resource from the class path, such as {@code fixtures/sotu-annotated.txt}. */
    public static List<Document> readResource(String resource, Vocabulary vocabulary)
    {
        requireNonNull(resource, "resource is null");
        try (InputStream in = AnnotatedText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource, vocabulary);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Parses annotated text held in a string, such as a text block in a test. */
    public static List<Document> parse(String text, Vocabulary vocabulary)
    {
        return read(new StringReader(requireNonNull(text, "text is null")), "annotated text", vocabulary);
    }

    /**
     * Reads annotated text; {@code source} names the input in error messages.
     *
     * @throws IllegalArgumentException naming the source and line of the first error
     */
    public static List<Document> read(Reader reader, String source, Vocabulary vocabulary)
    {
        requireNonNull(reader, "reader is null");
        AnnotatedTextParser parser = new AnnotatedTextParser(requireNonNull(source, "source is null"), requireNonNull(vocabulary, "vocabulary is null"));
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                parser.accept(line);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return parser.finish();
    }
}
