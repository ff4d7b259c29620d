package org.ernie4j.spi;

import java.util.List;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;

/**
 * Turns one annotated document into training examples.
 *
 * <p>Must be deterministic: the same document and a random source in the same state give the same examples, so that a
 * resumed run sees exactly the data an uninterrupted run would have seen. Draw every random choice from {@code random}.
 *
 * <p>ernie4j calls a generator from one thread at a time, though not always from the same thread (batches are built
 * ahead on background threads): a generator may keep state without locks, but not in thread-locals.
 *
 * <p>A document that yields nothing (too short, no letters, a single segment where two are needed) gives an empty list;
 * report why through {@link TaskReporter#skipped(String)} rather than throwing.
 */
@FunctionalInterface
public interface LabelGenerator
{
    /**
     * The examples this document yields, in a deterministic order; never null.
     */
    List<Example> generate(Document document, RandomGenerator random);
}
