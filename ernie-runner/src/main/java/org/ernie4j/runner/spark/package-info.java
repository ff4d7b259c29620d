/**
 * Pre-training on Apache Spark: a step computer that spreads each batch's shards (or rounds of local steps) over
 * the workers and averages what comes back. The only package that touches Spark, a provided dependency.
 */
package org.ernie4j.runner.spark;
