/**
 * What a task plugin's tests use (the artifact {@code ernie-testkit}, in test scope): fakes of what the runner gives a
 * task ({@link org.ernie4j.testkit.TestingTaskContext}, {@link org.ernie4j.testkit.TestingVocabulary},
 * {@link org.ernie4j.testkit.TestingDocumentBuilder}), real annotated text with its vocabulary
 * ({@link org.ernie4j.testkit.Fixtures}), odd documents ({@link org.ernie4j.testkit.EdgeCaseDocuments}) and the
 * contract every task keeps ({@link org.ernie4j.testkit.TaskContractCheck}). It depends on the SPI only.
 */
package org.ernie4j.testkit;
