/**
 * The service provider interface of pre-training tasks: what a task plugin implements
 * ({@link org.ernie4j.spi.PretrainingTask}) and what it is given (context, settings, reporter). Depends on nothing of
 * ernie4j's.
 */
package org.ernie4j.spi;
