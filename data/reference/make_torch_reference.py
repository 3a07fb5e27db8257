#!/usr/bin/env python3
"""Writes torch_init_reference.json: reference values of torch.nn.init for the C# tests.

Every number comes from PyTorch itself: gains from torch.nn.init.calculate_gain, fans from
torch.nn.init._calculate_fan_in_and_fan_out, and the std / bound of each initializer from the
arguments that torch's own xavier_*/kaiming_* functions pass to Tensor.normal_ / Tensor.uniform_
(recorded by a Tensor subclass, so no formula is retyped here). eye_, dirac_ and the zero count
of sparse_ are the tensors torch produces.

Run from the repository root:  python3 data/reference/make_torch_reference.py
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.init as init


class Recorder(torch.Tensor):
    """A tensor that records the arguments of the in-place samplers torch.nn.init calls."""

    def uniform_(self, a=0.0, b=1.0, *args, **kwargs):
        Recorder.calls.append(("uniform", float(a), float(b)))
        return self

    def normal_(self, mean=0.0, std=1.0, *args, **kwargs):
        Recorder.calls.append(("normal", float(mean), float(std)))
        return self


Recorder.calls = []


def recorded(fn, shape, **kwargs):
    Recorder.calls = []
    t = torch.empty(shape, dtype=torch.float64).as_subclass(Recorder)
    fn(t, **kwargs)
    assert len(Recorder.calls) == 1, Recorder.calls
    return Recorder.calls[0]


NONLINEARITIES = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                  "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]
SHAPES = [[10, 5], [1, 1], [512, 512], [3, 100], [100, 3], [16, 3, 5], [64, 32, 3, 3],
          [8, 4, 2, 3, 5], [32, 16, 7, 7], [6, 1, 1, 1]]


def main():
    out = {"torch_version": torch.__version__}

    gains = [{"nonlinearity": n, "param": None, "gain": init.calculate_gain(n)} for n in NONLINEARITIES]
    for a in [0.0, 0.01, 0.1, 0.2, 0.5, 1.0, math.sqrt(5.0), -0.3]:
        gains.append({"nonlinearity": "leaky_relu", "param": a, "gain": init.calculate_gain("leaky_relu", a)})
    out["gains"] = gains

    fans = []
    for s in SHAPES:
        fi, fo = init._calculate_fan_in_and_fan_out(torch.empty(s))
        fans.append({"shape": s, "fan_in": fi, "fan_out": fo})
    out["fans"] = fans

    xavier = []
    for s in SHAPES:
        for gain in [1.0, 5.0 / 3.0, math.sqrt(2.0), 0.5]:
            _, _, std = recorded(init.xavier_normal_, s, gain=gain)
            _, a, b = recorded(init.xavier_uniform_, s, gain=gain)
            assert a == -b
            xavier.append({"shape": s, "gain": gain, "std": std, "bound": b})
    out["xavier"] = xavier

    kaiming = []
    for s in SHAPES:
        for mode in ["fan_in", "fan_out"]:
            for nonlin, a in [("leaky_relu", 0.0), ("leaky_relu", 0.2), ("leaky_relu", math.sqrt(5.0)), ("relu", 0.0),
                              ("tanh", 0.0), ("linear", 0.0), ("selu", 0.0), ("sigmoid", 0.0)]:
                _, _, std = recorded(init.kaiming_normal_, s, a=a, mode=mode, nonlinearity=nonlin)
                _, lo, hi = recorded(init.kaiming_uniform_, s, a=a, mode=mode, nonlinearity=nonlin)
                assert lo == -hi
                kaiming.append({"shape": s, "a": a, "mode": mode, "nonlinearity": nonlin, "std": std, "bound": hi})
    out["kaiming"] = kaiming

    # nn.Linear's defaults: record what reset_parameters passes to kaiming_uniform_ and uniform_ (bias).
    linear = []
    real_ku, real_u = init.kaiming_uniform_, init.uniform_
    for fan_in, fan_out in [(1, 1), (3, 10), (100, 10), (512, 256), (784, 128)]:
        rec = {}

        def ku(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu"):
            rec["weight"] = recorded(real_ku, list(tensor.shape), a=a, mode=mode, nonlinearity=nonlinearity)
            rec["a"] = a
            return tensor

        def u(tensor, a=0.0, b=1.0):
            rec["bias"] = (a, b)
            return tensor

        init.kaiming_uniform_, init.uniform_ = ku, u
        try:
            nn.Linear(fan_in, fan_out)
        finally:
            init.kaiming_uniform_, init.uniform_ = real_ku, real_u
        linear.append({"fan_in": fan_in, "fan_out": fan_out, "a": rec["a"],
                       "weight_bound": rec["weight"][2], "bias_bound": rec["bias"][1]})
    out["linear_default"] = linear

    out["eye"] = [{"shape": s, "values": init.eye_(torch.empty(s, dtype=torch.float64)).flatten().tolist()}
                  for s in [[3, 5], [5, 3], [4, 4], [1, 6]]]
    out["dirac"] = [{"shape": s, "groups": g,
                     "values": init.dirac_(torch.empty(s, dtype=torch.float64), groups=g).flatten().tolist()}
                    for s, g in [([4, 2, 3], 1), ([2, 4, 3], 1), ([3, 3, 3, 3], 1), ([4, 2, 3, 4], 2),
                                 ([6, 2, 2, 3], 3), ([2, 2, 3, 2, 2], 1), ([4, 1, 5], 4)]]

    torch.manual_seed(0)
    sparse = []
    for rows, cols, sparsity in [(10, 30, 0.3), (7, 20, 0.5), (10, 30, 0.1), (100, 5, 0.25), (3, 4, 0.0),
                                 (9, 6, 0.99), (20, 10, 0.35)]:
        t = init.sparse_(torch.empty(rows, cols, dtype=torch.float64), sparsity, std=0.01)
        zeros = (t == 0).sum(dim=0).tolist()
        assert len(set(zeros)) == 1, zeros
        sparse.append({"rows": rows, "cols": cols, "sparsity": sparsity, "zeros_per_column": zeros[0]})
    out["sparse"] = sparse

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_init_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path} (torch {torch.__version__})")


if __name__ == "__main__":
    main()
