package org.ernie4j.spi.head;

/**
 * Predicts the original word piece at masked positions over the whole vocabulary, with an output layer whose weights are
 * tied to the token embedding (BERT's masked language model head). Examples carry
 * {@link org.ernie4j.spi.example.MaskedTokens}.
 */
public final class MaskedTokenHead
        implements HeadSpec
{
    private static final MaskedTokenHead INSTANCE = new MaskedTokenHead();

    private MaskedTokenHead()
    {
    }

    public static MaskedTokenHead create()
    {
        return INSTANCE;
    }

    @Override
    public String toString()
    {
        return "masked-token prediction over the vocabulary";
    }
}
