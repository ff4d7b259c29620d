/**
 * Examples from documents: each task's endless, deterministic example stream over the training documents,
 * the held-out split of documents, and stream positions that a checkpoint records.
 */
package org.ernie4j.core.training.data;
