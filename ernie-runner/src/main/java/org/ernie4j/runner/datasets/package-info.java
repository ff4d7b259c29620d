/**
 * Builders of the downstream datasets ({@code ernie data}): State of the Union party, same-address passage pairs and
 * recasing (all on one split by address, whose test addresses a pre-training corpus leaves out) and spam/ham mails,
 * made from the shared corpora into labelled train, dev and test files.
 */
package org.ernie4j.runner.datasets;
