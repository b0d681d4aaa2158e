"""The Python results equal `xuncha run`'s: on records of examples/population.csv read by pandas,
the results frame formatted by xuncha.to_csv is the CLI's CSV byte for byte, and the report is
its --report file byte for byte, for both national rule sets and both engines."""
import unittest

import numpy as np

import xuncha
from support import NATIONAL_2023, NATIONAL_2024, cli_run, population_subset, read_population

ROWS = 2000


class SameAsTheCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path = population_subset(ROWS)
        cls.data = read_population(cls.path)

    def check(self, ruleset, engine, *cli_args, params=None):
        expected_csv, expected_report = cli_run(ruleset, self.path, *cli_args)
        rules = xuncha.load(ruleset)
        results, report = rules.run(self.data, params=params, engine=engine, cache_dir="")
        self.assertEqual(len(results), ROWS)
        csv = xuncha.to_csv(results, rules)
        if csv != expected_csv:  # show the first line that differs, not 2 MB of text
            for ours, theirs in zip(csv.splitlines(), expected_csv.splitlines()):
                self.assertEqual(ours, theirs)
        self.assertEqual(csv, expected_csv)
        self.assertEqual(report.json(), expected_report)

    def test_national_2024_interpreter(self):
        self.check(NATIONAL_2024, "interp")

    def test_national_2024_jit(self):
        self.check(NATIONAL_2024, "jit")

    def test_national_2023_with_a_param(self):
        self.check(NATIONAL_2023, "interp", "--param", "inspection_date=2023-09-29",
                   params={"inspection_date": "2023-09-29"})

    def test_a_dict_of_numpy_arrays_gives_the_same(self):
        rules = xuncha.load(NATIONAL_2024)
        arrays = {name: column.to_numpy() for name, column in self.data.items()}
        self.assertTrue(any(a.dtype == np.float64 for a in arrays.values()))
        from_frame = rules.evaluate(self.data, engine="interp")
        from_arrays = rules.evaluate(arrays, engine="interp")
        self.assertEqual(xuncha.to_csv(from_arrays, rules), xuncha.to_csv(from_frame, rules))

    def test_per_indicator_columns(self):
        expected_csv, _ = cli_run(NATIONAL_2024, self.path, "--indicators")
        rules = xuncha.load(NATIONAL_2024)
        results = rules.evaluate(self.data, engine="interp", indicators=True)
        self.assertEqual(xuncha.to_csv(results, rules, indicators=True), expected_csv)


if __name__ == "__main__":
    unittest.main()
