package org.ernie4j.core.interop;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ernie4j.core.model.Activation;

import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

import static java.util.Objects.requireNonNull;

/**
 * The BERT encoder in an ONNX graph as PyTorch exports it: the weights under their Hugging Face names and layout, and the
 * configuration the graph computes.
 *
 * <p>Embeddings, biases and norms keep their names as initializers; the weight matrices of dense layers often do not
 * (PyTorch names them {@code onnx::MatMul_N}, ernie4j's export {@code X.weight.transposed}) and are stored
 * {@code [in, out]}. Their role follows from the graph: the
 * MatMul that reads one feeds an Add of a named bias {@code X.bias}, so the matrix is {@code X.weight}, in
 * {@code [in, out]} layout. The number of heads comes from the shape the query is reshaped to, the
 * activation from the operators between the intermediate layer and the next MatMul, the layer-norm epsilon from the
 * constant added to the variance. Every initializer is accounted for: given a role, checked ({@code position_ids} must
 * count from 0), or a problem naming it and the nodes that read it.
 *
 * @param tensors the weights by Hugging Face name, in Hugging Face layout except those named in {@code inOut}
 * @param inOut the dense layers' matrices among them that are stored {@code [in, out]}, as ernie4j holds them (not copied
 *     into {@code nn.Linear}'s layout: a BERT-large's matrices would need gigabytes of heap)
 * @param config the encoder the graph computes
 * @param notes what the reading found worth telling
 */
record OnnxBertGraph(Map<String, Tensor> tensors, Set<String> inOut, BertConfigJson config, List<String> notes)
{
    private static final String WORD_EMBEDDING = "embeddings.word_embeddings.weight";

    OnnxBertGraph
    {
        tensors = Map.copyOf(tensors);
        inOut = Set.copyOf(inOut);
        requireNonNull(config, "config is null");
        notes = List.copyOf(notes);
    }

    static OnnxBertGraph read(Path file, GraphProto graph)
    {
        return new Reader(file, graph).read();
    }

    private static final class Reader
    {
        private final Path file;
        private final OnnxExternalData external;
        private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
        private final Map<String, NodeProto> producers = new HashMap<>();
        private final Map<String, List<NodeProto>> consumers = new HashMap<>();
        private final List<NodeProto> nodes;
        private final List<String> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Reader(Path file, GraphProto graph)
        {
            this.file = file;
            this.external = new OnnxExternalData(file);
            this.nodes = graph.getNodeList();
            graph.getInitializerList().forEach(tensor -> initializers.put(tensor.getName(), tensor));
            for (NodeProto node : nodes) {
                node.getOutputList().forEach(output -> producers.put(output, node));
                node.getInputList().forEach(input -> consumers.computeIfAbsent(input, name -> new ArrayList<>()).add(node));
            }
        }

        OnnxBertGraph read()
        {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            Set<String> inOut = new HashSet<>();
            for (TensorProto proto : initializers.values()) {
                String name = proto.getName();
                StringBuilder problem = new StringBuilder();
                Optional<Tensor> tensor = OnnxTensors.of(proto, external, problem);
                if (tensor.isEmpty()) {
                    problems.add("initializer " + name + " " + problem);
                    continue;
                }
                if (name.endsWith("position_ids")) {
                    checkPositionIds(name, tensor.get());
                    continue;
                }
                // Whatever its name (onnx::MatMul_N from PyTorch, X.weight.transposed from ernie4j), the graph says what it is.
                Optional<Role> role = denseWeightRole(name);
                if (role.isPresent()) {
                    put(tensors, role.get().name(), tensor.get(), name);
                    if (role.get().inOut()) {
                        inOut.add(role.get().name());
                    }
                }
                else if (name.contains(".")) {
                    put(tensors, name, tensor.get(), name);
                }
                else {
                    problems.add("initializer " + name + " " + tensor.get() + " has no role ernie4j can tell: it is read by " + readers(name)
                            + ", not by a MatMul (or Gemm) whose output an Add of a named bias reads");
                }
            }
            if (!problems.isEmpty()) {
                throw new InteropException(file, problems);
            }
            BertConfigJson config = config(tensors);
            if (!problems.isEmpty()) {
                throw new InteropException(file, problems);
            }
            notes.add("an ONNX file records no dropout and no initializer range: the imported model has BERT's (0.1, 0.02), which only"
                    + " matter for training");
            return new OnnxBertGraph(tensors, inOut, config, notes);
        }

        /** @param inOut whether the matrix is stored {@code [in, out]} (a MatMul's) rather than {@code nn.Linear}'s {@code [out, in]} */
        private record Role(String name, boolean inOut)
        {
        }

