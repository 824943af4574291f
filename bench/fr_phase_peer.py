#!/usr/bin/env python3
"""numpy peer for `engram fr-phase`: the dense way to get one cell's largest Jacobian eigenvalue.

Balanced (common-core) memories, N = 1000, q = 0.2, sigmoid; for a few cells it builds W, D = diag(Phi'(W xbar)) and
takes eigvalsh of the symmetric -I + D^1/2 W D^1/2 (the dense route), times it, and extrapolates to theory.md's grid
(2 activations x 2 field pairs x 30 x 30 cells x 6 memories). Prints one JSON object.
"""
import json
import math
import sys
import time

import numpy as np


def common_core(n, q):
    p = int(math.floor(1 + 1 / q)); core = round(q * q * n); blocks = round(q * (1 - q) * n)
    xi = np.zeros((n, p))
    xi[:core, :] = 1
    for b in range(blocks):
        for mu in range(p):
            xi[core + b * p + mu, mu] = 1
    return xi


def main(n=1000, q=0.2, cells=4):
    xi = common_core(n, q)
    rng = np.random.default_rng(1)
    times = []
    out = []
    for _ in range(cells):
        rho, th, a, b = rng.uniform(0.5, 5), rng.uniform(0, 0.9), -0.3, 0.95
        phi = lambda y: 1 / (1 + np.exp(-4 * rho * (y - th - 1 / (2 * rho))))
        dphi = lambda y: 4 * rho * phi(y) * (1 - phi(y))
        pa, pb = phi(a), phi(b)
        alpha = (b - a) / (pb - pa); gamma = (q * b + (1 - q) * a) / (q * pb + (1 - q) * pa)
        t0 = time.perf_counter()
        w = alpha * (xi - q) @ (xi - q).T / (n * q * (1 - q)) + gamma / n
        xbar = pa + (pb - pa) * xi[:, 0]
        d = np.sqrt(dphi(w @ xbar))
        lam = np.linalg.eigvalsh(-np.eye(n) + d[:, None] * w * d[None, :])[-1]
        times.append(time.perf_counter() - t0)
        out.append(float(lam))
    per_cell = min(times)
    print(json.dumps({"engine": "numpy-dense", "n": n, "secondsPerCellPerMemory": per_cell,
                      "extrapolatedGridSeconds": per_cell * 3600 * 6, "sampleEigenvalues": out}))


if __name__ == "__main__":
    main(*(int(v) for v in sys.argv[1:2]))
