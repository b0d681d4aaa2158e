"""Xuncha, the inspection rule engine, for Python.

    import xuncha, pandas as pd
    rules = xuncha.load("rulesets/national/2024.xr")       # xuncha.RuleSetError on errors
    data = pd.read_csv("examples/population.csv", float_precision="round_trip",
                       keep_default_na=False, na_values=[""])
    results = rules.evaluate(data, params={"inspection_date": "2024-06-28"})
    report = rules.report(data)                            # the figures of `xuncha run --report`
    print(report.text())

`xuncha.dask` evaluates Dask DataFrames partition by partition on a cluster. See docs/python.md.
"""
from __future__ import annotations

import datetime as _dt
import difflib as _difflib
import os as _os
import json as _json
import warnings as _warnings
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Sequence

import numpy as _np
import pandas as _pd

from . import _xuncha

__all__ = [
    "Diagnostic", "RuleSetError", "RuleSet", "Batch", "Report", "PartialReport", "TestCase",
    "load", "load_text", "check", "to_csv",
]


class Diagnostic(NamedTuple):
    """A problem in a rule file: lines and columns are 1-based (columns in code points)."""

    severity: str  # "error", "warning" or "note"
    code: str  # "XR0203"
    message: str
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: " if self.file else ""
        return f"{where}{self.severity}[{self.code}]: {self.message}"


class RuleSetError(Exception):
    """A rule set that does not compile; `diagnostics` lists why (str(e) shows them as
    `xuncha check` does)."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic]):
        super().__init__(message)
        self.diagnostics = list(diagnostics)

    def __reduce__(self):  # so that it crosses process boundaries (Dask workers) whole
        return (RuleSetError, (self.args[0], self.diagnostics))


def _loaded(result, path: str) -> "RuleSet":
    native, diagnostics, rendered = result
    diagnostics = [Diagnostic(*d) for d in diagnostics]
    if native is None:
        raise RuleSetError(f"rule set {path} does not compile:\n{rendered}", diagnostics)
    return RuleSet(native, diagnostics)


def load(path: str) -> "RuleSet":
    """Loads, checks and compiles a rule file and everything it imports or extends. Raises
    RuleSetError (with .diagnostics) when it has errors; warnings are in RuleSet.diagnostics."""
    return _loaded(_xuncha.load(str(path)), str(path))


def load_text(text: str, path: str = "<text>.xr") -> "RuleSet":
    """The same for rule text held in memory; `path` names it in diagnostics and anchors its
    imports."""
    return _loaded(_xuncha.from_text(str(path), text), str(path))


def check(path: str) -> list[Diagnostic]:
    """The diagnostics of a rule file (errors and warnings), without raising."""
    _, diagnostics, _ = _xuncha.load(str(path))
    return [Diagnostic(*d) for d in diagnostics]


class Report:
    """Report figures over a population, as `xuncha run --report` computes them."""

    def __init__(self, native):
        self._native = native

    def json(self) -> str:
        """The report file of `xuncha run --report`, byte for byte."""
        return self._native.json()

    def to_dict(self) -> dict:
        return _json.loads(self._native.json())

    def text(self) -> str:
        """The figures as tables for a terminal (what `xuncha run` prints)."""
        return self._native.text()

    @property
    def reports(self) -> list[dict]:
        return self.to_dict()["reports"]

    def __str__(self) -> str:
        return self.text()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and self.json() == other.json()


class PartialReport(NamedTuple):
    """The report state of some records (a partition), to be merged with RuleSet.merge_reports:
    plain bytes and counts, so it pickles and travels between processes."""

    state: bytes
    records: int  # records evaluated
    record_errors: int


class TestCase(NamedTuple):
    """A `test` block's case run: `data` is the case as `xuncha test --format json` gives it."""

    title: str
    file: str
    line: int
    passed: bool
    problem: Optional[str]
    text: str
    data: dict


# ---- columns in ---------------------------------------------------------------------------

def _masked_parts(array) -> Optional[tuple]:
    """(values, mask) of a pandas masked array (Int64, Float64, boolean ...): no copy."""
    data = getattr(array, "_data", None)
    mask = getattr(array, "_mask", None)
    if isinstance(data, _np.ndarray) and isinstance(mask, _np.ndarray):
        return data, mask
    return None


