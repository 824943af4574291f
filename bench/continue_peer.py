"""numpy peer of `engram bench --continue`: the same pseudo-arclength continuation, done the same way.

Low-rank IDP network W = Xi diag(alpha) Xi^T / N (Hadamard columns 1..P of scipy's Sylvester matrix, N = 1024, P = 10,
alpha = (2, 0.3, ..., 0.3), tanh, u = 0), memory 1 continued in alpha_2 from 0.3, largest step 0.05, 200 points.
Per point, as Engram: Euler predictor along the unit tangent (inner product x.w/n + l m), Newton on the bordered system
solved by Sherman-Morrison-Woodbury (an (r+2) x (r+2) capacitance system, r = P), F_lambda by a central difference,
residual test 1e-13 (1 + |z|_inf) with step halving, the tangent from the bordered system, the sign of det M, the
largest Jacobian eigenvalue from the symmetric r x r form, and a step across which det M changes sign walked back.
Engram also locates the branch point it passes (Brent's method, about 40 corrected trial points); the peer does not,
so it does less work per branch. Prints microseconds per point (best of five branches after
three to warm up) as JSON.
"""
import json
import time

import numpy as np
from scipy.linalg import hadamard

N, P, POINTS, STEP = 1024, 10, 200, 0.05
XI = hadamard(N)[:, 1:P + 1].astype(float)
BASE = np.full(P, 0.3)
BASE[0] = 2.0


def weights(lam):
    d = BASE.copy()
    d[1] = lam
    return d / N


def field(x, lam):
    return -x + XI @ (weights(lam) * (XI.T @ np.tanh(x)))


def factors(x, lam):
    s = 1 - np.tanh(x) ** 2
    return XI * weights(lam), XI * s[:, None], s


def solve(u, v, f, a, tl, y):
    """M z = y with M = [[-I + U V^T, f], [a^T, tl]] by Woodbury around diag(-I, 1); also sign(det M)."""
    n, r = u.shape
    wx = -y[:n]
    c = np.zeros((r + 2, r + 2))
    c[:r, :r] = np.eye(r) - v.T @ u
    c[:r, r] = -(v.T @ f)
    c[r, r], c[r, r + 1] = 1, 1
    c[r + 1, :r] = -(a @ u)
    c[r + 1, r] = -(a @ f)
    c[r + 1, r + 1] = tl
    rhs = np.concatenate([v.T @ wx, [y[n], a @ wx + (tl - 1) * y[n]]])
    q = np.linalg.solve(c, rhs)
    z = np.empty(n + 1)
    z[:n] = wx + u @ q[:r] + f * q[r]
    z[n] = y[n] - q[r + 1]
    sign = np.sign(np.linalg.det(c)) * (-1) ** n
    return z, sign


def dot(z, w):
    return z[:N] @ w[:N] / N + z[N] * w[N]


def dlam(z):
    h = 1e-6 * (1 + abs(z[N]))
    return (field(z[:N], z[N] + h) - field(z[:N], z[N] - h)) / (2 * h)


def residual(z, zp, t):
    return max(np.abs(field(z[:N], z[N])).max(), abs(dot(t, z - zp)))


def finish(z, t, it):
    u, v, s = factors(z[:N], z[N])
    e = np.zeros(N + 1)
    e[N] = 1
    tan, sign = solve(u, v, dlam(z), t[:N] / N, t[N], e)
    tan /= np.sqrt(dot(tan, tan))
    if dot(tan, t) < 0:
        tan = -tan
    w = np.sqrt(weights(z[N]))
    g = (XI * s[:, None]).T @ XI
    leading = max(-1.0, -1 + np.linalg.eigvalsh(w[:, None] * g * w[None, :]).max())
    return z, tan, leading, sign, it


def correct(zp, t):
    z = zp.copy()
    res = residual(z, zp, t)
    for it in range(30):
        if res <= 1e-13 * (1 + np.abs(z).max()):
            return finish(z, t, it)
        u, v, _ = factors(z[:N], z[N])
        rhs = np.concatenate([-field(z[:N], z[N]), [-dot(t, z - zp)]])
        step, _ = solve(u, v, dlam(z), t[:N] / N, t[N], rhs)
        h, ok = 1.0, False
        while h > 1e-3:
            trial = z + h * step
            r = residual(trial, zp, t)
            if r < res or r <= 1e-13 * (1 + np.abs(trial).max()):
                ok = True
                break
            h /= 2
        if not ok:
            return None
        z, res = trial, r
    return None


def reversible(cur, nxt, ds):
    """As Engram: a step across which sign(det M) changes must walk back to within 0.02 ds of where it began."""
    back = correct(nxt[0] - ds * nxt[1], -nxt[1])
    if back is None:
        return False
    d = back[0] - cur[0]
    return np.sqrt(dot(d, d)) <= 0.02 * ds


def branch():
    x0 = 1.9150080 * XI[:, 0]
    z0 = np.concatenate([x0, [0.3]])
    e = np.zeros(N + 1)
    e[N] = 1
    cur = correct(z0, e)
    cur = finish(cur[0], cur[1] if cur[1][N] > 0 else -cur[1], 0)
    points, ds = 1, STEP / 4
    while points < POINTS:
        z, t = cur[0], cur[1]
        nxt = correct(z + ds * t, t)
        if nxt is None or dot(nxt[1], t) < 0.9 or nxt[3] != cur[3] and not reversible(cur, nxt, ds):
            ds /= 2
            continue
        cur = nxt
        points += 1
        if nxt[4] <= 3:
            ds = min(STEP, 1.5 * ds)
    return points, cur[0][N]


for _ in range(3):
    branch()
micros = float("inf")
for _ in range(5):
    t0 = time.perf_counter()
    points, last = branch()
    micros = min(micros, (time.perf_counter() - t0) * 1e6 / points)
print(json.dumps({"engine": "numpy", "results": [{"workload": "continue", "couplings": "lowrank", "n": N,
                                                    "microsPerStep": micros, "lastParameter": last}]}))
