#!/usr/bin/env python3
"""numpy peer for `engram fr-phase` that uses the same reduction, as well as numpy can.

theory.md's grid (2 activations x 2 field pairs x 30 x 30 cells, common-core memories, N = 1000, q = 0.2, P = 6):
the largest Jacobian eigenvalue over the rescaled memories through the rank-(P+1) reduction,
lambda_max(S^1/2 G S^1/2 / N) with S = F^T D F, summed over the memories' distinct rows (np.unique) and batched
over all 21600 (cell, memory) pairs: one einsum for S, one batched eigh for S^1/2, one batched eigvalsh. Prints one
JSON object with the time (best of three) and the stable-cell count, to compare with engram's.
"""
import json
import time

import numpy as np


def common_core(n, q):
    p = int(np.floor(1 + 1 / q)); core = round(q * q * n); blocks = round(q * (1 - q) * n)
    xi = np.zeros((n, p))
    xi[:core, :] = 1
    for b in range(blocks):
        for mu in range(p):
            xi[core + b * p + mu, mu] = 1
    return xi


def activations(kind, rho, th):
    if kind == "logistic":
        k, c = 4 * rho, th + 1 / (2 * rho)
        phi = lambda y: 1 / (1 + np.exp(-k * (y - c)))
        dphi = lambda y: k * phi(y) * (1 - phi(y))
    else:
        phi = lambda y: np.where(y >= th, np.tanh(rho * np.maximum(y - th, 0)), 0.0)
        dphi = lambda y: np.where(y >= th, rho * (1 - np.tanh(rho * np.maximum(y - th, 0)) ** 2), 0.0)
    return phi, dphi


def grid(n=1000, q=0.2, size=30):
    xi = common_core(n, q)
    rows, counts = np.unique(xi, axis=0, return_counts=True)
    p = xi.shape[1]; m = p + 1
    f = np.hstack([rows - q, np.ones((rows.shape[0], 1))])                      # R x m (beta = q)
    rho, th = np.meshgrid(np.linspace(0.2, 5, size), np.linspace(0, 0.9, size), indexing="ij")
    rho, th = rho.ravel(), th.ravel()
    stable = 0
    for kind in ("logistic", "rectified-tanh"):
        for a, b in ((-0.3, 0.95), (0.1, 0.95)):
            phi, dphi = activations(kind, rho[:, None], th[:, None])
            pa, pb = phi(np.full((rho.size, 1), a))[:, 0], phi(np.full((rho.size, 1), b))[:, 0]
            alpha = (b - a) / (pb - pa)
            gamma = ((1 - q) * a + q * b) / ((1 - q) * pa + q * pb)
            g = np.repeat((alpha / (q * (1 - q)))[:, None], m, axis=1); g[:, p] = gamma      # C x m
            xbar = pa[:, None, None] + (pb - pa)[:, None, None] * rows.T[None, :, :]       # C x P(mu) x R
            ftx = np.einsum("r,rk,cur->cuk", counts, f, xbar)                               # C x P x m
            h = np.einsum("rk,cuk->cur", f, g[:, None, :] * ftx) / n                        # C x P x R
            d = dphi(h.reshape(rho.size, -1)).reshape(h.shape) * counts                      # C x P x R
            s = np.einsum("cur,ra,rb->cuab", d, f, f)                                       # C x P x m x m
            lam, v = np.linalg.eigh(s)
            root = (v * np.sqrt(np.maximum(lam, 0))[..., None, :]) @ np.swapaxes(v, -1, -2)
            k = root @ (g[:, None, :, None] * root) / n
            top = np.linalg.eigvalsh(k)[..., -1]
            ev = -1 + np.maximum(top, 0)
            stable += int((ev.max(axis=1) < 0).sum())
    return stable


def main():
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        stable = grid()
        best = min(best, time.perf_counter() - t)
    print(json.dumps({"engine": "numpy-reduced-batched", "cells": 3600, "stableCells": stable, "seconds": best}))


if __name__ == "__main__":
    main()
