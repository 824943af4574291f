#!/usr/bin/env python3
"""numpy peer of `engram bench --capacity`: one asynchronous sweep of sign neurons with Hebbian couplings
J = Xi Xi^T / N (zero diagonal) at N = 20000, P = 2800, from a fixed random state, units in a random order.

An asynchronous sweep is sequential (each update sees the previous flips), so numpy cannot vectorise over units;
its best is a Python loop over units with vectorised O(P) or O(N) work per unit:
  lowrank    the overlaps M = Xi^T s kept as integers, field Xi[i] . M - P s_i, M += 2 s_i Xi[i] on a flip (int8 Xi)
  lowrank-8x the same for 8 independent networks at once (batched over networks: einsum per unit), time per sweep
             of one network
  dense      W = Xi Xi^T / N as float32 (1.6 GB), field W[i] . s (O(N) per unit)
Prints one JSON object with microseconds per sweep (best of three) in the same shape as peer.py.
"""
import json
import sys
import time

import numpy as np


def timed(fn, repeats=3):
    fn()
    out = float("inf")
    for _ in range(repeats):
        a = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - a)
    return out * 1e6


def main(n=20000, p=2800, dense=True):
    rng = np.random.default_rng(20261123)
    xi = rng.choice(np.array([-1, 1], dtype=np.int8), size=(n, p))
    s0 = rng.choice(np.array([-1, 1], dtype=np.int64), size=n)
    order = rng.permutation(n)
    rows = []

    def sweep_lowrank():
        s = s0.copy()
        m = xi.T.astype(np.int64) @ s
        for i in order:
            h = int(xi[i] @ m) - p * s[i]
            nxt = 1 if h > 0 else (-1 if h < 0 else s[i])
            if nxt != s[i]:
                s[i] = nxt
                m += 2 * nxt * xi[i]
        return s

    rows.append({"workload": "sign-sweep", "couplings": "lowrank", "n": n, "microsPerStep": timed(sweep_lowrank)})

    b = 8
    xib = rng.choice(np.array([-1, 1], dtype=np.int8), size=(b, n, p))
    sb0 = rng.choice(np.array([-1, 1], dtype=np.int64), size=(b, n))

    def sweep_batched():
        s = sb0.copy()
        m = np.einsum("bnp,bn->bp", xib, s, dtype=np.int64)
        for i in order:
            h = np.einsum("bp,bp->b", xib[:, i, :], m, dtype=np.int64) - p * s[:, i]
            nxt = np.where(h > 0, 1, np.where(h < 0, -1, s[:, i]))
            flip = nxt != s[:, i]
            if flip.any():
                s[:, i] = nxt
                m[flip] += 2 * nxt[flip, None] * xib[flip, i, :]
        return s

    rows.append({"workload": "sign-sweep", "couplings": "lowrank-8x", "n": n,
                 "microsPerStep": timed(sweep_batched, 1) / b})

    if dense:
        w = (xi.astype(np.float32).__matmul__(xi.T.astype(np.float32))) / np.float32(n)
        np.fill_diagonal(w, 0)

        def sweep_dense():
            s = s0.astype(np.float32)
            for i in order:
                h = w[i] @ s
                if h > 0:
                    s[i] = 1
                elif h < 0:
                    s[i] = -1
            return s

        rows.append({"workload": "sign-sweep", "couplings": "dense", "n": n, "microsPerStep": timed(sweep_dense)})
    print(json.dumps({"engine": "numpy", "numpy": np.__version__, "p": p, "results": rows}))


if __name__ == "__main__":
    main(dense="--no-dense" not in sys.argv)
