package org.ernie4j.spi.compatibility;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Shapes of API that the SPI does not have today, for {@link TestApiChanges}: type parameters with bounds, protected
 * members, a checked exception, a sealed type whose only subtype is a record, and members that are not API.
 */
public abstract class ApiFixture<T extends Number>
{
    int internal;

    protected ApiFixture()
    {
    }

    protected final <N extends Comparable<N>> Map<String, N> values(List<? extends T> numbers)
            throws IOException
    {
        return Map.of();
    }

    void hidden()
    {
    }

    public sealed interface Sealed
            permits Closed
    {
    }

    public record Closed(int size)
            implements Sealed
    {
    }
}
