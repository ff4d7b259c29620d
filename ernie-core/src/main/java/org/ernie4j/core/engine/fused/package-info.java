/**
 * The fused CPU engine: the standard encoder and heads executed directly on BLAS and tight loops over
 * preallocated blocks, with its own AdamW, worker threads, kernels and step profile. Held equal to the SameDiff graph
 * by tests (outputs, losses, gradients). Internal: nothing outside the core uses these classes.
 */
package org.ernie4j.core.engine.fused;
