package org.ernie4j.runner.spark;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/** What every worker starts a round from, broadcast once per round: the parameters, the optimizer's moments and settings. */
record RoundStart(ParameterSnapshot parameters, MomentSnapshot moments, OptimizerShape optimizer)
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    RoundStart
    {
        requireNonNull(parameters, "parameters is null");
        requireNonNull(moments, "moments is null");
        requireNonNull(optimizer, "optimizer is null");
    }
}
