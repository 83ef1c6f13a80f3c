#!/usr/bin/env bash
# Side-by-side peer timings for docs/performance.md: ntk (JMH and the CLI) and NumPy/SciPy on this
# machine, in the same run, then the ratios.
#
#   mvn -B -pl ntk-bench -am package -DskipTests      # builds ntk-bench/target/ntk.jar
#   ntk-bench/scripts/peer-ratios.sh [OUT_DIR]         # default ntk-bench/target/peer
#
# Needs python3 with NumPy and SciPy (only here: never in the build or the tests). Takes about
# 10 minutes on a 2-core machine. Results: OUT_DIR/*.json[l], OUT_DIR/ratios.json, the table on stdout.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/ntk-bench/target/ntk.jar"
OUT=${1:-"$ROOT/ntk-bench/target/peer"}
PEER="$ROOT/ntk-bench/scripts/peer_bench.py"
if [ ! -f "$JAR" ]; then
  echo "peer-ratios: $JAR not found; build it with: mvn -B -pl ntk-bench -am package -DskipTests" >&2
  exit 2
fi
if ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "peer-ratios: python3 with numpy and scipy is required for the peer timings" >&2
  exit 2
fi
mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
  echo "java: $(java -version 2>&1 | head -1)"
  python3 -c 'import numpy, scipy, sys; print("python:", sys.version.split()[0], "numpy:", numpy.__version__, "scipy:", scipy.__version__)'
  echo "load before: $(uptime)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

X="$OUT/X_4096x64.npy"
python3 "$PEER" points 4096 64 1 "$X"

echo "== roofline probes (ND4J's OpenBLAS DGEMM, write bandwidth)"
java -Xmx4g -cp "$JAR" "$ROOT/ntk-bench/scripts/Probes.java" roofline | tee "$OUT/probes.jsonl"
python3 "$PEER" dgemm 2048 5 | tee "$OUT/numpy-dgemm.jsonl"

echo "== Gram: JMH (ntk) and NumPy"
# sample mode: JMH reports the distribution (best and median) as the peer script does
java -jar "$JAR" bench GramBenchmark -p kernel=arccos1 -p n=4096 -p d=64 -p backend=automatic,java,openblas \
  -bm sample -wi 3 -i 8 -rf json -rff "$OUT/jmh-gram.json" | grep -E '^Benchmark|gram( |:p0.00|:p0.50)'
python3 "$PEER" gram "$X" 15 | tee "$OUT/numpy-gram.jsonl"

echo "== eigendecomposition n = 2048: JMH (ntk, ND4J Eigen) and NumPy/SciPy"
java -jar "$JAR" bench 'EigenSolverBenchmark.decompose' -p n=2048 -bm sample -wi 1 -i 5 \
  -rf json -rff "$OUT/jmh-eigen.json" | grep -E '^Benchmark|decompose( |:p0.00|:p0.50)'
# (not with OPENBLAS_CORETYPE=SkylakeX: OpenBLAS 0.3.19's AVX-512 kernels return wrong eigenvectors
# from dsyevd on this CPU, which Decomposition.of rejects; docs/performance.md)
python3 "$PEER" eigh 2048 5 | tee "$OUT/numpy-eigh.jsonl"

echo "== whole process: ntk gram vs NumPy script on $X"
python3 "$PEER" race "$JAR" "$X" "$OUT" 7 | tee "$OUT/race.jsonl"

echo "load after: $(uptime)" | tee -a "$OUT/machine.txt"
echo "== ratios (peer time / ntk time, of the medians and of the best runs; goals from the issue)"
python3 "$PEER" ratios "$OUT"
