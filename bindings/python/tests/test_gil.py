"""Evaluation releases the GIL: while one thread evaluates a large batch, another Python thread
keeps running (its longest pause is a small part of the evaluation's time)."""
import threading
import time
import unittest

import numpy as np

import xuncha

RULES = """ruleset "gil" version 1
record R {
  x: number
  k: int
}
// Slow on purpose: evaluating must take far longer than the conversions around it.
output a: number = pow(x, 1.01) + sqrt(x + 1) + pow(x, 1.02) + sqrt(x + 2) + pow(x, 1.03) + sqrt(x + 3) + pow(x, 1.04) + sqrt(x + 4) + pow(x, 1.05) + sqrt(x + 5) + pow(x, 1.06) + sqrt(x + 6) + pow(x, 1.07) + sqrt(x + 7) + pow(x, 1.08) + sqrt(x + 8) + pow(x, 1.09) + sqrt(x + 9) + pow(x, 1.10) + sqrt(x + 10) + pow(x, 1.11) + sqrt(x + 11) + pow(x, 1.12) + sqrt(x + 12) + pow(x, 1.13) + sqrt(x + 13) + pow(x, 1.14) + sqrt(x + 14) + pow(x, 1.15) + sqrt(x + 15)
output c: int = k * 7 + 1
"""

class Gil(unittest.TestCase):
    def test_another_thread_runs_during_an_evaluation(self):
        rules = xuncha.load_text(RULES, "gil.xr")
        rng = np.random.default_rng(1)
        rows = 500_000
        data = {"x": rng.random(rows), "k": rng.integers(0, 100, rows)}
        batch = rules.batch(rows)  # filled in place: the GIL is held only briefly around it
        for name, values in data.items():
            batch.values(name)[:] = values
            batch.valid(name)[:] = True
        started = time.perf_counter()
        rules.evaluate(batch, engine="interp")
        alone = time.perf_counter() - started

        done = threading.Event()

        def evaluate():
            rules.evaluate(batch, engine="interp")
            done.set()

        worker = threading.Thread(target=evaluate)
        longest, last = 0.0, time.perf_counter()
        worker.start()
        while not done.is_set():
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now
        worker.join()
        # Held through the evaluation, the GIL would stop this thread for about `alone`.
        self.assertLess(longest, max(0.5 * alone, 0.05), (longest, alone))


if __name__ == "__main__":
    unittest.main()
