package org.ernie4j.core.finetune;

/**
 * What a fine-tuned head predicts.
 */
public enum FinetuneKind
{
    /** One label per text or pair of texts, from the pooled first token. */
    SEQUENCE,
    /** One label per word. */
    TOKEN
}
