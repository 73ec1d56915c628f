"""Turns the search-quality CSVs (SearchQualityHarness, optuna_baseline.py) into the tables and the plot of
docs/benchmarks.md: median (and quartiles) over seeds of the incumbent's regret at budgets of 5..100 full
evaluations, and docs/images/search-quality.png (median regret against budget, one panel per function; gnuplot).

Run: /usr/bin/python3 bench/search/report.py ato.csv optuna.csv > table.md
The digits benchmark (bench/search/digits.sh) uses the same script for its validation error:
     /usr/bin/python3 bench/search/report.py --name search-digits --quantity "validation error" \
         --checkpoints 3,5,10,15,20,30 ato.csv optuna.csv
"""
import collections
import csv
import math
import os
import subprocess
import sys

R = 27
CHECKPOINTS = [5, 10, 20, 30, 50, 75, 100]  # in full evaluations (R steps each)
GRID = [x / 2 for x in range(2, 201)]       # plot resolution, in full evaluations
ANCHOR = "optuna-tpe-hyperband"
STYLE = {  # width, colour, dash type
    "optuna-tpe-hyperband": (3.5, "#000000", 1), "optuna-random": (2, "#777777", 2),
    "ato-tpe-asha": (3.5, "#d62728", 1), "ato-mtpe-asha": (2, "#ff7f0e", 1), "ato-bohb": (3, "#1f77b4", 1),
    "ato-hyperband": (1.5, "#7fb8e6", 1), "ato-tpe": (1.5, "#2ca02c", 1), "ato-tpe-median": (1.5, "#17613a", 2),
    "ato-random": (1.5, "#8c564b", 1), "ato-grid-sh": (1.5, "#bcbd22", 1)}


def curves(paths):
    runs = collections.defaultdict(list)
    for path in paths:
        with open(path) as f:
            for row in csv.DictReader(f):
                runs[(row["function"], row["method"], int(row["seed"]))].append(
                    (float(row["spent"]), float(row["regret"])))
    return runs


def at(points, budget):
    value = math.inf
    for spent, regret in points:
        if spent <= budget * R + 1e-9:
            value = regret if not math.isnan(regret) else math.inf
    return value


def quantile(values, q):
    s = sorted(values)
    pos = (len(s) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    if math.isinf(s[lo]) or math.isinf(s[hi]):
        return s[hi] if q >= 0.5 else s[lo]
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def fmt(x):
    return "–" if math.isinf(x) else ("%.3f" % x if x < 10 else "%.1f" % x)


def options(args):
    """--name (image and data file prefix), --quantity (what the column holds), --checkpoints (in R), --yrange
    (gnuplot's, e.g. 0.02:0.15); then CSVs."""
    opts = {"name": "search-quality", "quantity": "regret", "checkpoints": CHECKPOINTS, "yrange": None}
    while args and args[0].startswith("--"):
        key, value, args = args[0][2:], args[1], args[2:]
        opts[key] = [int(c) for c in value.split(",")] if key == "checkpoints" else value
    return opts, args


def main():
    opts, paths = options(sys.argv[1:])
    checkpoints, name, quantity = opts["checkpoints"], opts["name"], opts["quantity"]
    runs = curves(paths)
    functions = sorted({k[0] for k in runs})
    methods = sorted({k[1] for k in runs}, key=lambda m: (not m.startswith("optuna"), m))
    seeds = {(f, m): sorted(s for (ff, mm, s) in runs if ff == f and mm == m) for f in functions for m in methods}
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "images")
    for f in functions:
        print("\n**%s** — median %s of the incumbent (quartiles) after a budget of B full evaluations, %d seeds\n"
              % (f, quantity, len(seeds[(f, methods[0])])))
        print("| method | " + " | ".join("B = %d" % c for c in checkpoints) + " |")
        print("| --- | " + " | ".join("---:" for _ in checkpoints) + " |")
        medians = {}
        for m in methods:
            cells = []
            for c in checkpoints:
                values = [at(runs[(f, m, s)], c) for s in seeds[(f, m)]]
                med = quantile(values, 0.5)
                medians[(m, c)] = med
                cells.append("%s (%s–%s)" % (fmt(med), fmt(quantile(values, 0.25)), fmt(quantile(values, 0.75))))
            print("| %s | %s |" % (m, " | ".join(cells)))
        if ANCHOR in methods:
            for m in methods:
                if m.startswith("ato"):
                    wins = sum(1 for c in checkpoints if medians[(m, c)] <= medians[(ANCHOR, c)])
                    print("\n%s: median at least as good as %s at %d of %d budgets" % (m, ANCHOR, wins,
                                                                                        len(checkpoints)),
                          file=sys.stderr)
        data = os.path.join(out_dir, "%s-%s.dat" % (name, f))
        with open(data, "w") as d:
            d.write("# budget " + " ".join(methods) + "\n")
            for b in [g for g in GRID if g <= max(checkpoints)]:
                row = []
                for m in methods:
                    med = quantile([at(runs[(f, m, s)], b) for s in seeds[(f, m)]], 0.5)
                    row.append("nan" if math.isinf(med) else "%.6g" % max(med, 1e-4))
                d.write("%g %s\n" % (b, " ".join(row)))
    plot = ["set terminal pngcairo size %d,520 font 'DejaVu Sans,10'" % (600 * len(functions) if len(functions) > 1 else 800),
            "set output '%s'" % os.path.join(out_dir, name + ".png"),
            "set multiplot layout 1,%d" % len(functions), "set logscale y", "set grid",
            "set xlabel 'budget spent (full evaluations of R = 27 steps or epochs)'",
            "set ylabel 'median %s of the incumbent'" % quantity,
            "set yrange [%s]" % opts["yrange"] if opts["yrange"] else "set autoscale y", "set key top right font ',8'"]
    for f in functions:
        data = os.path.join(out_dir, "%s-%s.dat" % (name, f))
        series = []
        for i, m in enumerate(methods):
            width, color, dash = STYLE.get(m, (1.5, "#888888", 1))
            series.append("'%s' using 1:%d with lines lw %g lc rgb '%s' dt %d title '%s'"
                          % (data, i + 2, width, color, dash, m))
        plot.append("set title '%s'" % f)
        plot.append("plot " + ", ".join(series))
    plot.append("unset multiplot")
    subprocess.run(["gnuplot"], input="\n".join(plot), text=True, check=True)


if __name__ == "__main__":
    main()
