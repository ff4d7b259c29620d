/**
 * The model, apart from who executes it: the encoder's shape and layout, the named parameter tensors and their
 * initialization, the task heads, and the dropout rule both engines follow.
 */
package org.ernie4j.core.model;
