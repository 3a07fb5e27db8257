#!/usr/bin/env python3
"""numpy baseline for the "gemm" benchmark suite (GemmBenchmarks.cs starts it; it also runs alone).

Times numpy's matmul for the same shapes as the C# benchmark: n = k = 512, m in {1, 64, 512, 2048},
float32 and float64, and the three products
  MultiplyTransposed  C = A @ B.T   A (m, k), B (n, k)
  Multiply            C = A @ B     A (m, k), B (k, n)
  TransposeMultiply   C = A.T @ B   A (k, m), B (k, n)
and prints one line per case:  numpy <float32|float64> <form> m=<m> k=<k> n=<n> gflops=<x> cpu1_gflops=<y>
(GFLOP/s = 2 m k n / median seconds of >= 5 runs; gflops with the BLAS's default threads and wall-clock
time, cpu1_gflops with one BLAS thread timed by the calling thread's CPU time, which a busy shared
machine disturbs less; cpu1_gflops is -1 without threadpoolctl). Lines starting with '#' describe the BLAS that ran
(via threadpoolctl when it is installed). Options: --m 512,2048 (only these m), --forms MultiplyTransposed
(only these products), --no-cpu1 (skip the one-thread timing). Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset to let
OpenBLAS pick its kernels for this CPU (the C# benchmark does that for this child process only).
"""
import argparse
import sys
import time

import numpy as np

from numpy_blas import describe_blas
from timing import run_seconds

try:
    from threadpoolctl import threadpool_limits
except ImportError:
    threadpool_limits = None

SIZES_M = [1, 64, 512, 2048]
K = N = 512


def median_seconds(fn, repetitions=7, min_run_seconds=0.02, clock=time.perf_counter):
    times = sorted(run_seconds(fn, repetitions, min_run_seconds, clock))
    return times[len(times) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--m", default=",".join(str(m) for m in SIZES_M))
    parser.add_argument("--forms", default="MultiplyTransposed,Multiply,TransposeMultiply")
    parser.add_argument("--no-cpu1", action="store_true")
    args = parser.parse_args()
    forms = args.forms.split(",")
    describe_blas()
    rng = np.random.default_rng(1)
    for dtype in (np.float32, np.float64):
        for m in (int(v) for v in args.m.split(",")):
            k, n = K, N
            cases = {
                "MultiplyTransposed": (rng.standard_normal((m, k)).astype(dtype), rng.standard_normal((n, k)).astype(dtype),
                                       lambda a, b, c: np.matmul(a, b.T, out=c)),
                "Multiply": (rng.standard_normal((m, k)).astype(dtype), rng.standard_normal((k, n)).astype(dtype),
                             lambda a, b, c: np.matmul(a, b, out=c)),
                "TransposeMultiply": (rng.standard_normal((k, m)).astype(dtype), rng.standard_normal((k, n)).astype(dtype),
                                      lambda a, b, c: np.matmul(a.T, b, out=c)),
            }
            for form, (a, b, op) in cases.items():
                if form not in forms:
                    continue
                c = np.empty((m, n), dtype=dtype)
                flops = 2.0 * m * k * n
                seconds = median_seconds(lambda: op(a, b, c))
                cpu1 = -1.0
                if threadpool_limits is not None and not args.no_cpu1:
                    with threadpool_limits(limits=1, user_api="blas"):
                        cpu1 = flops / median_seconds(lambda: op(a, b, c), clock=time.thread_time) / 1e9
                print(f"numpy {np.dtype(dtype).name} {form} m={m} k={k} n={n} gflops={flops / seconds / 1e9:.2f} cpu1_gflops={cpu1:.2f}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
