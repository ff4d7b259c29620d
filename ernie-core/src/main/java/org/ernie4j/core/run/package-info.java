/**
 * Pre-training in a run directory: claims its lock, checks configuration, tasks and resume mode before
 * preparing the corpus, starts or resumes the session, and writes the metrics, evaluations and task events that the
 * reports read back.
 */
package org.ernie4j.core.run;
