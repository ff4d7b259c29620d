/**
 * The SameDiff engine: the model as a SameDiff graph, the reference definition that runs on any ND4J backend
 * (CUDA too) and hosts custom heads, with the workarounds for M2.1's silently wrong gradients. Internal.
 */
package org.ernie4j.core.engine.samediff;
