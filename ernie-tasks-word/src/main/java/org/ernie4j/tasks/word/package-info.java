/**
 * The word-aware tasks of ERNIE 2.0 as plugins: knowledge masking (phrases and entities), capitalization
 * prediction and token-document relation.
 */
package org.ernie4j.tasks.word;
