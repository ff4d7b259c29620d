/**
 * Held-out evaluation: fixed samples of held-out documents per task, accuracy with intervals and baselines,
 * and the stage by task matrix from which forgetting is computed.
 */
package org.ernie4j.core.training.evaluate;
