/**
 * Annotation of raw documents with OpenNLP: sentences, tokens, parts of speech, chunks and named entities (plus a
 * gazetteer), on several threads, into the SPI's document model.
 */
package org.ernie4j.core.text.annotate;
