/**
 * The reports of {@code ernie benchmark}: one per kind of figures (the reference step, where the fused engine's step
 * time goes, resident memory, label generation, the wait for data), each an immutable record of the figures that
 * writes its Markdown, and the {@code docs/BENCHMARKS.md} file they are appended to.
 */
package org.ernie4j.runner.benchmark;
