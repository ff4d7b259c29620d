#!/usr/bin/python3
"""Writes the numerical oracle of ernie4j's BERT interop tests.

A tiny BERT/ERNIE encoder is built here only from torch.nn building blocks (nn.Embedding, nn.Linear, nn.LayerNorm,
torch's own GELU and softmax), post-LN, laid out with the Hugging Face parameter names, and with random (not tiny)
weights so that every part of the computation shows in the outputs. For each fixture the script writes:

  model.safetensors   the weights, Hugging Face names, nn.Linear weights [out, in]
  config.json         a Hugging Face style config
  vocab.txt           a 50-piece BERT-style vocabulary
  oracle.safetensors  fixed inputs, the sequence and pooled outputs, one masked-LM step's masked positions, labels,
                      loss and the gradient of every parameter (prefixed "grad.", Hugging Face names)

The safetensors format is written by hand (8-byte little-endian header length, JSON header, raw little-endian
data): the safetensors package is not available here, and the format is small.

Run with Debian's python3-torch:  /usr/bin/python3 ernie-core/src/test/python/make_bert_oracle.py
"""

import json
import math
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "org", "ernie4j", "core", "interop")

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = ["the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "we", "our", "be", "will", "this", "nation",
         "people", "congress", "state", "union", "year", "world", "peace", "war", "work", "law", "new", "free", "great",
         "must", "all", "not", "have", "has", "by", "on", "with", "as", "are", "government", "##s", "##ed", "##ing",
         "##ly", "##er"]


class SelfAttention(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)


class DenseNorm(nn.Module):
    def __init__(self, inner, hidden, eps):
        super().__init__()
        self.dense = nn.Linear(inner, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self = SelfAttention(cfg["hidden_size"])
        self.output = DenseNorm(cfg["hidden_size"], cfg["hidden_size"], cfg["layer_norm_eps"])


class Intermediate(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["intermediate_size"])


class Layer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.attention = Attention(cfg)
        self.intermediate = Intermediate(cfg)
        self.output = DenseNorm(cfg["intermediate_size"], cfg["hidden_size"], cfg["layer_norm_eps"])


class Encoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.layer = nn.ModuleList([Layer(cfg) for _ in range(cfg["num_hidden_layers"])])


class Embeddings(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg["hidden_size"]
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], h)
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], h)
        self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], h)
        if cfg.get("use_task_id"):
            self.task_type_embeddings = nn.Embedding(cfg["task_type_vocab_size"], h)
        self.LayerNorm = nn.LayerNorm(h, eps=cfg["layer_norm_eps"])


class Pooler(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["hidden_size"])


class Transform(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["hidden_size"])
        self.LayerNorm = nn.LayerNorm(cfg["hidden_size"], eps=cfg["layer_norm_eps"])


class Predictions(nn.Module):
    """BERT's cls.predictions: transform (dense, activation, layer norm), then the word embeddings (tied) plus a bias."""

    def __init__(self, cfg):
        super().__init__()
        self.transform = Transform(cfg)
        self.bias = nn.Parameter(torch.zeros(cfg["vocab_size"]))


