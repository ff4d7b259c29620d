/**
 * A pre-trained model read back from a checkpoint (shape, vocabulary, parameters, tasks): the starting point that
 * fine-tuning, export, inference and continued pre-training share, so it has a package of its own below them.
 */
package org.ernie4j.core.pretrained;
