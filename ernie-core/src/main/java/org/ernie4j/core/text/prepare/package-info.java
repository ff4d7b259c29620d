/**
 * Preparation: a raw corpus read, annotated and tokenized once into a prepared-corpus directory (manifest,
 * vocabulary, checksummed shards) that training reads without annotating again.
 */
package org.ernie4j.core.text.prepare;
