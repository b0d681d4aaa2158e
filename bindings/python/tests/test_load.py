"""Loading rule sets: from a file and from text, warnings kept, errors raised with their
diagnostics attached (and surviving a pickle, as they must to come back from a Dask worker)."""
import os
import pickle
import unittest

import xuncha
from support import NATIONAL_2024, SCRATCH, SKETCH

BROKEN = """ruleset "broken" version 1
record R {
  id: text key
  x: int
}
output y: number = x + missing_name
"""


class Load(unittest.TestCase):
    def test_a_shipped_rule_set_loads_with_its_header(self):
        rules = xuncha.load(NATIONAL_2024)
        self.assertEqual(rules.version, 2024)
        self.assertIn("2024", rules.name)
        self.assertEqual(len(rules.sha256), 64)
        self.assertEqual(rules.path, NATIONAL_2024)
        names = [f["name"] for f in rules.fields]
        self.assertEqual(names[0], "id")
        self.assertTrue(rules.fields[0]["key"])
        size = next(f for f in rules.fields if f["name"] == "size")
        self.assertEqual(size["members"], ["above_scale", "sme"])
        date = next(p for p in rules.params if p["name"] == "inspection_date")
        self.assertEqual(date["default"], "2024-06-28")

    def test_text_loads_and_is_named_by_its_path(self):
        rules = xuncha.load_text('ruleset "t" version 3\nrecord R {\n  id: text key\n}\n',
                                 "inline.xr")
        self.assertEqual((rules.name, rules.version, rules.path), ("t", 3, "inline.xr"))

    def test_errors_raise_with_positioned_diagnostics(self):
        with self.assertRaises(xuncha.RuleSetError) as raised:
            xuncha.load_text(BROKEN, "broken.xr")
        e = raised.exception
        self.assertTrue(e.diagnostics)
        d = e.diagnostics[0]
        self.assertEqual(d.severity, "error")
        self.assertRegex(d.code, r"^XR\d{4}$")
        self.assertIn("missing_name", d.message)
        self.assertEqual((d.file, d.line), ("broken.xr", 6))
        self.assertGreater(d.column, 0)
        self.assertIn("missing_name", str(e))  # rendered as `xuncha check` shows it
        again = pickle.loads(pickle.dumps(e))
        self.assertEqual(again.diagnostics, e.diagnostics)
        self.assertEqual(str(again), str(e))

    def test_check_returns_diagnostics_without_raising(self):
        path = os.path.join(SCRATCH, "broken.xr")
        with open(path, "w", encoding="utf-8") as f:
            f.write(BROKEN)
        diagnostics = xuncha.check(path)
        self.assertTrue(any(d.severity == "error" for d in diagnostics))
        self.assertFalse([d for d in xuncha.check(SKETCH) if d.severity == "error"])

    def test_a_missing_file_is_a_diagnostic_not_a_crash(self):
        with self.assertRaises(xuncha.RuleSetError) as raised:
            xuncha.load("/nonexistent/rules.xr")
        self.assertTrue(raised.exception.diagnostics)

    def test_rule_sets_pickle_by_path(self):
        rules = xuncha.load(NATIONAL_2024)
        again = pickle.loads(pickle.dumps(rules))
        self.assertEqual(again.sha256, rules.sha256)
        here = os.getcwd()
        try:  # a relative path is made absolute: the receiver may run elsewhere
            os.chdir(os.path.dirname(NATIONAL_2024))
            pickled = pickle.dumps(xuncha.load("2024.xr"))
        finally:
            os.chdir(here)
        self.assertEqual(pickle.loads(pickled).sha256, rules.sha256)
        with self.assertRaises(TypeError):
            pickle.dumps(xuncha.load_text('ruleset "t" version 1\nrecord R {\n  id: text key\n}\n'))


if __name__ == "__main__":
    unittest.main()