def _column_spec(name: str, values) -> tuple:
    """One column as the engine takes it: ("numeric", array, mask), ("objects", array, mask) or
    ("categorical", codes, categories)."""
    if isinstance(values, (_pd.Series, _pd.Index)):
        dtype = values.dtype
        if isinstance(dtype, _pd.CategoricalDtype):
            cat = values.array if isinstance(values, _pd.Series) else values.values
            return ("categorical", _np.asarray(cat.codes), cat.categories.to_numpy(dtype=object))
        masked = _masked_parts(values.array)
        if masked is not None:
            return ("numeric", masked[0], masked[1])
        if isinstance(dtype, _pd.DatetimeTZDtype):
            raise TypeError(f"column {name}: dates with a time zone; give naive dates "
                            "(.dt.tz_localize(None)) or ISO text")
        if isinstance(dtype, _np.dtype) and dtype.kind in "biufM":
            return ("numeric", values.to_numpy(copy=False), None)
        values = values.to_numpy(dtype=object)
    elif isinstance(values, _np.ma.MaskedArray):
        if values.dtype.kind in "biufM":
            return ("numeric", values.data, _np.ma.getmaskarray(values))
        values = _np.asarray(values.astype(object).filled(None), dtype=object)
    elif isinstance(values, _pd.Categorical):
        return ("categorical", _np.asarray(values.codes), values.categories.to_numpy(dtype=object))
    else:
        masked = _masked_parts(values)
        if masked is not None:
            return ("numeric", masked[0], masked[1])
        if not isinstance(values, _np.ndarray):
            values = _np.asarray(values if isinstance(values, (list, tuple)) else list(values),
                                 dtype=object)
    if values.ndim != 1:
        raise ValueError(f"column {name}: expected one value per record, got an array of shape "
                         f"{values.shape}")
    if values.dtype.kind in "biufM":
        return ("numeric", values, None)
    if values.dtype.kind in "US":
        values = values.astype(object)
    if values.dtype.kind != "O":
        raise TypeError(f"column {name}: values of dtype {values.dtype} cannot be record values")
    return ("objects", values, _np.asarray(_pd.isna(values), dtype=bool))


def _length(name: str, values) -> int:
    try:
        shape = getattr(values, "shape", None)
        return int(shape[0]) if shape else len(values)
    except TypeError as e:
        raise TypeError(f"column {name}: expected a sequence of values, got "
                        f"{type(values).__name__}") from e


def _columns(fields: list[dict], data, columns: Optional[Mapping[str, str]]) -> tuple[list, int, Any]:
    """The engine's column list (one entry per field), the row count and the index of the
    results."""
    if isinstance(data, _pd.DataFrame):
        names = [str(c) for c in data.columns]
        if len(set(names)) != len(names):
            raise ValueError("the data frame has duplicate column names")
        original = dict(zip(names, data.columns))
        get = lambda c: data[original[c]]  # noqa: E731
        index = data.index
        rows = len(data)
    elif isinstance(data, Mapping):
        names = [str(c) for c in data.keys()]
        original = dict(zip(names, data.keys()))
        get = lambda c: data[original[c]]  # noqa: E731
        lengths = {c: _length(c, data[c]) for c in data.keys()}
        if len(set(lengths.values())) > 1:
            listed = ", ".join(f"{c}: {n}" for c, n in lengths.items())
            raise ValueError(f"the columns differ in length ({listed})")
        rows = next(iter(lengths.values()), 0)
        index = _pd.RangeIndex(rows)
    else:
        raise TypeError(f"expected a pandas DataFrame or a dict of columns, got "
                        f"{type(data).__name__}")
    mapping = dict(columns or {})
    field_names = {f["name"] for f in fields}
    for field in mapping:
        if field not in field_names:
            near = _difflib.get_close_matches(field, sorted(field_names), n=1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            raise ValueError(f"columns= names field {field}, which the record does not have{hint}")
    present = set(names)
    specs, absent = [], []
    for field in fields:
        column = mapping.get(field["name"], field["name"])
        if column not in present:
            if not field["optional"]:
                near = _difflib.get_close_matches(column, names, n=1)
                absent.append(f"{field['name']} ({field['type']})" +
                              (f", did you mean column {near[0]}?" if near else ""))
            specs.append(None)
            continue
        specs.append(_column_spec(column, get(column)))
    if absent:
        raise ValueError("the data has no column for these fields, which are not optional: " +
                         "; ".join(absent) + " (name them with columns={field: column})")
    return specs, rows, index


def _param_text(name: str, value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _pd.Timestamp)):
        if (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
            raise ValueError(f"param {name}: expected a date, got a time of day")
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (float, _np.floating)):
        return repr(float(value))  # the shortest text that reads back exactly
    if isinstance(value, (int, _np.integer, str)):
        return str(value)
    raise TypeError(f"param {name}: a {type(value).__name__} cannot be a param value (give "
                    "str, int, float, bool or datetime.date)")


