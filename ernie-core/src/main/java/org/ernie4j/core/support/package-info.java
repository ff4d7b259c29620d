/**
 * Small facts and tools every layer may use: derived random seeds, the versions of ernie4j and ND4J, whether an ND4J
 * array is dense, deleting directory trees, lock files that keep two processes from writing one directory. Nothing here
 * knows about text, models or training.
 */
package org.ernie4j.core.support;
