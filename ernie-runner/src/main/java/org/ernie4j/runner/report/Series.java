package org.ernie4j.runner.report;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A named line of a chart: points in x order.
 */
record Series(String name, List<double[]> points)
{
    Series
    {
        requireNonNull(name, "name is null");
        points = List.copyOf(points);
    }
}