def _params(params: Optional[Mapping[str, Any]]) -> list[tuple[str, str]]:
    return [(str(k), _param_text(str(k), v)) for k, v in (params or {}).items()]


# ---- results out --------------------------------------------------------------------------

def _frame(columns: list, index) -> _pd.DataFrame:
    out = {}
    for name, kind, values, valid, extra in columns:
        missing = None if valid is None else (valid == 0)
        if kind == "bool":
            out[name] = _pd.arrays.BooleanArray(values.view(_np.bool_), missing)
        elif kind == "int":
            out[name] = _pd.arrays.IntegerArray(values, missing)
        elif kind == "number":
            out[name] = _pd.arrays.FloatingArray(values, missing)
        elif kind == "date":
            dates = values.astype("datetime64[D]").astype(object)
            dates[missing] = None
            out[name] = dates
        elif kind == "category":
            out[name] = _pd.Categorical.from_codes(values, categories=list(extra))
        else:
            out[name] = values
    frame = _pd.DataFrame(out, copy=False)
    if len(index) == len(frame):
        frame.index = index
    return frame


def _csv_cell(text: str) -> str:
    if any(c in text for c in ',"\r\n#'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_texts(series: _pd.Series) -> list[str]:
    """A results column's cells as `xuncha run` writes them."""
    dtype = series.dtype
    isna = series.isna().to_numpy()
    if isinstance(dtype, _pd.Float64Dtype) or (isinstance(dtype, _np.dtype) and dtype.kind == "f"):
        numbers = series.to_numpy(dtype=_np.float64, na_value=0.0)
        texts = _xuncha.format_numbers(numbers)
    elif isinstance(dtype, _pd.BooleanDtype):
        texts = ["true" if v else "false" for v in series.to_numpy(dtype=bool, na_value=False)]
    elif isinstance(dtype, _pd.Int64Dtype):
        texts = [str(v) for v in series.to_numpy(dtype=_np.int64, na_value=0)]
    else:
        texts = []
        for v in series.to_numpy(dtype=object):
            if isinstance(v, _dt.date):
                texts.append(v.isoformat())
            elif isinstance(v, (bool, _np.bool_)):
                texts.append("true" if v else "false")
            else:
                texts.append("" if v is None or v is _pd.NA or (isinstance(v, float) and v != v)
                             else str(v))
    return ["" if na else _csv_cell(t) for t, na in zip(texts, isna)]


def to_csv(results: _pd.DataFrame, rules: "RuleSet", indicators: bool = False) -> str:
    """A results frame (RuleSet.evaluate's, or a Dask result computed) as the CSV text
    `xuncha run --out FILE.csv` writes for the same records: provenance line, header, rows."""
    preamble = rules._native.csv_preamble(indicators)
    header = preamble.splitlines()[1]
    expected = [c for c in header.split(",")]
    if [_csv_cell(str(c)) for c in results.columns] != expected:
        raise ValueError("the frame's columns are not the results of this rule set "
                         f"(expected {', '.join(expected)})")
    cells = [_csv_texts(results[c]) for c in results.columns]
    lines = [",".join(row) for row in zip(*cells)]
    return preamble + "".join(line + "\n" for line in lines)


# ---- the zero-copy input path -------------------------------------------------------------

class Batch:
    """Records to fill in place: `values(field)` and `valid(field)` are writable numpy views of
    the engine's own arrays (no copy at evaluation). Made by RuleSet.batch(rows); every value
    starts missing.

        batch = rules.batch(len(revenue))
        batch.values("revenue")[:] = revenue          # float64 for number fields
        batch.valid("revenue")[:] = ~np.isnan(revenue)
        batch.set("id", ids)                          # text fields: copied, as any column
        results = rules.evaluate(batch)

    Arrays by field type: int int64; number float64; bool bool; date int32 (days since
    1970-01-01); enum int32 (member index, in declaration order). Validity is bool (True:
    present). Evaluation checks the values as the copying path does (bools, finite numbers,
    dates in years 1..9999, member indexes, required fields present) and zeroes the elements of
    missing values. Do not write to the arrays while an evaluation of the batch runs (it runs
    without the GIL)."""

    def __init__(self, native, rules: "RuleSet"):
        self._native = native
        self._rules = rules

    @property
    def rows(self) -> int:
        return self._native.rows

    def values(self, field: str) -> _np.ndarray:
        return self._native.values(field)

    def valid(self, field: str) -> _np.ndarray:
        return self._native.valid(field)

    def set(self, field: str, column) -> None:
        """Copies a column of any accepted form (text fields need this) into the batch."""
        spec = _column_spec(field, column)
        if _length(field, column) != self.rows:
            raise ValueError(f"column {field}: {_length(field, column)} values for a batch of "
                             f"{self.rows} rows")
        self._native.set(field, spec)


# ---- the rule set -------------------------------------------------------------------------

class RuleSet:
    """A checked and compiled rule set. Immutable and thread safe; evaluation releases the GIL."""

    def __init__(self, native, diagnostics: Sequence[Diagnostic] = ()):
        self._native = native
        self.diagnostics: list[Diagnostic] = list(diagnostics)  # warnings (errors raise)
        self._fields = native.fields()

    def __reduce__(self):
        # Pickled by path: the receiving process loads the file again. RuleSets from text are
        # not picklable (their text may import files relative to a folder the receiver lacks).
        if self.path.startswith("<"):
            raise TypeError("a rule set loaded from text cannot be pickled; load it from a file")
        return (load, (_os.path.abspath(self.path),))  # the receiver's folder may differ

    name = property(lambda self: self._native.name, doc="the `ruleset \"...\"` title")
    version = property(lambda self: self._native.version)
    sha256 = property(lambda self: self._native.sha256,
                      doc="SHA-256 over the sources of every file of the rule set")
    path = property(lambda self: self._native.path)

    @property
    def fields(self) -> list[dict]:
        """The record's fields: name, type, optional, key, members (enums)."""
        return [dict(f) for f in self._fields]

    @property
    def params(self) -> list[dict]:
        """The params: name, type, default (as text; None when it must be given)."""
        return self._native.params()

    def __repr__(self) -> str:
        return f"<xuncha.RuleSet {self.name!r} version {self.version} from {self.path}>"

    def batch(self, rows: int) -> Batch:
        """An empty batch of `rows` records to fill in place (see xuncha.Batch)."""
        if rows < 0:
            raise ValueError("a batch has 0 or more rows")
        return Batch(self._native.batch(int(rows)), self)

    def _evaluate(self, data, params, engine, columns, indicators, cache_dir, report):
        if cache_dir is None:
            cache_dir = _xuncha.default_cache_dir()
        if isinstance(data, Batch):
            if columns:
                raise ValueError("columns= does not apply to a Batch")
            rows, index = data.rows, _pd.RangeIndex(data.rows)
            out = self._native.evaluate_batch(data._native, _params(params), engine,
                                              str(cache_dir), bool(indicators), report)
        else:
            specs, rows, index = _columns(self._fields, data, columns)
            out = self._native.evaluate(specs, rows, _params(params), engine, str(cache_dir),
                                        bool(indicators), report)
        for warning in out["warnings"]:
            _warnings.warn(warning, RuntimeWarning, stacklevel=3)
        return _frame(out["columns"], index), out["report"], out["record_errors"], rows

    def evaluate(self, data, params: Optional[Mapping[str, Any]] = None, engine: str = "auto",
                 columns: Optional[Mapping[str, str]] = None, indicators: bool = False,
                 cache_dir: Optional[str] = None) -> _pd.DataFrame:
        """Evaluates every record of `data` (a pandas DataFrame, a dict of numpy arrays,
        pandas Series or lists, one per field, or a Batch filled in place) and returns the results as a DataFrame with the
        columns of `xuncha run`'s CSV (key, status, error, result columns, flags, actions) and
        the data's index.

        params: {name: value} (text as `--param` takes it, or int/float/bool/datetime.date).
        engine: "interp", "jit" or "auto" (the JIT when its code is cached, or past 500,000
        records). columns: {field: column} when a column is named otherwise than its field.
        indicators: add each indicator's status and score. cache_dir: where the JIT keeps
        compiled code ("" for none; default: the user's cache folder, as `xuncha run`)."""
        return self._evaluate(data, params, engine, columns, indicators, cache_dir, "none")[0]

    def run(self, data, params=None, engine: str = "auto", columns=None, indicators=False,
            cache_dir=None) -> tuple[_pd.DataFrame, Report]:
        """Results and report figures in one pass over the records."""
        frame, report, _, _ = self._evaluate(data, params, engine, columns, indicators,
                                             cache_dir, "figures")
        return frame, Report(report)

    def report(self, data, params=None, engine: str = "auto", columns=None,
               cache_dir=None) -> Report:
        """The report figures over `data`, as `xuncha run --report` gives them."""
        return self.run(data, params, engine, columns, False, cache_dir)[1]

    def partial_report(self, data, params=None, engine: str = "auto", columns=None,
                       cache_dir=None, indicators: bool = False) -> tuple[_pd.DataFrame, PartialReport]:
        """Results and the report state of these records alone (a partition of a larger
        population), to be merged with merge_reports() wherever the partitions meet."""
        frame, state, errors, rows = self._evaluate(data, params, engine, columns, indicators,
                                                    cache_dir, "state")
        return frame, PartialReport(state, rows, errors)

    def merge_reports(self, parts: Iterable[PartialReport], params=None) -> Report:
        """The figures of the records of every part, in the order of `parts` (their input
        order: top/bottom break ties and number keyless records by position). The same figures
        as one report over all the records, exactly. `params` as for evaluate()."""
        parts = list(parts)
        offsets, first = [], 0
        for part in parts:
            offsets.append((bytes(part.state), first))
            first += int(part.records)
        errors = sum(int(p.record_errors) for p in parts)
        return Report(self._native.merge_reports(offsets, first, first, errors, _params(params)))

    def explain(self, record, params=None, format: str = "dict"):
        """Why one record gets its result (`xuncha explain`): `record` is a dict {field: value}
        (or a pandas Series, or a one-row DataFrame). format "dict" gives the JSON shape of
        `xuncha explain --format json`, "text" the text for a terminal."""
        if isinstance(record, _pd.DataFrame):
            if len(record) != 1:
                raise ValueError(f"explain takes one record, got {len(record)} rows")
            data = record
        elif isinstance(record, (_pd.Series, Mapping)):
            data = {str(k): _np.asarray([v], dtype=object) for k, v in dict(record).items()}
        else:
            raise TypeError(f"expected a dict, a pandas Series or a one-row DataFrame, got "
                            f"{type(record).__name__}")
        specs, rows, _ = _columns(self._fields, data, None)
        json_text, text = self._native.explain(specs, _params(params))
        if format == "text":
            return text
        if format != "dict":
            raise ValueError('format must be "dict" or "text"')
        return _json.loads(json_text)

    def test(self, filter: str = "") -> list[TestCase]:
        """Runs the rule set's `test` blocks (those whose title contains `filter`)."""
        out = []
        for json_text, text, passed in self._native.run_tests(filter):
            data = _json.loads(json_text)
            out.append(TestCase(data["title"], data["file"], data["line"], passed,
                                data.get("problem"), text, data))
        return out

    def to_csv(self, results: _pd.DataFrame, indicators: bool = False) -> str:
        """See xuncha.to_csv."""
        return to_csv(results, self, indicators)

    def empty_results(self, indicators: bool = False) -> _pd.DataFrame:
        """A results frame with no rows and the dtypes of every results frame (Dask's meta)."""
        data = {}
        for f in self._fields:
            data[f["name"]] = _np.asarray([], dtype=object)
        return self.evaluate(data, engine="interp", indicators=indicators)
