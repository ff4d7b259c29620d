#!/usr/bin/env python3
"""The reference configuration of ernie4j's step benchmark, as a plain PyTorch model, timed the same way.

Vocabulary 8000, hidden 256, 4 layers, 4 heads, FFN 1024 (GELU, tanh form), post-LN, token + segment + position + task
embeddings, hidden dropout 0.1 (after the embedding norm, the attention output and the feed-forward output), masked LM on
15% of positions (dense -> GELU -> layer norm -> output tied to the token embedding, plus a bias), AdamW (weight decay on
weights only), gradient clipping at norm 1, float32, batch 32 x 128 of random ids. A step is forward, backward, clipping
and the update; the median of the timed steps is reported as one JSON line on standard output. --hidden and --sequence
scale the model as `ernie benchmark --hidden --sequence` does (heads hidden/64, feed-forward 4 x hidden); --layers,
--heads, --intermediate, --vocab and --positions give any other shape, such as all-MiniLM-L6-v2's (`ernie benchmark
--shape minilm`: --hidden 384 --layers 6 --heads 12 --intermediate 1536 --vocab 30522 --positions 512).
"""
import argparse
import json
import math
import resource
import statistics
import sys
import time
import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, hidden, heads, intermediate, dropout, eps):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.output = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=eps)
        self.ffn_in = nn.Linear(hidden, intermediate)
        self.ffn_out = nn.Linear(intermediate, hidden)
        self.ffn_norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, bias):
        batch, length, hidden = x.shape
        size = hidden // self.heads

        def split(t):
            return t.view(batch, length, self.heads, size).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(size) + bias
        context = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(batch, length, hidden)
        x = self.attention_norm(x + self.dropout(self.output(context)))
        inner = F.gelu(self.ffn_in(x), approximate="tanh")
        return self.ffn_norm(x + self.dropout(self.ffn_out(inner)))


class Model(nn.Module):
    def __init__(self, vocab, hidden, layers, heads, intermediate, positions, segments, tasks, dropout, eps):
        super().__init__()
        self.token = nn.Embedding(vocab, hidden)
        self.position = nn.Embedding(positions, hidden)
        self.segment = nn.Embedding(segments, hidden)
        self.task = nn.Embedding(tasks, hidden)
        self.norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList(Layer(hidden, heads, intermediate, dropout, eps) for _ in range(layers))
        self.transform = nn.Linear(hidden, hidden)
        self.transform_norm = nn.LayerNorm(hidden, eps=eps)
        self.output_bias = nn.Parameter(torch.zeros(vocab))
        for module in self.modules():
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.trunc_normal_(module.weight, std=0.02, a=-0.04, b=0.04)
            if isinstance(module, nn.Linear):
                nn.init.zeros_(module.bias)

    def forward(self, ids, segments, task, lengths, masked_rows):
        batch, length = ids.shape
        positions = torch.arange(length).unsqueeze(0)
        x = self.token(ids) + self.segment(segments) + self.task(task).view(1, 1, -1) + self.position(positions)
        x = self.dropout(self.norm(x))
        padding = torch.arange(length).unsqueeze(0) >= lengths.unsqueeze(1)
        bias = (padding.float() * -10000.0).view(batch, 1, 1, length)
        for layer in self.layers:
            x = layer(x, bias)
        selected = x.reshape(batch * length, -1).index_select(0, masked_rows)
        u = self.transform_norm(F.gelu(self.transform(selected), approximate="tanh"))
        return F.linear(u, self.token.weight, self.output_bias)


def batch(generator, size, length, vocab):
    ids = torch.randint(5, vocab, (size, length), generator=generator)
    segments = (torch.arange(length) >= length // 2).long().expand(size, length).contiguous()
    choose = torch.rand(size, length, generator=generator) < 0.15
    choose[:, 0] = False
    choose[:, length - 1] = False
    rows = choose.reshape(-1).nonzero().squeeze(1)
    targets = ids.reshape(-1).index_select(0, rows)
    ids = ids.masked_fill(choose, 4)
    return ids, segments, rows, targets


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=256, help="width; heads hidden/64, feed-forward 4 x hidden unless given")
    parser.add_argument("--sequence", type=int, default=128, help="positions per example (and of the position table unless given)")
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--heads", type=int, default=0, help="attention heads (default hidden/64)")
    parser.add_argument("--intermediate", type=int, default=0, help="feed-forward width (default 4 x hidden)")
    parser.add_argument("--vocab", type=int, default=8000)
    parser.add_argument("--positions", type=int, default=0, help="rows of the position table (default the sequence)")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    vocab, size, length = args.vocab, 32, args.sequence
    heads = args.heads or args.hidden // 64
    intermediate = args.intermediate or 4 * args.hidden
    model = Model(vocab, args.hidden, args.layers, heads, intermediate, args.positions or length, 2, 16, 0.1, 1e-12)
    model.train()
    decayed = [p for n, p in model.named_parameters() if p.dim() >= 2]
    plain = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decayed, "weight_decay": 0.01}, {"params": plain, "weight_decay": 0.0}],
                                  lr=1e-4, betas=(0.9, 0.999), eps=1e-6)
    generator = torch.Generator().manual_seed(17)
    task = torch.tensor([0])
    lengths = torch.full((size,), length)
    seconds = []
    for step in range(args.warmup + args.steps):
        ids, segments, rows, targets = batch(generator, size, length, vocab)
        started = time.perf_counter()
        logits = model(ids, segments, task, lengths, rows)
        loss = F.cross_entropy(logits, targets)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        elapsed = time.perf_counter() - started
        if step >= args.warmup:
            seconds.append(elapsed)
    median = statistics.median(seconds)
    print(json.dumps({
        "engine": "pytorch",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "median_step_s": median,
        "fastest_step_s": min(seconds),
        "slowest_step_s": max(seconds),
        "tokens_per_s": size * length / median,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "final_loss": loss.item(),
        "blas": torch.__config__.show().replace("\n", " | "),
    }))


if __name__ == "__main__":
    sys.exit(main())
