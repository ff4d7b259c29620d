package org.ernie4j.tasks.word;

import static java.util.Objects.requireNonNull;

/**
 * A run of whole tokens that knowledge masking hides all at once or not at all, in window coordinates.
 *
 * @param kind what the unit is
 * @param firstToken the window index of its first token
 * @param endToken the window index just after its last token
 * @param firstPiece the window position of its first piece
 * @param endPiece the window position just after its last piece
 */
record MaskingUnit(Kind kind, int firstToken, int endToken, int firstPiece, int endPiece)
{
    enum Kind
    {
        ENTITY, PHRASE, WORD
    }

    MaskingUnit
    {
        requireNonNull(kind, "kind is null");
        if (firstToken < 0 || endToken <= firstToken || firstPiece < 0 || endPiece <= firstPiece) {
            throw new IllegalArgumentException("empty unit: tokens [" + firstToken + ", " + endToken + "), pieces [" + firstPiece + ", " + endPiece + ")");
        }
    }

    int pieceCount()
    {
        return endPiece - firstPiece;
    }
}
