/**
 * WordPiece: the basic tokenizer, the vocabulary and its training from word counts, with the tokenizer settings
 * (lower-casing, accents) that a vocabulary carries.
 */
package org.ernie4j.core.text.wordpiece;
