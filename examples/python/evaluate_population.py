#!/usr/bin/python3
"""Evaluates the national rule set over the sample population in one Python process.

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/evaluate_population.py \
        [RULESET] [DATA] [--out results.csv] [--report report.json]

Writes the same results CSV and report JSON as
    xuncha run RULESET --data DATA --out results.csv --report report.json
and prints the report tables.
"""
import argparse
import os
import sys

import pandas as pd

import xuncha

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ruleset", nargs="?",
                        default=os.path.join(ROOT, "rulesets", "national", "2024.xr"))
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "examples", "population.csv"))
    parser.add_argument("--out", help="write the results here (CSV, as `xuncha run`)")
    parser.add_argument("--report", help="write the report figures here (JSON)")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--engine", default="auto", choices=["auto", "interp", "jit"])
    args = parser.parse_args()

    try:
        rules = xuncha.load(args.ruleset)
    except xuncha.RuleSetError as e:
        print(e, file=sys.stderr)
        return 1
    params = dict(p.split("=", 1) for p in args.param)

    # Numbers parsed exactly and only empty cells missing: what `xuncha run` reads.
    data = pd.read_csv(args.data, float_precision="round_trip", keep_default_na=False,
                       na_values=[""])
    results, report = rules.run(data, params=params, engine=args.engine)

    errors = int((results["status"] == "error").sum())
    print(f"{rules.name} version {rules.version}: {len(results)} records, {errors} with errors")
    print(results["tier"].value_counts().to_string())
    print()
    print(report.text())
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            f.write(rules.to_csv(results))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(report.json())
    return 0


if __name__ == "__main__":
    sys.exit(main())