        /** The Hugging Face name of a dense layer's weight, from the bias added to the product it takes part in. */
        private Optional<Role> denseWeightRole(String name)
        {
            List<NodeProto> readers = consumers.getOrDefault(name, List.of());
            if (readers.size() != 1) {
                return Optional.empty();
            }
            NodeProto reader = readers.get(0);
            if (reader.getOpType().equals("Gemm") && reader.getInputCount() == 3 && reader.getInput(1).equals(name)) {
                // Gemm with transB holds the weight as nn.Linear does, [out, in].
                boolean transB = reader.getAttributeList().stream().anyMatch(a -> a.getName().equals("transB") && a.getI() == 1);
                return bias(reader.getInput(2)).map(prefix -> new Role(prefix + ".weight", !transB));
            }
            if (!reader.getOpType().equals("MatMul") || reader.getInputCount() != 2 || !reader.getInput(1).equals(name)) {
                return Optional.empty();
            }
            List<NodeProto> adds = consumers.getOrDefault(reader.getOutput(0), List.of());
            if (adds.size() != 1 || !adds.get(0).getOpType().equals("Add")) {
                return Optional.empty();
            }
            NodeProto add = adds.get(0);
            String other = add.getInput(0).equals(reader.getOutput(0)) ? add.getInput(1) : add.getInput(0);
            return bias(other).map(prefix -> new Role(prefix + ".weight", true));
        }

        private Optional<String> bias(String name)
        {
            return initializers.containsKey(name) && name.endsWith(".bias")
                    ? Optional.of(name.substring(0, name.length() - ".bias".length()))
                    : Optional.empty();
        }

        private void put(Map<String, Tensor> tensors, String name, Tensor tensor, String initializer)
        {
            if (tensors.put(name, tensor) != null) {
                problems.add("two initializers are " + name + " (the second is " + initializer + ")");
            }
        }

