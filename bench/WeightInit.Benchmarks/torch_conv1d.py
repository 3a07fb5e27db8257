#!/usr/bin/env python3
"""PyTorch baseline for the "conv" benchmark suite (ConvolutionBenchmark.cs starts it; it also runs alone).

Times torch.nn.functional.conv1d on the CPU for the shapes the C# suite times, with the same element type
(float64: the library's layers train in double) and the same thread count (--threads, default 2):
  forward   y = conv1d(x, w, b), "same" or explicit padding, zeros or circular (circular as nn.Conv1d does it:
            F.pad(x, mode='circular') then conv1d without padding), no activation;
  forward + backward   the same, then y.backward(g): dL/dx, dL/dw and dL/db.
Each case is given as name:batch:in:out:k:length:stride:padding:mode (padding -1 for "same"; mode zeros|circular)
and prints one line:  torch <name> forward=<seconds> forward_backward=<seconds>
(the fastest of 9 runs, each repeating the call until it lasts >= 0.05 s: on a shared machine the least disturbed
run; the C# side takes the same statistic). Lines starting with '#' describe the build and the threads.

OpenMP's wait policy is PASSIVE unless OMP_WAIT_POLICY is set: with the default (spinning) policy, PyTorch's two
threads collapse on a machine shared with other processes (measured here: 15-40 ms for a MNIST-1D layer that takes
0.4 ms with PASSIVE). Set OMP_WAIT_POLICY=ACTIVE to time the default.
"""
import argparse
import os

os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')  # before torch starts its OpenMP runtime
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from timing import run_seconds  # noqa: E402


def fastest_seconds(fn, repetitions=9, min_run_seconds=0.05):
    return min(run_seconds(fn, repetitions, min_run_seconds))


def case(spec, dtype):
    name, batch, cin, cout, k, length, stride, padding, mode = spec.split(':')
    batch, cin, cout, k, length, stride, padding = map(int, (batch, cin, cout, k, length, stride, padding))
    if padding < 0:  # "same", PyTorch's split: (k - 1) // 2 on the left, the rest on the right
        left, right = (k - 1) // 2, k - 1 - (k - 1) // 2
    else:
        left = right = padding
    gen = torch.Generator().manual_seed(1)
    x = torch.randn(batch, cin, length, dtype=dtype, generator=gen, requires_grad=True)
    w = torch.randn(cout, cin, k, dtype=dtype, generator=gen, requires_grad=True)
    b = torch.randn(cout, dtype=dtype, generator=gen, requires_grad=True)

    def forward():
        if mode == 'circular':
            return F.conv1d(F.pad(x, (left, right), mode='circular'), w, b, stride=stride)
        if left == right:
            return F.conv1d(x, w, b, stride=stride, padding=left)
        return F.conv1d(x, w, b, stride=stride, padding='same')

    g = torch.randn_like(forward().detach())

    def forward_only():
        with torch.no_grad():
            forward()

    def forward_backward():
        x.grad = w.grad = b.grad = None
        forward().backward(g)

    return name, fastest_seconds(forward_only), fastest_seconds(forward_backward)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('cases', nargs='+')
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--dtype', default='float64', choices=['float32', 'float64'])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    print(f'# torch {torch.__version__}, {torch.get_num_threads()} threads, {args.dtype}, mkldnn {torch.backends.mkldnn.is_available()}, '
          f'OMP_WAIT_POLICY={os.environ["OMP_WAIT_POLICY"]}')
    for spec in args.cases:
        name, fwd, fb = case(spec, dtype)
        print(f'torch {name} forward={fwd:.6e} forward_backward={fb:.6e}', flush=True)


if __name__ == '__main__':
    main()
