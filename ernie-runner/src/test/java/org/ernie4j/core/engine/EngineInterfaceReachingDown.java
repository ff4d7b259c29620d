package org.ernie4j.core.engine;

import org.ernie4j.core.engine.fused.FusedEngine;

/** For {@code TestCoreRulesCatchViolations}: the engine interface's package naming one of its engines. */
public final class EngineInterfaceReachingDown
{
    private EngineInterfaceReachingDown()
    {
    }

    public static Class<?> engine()
    {
        return FusedEngine.class;
    }
}
