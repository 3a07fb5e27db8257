#!/usr/bin/env python3
"""numpy baseline for the "fullpass" benchmark suite (FullPassBenchmarks.cs starts it; it also runs alone).

The same workload as the C# simulator's full pass: n = 512 wide, L = 250 layers, a batch of B
inputs x ~ N(0, 1); for every layer draw a fresh n x n weight matrix N(0, s^2) with numpy
(s = 1/sqrt(n) for the identity, sqrt(2/n) for ReLU, so the values stay finite), x = f(x @ W.T),
then the layer's mean and std. Prints one line per case:
  numpy <float32|float64> <identity|relu> B=<B> seconds=<median> gen=<s> matmul=<s> stats=<s>
where seconds is the median of full passes timed as a whole and gen/matmul/stats the split of one
extra pass timed phase by phase. Lines starting with '#' describe the BLAS (threadpoolctl when
installed). Usage: numpy_fullpass.py [--layers L] [--batches 1,64,512,2048] [--repetitions R]
Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset so that OpenBLAS picks its kernels for this
CPU (the C# benchmark does that for this child process only).
"""
import argparse
import time

import numpy as np

from numpy_blas import describe_blas

N = 512


def full_pass(rng, x0, layers, dtype, relu, split=None):
    x = x0.copy()
    scale = dtype(np.sqrt(2.0 / N) if relu else 1.0 / np.sqrt(N))
    means = []
    for _ in range(layers):
        t0 = time.perf_counter()
        w = rng.standard_normal((N, N), dtype=dtype)
        w *= scale
        t1 = time.perf_counter()
        x = x @ w.T
        if relu:
            np.maximum(x, 0, out=x)
        t2 = time.perf_counter()
        means.append((x.mean(), x.std()))
        t3 = time.perf_counter()
        if split is not None:
            split[0] += t1 - t0
            split[1] += t2 - t1
            split[2] += t3 - t2
    return means


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=250)
    parser.add_argument("--batches", default="1,64,512,2048")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    describe_blas()
    rng = np.random.default_rng(1)
    for dtype, name in ((np.float32, "float32"), (np.float64, "float64")):
        for relu in (False, True):
            for b in (int(v) for v in args.batches.split(",")):
                x0 = rng.standard_normal((b, N), dtype=dtype)
                full_pass(rng, x0, args.layers, dtype, relu)  # warm-up
                times = []
                for _ in range(args.repetitions):
                    t0 = time.perf_counter()
                    full_pass(rng, x0, args.layers, dtype, relu)
                    times.append(time.perf_counter() - t0)
                times.sort()
                split = [0.0, 0.0, 0.0]
                full_pass(rng, x0, args.layers, dtype, relu, split)
                print(f"numpy {name} {'relu' if relu else 'identity'} B={b} seconds={times[len(times) // 2]:.6f} "
                      f"gen={split[0]:.6f} matmul={split[1]:.6f} stats={split[2]:.6f}", flush=True)


if __name__ == "__main__":
    main()
