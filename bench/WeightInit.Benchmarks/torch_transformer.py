#!/usr/bin/env python3
"""PyTorch baseline for the "transformer" benchmark suite (TransformerBenchmark.cs starts it; it also runs alone).

Times one training step of the same GPT as the C# suite, on the CPU: zero the gradients, forward (token and position
embeddings, pre-LN blocks of causal self-attention and a 4x GELU MLP, a final layer norm, an untied readout without
bias), the mean next-token cross-entropy, backward, and one Adam update (betas 0.9 / 0.99, eps 1e-8, no weight decay,
no clipping). Attention is written out (PyTorch 1.13 has no fused attention): q k^T times 1/sqrt(d_head), a causal
mask, softmax, times v. The batch is a fixed set of random tokens (the data do not change the arithmetic).

Prints, per element type, one line:
  torch <float32|float64> step_seconds=<median wall> min_seconds=<min wall> cpu_seconds=<median process CPU> steps=<n>
Lines starting with '#' describe the run: torch version, threads, the BLAS threadpoolctl finds.
Options: --layers 4 --width 128 --heads 4 --context 64 --batch 16 --vocab 65 --threads 2 --steps 20
--dtypes float32,float64. Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (the C# suite does that for this
child process only).

OpenMP's wait policy is PASSIVE unless OMP_WAIT_POLICY is set (as in torch_conv1d.py): Debian's build runs its
products in OpenBLAS's own pthreads, and with the default (spinning) policy PyTorch's idle OpenMP threads compete
with them for the cores, which made two threads slower than one here. Set OMP_WAIT_POLICY=ACTIVE to time the default.
"""
import argparse
import math
import os
import statistics
import time

os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')  # before torch starts its OpenMP runtime
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.out = nn.Linear(width, width)
        self.norm2 = nn.LayerNorm(width)
        self.fc = nn.Linear(width, 4 * width)
        self.proj = nn.Linear(4 * width, width)

    def forward(self, x, mask):
        b, t, d = x.shape
        h, dh = self.heads, d // self.heads
        q, k, v = self.qkv(self.norm1(x)).split(d, dim=2)
        q = q.view(b, t, h, dh).transpose(1, 2)
        k = k.view(b, t, h, dh).transpose(1, 2)
        v = v.view(b, t, h, dh).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(dh))
        scores = scores.masked_fill(mask[:t, :t], float("-inf"))
        y = (F.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.out(y)
        return x + self.proj(F.gelu(self.fc(self.norm2(x))))


class Gpt(nn.Module):
    def __init__(self, vocab, context, layers, heads, width):
        super().__init__()
        self.tokens = nn.Embedding(vocab, width)
        self.positions = nn.Embedding(context, width)
        self.blocks = nn.ModuleList([Block(width, heads) for _ in range(layers)])
        self.norm = nn.LayerNorm(width)
        self.readout = nn.Linear(width, vocab, bias=False)
        self.register_buffer("mask", torch.triu(torch.ones(context, context, dtype=torch.bool), diagonal=1))

    def forward(self, idx):
        t = idx.shape[1]
        x = self.tokens(idx) + self.positions(torch.arange(t))
        for block in self.blocks:
            x = block(x, self.mask)
        return self.readout(self.norm(x))


def describe():
    print(f"# torch {torch.__version__}; threads {torch.get_num_threads()}; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}; "
          f"OMP_WAIT_POLICY={os.environ['OMP_WAIT_POLICY']}")
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print("# threadpoolctl not installed: BLAS unknown")
        return
    for info in threadpool_info():
        print("# " + ", ".join(f"{key}={info.get(key)}" for key in
                               ("user_api", "internal_api", "version", "architecture", "num_threads", "filepath")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--width", type=int, default=128)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--context", type=int, default=64)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--vocab", type=int, default=65)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--dtypes", default="float32,float64")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    describe()
    for name in args.dtypes.split(","):
        dtype = getattr(torch, name)
        model = Gpt(args.vocab, args.context, args.layers, args.heads, args.width).to(dtype)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-8)
        idx = torch.randint(args.vocab, (args.batch, args.context))
        targets = torch.randint(args.vocab, (args.batch, args.context))

        def step():
            optimizer.zero_grad(set_to_none=True)
            logits = model(idx)
            loss = F.cross_entropy(logits.view(-1, args.vocab), targets.view(-1))
            loss.backward()
            optimizer.step()

        for _ in range(3):
            step()
        for _ in range(7):
            step()
        times, cpu = [], []
        for _ in range(args.steps):
            t0, c0 = time.perf_counter(), time.process_time()
            step()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"torch {name} step_seconds={statistics.median(times):.6f} min_seconds={min(times):.6f} "
              f"cpu_seconds={statistics.median(cpu):.6f} steps={args.steps}")


if __name__ == "__main__":
    main()
