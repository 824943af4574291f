"""numpy peer of `engram bench --basins`: the integration of engram basins, done the same way.

K = 512 states of the low-rank IDP network W = Xi diag(alpha) Xi^T / N (random +-1 memories, N = 1000, P = 10,
alpha from 3 down to 1.2, diagonal kept, tanh, u = 0), uniform in [-1, 1]^N, held as one N x K block and integrated
together for one chunk of 2 tau by RK4 with step min(0.4, 2.5 / (1 + ||W||_2)) (0.4 here: five steps), W applied as
Xi @ (D (Xi^T @ tanh(X))) (two thin products, W never formed; every N x K array preallocated and updated in place),
then the convergence test
|F(x)|_inf <= 1e-6 (1 + |x|_inf) per state. Prints microseconds per trajectory-step (best of five timed batches, as
bench/peer.py) as JSON.
"""
import json

import numpy as np

from peer import best

N, P, K = 1000, 10, 512


def main():
    rng = np.random.default_rng(20261123)
    xi = rng.choice([-1.0, 1.0], size=(N, P))
    d = np.linspace(3, 1.2, P) / N
    norm = np.linalg.eigvalsh(np.sqrt(d)[:, None] * (xi.T @ xi) * np.sqrt(d)[None, :]).max()
    h = min(0.4, 2.5 / (1 + norm))
    steps = int(np.ceil(2 / h))
    x0 = rng.uniform(-1, 1, size=(N, K))

    phi, y, acc = (np.empty((N, K)) for _ in range(3))
    ks = [np.empty((N, K)) for _ in range(4)]

    def field(x, out):
        # in place, no temporaries of N x K: tanh into phi, the P x K projection, then Xi @ into out
        np.tanh(x, out=phi)
        proj = xi.T @ phi
        proj *= d[:, None]
        np.matmul(xi, proj, out=out)
        out -= x
        return out

    def stage(x, k, a):
        np.multiply(k, a, out=y)
        np.add(y, x, out=y)
        return y

    def chunk():
        x = x0.copy()
        for _ in range(steps):
            k1 = field(x, ks[0])
            k2 = field(stage(x, k1, 0.5 * h), ks[1])
            k3 = field(stage(x, k2, 0.5 * h), ks[2])
            k4 = field(stage(x, k3, h), ks[3])
            np.add(k2, k3, out=acc)
            np.multiply(acc, 2, out=acc)
            np.add(acc, k1, out=acc)
            np.add(acc, k4, out=acc)
            np.multiply(acc, h / 6, out=acc)
            np.add(x, acc, out=x)
        r = field(x, ks[0])
        return np.abs(r).max(axis=0) <= 1e-6 * (1 + np.abs(x).max(axis=0))

    micros = best(chunk, K * steps)
    print(json.dumps({"engine": "numpy", "results": [{"workload": "basins", "couplings": "lowrank", "n": N,
                                                        "microsPerStep": micros, "step": h}]}))


if __name__ == "__main__":
    main()
