/**
 * Pre-training: the training loop ({@link org.ernie4j.core.training.Trainer}), the session that holds a run in
 * memory (model, optimizer, tasks, schedule, evaluation, checkpoints), batches built ahead, tasks joining and leaving
 * at step boundaries, the step computer that a distributed driver replaces, and local rounds.
 */
package org.ernie4j.core.training;
