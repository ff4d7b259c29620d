/**
 * The command line ({@code ernie}): one picocli command per class, the options they share, progress and
 * error reporting. The only place that knows about the command line; it uses only the core's public API.
 */
package org.ernie4j.runner;
