#!/usr/bin/env python3
"""numpy baseline for the "fullpass" benchmark suite (FullPassBenchmarks.cs starts it; it also runs alone).

The same workload as the C# simulator's full pass: n = 512 wide, L = 250 layers, a batch of B
inputs x ~ N(0, 1); for every layer draw a fresh n x n weight matrix N(0, s^2) with numpy
(s = 1/sqrt(n) for the identity, sqrt(2/n) for ReLU, so the values stay finite), x = f(x @ W.T),
then the layer's mean and std. Prints one line per case:
  numpy <float32|float64> <identity|relu> B=<B> seconds=<median> gen=<s> matmul=<s> stats=<s>
where seconds is the median of full passes timed as a whole and gen/matmul/stats the split of one
extra pass timed phase by phase. Lines starting with '#' describe the BLAS (threadpoolctl when
installed). With --pregenerated the L weight matrices are drawn once before the timing and every pass
uses them (products + activation + stats only; the lines then read "numpy-pregenerated ..."); --precisions
float32,float64 and --activations identity,relu choose the cases.
Usage: numpy_fullpass.py [--layers L] [--batches 1,64,512,2048] [--repetitions R] [--pregenerated]
Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset so that OpenBLAS picks its kernels for this
CPU (the C# benchmark does that for this child process only).
"""
import argparse
import time

import numpy as np

from numpy_blas import describe_blas

N = 512


def draw(rng, dtype, relu):
    w = rng.standard_normal((N, N), dtype=dtype)
    w *= dtype(np.sqrt(2.0 / N) if relu else 1.0 / np.sqrt(N))
    return w


def full_pass(rng, x0, layers, dtype, relu, split=None, weights=None):
    x = x0.copy()
    means = []
    for layer in range(layers):
        t0 = time.perf_counter()
        w = weights[layer] if weights is not None else draw(rng, dtype, relu)
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
    parser.add_argument("--pregenerated", action="store_true")
    parser.add_argument("--precisions", default="float32,float64")
    parser.add_argument("--activations", default="identity,relu")
    args = parser.parse_args()
    describe_blas()
    rng = np.random.default_rng(1)
    label = "numpy-pregenerated" if args.pregenerated else "numpy"
    for name in args.precisions.split(","):
        dtype = np.float32 if name == "float32" else np.float64
        for relu in (activation == "relu" for activation in args.activations.split(",")):
            weights = [draw(rng, dtype, relu) for _ in range(args.layers)] if args.pregenerated else None
            for b in (int(v) for v in args.batches.split(",")):
                x0 = rng.standard_normal((b, N), dtype=dtype)
                full_pass(rng, x0, args.layers, dtype, relu, weights=weights)  # warm-up
                times = []
                for _ in range(args.repetitions):
                    t0 = time.perf_counter()
                    full_pass(rng, x0, args.layers, dtype, relu, weights=weights)
                    times.append(time.perf_counter() - t0)
                times.sort()
                split = [0.0, 0.0, 0.0]
                full_pass(rng, x0, args.layers, dtype, relu, split, weights=weights)
                print(f"{label} {name} {'relu' if relu else 'identity'} B={b} seconds={times[len(times) // 2]:.6f} "
                      f"gen={split[0]:.6f} matmul={split[1]:.6f} stats={split[2]:.6f}", flush=True)


if __name__ == "__main__":
    main()
