/**
 * Who executes the model: the {@link org.ernie4j.core.engine.ModelEngine} interface (loss and gradients of one
 * batch, forward passes), its input ({@link org.ernie4j.core.engine.Batch}: a task's examples padded into flat arrays,
 * with their targets), its results, the choice of engine, and the native set-up (ND4J backend, BLAS threads and
 * kernels) that both engines need first. The implementations live below: {@code fused} and {@code samediff}.
 */
package org.ernie4j.core.engine;
