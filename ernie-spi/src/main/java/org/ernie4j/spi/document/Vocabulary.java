package org.ernie4j.spi.document;

/**
 * The run's WordPiece vocabulary. Ids are uncased: the model never sees capital letters, while the original surface form
 * of every word stays available to tasks through {@link org.ernie4j.spi.document.Token#surface()}.
 */
public interface Vocabulary
{
    /** The number of pieces, special tokens included. */
    int size();

    /** The id of a piece, or {@link #unkId()} when the piece is not in the vocabulary. */
    int id(String piece);

    /** The piece of an id; continuation pieces start with {@code ##}. */
    String piece(int id);

    int padId();

    int unkId();

    int clsId();

    int sepId();

    int maskId();

    /** True for {@code [PAD]}, {@code [UNK]}, {@code [CLS]}, {@code [SEP]}, {@code [MASK]} and reserved tokens. */
    boolean isSpecial(int id);

    /**
     * Uncased WordPiece ids of free text (split on white space and punctuation), for text that does not come from the
     * annotated corpus, such as a query from a search log.
     */
    int[] encode(String text);
}
