#!/usr/bin/env python3
"""Reference values of mean-field signal propagation, computed with mpmath (25 significant digits).

Independent of the library's method. One-dimensional Gaussian integrals: mpmath's tanh-sinh quadrature
(mp.quad) over the real line split at the kinks. Two-dimensional ones, E[phi(u1) phi(u2)] for two inputs of
the same length q: Mehler's expansion E[phi(u1) phi(u2)] = sum_k a_k^2 c^k with the Hermite coefficients
a_k = E[phi(sqrt(q) z) He_k(z)] / sqrt(k!) (k < 160, each by 48-point Gauss-Legendre on panels 1/2 wide over
[-14, 14], split at 0), so the correlation map is a power series in c and its slope is its derivative.
Roots: mp.findroot. The library instead nests two adaptive piecewise quadratures and uses Brent's method. Writes mean_field_reference.json beside this
script. Definitions (Poole et al. 2016; Schoenholz et al. 2017), z, z1, z2 independent N(0, 1):

  F(q)      = sw2 E[phi(sqrt(q) z)^2] + sb2            (length map), q* = F(q*)
  chi1(q)   = sw2 E[phi'(sqrt(q) z)^2]                  (chi_1 = chi1(q*))
  C(c; q)   = (sw2 E[phi(u1) phi(u2)] + sb2) / F(q)     u1 = sqrt(q) z1, u2 = sqrt(q) (c z1 + sqrt(1 - c^2) z2)
  chi_c     = sw2 E[phi'(u1) phi'(u2)] at c = c*, q = q*
  critical  : the sw2 with chi1(q*(sw2, sb2)) = 1

Run: python3 make_mean_field_reference.py   (needs python3-mpmath; the tests only read the JSON)
"""
import json
import os

import mpmath as mp
from mpmath.calculus.quadrature import GaussLegendre

mp.mp.dps = 25
D = lambda v: mp.mpf(float(v))  # a double, exactly

LAMBDA = D(1.0507009873554805)
ALPHA = D(1.6732632423543772)


def sech2(x):
    return 1 / mp.cosh(x) ** 2


ACTIVATIONS = {
    "Tanh": (mp.tanh, sech2),
    "ReLU": (lambda x: x if x > 0 else mp.mpf(0), lambda x: mp.mpf(1) if x > 0 else mp.mpf(0)),
    "ELU": (lambda x: x if x > 0 else mp.expm1(x), lambda x: mp.mpf(1) if x > 0 else mp.exp(x)),
    "SELU": (lambda x: LAMBDA * x if x > 0 else LAMBDA * ALPHA * mp.expm1(x),
             lambda x: LAMBDA if x > 0 else LAMBDA * ALPHA * mp.exp(x)),
    "GELU": (lambda x: x * (1 + mp.erf(x / mp.sqrt(2))) / 2,
             lambda x: (1 + mp.erf(x / mp.sqrt(2))) / 2 + x * mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)),
    "Swish": (lambda x: x / (1 + mp.exp(-x)),
              lambda x: 1 / (1 + mp.exp(-x)) + x * mp.exp(-x) / (1 + mp.exp(-x)) ** 2),
}

SQRT2PI = mp.sqrt(2 * mp.pi)


def density(z):
    return mp.exp(-z * z / 2) / SQRT2PI


def breaks(scale):
    """Split points in z for a function with a kink at 0 that varies on a scale 1/scale in z."""
    inner = [mp.mpf(2) ** -k / scale for k in range(0, 8)]
    pts = sorted(set([-mp.inf, -12, -6, -3, 3, 6, 12, mp.inf] + [0] + inner + [-p for p in inner]))
    return pts


def expect(h, q):
    """E[h(sqrt(q) z)]."""
    s = mp.sqrt(q)
    return mp.quad(lambda z: h(s * z) * density(z), breaks(max(s, 1)))


GL48 = None


def hermite_coefficients(phi, q, count=160):
    """a_k = E[phi(sqrt(q) z) He_k(z)] / sqrt(k!), k < count (He_k: probabilists' Hermite polynomials)."""
    global GL48
    if GL48 is None:
        GL48 = GaussLegendre(mp.mp).calc_nodes(5, mp.mp.prec)  # 48 nodes on [-1, 1]
    s = mp.sqrt(q)
    roots = [mp.sqrt(k) for k in range(count)]
    a = [mp.mpf(0)] * count
    half = mp.mpf(1) / 4
    for p in range(-28, 28):
        mid = (mp.mpf(p) + mp.mpf(1) / 2) / 2
        for x, w in GL48:
            z = mid + half * x
            weight = half * w * density(z) * phi(s * z)
            h0, h1 = mp.mpf(1), z
            a[0] += weight
            a[1] += weight * z
            for k in range(2, count):
                h0, h1 = h1, (z * h1 - roots[k - 1] * h0) / roots[k]
                a[k] += weight * h1
    return a


def pair_series(a, c):
    """E[phi(u1) phi(u2)] = sum a_k^2 c^k (Mehler), and its derivative in c."""
    value = sum(ak * ak * c ** k for k, ak in enumerate(a))
    slope = sum(k * ak * ak * c ** (k - 1) for k, ak in enumerate(a) if k > 0)
    return value, slope


