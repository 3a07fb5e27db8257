#!/usr/bin/env python3
"""Reference values of the standard normal distribution, computed with mpmath at 50 digits.

Writes reference.csv beside this script: x,upper_tail,cdf,density with Q(x) = erfc(x / sqrt 2) / 2,
Phi(x) = erfc(-x / sqrt 2) / 2 and phi(x) = exp(-x^2 / 2) / sqrt(2 pi), each the exact value at the double x
rounded once to double (shortest round-trip decimals). x runs from -38 to 38 in steps of 1/16.
Run: python3 make_reference.py
"""
import os
import mpmath as mp

mp.mp.dps = 50


def r(v):
    return repr(float(v))


rows = ["x,upper_tail,cdf,density"]
for i in range(-38 * 16, 38 * 16 + 1):
    x = mp.mpf(i) / 16  # exactly representable in double
    q = mp.erfc(x / mp.sqrt(2)) / 2
    p = mp.erfc(-x / mp.sqrt(2)) / 2
    d = mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)
    rows.append(",".join([r(x), r(q), r(p), r(d)]))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.csv"), "w") as f:
    f.write("\n".join(rows) + "\n")
