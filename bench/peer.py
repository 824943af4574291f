#!/usr/bin/env python3
"""numpy peer of `engram bench`: the same workloads, the same output format.

Voltage-model right-hand side -x + W tanh(10 x) + u with Hebbian zero-diagonal W, either dense (W @ phi) or
low rank (Xi @ (Xi.T @ phi) / N - diag * phi), and a 1000-step Euler-Maruyama run (sigma = 0.5, dt = 0.01).
Prints one JSON object: microseconds per step, best of five timed batches.
"""
import json
import sys
import time

import numpy as np


def best(fn, steps_per_call):
    t0 = time.perf_counter()
    calls = 1
    while time.perf_counter() - t0 < 0.3:
        for _ in range(calls):
            fn()
        calls *= 2
    s = time.perf_counter(); fn(); one = max(time.perf_counter() - s, 1e-9)
    batch = max(1, int(0.2 / one))
    out = float("inf")
    for _ in range(5):
        a = time.perf_counter()
        for _ in range(batch):
            fn()
        out = min(out, (time.perf_counter() - a) * 1e6 / batch / steps_per_call)
    return out


def main(sizes=(1024, 2000), p=10, steps=1000):
    rng = np.random.default_rng(20261123)
    rows = []
    for n in sizes:
        xi = rng.choice([-1.0, 1.0], size=(n, p))
        diag = (xi * xi).sum(axis=1) / n
        w = xi @ xi.T / n
        np.fill_diagonal(w, 0.0)
        u = np.zeros(n)
        x0 = rng.standard_normal(n)

        def rhs_dense(x):
            return -x + w @ np.tanh(10 * x) + u

        def rhs_low(x):
            phi = np.tanh(10 * x)
            return -x + xi @ (xi.T @ phi) / n - diag * phi + u

        for kind, rhs in (("lowrank", rhs_low), ("dense", rhs_dense)):
            rows.append({"workload": "rhs", "couplings": kind, "n": n, "microsPerStep": best(lambda: rhs(x0), 1)})

            def em():
                x = x0.copy()
                dt, sq = 0.01, 0.5 * np.sqrt(0.01)
                for _ in range(steps):
                    x += dt * rhs(x) + sq * rng.standard_normal(n)
                return x

            rows.append({"workload": "em", "couplings": kind, "n": n, "microsPerStep": best(em, steps)})
        rows += idp_rows(rng, n, p, steps)
        rows += ensemble_rows(rng, xi, w, diag, n, 64)
    print(json.dumps({"engine": "numpy", "numpy": np.__version__, "p": p, "steps": steps, "results": rows}))


def idp_rows(rng, n, p, steps):
    """One Euler-Maruyama step of the IDP network (theory.md section 3) as the experiments run it: one of the paper's
    mixed inputs, W(u) = Xi diag(alpha) Xi^T / N with zero diagonal, tanh(10 x), sigma = 8, dt = 0.01, from
    x0 ~ N(0, I). Three ways: W(u) built once per input (dense, the efficient dense step), the same algebra in low rank
    (the peer doing its best), and the authors' loop, which rebuilds W(u) every step (reported, beating it proves
    nothing)."""
    xi = rng.choice([-1.0, 1.0], size=(n, p))
    w = rng.uniform(0.8, 1.5, size=p)
    w[0] = rng.uniform(2, 3.5)
    w *= np.sqrt(p * n) / w.sum()
    u = xi @ w
    alpha = xi.T @ u / n
    x0 = rng.standard_normal(n)
    dt, sq = 0.01, 8 * np.sqrt(0.01)
    dense = xi @ np.diag(alpha) @ xi.T / n
    np.fill_diagonal(dense, 0.0)
    diag = (xi * xi) @ alpha / n

    def run(field, k):
        def go():
            x = x0.copy()
            for _ in range(k):
                x += dt * field(x) + sq * rng.standard_normal(n)
            return x
        return go

    def rebuilt(x):
        w_u = (1 / n) * xi @ np.diagflat(xi.T @ u / n) @ xi.T
        w_u[range(n), range(n)] = 0
        return -x + w_u @ np.tanh(10 * x)

    return [
        {"workload": "idp-em", "couplings": "dense-once", "n": n,
         "microsPerStep": best(run(lambda x: -x + dense @ np.tanh(10 * x), steps), steps)},
        {"workload": "idp-em", "couplings": "lowrank", "n": n,
         "microsPerStep": best(run(lambda x: -x + xi @ (alpha * (xi.T @ np.tanh(10 * x))) / n
                                   - diag * np.tanh(10 * x), steps), steps)},
        {"workload": "idp-em", "couplings": "dense-rebuilt", "n": n,
         "microsPerStep": best(run(rebuilt, 20), 20)},
    ]


def ensemble_rows(rng, xi, w, diag, n, k, steps=20):
    """K = 64 trajectories stepped together as an N x K block X (the peer's best: one GEMM or two thin products per
    step, vectorised tanh, one block of normal draws): x += dt (-X + W tanh(10 X)) + sigma sqrt(dt) Z, sigma = 0.5.
    Microseconds per trajectory-step."""
    x0 = rng.standard_normal((n, k))
    dt, sq = 0.01, 0.5 * np.sqrt(0.01)
    diag = diag[:, None]
    fields = {
        "dense": lambda x: -x + w @ np.tanh(10 * x),
        "lowrank": lambda x: (lambda phi: -x + xi @ (xi.T @ phi) / n - diag * phi)(np.tanh(10 * x)),
    }
    rows = []
    for kind in ("lowrank", "dense"):
        field = fields[kind]

        def go():
            x = x0.copy()
            for _ in range(steps):
                x += dt * field(x) + sq * rng.standard_normal((n, k))
            return x

        rows.append({"workload": "ens-em", "couplings": kind, "n": n, "microsPerStep": best(go, steps * k)})
    return rows


if __name__ == "__main__":
    main(*[tuple(int(v) for v in sys.argv[1].split(","))] if len(sys.argv) > 1 else ())
