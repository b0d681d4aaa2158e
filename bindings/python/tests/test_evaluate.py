"""Evaluating numpy arrays, dicts and pandas frames: typed results, missing values in every
form numpy and pandas have them, params, engines, and clear Python exceptions (never a crash)
for data that does not fit the record."""
import datetime as dt
import threading
import unittest

import numpy as np
import pandas as pd

import xuncha

RULES = """ruleset "py" version 1
record R {
  id: text key
  size: enum { big "大", small "小" }
  n: int
  x: number?
  ok: bool?
  since: date?
  note: text?
}
param factor: number = 2
param today: date = 2024-06-30
output doubled: number? = x * factor
output total: int = n + 1
output inv: number = 1 / n
output age: int? = days_between(since, today)
output big: bool = size == big
output grade: enum { high, low } = if n > 5 then high else low
output echo: text? = note
output fine: bool? = ok
"""


def frame(**columns):
    base = {"id": ["a", "b", "c"], "size": ["big", "small", "大"], "n": [1, 7, 3]}
    base.update(columns)
    return pd.DataFrame(base)


class Evaluate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = xuncha.load_text(RULES, "py.xr")

    def test_results_have_the_csv_columns_and_typed_values(self):
        out = self.rules.evaluate(frame(x=[1.5, None, 2.0]), engine="interp")
        self.assertEqual(list(out.columns), ["id", "status", "error", "doubled", "total", "inv",
                                             "age", "big", "grade", "echo", "fine", "flags",
                                             "actions"])
        self.assertEqual(list(out["status"]), ["ok"] * 3)
        self.assertEqual(str(out["total"].dtype), "Int64")
        self.assertEqual(list(out["total"]), [2, 8, 4])
        self.assertEqual(str(out["doubled"].dtype), "Float64")
        self.assertEqual(out["doubled"][0], 3.0)
        self.assertIs(out["doubled"][1], pd.NA)
        self.assertEqual(str(out["big"].dtype), "boolean")
        self.assertEqual(list(out["big"]), [True, False, True])
        self.assertEqual(list(out["grade"]), ["low", "high", "low"])
        self.assertEqual(list(out["grade"].cat.categories), ["high", "low"])
        self.assertTrue(out["age"].isna().all())

    def test_a_record_error_is_a_row_with_its_message(self):
        out = self.rules.evaluate(frame(n=[1, 0, 3]), engine="interp")
        self.assertEqual(list(out["status"]), ["ok", "error", "ok"])
        self.assertIn("division by zero", out["error"][1])
        self.assertIsNone(out["error"][0])
        self.assertIs(out["total"][1], pd.NA)
        self.assertEqual(out["id"][1], "b")

    def test_a_dict_of_numpy_arrays(self):
        data = {"id": np.array(["a", "b"], dtype=object), "size": np.array(["big", "small"]),
                "n": np.array([4, 9], dtype=np.int32), "x": np.array([0.25, np.nan]),
                "since": np.array(["2024-06-01", "NaT"], dtype="datetime64[D]"),
                "ok": np.array([True, False])}
        out = self.rules.evaluate(data, engine="interp")
        self.assertEqual(list(out["total"]), [5, 10])
        self.assertEqual(out["doubled"][0], 0.5)
        self.assertIs(out["doubled"][1], pd.NA)
        self.assertEqual(out["age"][0], 29)
        self.assertIs(out["age"][1], pd.NA)
        self.assertEqual(list(out["fine"]), [True, False])

    def test_every_missing_form_and_masked_dtypes(self):
        data = frame(x=pd.array([1.0, None, 3.0], dtype="Float64"),
                     ok=pd.array([True, None, False], dtype="boolean"),
                     since=[dt.date(2024, 6, 1), None, pd.NaT],
                     note=["hé", None, np.nan])
        data["n"] = pd.array([1, 7, 3], dtype="Int64")
        out = self.rules.evaluate(data, engine="interp")
        self.assertEqual([v if v is not pd.NA else None for v in out["doubled"]], [2.0, None, 6.0])
        self.assertEqual([v if v is not pd.NA else None for v in out["fine"]], [True, None, False])
        self.assertEqual(out["age"][0], 29)
        self.assertTrue(out["age"][1:].isna().all())
        self.assertEqual(out["echo"][0], "hé")
        self.assertTrue(out["echo"][1:].isna().all())

    def test_integers_held_as_floats_with_nan_and_categoricals(self):
        data = frame(x=[1.0, 2.0, 3.0])
        data["n"] = [1.0, 7.0, 3.0]
        data["size"] = pd.Categorical(["big", "small", "big"])
        out = self.rules.evaluate(data, engine="interp")
        self.assertEqual(list(out["total"]), [2, 8, 4])
        self.assertEqual(list(out["big"]), [True, False, True])

    def test_params_by_type_and_their_errors(self):
        data = frame(x=[1.0, 1.0, 1.0], since=["2024-06-01", None, None])
        out = self.rules.evaluate(data, params={"factor": 3, "today": dt.date(2024, 6, 11)},
                                  engine="interp")
        self.assertEqual(out["doubled"][0], 3.0)
        self.assertEqual(out["age"][0], 10)
        out = self.rules.evaluate(data, params={"factor": "50%"}, engine="interp")
        self.assertEqual(out["doubled"][0], 0.5)
        with self.assertRaisesRegex(ValueError, "factr"):
            self.rules.evaluate(data, params={"factr": 3})
        with self.assertRaises(ValueError):
            self.rules.evaluate(data, params={"today": "yesterday"})
        with self.assertRaises(TypeError):
            self.rules.evaluate(data, params={"factor": [1]})

    def test_the_engines_agree(self):
        rng = np.random.default_rng(5)
        n = 3000
        data = {"id": np.array([f"e{i}" for i in range(n)], dtype=object),
                "size": np.where(rng.random(n) < 0.5, "big", "small").astype(object),
                "n": rng.integers(0, 10, n),
                "x": np.where(rng.random(n) < 0.2, np.nan, rng.normal(size=n))}
        interp = self.rules.evaluate(data, engine="interp")
        jit = self.rules.evaluate(data, engine="jit", cache_dir="")
        pd.testing.assert_frame_equal(interp, jit)
        self.assertEqual(self.rules.to_csv(interp), self.rules.to_csv(jit))

    def test_threads_share_a_rule_set(self):
        data = frame(x=[1.0, 2.0, 3.0])
        expected = self.rules.evaluate(data, engine="interp")
        outs = [None] * 4

        def work(i):
            outs[i] = self.rules.evaluate(data, engine="interp")

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for out in outs:
            pd.testing.assert_frame_equal(out, expected)

    def test_the_index_of_the_data_is_kept(self):
        data = frame().set_index(pd.Index([10, 20, 30]))
        out = self.rules.evaluate(data, engine="interp")
        self.assertEqual(list(out.index), [10, 20, 30])

    def test_empty_data_gives_an_empty_frame_of_the_same_dtypes(self):
        empty = self.rules.empty_results()
        full = self.rules.evaluate(frame(), engine="interp")
        self.assertEqual(len(empty), 0)
        self.assertEqual(list(empty.dtypes.astype(str)), list(full.dtypes.astype(str)))


