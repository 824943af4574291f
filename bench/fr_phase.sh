#!/usr/bin/env bash
# Times `engram fr-phase` (theory.md's 30 x 30 grid, both activations, both signs of gamma, N = 1000, rank-(P+1)
# reduction over the memories' distinct rows) against two numpy peers: the same reduction batched over all
# (cell, memory) pairs (bench/fr_phase_reduced_peer.py, best of three), and the dense route (eigvalsh of an N x N
# matrix per cell and memory, extrapolated; bench/fr_phase_peer.py).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
java -jar target/engram.jar fr-phase --out bench/out/phase --json > bench/out/fr-phase.json
java -jar target/engram.jar bench --sizes 16 --p 1 --steps 1 --phase --json > bench/out/fr-phase-bench.json
python3 bench/fr_phase_reduced_peer.py > bench/out/fr-phase-numpy-reduced.json
python3 bench/fr_phase_peer.py > bench/out/fr-phase-numpy.json
python3 - <<'PY'
import json
e = json.load(open("bench/out/fr-phase.json")); d = json.load(open("bench/out/fr-phase-numpy.json"))
r = json.load(open("bench/out/fr-phase-numpy-reduced.json"))
warm = [x for x in json.load(open("bench/out/fr-phase-bench.json"))["results"] if x["workload"] == "fr-phase"][0]
w = warm["microsPerStep"] / 1e6
print(f"engram fr-phase, {e['cells']} cells x 6 memories: {e['seconds'] * 1e3:.0f} ms in the command (cold JVM), "
      f"{w * 1e3:.1f} ms warm (best of five)")
import csv
stable = sum(1 for row in csv.DictReader(open("bench/out/phase/phase.csv")) if row["stable"] == "true")
print(f"stable cells: engram {stable}, numpy {r['stableCells']}")
print(f"numpy, same reduction batched over all (cell, memory) pairs: {r['seconds'] * 1e3:.1f} ms (best of three); "
      f"ratio {r['seconds'] / w:.1f}x warm, {r['seconds'] / e['seconds']:.1f}x against the cold command")
print(f"numpy dense eigvalsh, N=1000: {d['secondsPerCellPerMemory']*1e3:.0f} ms per cell and memory, "
      f"{d['extrapolatedGridSeconds']/3600:.1f} h extrapolated for the grid; ratio {d['extrapolatedGridSeconds']/w:.0f}x")
PY
