/**
 * Baselines a task's accuracy is measured against: a classifier that sees only the layout of the input
 * (structure, lengths, positions), learned on training examples and scored on held-out ones.
 */
package org.ernie4j.spi.baseline;
