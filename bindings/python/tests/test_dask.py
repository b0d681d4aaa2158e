"""Scale-out on Dask: a local cluster of 2 worker processes evaluates the population partition by
partition; the results equal the single-process results byte for byte (and `xuncha run`'s), the
report figures equal the single-process report exactly, and each worker compiles the rule set
once for all its partitions. The cluster is started and stopped within the test, with timeouts."""
import unittest

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import xuncha
import xuncha.dask
from support import NATIONAL_2024, cli_run, population_subset, read_population

ROWS = 3000
PARTITIONS = 6
TIMEOUT = 120  # seconds for any one computation


class DaskCluster(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path = population_subset(ROWS)
        cls.data = read_population(cls.path)
        cls.rules = xuncha.load(NATIONAL_2024)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=50)
        cls.client = Client(cls.cluster, timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.client.close(timeout=30)
        cls.cluster.close(timeout=30)

    def frame(self):
        return dd.from_pandas(self.data, npartitions=PARTITIONS)

    def compute(self, *collections):
        futures = self.client.compute(list(collections))
        return [f.result(timeout=TIMEOUT) for f in futures]

    def test_results_and_report_equal_a_single_process(self):
        data = self.frame()
        self.assertEqual(data.npartitions, PARTITIONS)
        distributed = xuncha.dask.evaluate(NATIONAL_2024, data, engine="interp")
        self.assertIsInstance(distributed, dd.DataFrame)
        [results] = self.compute(distributed)
        single, single_report = self.rules.run(self.data, engine="interp")
        pd.testing.assert_frame_equal(results, single)
        self.assertEqual(xuncha.to_csv(results, self.rules), xuncha.to_csv(single, self.rules))
        expected_csv, expected_report = cli_run(NATIONAL_2024, self.path)
        self.assertEqual(xuncha.to_csv(results, self.rules), expected_csv)

        report = xuncha.dask.report(NATIONAL_2024, data, engine="interp")
        self.assertEqual(report.json(), single_report.json())
        self.assertEqual(report.json(), expected_report)

        workers = self.client.run(xuncha.dask.cache_info)
        self.assertEqual(len(workers), 2)
        for info in workers.values():  # once per worker process, whatever its partitions
            self.assertLessEqual(info["loads"], 1)

    def test_csv_blocks_read_as_text_on_the_jit_equal_the_cli(self):
        # Every cell as text goes through the engine's own parser, as `xuncha run` reads it;
        # each worker compiles the rule set once for all its blocks.
        data = dd.read_csv(self.path, dtype=str, keep_default_na=False, na_values=[""],
                           blocksize="200kB")
        self.assertGreater(data.npartitions, 2)
        [results] = self.compute(xuncha.dask.evaluate(NATIONAL_2024, data, engine="jit",
                                                      cache_dir=""))
        expected_csv, expected_report = cli_run(NATIONAL_2024, self.path)
        self.assertEqual(xuncha.to_csv(results, self.rules), expected_csv)
        report = xuncha.dask.report(NATIONAL_2024, data, engine="jit", cache_dir="")
        self.assertEqual(report.json(), expected_report)

    def test_one_pass_results_and_report(self):
        results, partials = xuncha.dask.run(NATIONAL_2024, self.frame(), engine="interp",
                                            params={"inspection_date": "2024-09-30"})
        frame, parts = self.compute(results, partials)
        self.assertEqual(len(parts), PARTITIONS)
        single, single_report = self.rules.run(self.data, engine="interp",
                                               params={"inspection_date": "2024-09-30"})
        pd.testing.assert_frame_equal(frame, single)
        merged = self.rules.merge_reports(parts, params={"inspection_date": "2024-09-30"})
        self.assertEqual(merged.json(), single_report.json())

    def test_a_broken_partition_raises_on_the_client(self):
        bad = self.data.head(100).copy()
        bad.loc[bad.index[50], "licence_expiry"] = "2024-02-30"
        with self.assertRaisesRegex(ValueError, "licence_expiry, row"):
            self.compute(xuncha.dask.evaluate(NATIONAL_2024, dd.from_pandas(bad, npartitions=2),
                                              engine="interp"))


if __name__ == "__main__":
    unittest.main()
