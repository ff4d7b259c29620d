/**
 * The optimizer's rules (AdamW, gradient clipping) and settings, with the state a checkpoint stores. Both engines
 * apply them, so they sit with the model, below the engines.
 */
package org.ernie4j.core.model.optim;
