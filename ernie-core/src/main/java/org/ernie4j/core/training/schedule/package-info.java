/**
 * Which task trains at each step: the continual multi-task schedule of ERNIE 2.0 (stages, budgets) and the
 * other samplers, pure functions of the tasks, the budget and the seed.
 */
package org.ernie4j.core.training.schedule;
