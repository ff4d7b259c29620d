/**
 * Task plugins at run time: one class loader per jar that shares only the SPI with the host, a plugins folder
 * and the watcher that notices new jars while a run trains.
 */
package org.ernie4j.core.training.plugin;
