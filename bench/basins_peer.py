"""numpy peer of `engram bench --basins`: the integration of engram basins, done the same way.

K = 512 states of the low-rank IDP network W = Xi diag(alpha) Xi^T / N (random +-1 memories, N = 1000, P = 10,
alpha from 3 down to 1.2, diagonal kept, tanh, u = 0), uniform in [-1, 1]^N, held as one N x K block and integrated
together by RK4 with step min(0.4, 2.5 / (1 + ||W||_2)) (0.4 here: five steps a chunk of 2 tau) up to 20 tau, W
applied as Xi @ (D (Xi^T @ tanh(X))) (two thin products, W never formed; every N x K array preallocated per block
width and updated in place). After each chunk the convergence test |F(x)|_inf <= 1e-6 (1 + |x|_inf) per state; the
states that pass leave the block (copied out, as Engram hands each to its classifier). Prints microseconds per
trajectory-step (each state's steps up to the chunk where it leaves; best of five timed batches, as bench/peer.py)
as JSON.
"""
import json

import numpy as np

from peer import best

N, P, K, HORIZON = 1000, 10, 512, 20


def main():
    rng = np.random.default_rng(20261123)
    xi = rng.choice([-1.0, 1.0], size=(N, P))
    d = np.linspace(3, 1.2, P) / N
    norm = np.linalg.eigvalsh(np.sqrt(d)[:, None] * (xi.T @ xi) * np.sqrt(d)[None, :]).max()
    h = min(0.4, 2.5 / (1 + norm))
    steps = int(np.ceil(2 / h))
    x0 = rng.uniform(-1, 1, size=(N, K))

    buffers = {}

    def arrays(k):
        # every N x k array preallocated once per block width and updated in place (no temporaries)
        if k not in buffers:
            buffers[k] = [np.empty((N, k)) for _ in range(7)]
        return buffers[k]

    def field(x, out, phi):
        np.tanh(x, out=phi)
        proj = xi.T @ phi
        proj *= d[:, None]
        np.matmul(xi, proj, out=out)
        out -= x
        return out

    def run(count=False):
        x, t, work, ends = x0.copy(), 0.0, 0, []
        while x.shape[1] > 0 and t < HORIZON - 1e-9:
            k = x.shape[1]
            phi, y, acc, k1, k2, k3, k4 = arrays(k)
            for _ in range(steps):
                field(x, k1, phi)
                np.multiply(k1, 0.5 * h, out=y)
                np.add(y, x, out=y)
                field(y, k2, phi)
                np.multiply(k2, 0.5 * h, out=y)
                np.add(y, x, out=y)
                field(y, k3, phi)
                np.multiply(k3, h, out=y)
                np.add(y, x, out=y)
                field(y, k4, phi)
                np.add(k2, k3, out=acc)
                np.multiply(acc, 2, out=acc)
                np.add(acc, k1, out=acc)
                np.add(acc, k4, out=acc)
                np.multiply(acc, h / 6, out=acc)
                np.add(x, acc, out=x)
            t += 2
            work += k * steps
            r = field(x, k1, phi)
            leave = np.abs(r).max(axis=0) <= 1e-6 * (1 + np.abs(x).max(axis=0))
            if t >= HORIZON - 1e-9:
                leave[:] = True
            ends.extend(x[:, c].copy() for c in np.flatnonzero(leave))  # each leaving state copied out, as Engram's
            if leave.any():
                x = np.ascontiguousarray(x[:, ~leave])
        return work

    total = run()
    micros = best(run, total)
    print(json.dumps({"engine": "numpy", "results": [{"workload": "basins", "couplings": "lowrank", "n": N,
                                                        "microsPerStep": micros, "step": h,
                                                        "trajectorySteps": total}]}))


if __name__ == "__main__":
    main()
