/**
 * Tasks as a run uses them: the catalog of tasks found with ServiceLoader, a task activated with its id, head
 * and label generator, and the settings a task reads from the configuration.
 */
package org.ernie4j.core.training.task;