class BadData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = xuncha.load_text(RULES, "py.xr")

    def test_a_required_column_that_is_absent(self):
        with self.assertRaisesRegex(ValueError, r"no column for these fields.*\bn \(int\)"):
            self.rules.evaluate({"id": ["a"], "size": ["big"], "m": [1]})

    def test_columns_of_different_lengths(self):
        with self.assertRaisesRegex(ValueError, "differ in length"):
            self.rules.evaluate({"id": ["a", "b"], "size": ["big"], "n": [1, 2]})

    def test_a_missing_value_in_a_required_field(self):
        with self.assertRaisesRegex(ValueError, r"field n is not optional.*row 1"):
            self.rules.evaluate(frame(n=[1.0, np.nan, 2.0]))

    def test_values_of_the_wrong_type(self):
        with self.assertRaisesRegex(TypeError, "field n is int, but its column holds date"):
            self.rules.evaluate(frame(n=[1, "2", dt.date(2024, 1, 1)]))
        with self.assertRaisesRegex(ValueError, r"field n, row 1: expected a whole number"):
            self.rules.evaluate(frame(n=[1.0, 2.5, 3.0]))
        with self.assertRaisesRegex(TypeError, "field size"):
            self.rules.evaluate(frame(size=[1, 2, 3]))
        with self.assertRaisesRegex(ValueError, r"field size, row 2: expected one of"):
            self.rules.evaluate(frame(size=["big", "small", "huge"]))
        with self.assertRaisesRegex(ValueError, r"field since, row 0: expected a date"):
            self.rules.evaluate(frame(since=["2024-02-30", None, None]))
        with self.assertRaisesRegex(TypeError, "field id is text"):
            self.rules.evaluate(frame(id=[1, 2, 3]))
        with self.assertRaisesRegex(ValueError, "infinity"):
            self.rules.evaluate(frame(x=[np.inf, 1.0, 2.0]))
        with self.assertRaisesRegex(ValueError, "64-bit"):
            self.rules.evaluate(frame(n=np.array([2**63, 1, 1], dtype=np.uint64)))
        with self.assertRaisesRegex(ValueError, "time of day"):
            self.rules.evaluate(frame(since=pd.to_datetime(["2024-01-01 10:00", None, None])))

    def test_shapes_and_containers(self):
        with self.assertRaisesRegex(ValueError, "shape"):
            self.rules.evaluate({"id": np.array([["a"]], dtype=object), "size": ["big"], "n": [1]})
        with self.assertRaisesRegex(TypeError, "DataFrame or a dict"):
            self.rules.evaluate([1, 2, 3])
        with self.assertRaisesRegex(ValueError, "unknown engine"):
            self.rules.evaluate(frame(), engine="fast")
        with self.assertRaisesRegex(ValueError, "did you mean"):
            self.rules.evaluate(frame(), columns={"nn": "n"})

    def test_columns_named_otherwise(self):
        data = frame().rename(columns={"n": "count"})
        out = self.rules.evaluate(data, columns={"n": "count"}, engine="interp")
        self.assertEqual(list(out["total"]), [2, 8, 4])


if __name__ == "__main__":
    unittest.main()
