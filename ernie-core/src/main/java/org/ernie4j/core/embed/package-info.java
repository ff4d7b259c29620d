/**
 * What an application embeds: the Guice modules that bind the core's services, and the text encoder and
 * classifier that turn text into vectors and labels with a trained model.
 */
package org.ernie4j.core.embed;
