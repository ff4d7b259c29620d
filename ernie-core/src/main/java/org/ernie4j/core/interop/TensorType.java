package org.ernie4j.core.interop;

import java.util.Optional;

/**
 * The element types of a safetensors file that ernie4j reads. Weights are computed in float32: F16 and BF16 widen to it
 * exactly; F64 would lose digits, so it is refused rather than rounded behind the user's back. I64 and I32 serve the
 * integer tensors of test fixtures (token ids).
 */
public enum TensorType
{
    F32(4),
    F16(2),
    BF16(2),
    F64(8),
    I64(8),
    I32(4);

    private final int bytes;

    TensorType(int bytes)
    {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes()
    {
        return bytes;
    }

    /** The type of a safetensors {@code dtype} code, if ernie4j knows it. */
    public static Optional<TensorType> of(String code)
    {
        for (TensorType type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
