/**
 * The structure-aware tasks of ERNIE 2.0 as plugins: sentence reordering and sentence distance.
 */
package org.ernie4j.tasks.structure;
