// The ordered pipeline under the run driver: results come out in production order whatever
// the workers' timing, at most maxInFlight items exist at once, and a stop, a cancel or an
// exception ends every thread.
#include "runtime/driver/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

namespace xr::driver {
namespace {

using Pipeline = OrderedPipeline<int, int>;

TEST(DriverPipeline, ConsumesInProductionOrderWhateverTheWorkersTiming) {
  for (unsigned workers : {1u, 2u, 7u}) {
    int next = 0;
    std::vector<int> consumed;
    Pipeline::run(
        workers, 5,
        [&](int &item) {
          item = next;
          return next++ < 500;
        },
        [](unsigned, int &item, int &out) {
          // Uneven work, so later items often finish first.
          std::minstd_rand rng(static_cast<unsigned>(item));
          std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
          out = item * 2;
        },
        [&](int &out) {
          consumed.push_back(out);
          return true;
        },
        nullptr);
    ASSERT_EQ(consumed.size(), 500u) << workers << " workers";
    for (int i = 0; i < 500; ++i)
      ASSERT_EQ(consumed[static_cast<std::size_t>(i)], 2 * i);
  }
}

TEST(DriverPipeline, KeepsAtMostMaxInFlightItems) {
  std::atomic<int> produced{0}, consumedCount{0};
  int worst = 0;
  Pipeline::run(
      4, 3,
      [&](int &item) {
        item = produced;
        if (produced >= 200)
          return false;
        ++produced;
        return true;
      },
      [](unsigned, int &item, int &out) { out = item; },
      [&](int &) {
        worst = std::max(worst, produced.load() - consumedCount.load());
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        ++consumedCount;
        return true;
      },
      nullptr);
  EXPECT_EQ(consumedCount.load(), 200);
  EXPECT_LE(worst, 3);
}

TEST(DriverPipeline, AnEmptyInputConsumesNothing) {
  int consumed = 0;
  Pipeline::run(
      3, 4, [](int &) { return false; }, [](unsigned, int &, int &) {},
      [&](int &) { return ++consumed > 0; }, nullptr);
  EXPECT_EQ(consumed, 0);
}

TEST(DriverPipeline, TheConsumerCanStopTheRun) {
  int next = 0;
  std::vector<int> consumed;
  Pipeline::run(
      2, 4,
      [&](int &item) {
        item = next++;
        return true; // endless: only the consumer ends it
      },
      [](unsigned, int &item, int &out) { out = item; },
      [&](int &out) {
        consumed.push_back(out);
        return out < 9;
      },
      nullptr);
  EXPECT_EQ(consumed, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(DriverPipeline, ACancelFlagEndsAnEndlessRun) {
  std::atomic<bool> cancel{false};
  int consumed = 0;
  Pipeline::run(
      2, 4,
      [](int &item) {
        item = 1;
        return true;
      },
      [](unsigned, int &item, int &out) { out = item; },
      [&](int &) {
        if (++consumed == 50)
          cancel = true;
        return true;
      },
      &cancel);
  EXPECT_GE(consumed, 50);
  EXPECT_LT(consumed, 60);
}

TEST(DriverPipeline, AWorkerExceptionStopsTheRunAndIsRethrown) {
  int next = 0;
  int consumed = 0;
  EXPECT_THROW(Pipeline::run(
                   3, 6,
                   [&](int &item) {
                     item = next++;
                     return true;
                   },
                   [](unsigned, int &item, int &out) {
                     if (item == 37)
                       throw std::runtime_error("worker failed");
                     out = item;
                   },
                   [&](int &) { return ++consumed > 0; }, nullptr),
               std::runtime_error);
  EXPECT_LE(consumed, 37);
}

TEST(DriverPipeline, AProducerExceptionIsRethrown) {
  int next = 0;
  EXPECT_THROW(Pipeline::run(
                   2, 3,
                   [&](int &item) {
                     if (next == 10)
                       throw std::runtime_error("read error");
                     item = next++;
                     return true;
                   },
                   [](unsigned, int &item, int &out) { out = item; },
                   [](int &) { return true; }, nullptr),
               std::runtime_error);
}

} // namespace
} // namespace xr::driver
