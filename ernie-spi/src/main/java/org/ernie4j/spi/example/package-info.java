/**
 * What a label generator produces: examples (input pieces, segments) with their targets for each kind of
 * head.
 */
package org.ernie4j.spi.example;
