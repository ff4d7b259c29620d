/**
 * The semantic-aware tasks of ERNIE 2.0 as plugins: discourse relation (weakly labelled by discourse markers)
 * and IR relevance (from a search log, or a stand-in made from documents).
 */
package org.ernie4j.tasks.semantic;
