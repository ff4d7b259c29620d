/**
 * The one place that knows both engines: builds the chosen engine with the optimizer that goes with it. Kept
 * apart from the engine interface so that the interface's package depends on no implementation (no package cycles).
 */
package org.ernie4j.core.engine.execution;
