/**
 * The text layer's input: reading raw corpora (folders of text files, one-sentence-per-line BERT files,
 * JSONL) as documents, with the checks, skip reasons and fingerprints that make bad input a clear error.
 */
package org.ernie4j.core.text.corpus;
