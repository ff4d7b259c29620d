package org.ernie4j.core.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import onnx.Onnx.TensorProto;

/**
 * ONNX {@code TensorProto}s as {@link Tensor}s: the element type mapped, the values taken from {@code raw_data} (what
 * exporters write), from the typed fields, or from a side file ({@link OnnxExternalData}), little-endian, row-major as
 * ONNX stores them.
 */
final class OnnxTensors
{
    private OnnxTensors()
    {
    }

    /**
     * The tensor, or empty (with the reason in {@code problem}) when its type or storage is one ernie4j does not read, or
     * its side file in {@code external} is not there or too short.
     */
    static Optional<Tensor> of(TensorProto proto, OnnxExternalData external, StringBuilder problem)
    {
        Optional<TensorType> type = type(proto.getDataType());
        if (type.isEmpty()) {
            problem.append("has ONNX element type ").append(proto.getDataType()).append(", which ernie4j does not read");
            return Optional.empty();
        }
        long[] shape = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
        try {
            if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
                long bytes = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact) * type.get().bytes();
                return Optional.of(Tensor.view(type.get(), shape, external.values(proto, bytes)));
            }
            if (!proto.getRawData().isEmpty()) {
                // A view of the mapped file where the parser aliased it: no copy in the heap.
                return Optional.of(Tensor.view(type.get(), shape, proto.getRawData().asReadOnlyByteBuffer()));
            }
            return Optional.of(Tensor.adopt(type.get(), shape, typedValues(proto, type.get())));
        }
        catch (IllegalArgumentException e) {
            problem.append(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<TensorType> type(int onnxType)
    {
        // TensorProto.DataType: FLOAT 1, INT32 6, INT64 7, FLOAT16 10, DOUBLE 11, BFLOAT16 16.
        return switch (onnxType) {
            case 1 -> Optional.of(TensorType.F32);
            case 6 -> Optional.of(TensorType.I32);
            case 7 -> Optional.of(TensorType.I64);
            case 10 -> Optional.of(TensorType.F16);
            case 11 -> Optional.of(TensorType.F64);
            case 16 -> Optional.of(TensorType.BF16);
            default -> Optional.empty();
        };
    }

    private static byte[] typedValues(TensorProto proto, TensorType type)
    {
        int count = switch (type) {
            case F32 -> proto.getFloatDataCount();
            case I64 -> proto.getInt64DataCount();
            case F64 -> proto.getDoubleDataCount();
            default -> proto.getInt32DataCount();
        };
        ByteBuffer buffer = ByteBuffer.allocate(count * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (type) {
                case F32 -> buffer.putFloat(proto.getFloatData(i));
                case I64 -> buffer.putLong(proto.getInt64Data(i));
                case F64 -> buffer.putDouble(proto.getDoubleData(i));
                case I32 -> buffer.putInt(proto.getInt32Data(i));
                // float16 and bfloat16 values sit in the low 16 bits of int32_data.
                default -> buffer.putShort((short) proto.getInt32Data(i));
            }
        }
        return buffer.array();
    }
}
