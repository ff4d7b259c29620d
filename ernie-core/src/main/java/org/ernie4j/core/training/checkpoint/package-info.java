/**
 * Checkpoints: written under a temporary name and renamed when complete, every file checksummed, holding the
 * parameters, optimizer state, task table, schedule and data positions, and provenance.
 */
package org.ernie4j.core.training.checkpoint;
