#!/usr/bin/env bash
# Runs the same workloads in Engram and in the numpy peers, in one session, and prints microseconds per step, the
# achieved memory bandwidth or arithmetic rate, and the ratio numpy / Engram (above 1: Engram is faster). Engram runs
# twice: as the README runs it (java -jar: SIMD kernels, both cores) and with plain Java kernels
# (-Dengram.simd=false); numpy runs twice: OpenBLAS on one thread (per-core comparison) and with its default threads
# (both cores here). Needs target/engram.jar and python3 with numpy. bench/fr_phase.sh times fr-phase.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1024,2000}
mkdir -p bench/out
java -Dengram.simd=false -jar target/engram.jar bench --sizes "$sizes" --sweep --capacity --ensemble --json \
  > bench/out/engram-scalar.json
java -jar target/engram.jar bench --sizes "$sizes" --sweep --capacity --ensemble --json > bench/out/engram-simd.json
OPENBLAS_NUM_THREADS=1 python3 bench/peer.py "$sizes" > bench/out/numpy-1thread.json
python3 bench/peer.py "$sizes" > bench/out/numpy-default.json
python3 bench/capacity_peer.py > bench/out/numpy-capacity.json
python3 - <<'PY'
import json
load = lambda f: {(r["workload"], r["couplings"], r["n"]): r["microsPerStep"] for r in json.load(open(f"bench/out/{f}.json"))["results"]}
es, ev, n1, nd = (load(f) for f in ("engram-scalar", "engram-simd", "numpy-1thread", "numpy-default"))
p = json.load(open("bench/out/engram-simd.json"))["p"]

def rate(k, micros):
    w, kind, n = k
    if kind == "dense" and w in ("rhs", "em"):
        return f"{8 * n * n / micros / 1e3:6.1f} GB/s"
    if kind == "dense":
        return f"{2 * n * n / micros / 1e3:6.1f} GF/s"
    return f"{4 * n * p / micros / 1e3:6.1f} GF/s"

print("microseconds per step (ens-em: per trajectory-step, K = 64 stepped together); engram = java -jar as the README")
print("runs it; rate = engram's achieved bandwidth (dense W streamed) or arithmetic rate; ratio = numpy / engram")
print(f"{'workload':8} {'W':8} {'N':>5} {'engram':>8} {'engram':>8} {'rate':>12} {'numpy':>8} {'numpy':>8} {'ratio vs':>9} {'ratio vs':>9}")
print(f"{'':8} {'':8} {'':>5} {'scalar':>8} {'':>8} {'':>12} {'1 thr':>8} {'default':>8} {'1 thr':>9} {'default':>9}")
for k in es:
    if k[0] not in ("idp-em", "sign-sweep", "sign-sweep-2x", "sign-trial"):
        print(f"{k[0]:8} {k[1]:8} {k[2]:>5} {es[k]:>8.1f} {ev[k]:>8.1f} {rate(k, ev[k]):>12} {n1[k]:>8.1f} {nd[k]:>8.1f} "
              f"{n1[k]/ev[k]:>9.2f} {nd[k]/ev[k]:>9.2f}")
print()
print("IDP Euler-Maruyama step (N, P = 10, one mixed input, sigma = 8): Engram low rank against three numpy steps;")
print("ratio = numpy default / engram-simd")
for k in es:
    if k[0] == "idp-em":
        n = k[2]
        for kind in ("dense-once", "lowrank", "dense-rebuilt"):
            nk = ("idp-em", kind, n)
            print(f"N={n:>5}  engram scalar {es[k]:7.1f}  simd {ev[k]:7.1f}  |  numpy {kind:13} 1 thr {n1[nk]:9.1f}"
                  f"  default {nd[nk]:9.1f}  ratio {nd[nk]/ev[k]:8.1f}")
for name, f in (("scalar", "engram-scalar"), ("simd", "engram-simd")):
    s = json.load(open(f"bench/out/{f}.json")).get("idpSweepSeconds")
    if s is not None:
        print(f"IDP noise sweep (6 sigmas x 2 models x 100 trials x 3 inputs x 1000 steps, N = 1024), engram {name}: {s:.1f} s")
