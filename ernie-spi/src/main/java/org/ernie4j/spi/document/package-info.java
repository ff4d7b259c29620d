/**
 * The annotated document model a task reads: documents, sentences, tokens with word pieces and annotations,
 * spans, the vocabulary and access to other documents.
 */
package org.ernie4j.spi.document;
