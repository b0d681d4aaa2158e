#pragma once
// A bounded pipeline that keeps input order: one thread produces work items in sequence, N
// workers transform them in any order, and the calling thread consumes the results strictly
// in the order the items were produced. At most `maxInFlight` items exist at once (produced
// and not yet consumed), which bounds memory whatever the input size.
//
// Any of the three steps can stop the run: the producer by returning false (the end), the
// consumer by returning false, anyone by setting `cancel`. An exception in a worker or the
// producer stops the run and is rethrown on the calling thread once every thread has ended.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace xr::driver {

template <class Item, class Outcome> class OrderedPipeline {
public:
  /// produce(Item &) -> bool: fills the next item; false at the end.
  /// work(unsigned worker, Item &, Outcome &): worker is 0..workers-1, for per-worker state.
  /// consume(Outcome &) -> bool: false stops the run.
  template <class Produce, class Work, class Consume>
  static void run(unsigned workers, std::size_t maxInFlight, Produce produce, Work work,
                  Consume consume, const std::atomic<bool> *cancel) {
    OrderedPipeline pipeline(cancel);
    pipeline.maxInFlight_ = maxInFlight < 1 ? 1 : maxInFlight;
    std::thread producer([&] { pipeline.produceAll(produce); });
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < (workers < 1 ? 1 : workers); ++w)
      threads.emplace_back([&pipeline, &work, w] { pipeline.workAll(work, w); });
    pipeline.consumeAll(consume);
    producer.join();
    for (std::thread &t : threads)
      t.join();
    if (pipeline.failure_)
      std::rethrow_exception(pipeline.failure_);
  }

private:
  explicit OrderedPipeline(const std::atomic<bool> *cancel) : cancel_(cancel) {}

  bool stopping() const { return stop_ || (cancel_ && cancel_->load()); }

  void fail(std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    if (!failure_)
      failure_ = failure;
    stop_ = true;
    changed_.notify_all();
  }

  template <class Produce> void produceAll(Produce &produce) {
    try {
      for (std::uint64_t seq = 0;; ++seq) {
        {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [&] { return stopping() || inFlight_ < maxInFlight_; });
          if (stopping())
            break;
          ++inFlight_;
        }
        Item item;
        if (!produce(item)) {
          std::lock_guard lock(mutex_);
          --inFlight_;
          produced_ = seq;
          ended_ = true;
          changed_.notify_all();
          return;
        }
        std::lock_guard lock(mutex_);
        pending_.emplace(seq, std::move(item));
        changed_.notify_all();
      }
    } catch (...) {
      fail(std::current_exception());
    }
    std::lock_guard lock(mutex_);
    ended_ = true;
    changed_.notify_all();
  }

  template <class Work> void workAll(Work &work, unsigned worker) {
    try {
      for (;;) {
        std::pair<std::uint64_t, Item> next;
        {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [&] { return stopping() || !pending_.empty() || ended_; });
          if (stopping() || pending_.empty())
            return;
          next.first = pending_.begin()->first;
          next.second = std::move(pending_.begin()->second);
          pending_.erase(pending_.begin());
        }
        Outcome outcome;
        work(worker, next.second, outcome);
        std::lock_guard lock(mutex_);
        done_.emplace(next.first, std::move(outcome));
        changed_.notify_all();
      }
    } catch (...) {
      fail(std::current_exception());
    }
  }

  template <class Consume> void consumeAll(Consume &consume) {
    for (std::uint64_t seq = 0;; ++seq) {
      Outcome outcome;
      {
        std::unique_lock lock(mutex_);
        // Woken also by a cancel flag set from a signal handler, which cannot notify.
        while (!(stopping() || done_.count(seq) || (ended_ && produced_ && seq >= *produced_)))
          changed_.wait_for(lock, std::chrono::milliseconds(50));
        if (stopping() || !done_.count(seq))
          break;
        outcome = std::move(done_.at(seq));
        done_.erase(seq);
      }
      bool more = false;
      try {
        more = consume(outcome);
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      std::lock_guard lock(mutex_);
      --inFlight_;
      if (!more)
        stop_ = true;
      changed_.notify_all();
      if (!more)
        return;
    }
    std::lock_guard lock(mutex_);
    stop_ = true; // wake anyone still waiting (the run is over)
    changed_.notify_all();
  }

  const std::atomic<bool> *cancel_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t maxInFlight_ = 1;
  std::size_t inFlight_ = 0;
  bool ended_ = false;
  bool stop_ = false;
  std::optional<std::uint64_t> produced_; // the number of items, once the producer ended
  std::map<std::uint64_t, Item> pending_;
  std::map<std::uint64_t, Outcome> done_;
  std::exception_ptr failure_;
};

} // namespace xr::driver
