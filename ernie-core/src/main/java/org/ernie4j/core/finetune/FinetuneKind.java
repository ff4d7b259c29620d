package org.ernie4j.core.finetune;

import org.ernie4j.core.PublicApi;

/**
 * What a fine-tuned head predicts.
 */
@PublicApi
public enum FinetuneKind
{
    /** One label per text or pair of texts, from the pooled first token. */
    SEQUENCE,
    /** One label per word. */
    TOKEN
}
