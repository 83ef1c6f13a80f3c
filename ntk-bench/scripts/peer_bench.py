#!/usr/bin/env python3
"""Peer timings for docs/performance.md: the same work as ntk's benchmarks, in NumPy/SciPy.

Used only by peer-ratios.sh to put ntk's numbers next to NumPy's on the same machine in the same run;
never by the build or the tests.

    peer_bench.py points N D SEED OUT.npy      write N points of N(0, I_D) (float64, C order)
    peer_bench.py gram X.npy REPS              time the vectorised arccos1 Gram formula on X
    peer_bench.py eigh N REPS                  time numpy/scipy eigh (vectors) and eigvalsh on an N×N arccos1 Gram
    peer_bench.py dgemm N REPS                 DGEMM GFLOP/s (NumPy's OpenBLAS) and n² write bandwidth
    peer_bench.py whole X.npy OUT.npy          the whole-process job: load, arccos1 Gram, np.save (time it from outside)
    peer_bench.py race JAR X.npy DIR REPS      time `java -jar JAR gram` against `peer_bench.py whole`, alternating
    peer_bench.py ratios DIR                   read DIR's results, print the table of ratios, write DIR/ratios.json

Timings are printed as one JSON object per line: {"task", "best_s", "median_s", "reps", ...}.
"""
import json
import statistics
import sys
import time

import numpy as np


def arccos1_gram(x):
    """k(x, y) = |x||y| (sin θ + (π − θ) cos θ) / (2π) for every pair: matmul, then elementwise maps."""
    g = x @ x.T                                   # NumPy uses syrk for X·Xᵀ
    norms = np.sqrt(np.diag(g))
    outer = np.outer(norms, norms)
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.clip(g / outer, -1.0, 1.0)
    c[outer == 0] = 0.0
    theta = np.arccos(c)
    return outer * (np.sqrt(1.0 - c * c) + (np.pi - theta) * c) / (2.0 * np.pi)


def timed(fn, reps):
    times = []
    result = None
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def report(task, times, **extra):
    row = {"task": task, "best_s": min(times), "median_s": statistics.median(times), "reps": len(times)}
    row.update(extra)
    print(json.dumps(row), flush=True)


def jmh_scores(path):
    """{(benchmark, params...): {mean, error, best, median} in ms} from a JMH JSON result file."""
    scores = {}
    try:
        with open(path) as f:
            for r in json.load(f):
                m = r["primaryMetric"]
                scale = {"ms/op": 1.0, "s/op": 1000.0, "us/op": 0.001}[m["scoreUnit"]]
                parts = r["benchmark"].split(".")
                key = (parts[-2] + "." + parts[-1],) + tuple(sorted(r.get("params", {}).items()))
                pct = m.get("scorePercentiles", {})
                scores[key] = {"mean": m["score"] * scale, "error": m["scoreError"] * scale,
                               "best": pct.get("0.0", m["score"]) * scale, "median": pct.get("50.0", m["score"]) * scale}
    except FileNotFoundError:
        pass
    return scores


def jsonl(path):
    rows = {}
    try:
        with open(path) as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    rows[r["task"]] = r
    except FileNotFoundError:
        pass
    return rows


def ratios(d):
    jmh = {}
    for name in ("jmh-gram.json", "jmh-eigen.json"):
        jmh.update(jmh_scores(d + "/" + name))
    peer = {}
    for name in ("numpy-gram.jsonl", "numpy-eigh.jsonl", "numpy-dgemm.jsonl", "race.jsonl", "probes.jsonl"):
        peer.update(jsonl(d + "/" + name))

    def find(scores, bench, **params):
        for key, value in scores.items():
            if key[0] == bench and all((k, str(v)) in key[1:] for k, v in params.items()):
                return value
        return None

    rows = []

    def row(target, ntk, other, other_name, goal):
        if ntk is None or other is None:
            rows.append({"target": target, "missing": True})
            return
        r = {"target": target, "peer": other_name, "goal": goal,
             "ntk_median_ms": ntk["median"], "ntk_best_ms": ntk["best"], "ntk_mean_ms": ntk.get("mean"),
             "ntk_error_ms": ntk.get("error"), "peer_median_ms": other["median"], "peer_best_ms": other["best"]}
        r["speedup_median"] = other["median"] / ntk["median"]
        r["speedup_best"] = other["best"] / ntk["best"]
        r["met_median"] = r["speedup_median"] >= goal
        rows.append(r)

    def peer_ms(task):
        p = peer.get(task)
        return None if p is None else {"median": p["median_s"] * 1000.0, "best": p["best_s"] * 1000.0}

    row("arccos1 Gram n=4096 d=64 vs NumPy matmul+arccos",
        find(jmh, "GramBenchmark.gram", kernel="arccos1", n=4096, d=64, backend="automatic"),
        peer_ms("gram_arccos1"), "numpy", 5.0)
    e = find(jmh, "EigenSolverBenchmark.decompose", n=2048, solver="spectra")
    row("decompose n=2048 vectors vs ND4J Eigen", e,
        find(jmh, "EigenSolverBenchmark.decompose", n=2048, solver="nd4j"), "ND4J Eigen (JMH)", 3.0)
    row("decompose n=2048 vectors vs SciPy eigh", e, peer_ms("scipy_eigh_vectors"), "scipy.linalg.eigh", 1 / 1.2)
    w = peer.get("whole_ntk")
    row("whole process gram n=4096 d=64 vs NumPy script",
        None if w is None else {"median": w["median_s"] * 1000.0, "best": w["best_s"] * 1000.0},
        peer_ms("whole_numpy"), "python+numpy process", 1.5)
    print("%-50s %21s %21s %17s  %s" % ("target (ntk vs peer)", "ntk median/best ms", "peer median/best ms",
                                         "speed-up med/best", "goal"))
    for r in rows:
        if r.get("missing"):
            print("%-50s  (no data)" % r["target"])
        else:
            print("%-50s %10.1f/%-10.1f %10.1f/%-10.1f %8.2f/%-8.2f  >= %.2f %s" % (
                r["target"], r["ntk_median_ms"], r["ntk_best_ms"], r["peer_median_ms"], r["peer_best_ms"],
                r["speedup_median"], r["speedup_best"], r["goal"], "met" if r["met_median"] else "NOT met"))
    with open(d + "/ratios.json", "w") as f:
        json.dump(rows, f, indent=2)


