/**
 * Declarative head specifications (sequence classification, token classification, masked-token prediction)
 * and the custom-head escape hatch.
 */
package org.ernie4j.spi.head;
