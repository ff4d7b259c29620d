package org.ernie4j.core.engine.fused;

import java.nio.Buffer;

import org.bytedeco.javacpp.Pointer;

/**
 * The native address of a direct buffer, found once per buffer through JavaCPP (which reads it from the buffer itself).
 */
final class Addresses
{
    private Addresses()
    {
    }

    static long of(Buffer direct)
    {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        if (direct.position() != 0) {
            throw new IllegalArgumentException("the buffer's position is " + direct.position() + ", not 0");
        }
        return new Pointer(direct).address();
    }
}