def check_converged(a, c):
    """The last term of the Mehler series at c must be negligible."""
    assert a[-1] ** 2 * abs(c) ** (len(a) - 1) < mp.mpf("1e-17"), "the Mehler series has not converged"


def length_map(name, sw2, sb2, q):
    phi, _ = ACTIVATIONS[name]
    return sw2 * expect(lambda x: phi(x) ** 2, q) + sb2


def chi1(name, sw2, q):
    _, dphi = ACTIVATIONS[name]
    return sw2 * expect(lambda x: dphi(x) ** 2, q)


def fixed_point(name, sw2, sb2):
    """q* bracketed in (sb2 / 2 or 1e-3 when sb2 = 0, 100] (F(q) > q below q*, F(q) < q above) and found by the Illinois method."""
    return mp.findroot(lambda q: length_map(name, sw2, sb2, q) - q, (sb2 / 2 if sb2 > 0 else mp.mpf("1e-3"), mp.mpf(100)), solver="illinois")


def correlation_map(name, sw2, sb2, q, c):
    phi, _ = ACTIVATIONS[name]
    a = hermite_coefficients(phi, q)
    check_converged(a, c)
    value, _ = pair_series(a, c)
    return (sw2 * value + sb2) / length_map(name, sw2, sb2, q)


def critical_weight_variance(name, sb2):
    def residual(sw2):
        q = fixed_point(name, sw2, sb2)
        return chi1(name, sw2, q) - 1
    return mp.findroot(residual, (mp.mpf(1), mp.mpf(4)), solver="illinois")


def num(x):
    return float(x)


def main():
    out = {"source": "mpmath %s, %d digits, tanh-sinh quadrature split at the kinks" % (mp.__version__, mp.mp.dps)}

    expectations = []
    for name in ["Tanh", "ELU", "SELU", "GELU", "Swish"]:
        phi, dphi = ACTIVATIONS[name]
        for q in ["1e-4", "0.5", "2", "30", "1e4"]:
            qq = D(q)
            expectations.append({"activation": name, "variance": num(qq),
                                 "phi_squared": num(expect(lambda x: phi(x) ** 2, qq)),
                                 "derivative_squared": num(expect(lambda x: dphi(x) ** 2, qq))})
    out["expectations"] = expectations
    print("expectations done", flush=True)

    points = []
    for sw2, sb2 in [(1.5, 0.05), (2.0, 0.05), (2.5, 0.1), (4.0, 0.0), (1.2, 0.2), (3.0, 0.3), (0.8, 0.01)]:
        w, b = D(sw2), D(sb2)
        q = fixed_point("Tanh", w, b)
        points.append({"activation": "Tanh", "weight_variance": sw2, "bias_variance": sb2,
                       "fixed_point_length": num(q), "chi1": num(chi1("Tanh", w, q))})
    for sw2, sb2 in [(1.0, 0.05), (1.5, 0.1)]:
        w, b = D(sw2), D(sb2)
        q = fixed_point("ELU", w, b)
        points.append({"activation": "ELU", "weight_variance": sw2, "bias_variance": sb2,
                       "fixed_point_length": num(q), "chi1": num(chi1("ELU", w, q))})
    out["fixed_points"] = points

    critical = []
    for sb2 in [0.01, 0.05, 0.1, 0.2, 0.3]:
        critical.append({"activation": "Tanh", "bias_variance": sb2,
                         "weight_variance": num(critical_weight_variance("Tanh", D(sb2)))})
    out["critical_line"] = critical
    print("critical line done", flush=True)

    correlations = []
    for name, sw2, sb2, q, c in [("Tanh", 2.5, 0.1, 1.0, 0.5), ("Tanh", 1.5, 0.05, 0.4, 0.9), ("Tanh", 4.0, 0.0, 2.0, -0.3),
                                 ("ELU", 1.5, 0.1, 1.0, 0.5), ("SELU", 1.0, 0.0, 1.0, 0.8)]:
        correlations.append({"activation": name, "weight_variance": sw2, "bias_variance": sb2, "length": q, "correlation": c,
                             "next_correlation": num(correlation_map(name, D(sw2), D(sb2), D(q), D(c)))})
    out["correlation_map"] = correlations
    print("correlation map done", flush=True)

    chaotic = []
    for sw2, sb2 in [(2.5, 0.1), (3.0, 0.3)]:
        w, b = D(sw2), D(sb2)
        q = fixed_point("Tanh", w, b)
        a = hermite_coefficients(mp.tanh, q)
        c = mp.findroot(lambda c: (w * pair_series(a, c)[0] + b) / q - c, (mp.mpf(0), mp.mpf("0.95")), solver="illinois")
        check_converged(a, c)
        chi_c = w * pair_series(a, c)[1] / q  # = sw2 E[phi'(u1) phi'(u2)] (Price's theorem)
        print("chaotic", sw2, sb2, c, chi_c, flush=True)
        chaotic.append({"activation": "Tanh", "weight_variance": sw2, "bias_variance": sb2,
                        "correlation_fixed_point": num(c), "correlation_slope": num(chi_c)})
    out["chaotic_fixed_points"] = chaotic

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mean_field_reference.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