class Heads(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.predictions = Predictions(cfg)


class TinyBert(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.embeddings = Embeddings(cfg)
        self.encoder = Encoder(cfg)
        self.pooler = Pooler(cfg)
        self.cls = Heads(cfg)

    def act(self, x):
        name = self.cfg["hidden_act"]
        if name == "gelu":
            return F.gelu(x)  # the exact erf form
        if name == "gelu_new":
            return F.gelu(x, approximate="tanh")
        raise ValueError(name)

    def forward(self, input_ids, token_type_ids, attention_mask, task_type_ids):
        cfg = self.cfg
        b, t = input_ids.shape
        heads = cfg["num_attention_heads"]
        size = cfg["hidden_size"] // heads
        e = self.embeddings
        x = e.word_embeddings(input_ids) + e.token_type_embeddings(token_type_ids) \
            + e.position_embeddings(torch.arange(t).unsqueeze(0))
        if cfg.get("use_task_id"):
            x = x + e.task_type_embeddings(task_type_ids)
        x = e.LayerNorm(x)
        # Hugging Face BERT's extended attention mask: 0 for real keys, a large negative number for padding keys.
        bias = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in self.encoder.layer:
            a = layer.attention.self

            def split(y):
                return y.view(b, t, heads, size).permute(0, 2, 1, 3)

            q, k, v = split(a.query(x)), split(a.key(x)), split(a.value(x))
            scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(size) + bias
            context = torch.matmul(torch.softmax(scores, dim=-1), v).permute(0, 2, 1, 3).reshape(b, t, -1)
            o = layer.attention.output
            x = o.LayerNorm(o.dense(context) + x)
            inner = self.act(layer.intermediate.dense(x))
            x = layer.output.LayerNorm(layer.output.dense(inner) + x)
        pooled = torch.tanh(self.pooler.dense(x[:, 0]))
        return x, pooled

    def masked_lm_loss(self, sequence, flat_positions, labels):
        p = self.cls.predictions
        h = sequence.reshape(-1, self.cfg["hidden_size"])[flat_positions]
        h = p.transform.LayerNorm(self.act(p.transform.dense(h)))
        logits = h @ self.embeddings.word_embeddings.weight.t() + p.bias
        return F.cross_entropy(logits, labels)  # mean over the masked positions


def randomize(model, generator):
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if "LayerNorm.weight" in name:
                parameter.copy_(1.0 + 0.2 * torch.randn(parameter.shape, generator=generator))
            elif name.endswith("bias") or "LayerNorm.bias" in name:
                parameter.copy_(0.1 * torch.randn(parameter.shape, generator=generator))
            else:
                parameter.copy_(0.3 * torch.randn(parameter.shape, generator=generator))


# dtype -> (safetensors code, struct code of one little-endian element)
DTYPES = {torch.float32: ("F32", "f"), torch.int64: ("I64", "q")}


def write_safetensors(path, tensors, metadata=None):
    header = {}
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        tensor = tensor.detach().contiguous()
        code, fmt = DTYPES[tensor.dtype]
        flat = tensor.reshape(-1).tolist()
        data = struct.pack("<%d%s" % (len(flat), fmt), *flat)
        header[name] = {"dtype": code, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * ((8 - len(encoded) % 8) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(encoded)))
        out.write(encoded)
        for blob in blobs:
            out.write(blob)


def fixture(name, cfg, prefix, seed, extra_heads):
    generator = torch.Generator().manual_seed(seed)
    model = TinyBert(cfg)
    randomize(model, generator)
    directory = os.path.join(OUT, name)
    os.makedirs(directory, exist_ok=True)

    weights = {}
    for key, value in model.state_dict().items():
        weights[key if key.startswith("cls.") else prefix + key] = value
    if extra_heads:
        # What a BertForPreTraining file also holds: the tied decoder written out, and the next-sentence head.
        weights["cls.predictions.decoder.weight"] = model.embeddings.word_embeddings.weight.detach().clone()
        weights["cls.predictions.decoder.bias"] = model.cls.predictions.bias.detach().clone()
        weights["cls.seq_relationship.weight"] = 0.3 * torch.randn((2, cfg["hidden_size"]), generator=generator)
        weights["cls.seq_relationship.bias"] = 0.1 * torch.randn((2,), generator=generator)
    write_safetensors(os.path.join(directory, "model.safetensors"), weights, {"format": "pt"})
    with open(os.path.join(directory, "config.json"), "w") as out:
        json.dump(cfg, out, indent=2)
        out.write("\n")
    with open(os.path.join(directory, "vocab.txt"), "w") as out:
        out.write("\n".join(SPECIAL + WORDS) + "\n")

    lengths = [8, 6, 4]
    b, t = len(lengths), 8
    input_ids = torch.randint(5, cfg["vocab_size"], (b, t), generator=generator)
    input_ids[:, 0] = 2  # [CLS]
    token_type_ids = torch.zeros((b, t), dtype=torch.int64)
    attention_mask = torch.zeros((b, t), dtype=torch.int64)
    for row, length in enumerate(lengths):
        input_ids[row, length - 1] = 3  # [SEP]
        input_ids[row, length:] = 0  # [PAD]
        token_type_ids[row, length // 2:length] = 1
        attention_mask[row, :length] = 1
    task_id = 1 if cfg.get("use_task_id") else 0
    task_type_ids = torch.full((b, t), task_id, dtype=torch.int64)

    model.eval()
    with torch.no_grad():
        sequence, pooled = model(input_ids, token_type_ids, attention_mask, task_type_ids)

    # One masked-LM step: some real positions replaced by [MASK], the loss is the mean cross-entropy of the originals.
    masked = [(0, 2), (0, 5), (1, 1), (1, 3), (2, 2)]
    flat = torch.tensor([row * t + position for row, position in masked], dtype=torch.int64)
    labels = torch.tensor([int(input_ids[row, position]) for row, position in masked], dtype=torch.int64)
    mlm_inputs = input_ids.clone()
    for row, position in masked:
        mlm_inputs[row, position] = 4  # [MASK]
    model.zero_grad()
    mlm_sequence, _ = model(mlm_inputs, token_type_ids, attention_mask, task_type_ids)
    loss = model.masked_lm_loss(mlm_sequence, flat, labels)
    loss.backward()

    oracle = {
        "input_ids": input_ids, "token_type_ids": token_type_ids, "attention_mask": attention_mask,
        "task_type_ids": task_type_ids, "sequence_output": sequence, "pooled_output": pooled,
        "mlm.input_ids": mlm_inputs, "mlm.flat_positions": flat, "mlm.labels": labels, "mlm.loss": loss.detach(),
    }
    for key, parameter in model.named_parameters():
        oracle["grad." + (key if key.startswith("cls.") else prefix + key)] = parameter.grad if parameter.grad is not None else torch.zeros_like(parameter)
    write_safetensors(os.path.join(directory, "oracle.safetensors"), oracle, {"torch": torch.__version__})
    print(name, "loss", float(loss), "->", directory)


BASE = {
    "vocab_size": 50, "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 32,
    "max_position_embeddings": 16, "type_vocab_size": 2, "initializer_range": 0.02, "hidden_dropout_prob": 0.0,
    "attention_probs_dropout_prob": 0.0, "position_embedding_type": "absolute",
}

if __name__ == "__main__":
    torch.manual_seed(0)
    # ERNIE 2.0 layout: task embedding, exact GELU, epsilon 1e-12, no prefix.
    fixture("ernie-tiny-erf", dict(BASE, model_type="ernie", architectures=["ErnieForPreTraining"], hidden_act="gelu",
                                   layer_norm_eps=1e-12, use_task_id=True, task_type_vocab_size=3), "", 11, False)
    # BERT layout as a BertForPreTraining file holds it: "bert." prefix, no task embedding, tanh GELU, epsilon 1e-5,
    # the written-out tied decoder and the next-sentence head.
    fixture("bert-tiny-tanh", dict(BASE, model_type="bert", architectures=["BertForPreTraining"], hidden_act="gelu_new",
                                   layer_norm_eps=1e-5), "bert.", 23, True)
