package org.ernie4j.core.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.protobuf.ByteString;

import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * Builds an ONNX graph node by node with the schema's protobuf builders: each node's output gets a fresh name, weights and
 * constants become initializers. Not thread-safe; one writer per graph.
 */
final class OnnxGraphWriter
{
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int nodes;

    OnnxGraphWriter(String name)
    {
        graph.setName(name);
    }

    /** A graph input or output of {@code type} whose dimensions are named (dynamic) or fixed ({@code Long}). */
    private static ValueInfoProto value(String name, int type, List<Object> dimensions)
    {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dimension : dimensions) {
            TensorShapeProto.Dimension.Builder built = TensorShapeProto.Dimension.newBuilder();
            if (dimension instanceof Long fixed) {
                built.setDimValue(fixed);
            }
            else {
                built.setDimParam(dimension.toString());
            }
            shape.addDim(built);
        }
        TypeProto.Builder typeProto = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape));
        return ValueInfoProto.newBuilder().setName(name).setType(typeProto).build();
    }

    void input(String name, int type, List<Object> dimensions)
    {
        graph.addInput(value(name, type, dimensions));
    }

    /** Names {@code value} as a graph output. */
    void output(String name, String value, int type, List<Object> dimensions)
    {
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").setName(name + "/Identity").addInput(value).addOutput(name));
        graph.addOutput(value(name, type, dimensions));
    }

    /** A node of {@code op} reading {@code inputs}; returns the name of its (only) output. */
    String node(String op, List<String> inputs, AttributeProto... attributes)
    {
        String name = op + "_" + nodes++;
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(name + "_output");
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return name + "_output";
    }

    /** A float32 initializer holding {@code array} as it is (row-major). */
    String weight(String name, INDArray array)
    {
        INDArray dense = array.castTo(DataType.FLOAT).dup('c');
        float[] values = dense.data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT).addAllDims(boxed(dense.shape()))
                .setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /** An int64 constant (a Constant node, as exporters write them); a scalar when {@code shape} is empty. */
    String longs(long[] shape, long... values)
    {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return constant(TensorProto.newBuilder().setDataType(INT64).addAllDims(boxed(shape)).setRawData(ByteString.copyFrom(bytes.array())).build());
    }

    /** A float32 scalar constant. */
    String scalar(float value)
    {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
        return constant(TensorProto.newBuilder().setDataType(FLOAT).setRawData(ByteString.copyFrom(bytes.array())).build());
    }

    private String constant(TensorProto value)
    {
        return node("Constant", List.of(), AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                .setT(value).build());
    }

    static AttributeProto integer(String name, long value)
    {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value)
    {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto integers(String name, long... values)
    {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    GraphProto build()
    {
        return graph.build();
    }

    private static List<Long> boxed(long[] shape)
    {
        return java.util.Arrays.stream(shape).boxed().toList();
    }
}
