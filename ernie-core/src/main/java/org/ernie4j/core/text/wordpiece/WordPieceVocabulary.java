package org.ernie4j.core.text.wordpiece;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * A WordPiece vocabulary in BERT's {@code vocab.txt} layout: one piece per line, the line number (from 0) is the id, and
 * pieces that continue a word start with {@code ##}; with the {@link TokenizerSettings} that say how text is normalised
 * before it is split into pieces (uncased BERT's unless the model defines others). Immutable and safe to share between
 * threads.
 */
@PublicApi
public final class WordPieceVocabulary
        implements Vocabulary
{
    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String MASK = "[MASK]";
    /** The special tokens in the order a trained vocabulary gives them ids 0 to 4. */
    public static final List<String> SPECIAL_TOKENS = List.of(PAD, UNK, CLS, SEP, MASK);
    /** Words longer than this, in characters, become {@code [UNK]}, as in BERT. */
    public static final int MAX_WORD_LENGTH = 100;
    public static final String CONTINUATION = "##";

    private final TokenizerSettings settings;
    private final BasicTokenizer basicTokenizer;
    private final List<String> pieces;
    private final Map<String, Integer> ids;
    private final boolean[] special;
    private final int maxPieceLength;
    private final int padId;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final int maskId;

    private WordPieceVocabulary(List<String> pieces, Map<String, Integer> ids, TokenizerSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.basicTokenizer = new BasicTokenizer(settings);
        this.pieces = List.copyOf(pieces);
        this.ids = Map.copyOf(ids);
        this.padId = ids.get(PAD);
        this.unkId = ids.get(UNK);
        this.clsId = ids.get(CLS);
        this.sepId = ids.get(SEP);
        this.maskId = ids.get(MASK);
        this.special = new boolean[pieces.size()];
        int longest = 0;
        for (int id = 0; id < pieces.size(); id++) {
            String piece = pieces.get(id);
            // Reserved tokens such as [unused0] are special too; real pieces never mix brackets with letters, because
            // the basic tokenizer splits punctuation off.
            special[id] = piece.length() > 2 && piece.startsWith("[") && piece.endsWith("]");
            longest = Math.max(longest, piece.startsWith(CONTINUATION) ? piece.length() - CONTINUATION.length() : piece.length());
        }
        this.maxPieceLength = longest;
    }

    /**
     * A vocabulary of the given pieces, id = position.
     *
     * @throws VocabularyException if a special token is missing, or a piece is empty, has white space or occurs twice
     */
    public static WordPieceVocabulary of(List<String> pieces)
    {
        return of(pieces, "the given pieces");
    }

    private static WordPieceVocabulary of(List<String> pieces, String source)
    {
        requireNonNull(pieces, "pieces is null");
        Map<String, Integer> ids = new HashMap<>(pieces.size() * 2);
        for (int id = 0; id < pieces.size(); id++) {
            String piece = requireNonNull(pieces.get(id), "piece is null");
            if (piece.isEmpty() || piece.chars().anyMatch(c -> BasicTokenizer.isWhitespace(c))) {
                throw new VocabularyException("Vocabulary " + source + ", line " + (id + 1) + ": piece '" + piece
                        + "' is empty or has white space");
            }
            Integer previous = ids.putIfAbsent(piece, id);
            if (previous != null) {
                throw new VocabularyException("Vocabulary " + source + ", line " + (id + 1) + ": piece '" + piece
                        + "' already on line " + (previous + 1));
            }
        }
        List<String> missing = SPECIAL_TOKENS.stream().filter(token -> !ids.containsKey(token)).toList();
        if (!missing.isEmpty()) {
            throw new VocabularyException("Vocabulary " + source + " lacks the special tokens " + missing
                    + " (a BERT vocabulary needs all of " + SPECIAL_TOKENS + ")");
        }
        return new WordPieceVocabulary(pieces, ids, TokenizerSettings.UNCASED);
    }

    /** The same pieces, tokenizing text as {@code settings} say. */
    public WordPieceVocabulary withSettings(TokenizerSettings settings)
    {
        return new WordPieceVocabulary(pieces, ids, settings);
    }

    public TokenizerSettings settings()
    {
        return settings;
    }

    /**
     * Reads a {@code vocab.txt}; special tokens keep the ids they have in the file.
     *
     * @throws VocabularyException naming the file (and line) if it is not a usable vocabulary
     */
    public static WordPieceVocabulary load(Path file)
    {
        requireNonNull(file, "file is null");
        List<String> pieces = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (pieces.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                pieces.add(line);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read vocabulary " + file, e);
        }
        return of(pieces, file.toString());
    }

    /** Writes the pieces one per line, UTF-8, with line feeds. */
    public void save(Path file)
    {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String piece : pieces) {
                writer.write(piece);
                writer.write('\n');
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write vocabulary " + file, e);
        }
    }

    /** All pieces, in id order. */
    public List<String> pieces()
    {
        return pieces;
    }

    @Override
    public int size()
    {
        return pieces.size();
    }

    @Override
    public int id(String piece)
    {
        Integer id = ids.get(piece);
        return id == null ? unkId : id;
    }

    public boolean contains(String piece)
    {
        return ids.containsKey(piece);
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
        return special[id];
    }

    /**
     * The pieces of one normalised word (see {@link BasicTokenizer}), by greedy longest match first: "unaffable" gives
     * un, ##aff, ##able. A word longer than the settings' longest word (uncased BERT's {@value #MAX_WORD_LENGTH} characters),
     * or with a part no piece matches, is a single {@code [UNK]}.
     */
    public int[] wordPieceIds(String word)
    {
        if (word.isEmpty()) {
            return new int[0];
        }
        int longest = settings.maxWordLength();
        if (word.length() > longest && word.codePointCount(0, word.length()) > longest) {
            return new int[] {unkId};
        }
        int[] result = new int[4];
        int count = 0;
        int start = 0;
        while (start < word.length()) {
            int end = Math.min(word.length(), start + maxPieceLength);
            int found = -1;
            while (end > start) {
                String candidate = start == 0 ? word.substring(0, end) : CONTINUATION + word.substring(start, end);
                Integer id = ids.get(candidate);
                if (id != null) {
                    found = id;
                    break;
                }
                end--;
                if (end > start && Character.isLowSurrogate(word.charAt(end)) && Character.isHighSurrogate(word.charAt(end - 1))) {
                    end--;
                }
            }
            if (found < 0) {
                return new int[] {unkId};
            }
            if (count == result.length) {
                result = Arrays.copyOf(result, count * 2);
            }
            result[count++] = found;
            start = end;
        }
        return Arrays.copyOf(result, count);
    }

    @Override
    public int[] encode(String text)
    {
        IntList ids = new IntList(16);
        basicTokenizer.split(text, word -> ids.addAll(wordPieceIds(word)));
        return ids.toArray();
    }

    /** The pieces of free text, as strings: "Unaffable!" gives un, ##aff, ##able, !. */
    public List<String> tokenize(String text)
    {
        List<String> result = new ArrayList<>();
        for (int id : encode(text)) {
            result.add(pieces.get(id));
        }
        return result;
    }

    @Override
    public String toString()
    {
        return "WordPieceVocabulary[" + pieces.size() + " pieces]";
    }
}
