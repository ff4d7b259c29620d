/**
 * Reports of finished runs: loss curves, held-out baselines and probes, forgetting and regime comparisons, as
 * HTML with inline SVG, CSV and markdown tables.
 */
package org.ernie4j.runner.report;
