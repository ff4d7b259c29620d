package org.ernie4j.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Vocabulary} read from a BERT {@code vocab.txt}: one piece per line, the line number (from 0) being its id.
 * {@code [PAD]}, {@code [UNK]}, {@code [CLS]}, {@code [SEP]} and {@code [MASK]} must be present; any other piece written
 * in square brackets, such as {@code [unused0]}, counts as reserved and therefore special.
 *
 * <p>{@link #encode(String)} follows BERT's uncased tokenizer: lower-case, strip accents, split on white space and
 * punctuation, put every CJK character on its own, then split each word into pieces greedily, longest match first; a word
 * that cannot be split completely becomes a single {@code [UNK]}.
 */
public final class TestingVocabulary
        implements Vocabulary
{
    private static final Pattern RESERVED = Pattern.compile("\\[[^\\[\\]\\s]+]");

    private final List<String> pieces;
    private final Map<String, Integer> ids;
    private final BitSet special = new BitSet();
    private final int padId;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final int maskId;
    private final WordPieceEncoder encoder;

    private TestingVocabulary(List<String> pieces, String source)
    {
        this.pieces = List.copyOf(pieces);
        Map<String, Integer> byPiece = new HashMap<>();
        for (int id = 0; id < this.pieces.size(); id++) {
            String piece = this.pieces.get(id);
            if (piece.isEmpty() || piece.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(source + " line " + (id + 1) + ": piece '" + piece + "' is empty or contains white space");
            }
            if (RESERVED.matcher(piece).matches()) {
                special.set(id);
            }
            Integer previous = byPiece.putIfAbsent(piece, id);
            if (previous != null) {
                throw new IllegalArgumentException(source + " line " + (id + 1) + ": piece '" + piece + "' repeats line " + (previous + 1));
            }
        }
        this.ids = Map.copyOf(byPiece);
        this.padId = required("[PAD]", source);
        this.unkId = required("[UNK]", source);
        this.clsId = required("[CLS]", source);
        this.sepId = required("[SEP]", source);
        this.maskId = required("[MASK]", source);
        this.encoder = new WordPieceEncoder(ids::containsKey);
    }

    /** A vocabulary of these pieces, the first having id 0. */
    public static TestingVocabulary of(List<String> pieces)
    {
        return new TestingVocabulary(requireNonNull(pieces, "pieces is null"), "vocabulary");
    }

    /** Reads a {@code vocab.txt} file. */
    public static TestingVocabulary load(Path file)
    {
        requireNonNull(file, "file is null");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + file, e);
        }
    }

    /** Reads a {@code vocab.txt} from the class path, such as {@code fixtures/vocab.txt}. */
    public static TestingVocabulary loadResource(String resource)
    {
        requireNonNull(resource, "resource is null");
        try (InputStream in = TestingVocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return read(in, resource);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + resource, e);
        }
    }

    private static TestingVocabulary read(InputStream in, String source)
            throws IOException
    {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return new TestingVocabulary(lines, source);
    }

    private int required(String piece, String source)
    {
        Integer id = ids.get(piece);
        if (id == null) {
            throw new IllegalArgumentException(source + " has no " + piece + " piece");
        }
        return id;
    }

    @Override
    public int size()
    {
        return pieces.size();
    }

    @Override
    public int id(String piece)
    {
        return ids.getOrDefault(requireNonNull(piece, "piece is null"), unkId);
    }

    /** True when the piece is in the vocabulary (unlike {@link #id(String)}, which cannot tell a missing piece from {@code [UNK]}). */
    public boolean contains(String piece)
    {
        return ids.containsKey(requireNonNull(piece, "piece is null"));
    }

    @Override
    public String piece(int id)
    {
        return pieces.get(id);
    }

    @Override
    public int padId()
    {
        return padId;
    }

    @Override
    public int unkId()
    {
        return unkId;
    }

    @Override
    public int clsId()
    {
        return clsId;
    }

    @Override
    public int sepId()
    {
        return sepId;
    }

    @Override
    public int maskId()
    {
        return maskId;
    }

    @Override
    public boolean isSpecial(int id)
    {
        if (id < 0 || id >= pieces.size()) {
            throw new IndexOutOfBoundsException("id " + id + " is outside the vocabulary of " + pieces.size());
        }
        return special.get(id);
    }

    @Override
    public int[] encode(String text)
    {
        return encodePieces(text).stream().mapToInt(piece -> ids.getOrDefault(piece, unkId)).toArray();
    }

    /** The pieces {@link #encode(String)} would give, as strings; {@code [UNK]} for a word that has no split. */
    public List<String> encodePieces(String text)
    {
        return encoder.encode(requireNonNull(text, "text is null"));
    }

    @Override
    public String toString()
    {
        return "TestingVocabulary[" + pieces.size() + " pieces]";
    }
}
