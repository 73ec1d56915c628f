"""Optuna 3.1 side of the digits benchmark (issue 19); see DigitsSearchHarness.java and docs/benchmarks.md.

Optuna tunes the sample app's digits training through DigitsObjectiveServer (a Java process that trains one
configuration epoch by epoch and asks after each epoch whether to go on), so both sides evaluate the same Java
training. Same parameters, budget accounting and incumbent rule as the Java harness:
  learning rate (log 1e-4..1), optimiser (sgd, momentum, adam), minibatch size (integer, log 8..256), L2 (log 1e-6..0.1);
  R = 27 epochs per full evaluation, 30 R per run; a pruned trial costs the epochs it ran;
  incumbent = lowest validation error among trials that ran at the largest budget reached (here every trial that
  is not pruned runs the full R epochs, so the incumbent's error is its error after R epochs, as the Java side writes).
Methods: optuna-tpe-hyperband (TPESampler + HyperbandPruner(1, 27, 3), reports every epoch) and optuna-random
(RandomSampler, one full training per trial).

Run: /usr/bin/python3 bench/search/optuna_digits.py <java classpath> <seeds> <out.csv> [methods...]
"""
import math
import subprocess
import sys
import time

import optuna

R = 27
FULL_RUNS = 30
BUDGET = float(FULL_RUNS * R)


class Spent(Exception):
    pass


class Server:
    def __init__(self, classpath):
        self.proc = subprocess.Popen(["java", "-cp", classpath, "dev.ato.sample.training.DigitsObjectiveServer"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        line = self.proc.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError("objective server did not start: %r" % line)

    def train(self, x, epochs, on_epoch):
        """Trains x for up to `epochs`; on_epoch(k, error) returns True to go on. Returns the epochs run."""
        self.proc.stdin.write("train %r %s %d %r %d\n" % (x["lr"], x["optimiser"], x["minibatch_size"], x["l2"],
                                                           epochs))
        while True:
            parts = self.proc.stdout.readline().split()
            if not parts:
                raise RuntimeError("objective server ended")
            if parts[0] == "epoch":
                go = on_epoch(int(parts[1]), float(parts[2]))
                self.proc.stdin.write("go\n" if go else "stop\n")
            elif parts[0] == "done":
                return int(parts[1])
            else:
                raise RuntimeError("objective server: %s" % " ".join(parts))

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def run(server, method, seed):
    state = {"spent": 0.0, "inc_budget": None, "inc_value": math.inf}
    curve = []
    stepwise = method != "optuna-random"

    def objective(trial):
        if state["spent"] >= BUDGET:
            raise Spent()
        x = {"lr": trial.suggest_float("lr", 1e-4, 1, log=True),
             "optimiser": trial.suggest_categorical("optimiser", ["sgd", "momentum", "adam"]),
             "minibatch_size": trial.suggest_int("minibatch_size", 8, 256, log=True),
             "l2": trial.suggest_float("l2", 1e-6, 1e-1, log=True)}
        allowed = min(R, BUDGET - state["spent"])
        seen = {"value": math.nan, "pruned": False}

        def on_epoch(epoch, error):
            seen["value"] = error
            if stepwise:
                trial.report(error, epoch)
                if trial.should_prune():
                    seen["pruned"] = True
                    return False
            return epoch < allowed

        used = server.train(x, R, on_epoch)
        value = seen["value"]
        state["spent"] += used
        if used >= R and (state["inc_budget"] is None or value < state["inc_value"]):
            state.update(inc_budget=R, inc_value=value)
        curve.append((state["spent"], state["inc_value"] if state["inc_budget"] is not None else math.nan))
        if seen["pruned"]:
            raise optuna.TrialPruned()
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
    classpath, seeds, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    methods = sys.argv[4:] or ["optuna-tpe-hyperband", "optuna-random"]
    server = Server(classpath)
    try:
        with open(out_path, "w") as out:
            out.write("method,function,seed,spent,regret\n")
            for method in methods:
                started = time.time()
                for seed in range(seeds):
                    for spent, error in run(server, method, seed):
                        out.write("%s,digits,%d,%.1f,%.6g\n" % (method, seed, spent, error))
                    out.flush()
                print("%s: %.1f s (optuna %s)" % (method, time.time() - started, optuna.__version__),
                      file=sys.stderr)
    finally:
        server.close()


if __name__ == "__main__":
    main()
