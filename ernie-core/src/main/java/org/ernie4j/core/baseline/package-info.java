/**
 * The lexical baseline: a linear classifier on the words of a fine-tuning dataset, with no encoder at all. It says how
 * much of a dataset surface words alone decide, so that a pre-trained encoder's figure can be read against it (and a
 * dataset that even an encoder cannot learn can be told from one that carries no signal).
 */
package org.ernie4j.core.baseline;