        /** BERT's position ids are 0 to n - 1, the positions ernie4j uses; anything else computes another function. */
        private void checkPositionIds(String name, Tensor tensor)
        {
            long[] ids = tensor.type() == TensorType.I64 || tensor.type() == TensorType.I32 ? tensor.longs() : new long[] {-1};
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] != i) {
                    problems.add("initializer " + name + " " + tensor + " is not the positions 0, 1, 2, ... (at " + i + ": " + ids[i]
                            + "); ernie4j counts positions from 0");
                    return;
                }
            }
            notes.add(name + " " + tensor + " counts positions from 0, as ernie4j does (checked, not kept)");
        }

        private BertConfigJson config(Map<String, Tensor> tensors)
        {
            String prefix = prefix(tensors);
            long[] words = shape(tensors, prefix + WORD_EMBEDDING);
            long[] positions = shape(tensors, prefix + "embeddings.position_embeddings.weight");
            long[] segments = shape(tensors, prefix + "embeddings.token_type_embeddings.weight");
            long[] intermediate = shape(tensors, prefix + "encoder.layer.0.intermediate.dense.bias");
            Set<Integer> layers = new TreeSet<>();
            for (String name : tensors.keySet()) {
                String rest = name.startsWith(prefix + "encoder.layer.") ? name.substring((prefix + "encoder.layer.").length()) : "";
                if (rest.indexOf('.') > 0) {
                    layers.add(Integer.parseInt(rest.substring(0, rest.indexOf('.'))));
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            int hidden = Math.toIntExact(words[1]);
            int heads = heads(prefix, hidden);
            Activation activation = activation(prefix);
            double epsilon = epsilon();
            if (!problems.isEmpty()) {
                return null;
            }
            // ERNIE's task embedding (as ernie4j exports it) is an initializer of its own; BERT has none.
            Tensor tasks = tensors.get(prefix + BertParameterNames.TASK_EMBEDDING);
            int taskRows = tasks == null ? 0 : Math.toIntExact(tasks.shape()[0]);
            return new BertConfigJson(taskRows > 0 ? "ernie" : "bert", Math.toIntExact(words[0]), hidden, layers.size(), heads,
                    Math.toIntExact(intermediate[0]), Math.toIntExact(positions[0]), Math.toIntExact(segments[0]), taskRows, activation, epsilon,
                    0.02, 0.1, 0.0, List.of());
        }

        private String prefix(Map<String, Tensor> tensors)
        {
            for (String name : tensors.keySet()) {
                if (name.endsWith(WORD_EMBEDDING)) {
                    return name.substring(0, name.length() - WORD_EMBEDDING.length());
                }
            }
            return "";
        }

        private long[] shape(Map<String, Tensor> tensors, String name)
        {
            Tensor tensor = tensors.get(name);
            if (tensor == null) {
                problems.add("the graph has no initializer " + name + ": is it a BERT encoder?");
                return new long[] {0, 0};
            }
            return tensor.shape();
        }

        /** The query reshaped to {@code [batch, length, heads, head size]}: heads is the third entry of that shape. */
        private int heads(String prefix, int hidden)
        {
            Optional<String> query = outputOfAddReading(prefix + "encoder.layer.0.attention.self.query.bias");
            for (NodeProto reshape : query.map(q -> consumers.getOrDefault(q, List.of())).orElse(List.of())) {
                if (!reshape.getOpType().equals("Reshape")) {
                    continue;
                }
                String shape = reshape.getInput(1);
                Optional<long[]> constant = constant(shape);
                long heads = -1;
                if (constant.isPresent() && constant.get().length == 4) {
                    heads = constant.get()[2];
                }
                NodeProto concat = producers.get(shape);
                if (concat != null && concat.getOpType().equals("Concat") && concat.getInputCount() == 4) {
                    heads = constant(concat.getInput(2)).filter(values -> values.length == 1).map(values -> values[0]).orElse(-1L);
                }
                if (heads > 0 && hidden % heads == 0) {
                    return Math.toIntExact(heads);
                }
            }
            problems.add("cannot tell the number of attention heads: no Reshape of layer 0's query to [batch, length, heads, head size]"
                    + " with a constant number of heads");
            return 1;
        }

        /** The activation between layer 0's intermediate dense layer and the next MatMul. */
        private Activation activation(String prefix)
        {
            Set<String> seen = new TreeSet<>();
            Deque<String> pending = new ArrayDeque<>();
            outputOfAddReading(prefix + "encoder.layer.0.intermediate.dense.bias").ifPresent(pending::add);
            Set<String> visited = new HashSet<>();
            while (!pending.isEmpty()) {
                for (NodeProto node : consumers.getOrDefault(pending.pop(), List.of())) {
                    if (node.getOpType().equals("MatMul") || node.getOpType().equals("Gemm") || !visited.add(node.getName() + node.getOutput(0))) {
                        continue;
                    }
                    seen.add(node.getOpType());
                    pending.addAll(node.getOutputList());
                }
            }
            if (seen.contains("Erf") || seen.contains("Gelu")) {
                return Activation.GELU_ERF;
            }
            if (seen.contains("Tanh") || seen.contains("FastGelu")) {
                return Activation.GELU_TANH;
            }
            problems.add("the feed-forward activation (operators " + seen + ") is neither GELU form (Erf, or Tanh)");
            return Activation.GELU_ERF;
        }

        /** The constant added to the variance before its square root (or a LayerNormalization's attribute), the same everywhere. */
        private double epsilon()
        {
            Set<Float> found = new TreeSet<>();
            for (NodeProto node : nodes) {
                if (node.getOpType().equals("LayerNormalization")) {
                    node.getAttributeList().stream().filter(a -> a.getName().equals("epsilon")).map(AttributeProto::getF).forEach(found::add);
                    continue;
                }
                if (!node.getOpType().equals("Sqrt")) {
                    continue;
                }
                NodeProto add = producers.get(node.getInput(0));
                if (add != null && add.getOpType().equals("Add")) {
                    for (String input : add.getInputList()) {
                        floatConstant(input).ifPresent(found::add);
                    }
                }
            }
            if (found.size() != 1) {
                problems.add("cannot tell the layer-norm epsilon: the constants added to variances are " + found);
                return 1e-12;
            }
            // The shortest decimal of the float32 constant: 1e-12, not 9.999999960041972E-13.
            return Double.parseDouble(Float.toString(found.iterator().next()));
        }

        private Optional<String> outputOfAddReading(String bias)
        {
            return consumers.getOrDefault(bias, List.of()).stream()
                    .filter(node -> node.getOpType().equals("Add") || node.getOpType().equals("Gemm"))
                    .map(node -> node.getOutput(0))
                    .findFirst();
        }

        private Optional<TensorProto> constantTensor(String name)
        {
            if (initializers.containsKey(name)) {
                return Optional.of(initializers.get(name));
            }
            NodeProto producer = producers.get(name);
            if (producer == null || !producer.getOpType().equals("Constant")) {
                return Optional.empty();
            }
            return producer.getAttributeList().stream().filter(a -> a.getName().equals("value")).map(AttributeProto::getT).findFirst();
        }

        private Optional<long[]> constant(String name)
        {
            return constantTensor(name).flatMap(proto -> OnnxTensors.of(proto, external, new StringBuilder()))
                    .filter(tensor -> tensor.type() == TensorType.I64 || tensor.type() == TensorType.I32)
                    .map(Tensor::longs);
        }

        private Optional<Float> floatConstant(String name)
        {
            return constantTensor(name).flatMap(proto -> OnnxTensors.of(proto, external, new StringBuilder()))
                    .filter(tensor -> tensor.type() == TensorType.F32 && tensor.elements() == 1)
                    .map(tensor -> tensor.floats()[0]);
        }

        private String readers(String name)
        {
            List<String> names = consumers.getOrDefault(name, List.of()).stream().map(node -> node.getOpType() + " " + node.getName()).toList();
            return names.isEmpty() ? "no node" : String.join(", ", names);
        }
    }
}
