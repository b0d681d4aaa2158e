"""Shared by the Python tests: where the repository and the CLI are, and the sample data."""
import atexit
import functools
import os
import shutil
import subprocess
import tempfile

import pandas as pd

SOURCE = os.environ.get("XUNCHA_SOURCE_DIR",
                        os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
CLI = os.environ.get("XUNCHA_CLI", "xuncha")
NATIONAL_2024 = os.path.join(SOURCE, "rulesets", "national", "2024.xr")
NATIONAL_2023 = os.path.join(SOURCE, "rulesets", "national", "2023.xr")
POPULATION = os.path.join(SOURCE, "examples", "population.csv")
SKETCH = os.path.join(SOURCE, "rulesets", "examples", "sketch.xr")

# How to read a population CSV so that pandas holds what `xuncha run` reads: numbers parsed
# exactly, and only empty cells missing ("NA" is a region name as much as any other text).
READ_CSV = dict(float_precision="round_trip", keep_default_na=False, na_values=[""])

# Every file a test writes goes under one folder, removed when the test process ends.
SCRATCH = tempfile.mkdtemp(prefix="xuncha-py-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


@functools.lru_cache(maxsize=None)
def population_subset(rows: int) -> str:
    """The first `rows` records of examples/population.csv as a file of their own."""
    path = os.path.join(SCRATCH, f"population-{rows}.csv")
    with open(POPULATION, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i > rows:
                break
            out.write(line)
    return path


def read_population(path: str) -> pd.DataFrame:
    return pd.read_csv(path, **READ_CSV)


def cli_run(ruleset: str, data: str, *args: str) -> tuple[str, str]:
    """`xuncha run` over `data`: (results CSV text, report JSON text)."""
    folder = tempfile.mkdtemp(dir=SCRATCH)
    out = os.path.join(folder, "results.csv")
    report = os.path.join(folder, "report.json")
    subprocess.run([CLI, "run", ruleset, "--data", data, "--out", out, "--report", report,
                    "--engine", "interp", *args], check=True, capture_output=True)
    with open(out, encoding="utf-8", newline="") as f, open(report, encoding="utf-8") as g:
        return f.read(), g.read()
