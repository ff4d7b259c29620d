/**
 * Builders of the downstream datasets ({@code ernie data}): State of the Union party and spam/ham mails made
 * from the shared corpora into labelled train, dev and test files.
 */
package org.ernie4j.runner.datasets;
