"""Partial report states: made per slice of the records, pickled, merged in input order, they
give the report of all the records byte for byte; a state of another rule set is refused."""
import pickle
import unittest

import xuncha
from support import NATIONAL_2023, NATIONAL_2024, population_subset, read_population


class PartialReports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = xuncha.load(NATIONAL_2024)
        cls.data = read_population(population_subset(1500))

    def test_slices_merge_into_the_whole_report(self):
        whole = self.rules.report(self.data, engine="interp")
        for cuts in ([0, 1500], [0, 1, 700, 701, 1500], [0, 333, 666, 999, 1332, 1500]):
            parts = []
            for a, b in zip(cuts, cuts[1:]):
                _, part = self.rules.partial_report(self.data.iloc[a:b], engine="interp")
                parts.append(pickle.loads(pickle.dumps(part)))
            self.assertEqual(sum(p.records for p in parts), 1500)
            merged = self.rules.merge_reports(parts)
            self.assertEqual(merged.json(), whole.json(), cuts)

    def test_params_reach_the_figures(self):
        params = {"inspection_date": "2024-11-29"}
        whole = self.rules.report(self.data, params=params, engine="interp")
        _, a = self.rules.partial_report(self.data.iloc[:800], params=params, engine="interp")
        _, b = self.rules.partial_report(self.data.iloc[800:], params=params, engine="interp")
        self.assertEqual(self.rules.merge_reports([a, b], params=params).json(), whole.json())

    def test_a_state_of_another_rule_set_is_refused(self):
        other = xuncha.load(NATIONAL_2023)
        _, part = other.partial_report(self.data.iloc[:10], engine="interp")
        with self.assertRaisesRegex(ValueError, "another rule set"):
            self.rules.merge_reports([part])
        damaged = xuncha.PartialReport(part.state[:-3], part.records, part.record_errors)
        with self.assertRaises(ValueError):
            other.merge_reports([damaged])


if __name__ == "__main__":
    unittest.main()
