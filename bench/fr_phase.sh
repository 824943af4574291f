#!/usr/bin/env bash
# Times `engram fr-phase` (theory.md's 30 x 30 grid, both activations, both signs of gamma, N = 1000, rank-(P+1)
# reduction) against the dense route in numpy (eigvalsh of an N x N matrix per cell and memory, extrapolated).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
java -jar target/engram.jar fr-phase --out bench/out/phase --json > bench/out/fr-phase.json
python3 bench/fr_phase_peer.py > bench/out/fr-phase-numpy.json
python3 - <<'PY'
import json
e = json.load(open("bench/out/fr-phase.json")); d = json.load(open("bench/out/fr-phase-numpy.json"))
print(f"engram fr-phase, {e['cells']} cells x 6 memories (reduced): {e['seconds']:.2f} s")
print(f"numpy dense eigvalsh, N=1000: {d['secondsPerCellPerMemory']*1e3:.0f} ms per cell and memory, "
      f"{d['extrapolatedGridSeconds']/3600:.1f} h extrapolated for the grid; ratio {d['extrapolatedGridSeconds']/e['seconds']:.0f}x")
PY
