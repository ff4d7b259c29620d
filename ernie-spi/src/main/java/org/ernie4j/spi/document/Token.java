package org.ernie4j.spi.document;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A word as it appears in the text, with its part-of-speech tag and its uncased WordPiece ids.
 */
public final class Token
{
    private final String surface;
    private final int start;
    private final String pos;
    private final int[] pieceIds;

    /**
     * @param surface the word exactly as written, casing included
     * @param start the character offset of the word in the document
     * @param pos the Penn Treebank part-of-speech tag, such as {@code NNP}
     * @param pieceIds the word's uncased WordPiece ids; at least one
     */
    public Token(String surface, int start, String pos, int[] pieceIds)
    {
        this.surface = requireNonNull(surface, "surface is null");
        this.start = start;
        this.pos = requireNonNull(pos, "pos is null");
        requireNonNull(pieceIds, "pieceIds is null");
        if (pieceIds.length == 0) {
            throw new IllegalArgumentException("token '" + surface + "' has no word pieces");
        }
        this.pieceIds = pieceIds.clone();
    }

    public String surface()
    {
        return surface;
    }

    /** The character offset of the first character in the document. */
    public int start()
    {
        return start;
    }

    /** The character offset just after the last character in the document. */
    public int end()
    {
        return start + surface.length();
    }

    public String pos()
    {
        return pos;
    }

    /** A copy of the word's WordPiece ids. */
    public int[] pieceIds()
    {
        return pieceIds.clone();
    }

    /** The number of word pieces, without copying them. */
    public int pieceCount()
    {
        return pieceIds.length;
    }

    /** The i-th WordPiece id, without copying them. */
    public int pieceId(int index)
    {
        return pieceIds[index];
    }

    @Override
    public String toString()
    {
        return surface + "/" + pos + Arrays.toString(pieceIds);
    }
}
