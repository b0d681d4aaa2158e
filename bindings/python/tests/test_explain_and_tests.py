"""Explaining one record (the JSON and the text of `xuncha explain`) and running a rule set's
own test blocks (`xuncha test`)."""
import json
import os
import subprocess
import tempfile
import unittest

import xuncha
from support import CLI, NATIONAL_2024, population_subset, read_population


class Explain(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = xuncha.load(NATIONAL_2024)
        cls.path = population_subset(50)
        cls.data = read_population(cls.path)

    def test_a_record_is_explained_as_the_cli_explains_it(self):
        row = self.data.iloc[3]
        ours = self.rules.explain(row)
        cli = subprocess.run([CLI, "explain", NATIONAL_2024, "--data", self.path, "--id",
                              row["id"], "--format", "json"], check=True, capture_output=True,
                             text=True).stdout
        theirs = json.loads(cli)
        self.assertEqual(ours["result"], theirs["result"])
        self.assertEqual(ours["indicators"], theirs["indicators"])
        self.assertEqual(ours["key"], row["id"])
        text = self.rules.explain(row, format="text")
        self.assertIn(row["id"], text)

    def test_a_dict_record_and_a_one_row_frame(self):
        record = {k: v for k, v in self.data.iloc[0].items()}
        self.assertEqual(self.rules.explain(record), self.rules.explain(self.data.iloc[[0]]))

    def test_params_change_the_explanation(self):
        row = self.data.iloc[0]
        later = self.rules.explain(row, params={"inspection_date": "2024-12-31"})
        self.assertEqual(later["params"]["inspection_date"], "2024-12-31")

    def test_bad_records(self):
        with self.assertRaises(ValueError):
            self.rules.explain(self.data.iloc[0:2])
        with self.assertRaises(ValueError):
            self.rules.explain({"id": "x"})
        with self.assertRaises(TypeError):
            self.rules.explain([1, 2])


class Tests(unittest.TestCase):
    def test_the_shipped_rule_set_passes_its_tests(self):
        cases = xuncha.load(NATIONAL_2024).test()
        self.assertTrue(cases)
        failed = [c.text for c in cases if not c.passed]
        self.assertEqual(failed, [])
        self.assertTrue(all(c.file and c.line > 0 for c in cases))

    def test_a_failing_case_says_why(self):
        rules = xuncha.load_text('''ruleset "t" version 1
record R {
  id: text key
  x: int
}
output y: int = x * 2
test "doubling" {
  given R { id: "a", x: 2 }
  expect y == 5
}
test "other" {
  given R { id: "b", x: 1 }
  expect y == 2
}
''', "t.xr")
        cases = rules.test()
        self.assertEqual([(c.title, c.passed) for c in cases], [("doubling", False), ("other", True)])
        self.assertIn("y == 5", cases[0].text)
        self.assertEqual(cases[0].data["failures"][0]["shown"][0]["value"], 4)
        self.assertEqual([c.title for c in rules.test("oth")], ["other"])


if __name__ == "__main__":
    unittest.main()
