/**
 * The YAML configuration, read strictly (unknown keys and wrong types are errors that name the key, file and
 * line), as immutable sections that translate into each layer's settings. It sits above training because it builds
 * the settings of every layer below.
 */
package org.ernie4j.core.config;
