#!/usr/bin/python3
"""Evaluates the national rule set over the sample population on a local Dask cluster (2 worker
processes), and checks the figures against a single-process run.

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/dask_population.py \
        [RULESET] [DATA] [--workers 2] [--scheduler tcp://host:8786] [--out results.csv]

On a real cluster, give --scheduler, and make the rule set files and the `xuncha` package
available at the same paths on every worker.
"""
import argparse
import os
import sys
import time

import dask.dataframe as dd
from dask.distributed import Client, LocalCluster

import xuncha
import xuncha.dask

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ruleset", nargs="?",
                        default=os.path.join(ROOT, "rulesets", "national", "2024.xr"))
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "examples", "population.csv"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--out", help="write the results here (CSV, as `xuncha run`)")
    parser.add_argument("--report", help="write the report figures here (JSON)")
    args = parser.parse_args()

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        # Every column as text: each cell is then read by the engine's own parser, exactly as
        # `xuncha run` reads the file, whatever types pandas would guess partition by partition.
        data = dd.read_csv(args.data, dtype=str, keep_default_na=False, na_values=[""],
                           blocksize="256kB")
        print(f"{data.npartitions} partitions on {len(client.scheduler_info()['workers'])} workers")
        started = time.time()
        results = xuncha.dask.evaluate(args.ruleset, data)
        report = xuncha.dask.report(args.ruleset, data)
        frame = results.compute()
        print(f"{len(frame)} records evaluated in {time.time() - started:.2f} s")
        print(report.text())

        rules = xuncha.load(args.ruleset)
        single = rules.report(data.compute())
        print("same figures as one process:", report.json() == single.json())
        if args.out:
            with open(args.out, "w", encoding="utf-8", newline="") as f:
                f.write(rules.to_csv(frame))
        if args.report:
            with open(args.report, "w", encoding="utf-8") as f:
                f.write(report.json())
        return 0 if report.json() == single.json() else 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
