package org.ernie4j.spi;

/**
 * The ERNIE 2.0 paper's three families of pre-training tasks, plus one for tasks that fit none of them.
 */
public enum TaskFamily
{
    /** Tasks about words and phrases: knowledge masking, capitalization, token-document relation. */
    WORD_AWARE("word-aware"),
    /** Tasks about the order and distance of sentences. */
    STRUCTURE_AWARE("structure-aware"),
    /** Tasks about the meaning that relates two pieces of text: discourse relation, IR relevance. */
    SEMANTIC_AWARE("semantic-aware"),
    /** Anything else a plugin brings. */
    OTHER("other");

    private final String displayName;

    TaskFamily(String displayName)
    {
        this.displayName = displayName;
    }

    /** The family as the paper writes it, such as {@code word-aware}. */
    public String displayName()
    {
        return displayName;
    }
}
