#!/usr/bin/env python3
"""Writes a BERT-large-shaped checkpoint in the Hugging Face safetensors layout (config.json, vocab.txt,
model.safetensors): 24 layers, hidden 1024, 16 heads, feed-forward 4096, vocabulary 30,522, 512 positions, with a
pooler. The weights are random (normal, standard deviation 0.02; layer norms 1 and 0) and the vocabulary is made-up
pieces: the checkpoint has BERT-large's tensors and size (1.34 GB), not its knowledge. Tensors are written one at a
time, so this needs one tensor's size in memory, not the file's.

    python3 bench/make_bert_large.py OUT_DIR [SEED]
"""
import json
import os
import struct
import sys

import numpy as np

LAYERS, HIDDEN, HEADS, FFN, VOCAB, POSITIONS, SEGMENTS = 24, 1024, 16, 4096, 30522, 512, 2


def tensors():
    yield "embeddings.word_embeddings.weight", (VOCAB, HIDDEN), "normal"
    yield "embeddings.position_embeddings.weight", (POSITIONS, HIDDEN), "normal"
    yield "embeddings.token_type_embeddings.weight", (SEGMENTS, HIDDEN), "normal"
    yield "embeddings.LayerNorm.weight", (HIDDEN,), "ones"
    yield "embeddings.LayerNorm.bias", (HIDDEN,), "zeros"
    for layer in range(LAYERS):
        prefix = f"encoder.layer.{layer}."
        for name in ("query", "key", "value"):
            yield prefix + f"attention.self.{name}.weight", (HIDDEN, HIDDEN), "normal"
            yield prefix + f"attention.self.{name}.bias", (HIDDEN,), "zeros"
        yield prefix + "attention.output.dense.weight", (HIDDEN, HIDDEN), "normal"
        yield prefix + "attention.output.dense.bias", (HIDDEN,), "zeros"
        yield prefix + "attention.output.LayerNorm.weight", (HIDDEN,), "ones"
        yield prefix + "attention.output.LayerNorm.bias", (HIDDEN,), "zeros"
        # PyTorch's Linear stores [out, in].
        yield prefix + "intermediate.dense.weight", (FFN, HIDDEN), "normal"
        yield prefix + "intermediate.dense.bias", (FFN,), "zeros"
        yield prefix + "output.dense.weight", (HIDDEN, FFN), "normal"
        yield prefix + "output.dense.bias", (HIDDEN,), "zeros"
        yield prefix + "output.LayerNorm.weight", (HIDDEN,), "ones"
        yield prefix + "output.LayerNorm.bias", (HIDDEN,), "zeros"
    yield "pooler.dense.weight", (HIDDEN, HIDDEN), "normal"
    yield "pooler.dense.bias", (HIDDEN,), "zeros"


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 42)
    os.makedirs(out, exist_ok=True)
    header, offset = {}, 0
    for name, shape, _ in tensors():
        size = int(np.prod(shape)) * 4
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + size]}
        offset += size
    header["__metadata__"] = {"format": "pt", "note": "random weights of BERT-large's shapes (bench/make_bert_large.py)"}
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(os.path.join(out, "model.safetensors"), "wb") as file:
        file.write(struct.pack("<Q", len(encoded)))
        file.write(encoded)
        for name, shape, fill in tensors():
            if fill == "normal":
                values = rng.standard_normal(shape, dtype=np.float32) * np.float32(0.02)
            else:
                values = np.full(shape, 1.0 if fill == "ones" else 0.0, dtype=np.float32)
            file.write(values.astype("<f4").tobytes())
    config = {"architectures": ["BertModel"], "model_type": "bert", "vocab_size": VOCAB, "hidden_size": HIDDEN,
              "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": FFN, "hidden_act": "gelu",
              "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1, "max_position_embeddings": POSITIONS,
              "type_vocab_size": SEGMENTS, "initializer_range": 0.02, "layer_norm_eps": 1e-12,
              "position_embedding_type": "absolute", "pad_token_id": 0}
    with open(os.path.join(out, "config.json"), "w") as file:
        json.dump(config, file, indent=2)
    special = ["[PAD]"] + [f"[unused{i}]" for i in range(99)] + ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    pieces = special + [f"w{i}" if i % 2 == 0 else f"##w{i}" for i in range(VOCAB - len(special))]
    with open(os.path.join(out, "vocab.txt"), "w") as file:
        file.write("\n".join(pieces) + "\n")
    print(f"wrote {out}: {offset / 1e9:.2f} GB of weights in {len(header) - 1} tensors")


if __name__ == "__main__":
    main()