print()
print("Asynchronous sweep of sign neurons, N = 20000, P = 2800 (alpha = 0.14), from a random state, milliseconds;")
print("ratio = best numpy sweep / engram")
cap = {r["couplings"]: r["microsPerStep"] for r in json.load(open("bench/out/numpy-capacity.json"))["results"]}
bestnp = min(cap.values())
print("numpy: " + ", ".join(f"{k} {v / 1000:.1f}" for k, v in cap.items()))
for w, what in (("sign-sweep", "one network, one thread"), ("sign-sweep-2x", "two networks on two threads, per sweep")):
    k = (w, "overlaps", 20000)
    print(f"engram {what:40}: scalar {es[k] / 1000:6.1f}  simd {ev[k] / 1000:6.1f}  ratio {bestnp / ev[k]:5.1f}")
k = ("sign-trial", "overlaps", 20000)
print(f"engram whole trial at alpha = 0.14 (memories drawn, run from memory 0 to its fixed point): scalar "
      f"{es[k] / 1000:.0f} ms, simd {ev[k] / 1000:.0f} ms")
PY
# proofs against the floating-point check of the same network (no numpy peer: numpy has no interval arithmetic)
java -jar target/engram.jar bench --sizes 2000 --steps 10 --certify --json > bench/out/engram-certify.json
python3 - <<'PY'
import json
rows = {(r["workload"], r["couplings"]): r for r in json.load(open("bench/out/engram-certify.json"))["results"]}
print()
print("engram certify against the floating-point check of the same network, seconds (ratio = certify / check)")
for kind, check, what in (("dense", "check", "dense Hebbian N = 2000, P = 20, tanh gain 4; check = engram check"),
                          ("lowrank", "idp-check", "low-rank IDP N = 20000, P = 20; check = closed forms, Newton, eigenvalues")):
    c, s = rows[("certify", kind)]["microsPerStep"] / 1e6, rows[(check, kind)]["microsPerStep"] / 1e6
    print(f"{what}: certify {c:6.2f}  check {s:6.2f}  ratio {c / s:5.2f}")
PY
# one workload timed by Engram's bench flag against its numpy peer on one thread and with default threads
# (paired WORKLOAD FLAG PEER TITLE...): prints Engram, numpy and the ratio numpy default / Engram
paired() {
  local workload=$1 flag=$2 peer=$3
  shift 3
  java -jar target/engram.jar bench --sizes 64 --steps 10 --p 2 "$flag" --json > "bench/out/engram-$workload.json"
  OPENBLAS_NUM_THREADS=1 python3 "$peer" > "bench/out/numpy-$workload-1thread.json"
  python3 "$peer" > "bench/out/numpy-$workload-default.json"
  python3 - "$workload" "$@" <<'PY'
import json, sys
w, title = sys.argv[1], sys.argv[2:]
pick = lambda f: [r for r in json.load(open(f"bench/out/{f}.json"))["results"] if r["workload"] == w][0]["microsPerStep"]
e, n1, nd = pick(f"engram-{w}"), pick(f"numpy-{w}-1thread"), pick(f"numpy-{w}-default")
print()
print("\n".join(title))
print(f"engram {e:7.1f}  numpy 1 thr {n1:7.1f}  default {nd:7.1f}  ratio (numpy default / engram) {nd / e:5.2f}")
PY
}
# pseudo-arclength continuation: the same algorithm in Engram and numpy (bench/continue_peer.py)
paired continue --continue bench/continue_peer.py \
  "pseudo-arclength continuation, low-rank IDP N = 1024, P = 10, one branch of 200 points, microseconds per point"
# engram basins' integration: the same batched RK4 in Engram and numpy (bench/basins_peer.py)
paired basins --basins bench/basins_peer.py \
  "basins: 512 states of the low-rank IDP network (N = 1000, P = 10), RK4 in chunks of 2 tau to 20 tau, converged" \
  "states leaving after each chunk, microseconds per trajectory-step"