def main(argv):
    cmd = argv[1]
    if cmd == "points":
        n, d, seed, out = int(argv[2]), int(argv[3]), int(argv[4]), argv[5]
        np.save(out, np.random.default_rng(seed).standard_normal((n, d)))
    elif cmd == "gram":
        x = np.load(argv[2])
        reps = int(argv[3])
        fn = lambda: arccos1_gram(x)
        fn()  # warm-up: first-touch of NumPy's temporaries
        times, _ = timed(fn, reps)
        report("gram_arccos1", times, n=x.shape[0], d=x.shape[1])
    elif cmd == "eigh":
        import scipy
        import scipy.linalg
        n, reps = int(argv[2]), int(argv[3])
        x = np.random.default_rng(1).standard_normal((n, 64))
        k = arccos1_gram(x)
        for name, fn in [
            ("numpy_eigh_vectors", lambda: np.linalg.eigh(k)),
            ("scipy_eigh_vectors", lambda: scipy.linalg.eigh(k, check_finite=False)),
            ("scipy_eigh_evd_vectors", lambda: scipy.linalg.eigh(k, check_finite=False, driver="evd")),
            ("numpy_eigvalsh", lambda: np.linalg.eigvalsh(k)),
            ("scipy_eigvalsh", lambda: scipy.linalg.eigh(k, eigvals_only=True, check_finite=False)),
        ]:
            times, _ = timed(fn, reps)
            report(name, times, n=n, numpy=np.__version__, scipy=scipy.__version__)
    elif cmd == "dgemm":
        n, reps = int(argv[2]), int(argv[3])
        rng = np.random.default_rng(2)
        a = rng.standard_normal((n, n))
        b = rng.standard_normal((n, n))
        a @ b
        times, _ = timed(lambda: a @ b, reps)
        report("dgemm", times, n=n, gflops=2.0 * n ** 3 / min(times) / 1e9)
        m = 4096
        buf = np.empty((m, m))
        buf.fill(1.0)
        times, _ = timed(lambda: buf.fill(2.0), reps)
        report("write_n2_doubles", times, n=m, gbytes_per_s=8.0 * m * m / min(times) / 1e9)
    elif cmd == "whole":
        x = np.load(argv[2])
        np.save(argv[3], arccos1_gram(x))
    elif cmd == "race":
        import subprocess
        jar, xfile, out, reps = argv[2], argv[3], argv[4], int(argv[5])
        runs = {
            "whole_ntk": ["java", "-jar", jar, "gram", "--kernel", "arccos1", "--points", xfile,
                          "--out", out + "/K_ntk.npy"],
            "whole_numpy": [sys.executable, __file__, "whole", xfile, out + "/K_numpy.npy"],
        }
        times = {k: [] for k in runs}
        for _ in range(reps):
            for name, command in runs.items():
                t0 = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - t0)
        for name in runs:
            report(name, times[name], command=" ".join(runs[name]))
        a = np.load(out + "/K_ntk.npy")
        b = np.load(out + "/K_numpy.npy")
        print(json.dumps({"task": "whole_agreement", "max_abs_diff_over_max": float(np.max(np.abs(a - b)) / np.max(np.abs(b)))}))
    elif cmd == "ratios":
        ratios(argv[2])
    else:
        raise SystemExit("unknown command " + cmd + "\n" + __doc__)


if __name__ == "__main__":
    main(sys.argv)
