package org.ernie4j.core.text.corpus;

import org.ernie4j.core.PublicApi;

/**
 * How a corpus on disk is laid out.
 */
@PublicApi
public enum CorpusFormat
{
    /**
     * Decided from the path: {@code .jsonl} and {@code .json} files are {@link #JSONL}, a folder of {@code .txt} files is
     * {@link #TEXT_FOLDER}, and any other single file is {@link #BERT}.
     */
    AUTO,

    /** A folder of {@code .txt} files, searched recursively; one document per file, identified by its relative path. */
    TEXT_FOLDER,

    /**
     * The layout of BERT's pre-training data: one sentence per line and blank lines between documents, in one file or in
     * the {@code .txt} files of a folder.
     */
    BERT,

    /** One JSON object per line with a {@code text} field and optional {@code id} and {@code title} fields. */
    JSONL
}
