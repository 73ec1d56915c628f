"""Optuna 3.1 baseline of the search-quality harness (issue 19); see SearchQualityHarness.java and docs/benchmarks.md.

Same functions, noise model, budget accounting and incumbent rule as the Java harness:
  y(x, b) = f(x) + sigma0 * e / sqrt(b),  e ~ N(0, 1) drawn afresh per evaluation,
  R = 27 steps per full evaluation, 100 R per run; a pruned trial costs the steps it ran;
  incumbent = best observed value among trials that ran at the largest budget reached; regret = f(x) - f*.
Methods: optuna-tpe-hyperband (TPESampler + HyperbandPruner(1, 27, 3), reports every step) and optuna-random
(RandomSampler, one evaluation at R per trial).

Run: /usr/bin/python3 bench/search/optuna_baseline.py <seeds> <out.csv>
"""
import math
import sys
import time

import numpy as np
import optuna

R = 27
BUDGET = 100.0 * R


def branin(x):
    x1, x2 = x["x1"], x["x2"]
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(A[i][j] * (x["x%d" % (j + 1)] - P[i][j]) ** 2 for j in range(6))
        total += ALPHA[i] * math.exp(-inner)
    return -total


FUNCTIONS = {
    "branin": (branin, 5.0, 0.397887357729738, {"x1": (-5, 10), "x2": (0, 15)}),
    "hartmann6": (hartmann6, 0.5, -3.32236801141551, {"x%d" % j: (0, 1) for j in range(1, 7)}),
}


class Spent(Exception):
    pass


def run(method, name, seed):
    f, sigma0, optimum, bounds = FUNCTIONS[name]
    noise = np.random.default_rng(seed * 7919 + list(FUNCTIONS).index(name))
    state = {"spent": 0.0, "inc_budget": None, "inc_value": math.inf, "inc_regret": math.nan}
    curve = []

    def observe(x, b):
        return f(x) + sigma0 * noise.standard_normal() / math.sqrt(b)

    def record(x, budget, value, used):
        state["spent"] += used
        if used >= budget and (state["inc_budget"] is None or budget > state["inc_budget"]
                               or (budget == state["inc_budget"] and value < state["inc_value"])):
            state.update(inc_budget=budget, inc_value=value, inc_regret=f(x) - optimum)
        curve.append((state["spent"], state["inc_regret"]))

    def objective(trial):
        if state["spent"] >= BUDGET:
            raise Spent()
        x = {k: trial.suggest_float(k, lo, hi) for k, (lo, hi) in bounds.items()}
        if method == "optuna-random":
            used = min(R, BUDGET - state["spent"])
            value = observe(x, R)
            record(x, R, value, used)
            return value
        value = math.nan
        step = 0
        while step < R and state["spent"] + step < BUDGET:
            step += 1
            value = observe(x, step)
            trial.report(value, step)
            if trial.should_prune():
                record(x, R, value, step)
                raise optuna.TrialPruned()
        record(x, R, value, step)
        return value

    if method == "optuna-random":
        study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed))
    else:
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed),
                                    pruner=optuna.pruners.HyperbandPruner(min_resource=1, max_resource=R,
                                                                          reduction_factor=3))
    try:
        study.optimize(objective, n_trials=100000, catch=())
    except Spent:
        pass
    return curve


def main():
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    seeds = int(sys.argv[1])
    methods = sys.argv[3:] or ["optuna-tpe-hyperband", "optuna-random"]
    with open(sys.argv[2], "w") as out:
        out.write("method,function,seed,spent,regret\n")
        for method in methods:
            started = time.time()
            for name in FUNCTIONS:
                for seed in range(seeds):
                    for spent, regret in run(method, name, seed):
                        out.write("%s,%s,%d,%.1f,%.6g\n" % (method, name, seed, spent, regret))
            print("%s: %.1f s (optuna %s)" % (method, time.time() - started, optuna.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
