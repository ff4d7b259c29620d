/**
 * Measurements of the training path for the benchmark command: step time and profile of the reference model,
 * label generation throughput, and how long steps wait for data.
 */
package org.ernie4j.core.training.benchmark;
