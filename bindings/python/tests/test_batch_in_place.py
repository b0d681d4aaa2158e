"""The zero-copy input path: a Batch's numpy views are the engine's own arrays, filled in place
and evaluated without a copy, checked as the copying path checks its columns."""
import unittest

import numpy as np
import pandas as pd

import xuncha
from support import NATIONAL_2024, population_subset, read_population

RULES = """ruleset "in place" version 1
record R {
  id: text key
  size: enum { big, small }
  n: int
  x: number?
  ok: bool?
  since: date?
}
output doubled: number? = x * 2
output total: int = n + 1
output big: bool = size == big
output fine: bool? = ok
output age: int? = days_between(since, 2024-06-30)
"""


class InPlace(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = xuncha.load_text(RULES, "in-place.xr")

    def filled(self):
        batch = self.rules.batch(3)
        batch.set("id", ["a", "b", "c"])
        batch.values("size")[:] = [0, 1, 0]
        batch.valid("size")[:] = True
        batch.values("n")[:] = [1, 7, 3]
        batch.valid("n")[:] = True
        batch.values("x")[:] = [0.5, 99.0, 2.0]
        batch.valid("x")[:] = [True, False, True]  # 99.0 is not seen: the value is missing
        batch.values("since")[:] = np.array(["2024-06-01", "2024-06-02", "2024-06-03"],
                                            dtype="datetime64[D]").astype(np.int32)
        batch.valid("since")[:] = True
        return batch

    def test_the_views_are_the_batch_and_give_the_copying_paths_results(self):
        batch = self.filled()
        values = batch.values("x")
        self.assertFalse(values.flags.owndata)
        self.assertTrue(np.shares_memory(values, batch.values("x")))
        out = self.rules.evaluate(batch, engine="interp")
        expected = self.rules.evaluate({
            "id": ["a", "b", "c"], "size": ["big", "small", "big"], "n": [1, 7, 3],
            "x": [0.5, None, 2.0], "since": ["2024-06-01", "2024-06-02", "2024-06-03"]},
            engine="interp")
        pd.testing.assert_frame_equal(out, expected)
        self.assertEqual(values[1], 0.0)  # a missing value's element is zeroed
        values[0] = 4.0  # written in place, seen by the next evaluation
        self.assertEqual(self.rules.evaluate(batch, engine="interp")["doubled"][0], 8.0)

    def test_views_outlive_the_batch_object(self):
        values = self.filled().values("n")
        self.assertEqual(list(values), [1, 7, 3])

    def test_bad_values_in_place_are_refused(self):
        for field, value, message in [("size", 2, "enum"), ("x", np.inf, "finite"),
                                      ("since", 10**8, "years 1 to 9999")]:
            batch = self.filled()
            batch.values(field)[1] = value
            batch.valid(field)[1] = True
            with self.assertRaisesRegex(ValueError, f"field {field}, row 1: .*{message}"):
                self.rules.evaluate(batch, engine="interp")
        batch = self.filled()
        batch.valid("n")[2] = False
        with self.assertRaisesRegex(ValueError, "field n is not optional"):
            self.rules.evaluate(batch, engine="interp")
        batch = self.filled()
        batch.valid("ok").view(np.uint8)[0] = 7
        with self.assertRaisesRegex(ValueError, "validity byte is 0 or 1"):
            self.rules.evaluate(batch, engine="interp")
        with self.assertRaisesRegex(TypeError, "field id is text"):
            self.filled().values("id")
        with self.assertRaisesRegex(ValueError, "no field nn"):
            self.filled().values("nn")

    def test_the_national_rule_set_in_place(self):
        rules = xuncha.load(NATIONAL_2024)
        data = read_population(population_subset(500))
        batch = rules.batch(len(data))
        for field in rules.fields:
            column = data[field["name"]]
            if field["type"].startswith(("int", "number")) and column.dtype.kind in "if":
                present = column.notna().to_numpy()
                batch.values(field["name"])[:] = column.fillna(0).to_numpy()
                batch.valid(field["name"])[:] = present
            else:
                batch.set(field["name"], column)
        in_place = rules.evaluate(batch, engine="interp")
        copied = rules.evaluate(data, engine="interp")
        self.assertEqual(rules.to_csv(in_place), rules.to_csv(copied))


if __name__ == "__main__":
    unittest.main()
