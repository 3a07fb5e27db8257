#!/usr/bin/env python3
"""Reference values of the activations and their derivatives, computed with mpmath at 50 digits.

Writes reference.csv beside this script: activation,x,f,df with x, f and df as shortest round-trip
doubles (f and df are the exact values rounded once to double). Parameters are taken as the doubles
the library uses (e.g. 0.01 is the double nearest 0.01). Run: python3 make_reference.py
"""
import os
import mpmath as mp

mp.mp.dps = 50
D = lambda v: mp.mpf(float(v))  # a double, exactly

LAMBDA = D(1.0507009873554805)
ALPHA = D(1.6732632423543772)


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def elu(a, scale):
    f = lambda x: scale * x if x > 0 else scale * a * mp.expm1(x)
    df = lambda x: scale if x > 0 else scale * a * mp.exp(x)
    return f, df


def leaky(s):
    return (lambda x: x if x > 0 else s * x), (lambda x: mp.mpf(1) if x > 0 else s)


def swish(b):
    f = lambda x: x * sigmoid(b * x)
    df = lambda x: sigmoid(b * x) + b * x * sigmoid(b * x) * (1 - sigmoid(b * x))
    return f, df


Phi = lambda x: mp.erfc(-x / mp.sqrt(2)) / 2
phi = lambda x: mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)

ACTIVATIONS = {
    "Identity": (lambda x: x, lambda x: mp.mpf(1)),
    "Sigmoid": (sigmoid, lambda x: sigmoid(x) * sigmoid(-x)),
    "Tanh": (mp.tanh, lambda x: mp.sech(x) ** 2),
    "ReLU": (lambda x: x if x > 0 else mp.mpf(0), lambda x: mp.mpf(1) if x > 0 else mp.mpf(0)),
    "LeakyReLU": leaky(D(0.01)),
    "LeakyReLU(0.2)": leaky(D(0.2)),
    "ELU": elu(D(1), D(1)),
    "ELU(0.5)": elu(D(0.5), D(1)),
    "SELU": elu(ALPHA, LAMBDA),
    "GELU": (lambda x: x * Phi(x), lambda x: Phi(x) + x * phi(x)),
    "Swish": swish(D(1)),
    "Swish(1.7)": swish(D(1.7)),
}

XS = [0.0, 1e-300, -1e-300, 1e-12, -1e-12, 1e-6, -1e-6, 0.001, -0.001, 0.1, -0.1, 0.25, -0.25, 0.4999, -0.4999,
      0.5, -0.5, 0.75, -0.75, 1.0, -1.0, 1.5, -1.5, 2.0, -2.0, 3.0, -3.0, 4.5, -4.5, 6.0, -6.0, 8.0, -8.0,
      10.0, -10.0, 15.0, -15.0, 20.0, -20.0, 27.0, -27.0, 35.0, -35.0, 50.0, -50.0, 100.0, -100.0]


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.csv")
    with open(path, "w") as out:
        out.write("activation,x,f,df\n")
        for name, (f, df) in ACTIVATIONS.items():
            for x in XS:
                mx = D(x)
                out.write(f"{name},{x!r},{float(f(mx))!r},{float(df(mx))!r}\n")


if __name__ == "__main__":
    main()
