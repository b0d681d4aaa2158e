#include "compiler/format/line_diff.h"

#include <algorithm>
#include <cstdint>

namespace xr::format {

namespace {

using Lines = std::vector<std::string>;

struct Snake {
  std::int64_t x0, y0, x1, y1; // from (x0, y0) to (x1, y1), local coordinates
};

/// Marks removed lines of a[a0, a1) and added lines of b[b0, b1), recursing on the middle
/// snake (Myers 1986, section 4b).
class Differ {
public:
  Differ(const Lines &a, const Lines &b)
      : a_(a), b_(b), removed_(a.size(), false), added_(b.size(), false) {}

  std::vector<DiffOp> run() {
    compare(0, static_cast<std::int64_t>(a_.size()), 0, static_cast<std::int64_t>(b_.size()));
    std::vector<DiffOp> ops;
    std::size_t i = 0, j = 0;
    while (i < a_.size() || j < b_.size()) {
      if (i < a_.size() && removed_[i]) {
        ops.push_back(DiffOp::Remove);
        ++i;
      } else if (j < b_.size() && added_[j]) {
        ops.push_back(DiffOp::Add);
        ++j;
      } else {
        ops.push_back(DiffOp::Keep);
        ++i, ++j;
      }
    }
    return ops;
  }

private:
  void compare(std::int64_t a0, std::int64_t a1, std::int64_t b0, std::int64_t b1) {
    // The recursion halves the edit distance each time: its depth is logarithmic.
    while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0])
      ++a0, ++b0;
    while (a0 < a1 && b0 < b1 && a_[a1 - 1] == b_[b1 - 1])
      --a1, --b1;
    if (a0 == a1) {
      for (std::int64_t j = b0; j < b1; ++j)
        added_[j] = true;
      return;
    }
    if (b0 == b1) {
      for (std::int64_t i = a0; i < a1; ++i)
        removed_[i] = true;
      return;
    }
    Snake s = middleSnake(a0, a1, b0, b1);
    compare(a0, a0 + s.x0, b0, b0 + s.y0);
    compare(a0 + s.x1, a1, b0 + s.y1, b1);
  }

  Snake middleSnake(std::int64_t a0, std::int64_t a1, std::int64_t b0, std::int64_t b1) {
    const std::int64_t n = a1 - a0, m = b1 - b0, delta = n - m;
    const bool odd = (delta & 1) != 0;
    const std::int64_t most = (n + m + 1) / 2 + 1;
    std::vector<std::int64_t> forward(2 * most + 2, 0), backward(2 * most + 2, 0);
    auto f = [&](std::int64_t k) -> std::int64_t & { return forward[k + most]; };
    auto r = [&](std::int64_t k) -> std::int64_t & { return backward[k + most]; };
    for (std::int64_t d = 0; d < most; ++d) {
      for (std::int64_t k = -d; k <= d; k += 2) {
        std::int64_t x = (k == -d || (k != d && f(k - 1) < f(k + 1))) ? f(k + 1) : f(k - 1) + 1;
        std::int64_t y = x - k;
        std::int64_t x0 = x, y0 = y;
        while (x < n && y < m && a_[a0 + x] == b_[b0 + y])
          ++x, ++y;
        f(k) = x;
        std::int64_t back = delta - k;
        if (odd && back >= -(d - 1) && back <= d - 1 && f(k) + r(back) >= n)
          return {x0, y0, x, y};
      }
      for (std::int64_t k = -d; k <= d; k += 2) {
        std::int64_t x = (k == -d || (k != d && r(k - 1) < r(k + 1))) ? r(k + 1) : r(k - 1) + 1;
        std::int64_t y = x - k;
        std::int64_t x0 = x, y0 = y;
        while (x < n && y < m && a_[a1 - 1 - x] == b_[b1 - 1 - y])
          ++x, ++y;
        r(k) = x;
        std::int64_t ahead = delta - k;
        if (!odd && ahead >= -d && ahead <= d && r(k) + f(ahead) >= n)
          return {n - x, m - y, n - x0, m - y0};
      }
    }
    return {0, 0, n, m}; // unreachable: the two searches meet by d = (n + m + 1) / 2
  }

  const Lines &a_;
  const Lines &b_;
  std::vector<bool> removed_;
  std::vector<bool> added_;
};

/// The lines of a text, each with its line end.
Lines splitKeepingEnds(std::string_view text) {
  Lines lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') {
      lines.emplace_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  if (start < text.size())
    lines.emplace_back(text.substr(start));
  return lines;
}

void appendLine(std::string &out, char mark, const std::string &line) {
  out += mark;
  bool ended = !line.empty() && line.back() == '\n';
  std::string_view body(line.data(), line.size() - (ended ? 1 : 0));
  if (ended && !body.empty() && body.back() == '\r')
    body.remove_suffix(1);
  out += body;
  out += '\n';
  if (!ended)
    out += "\\ No newline at end of file\n";
}

} // namespace

std::vector<DiffOp> diffLines(const std::vector<std::string> &before,
                              const std::vector<std::string> &after) {
  return Differ(before, after).run();
}

std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeName, std::string_view afterName) {
  Lines a = splitKeepingEnds(before);
  Lines b = splitKeepingEnds(after);
  std::vector<DiffOp> ops = diffLines(a, b);
  struct Step {
    DiffOp op;
    std::size_t i, j; // line indices in a and b before this step
  };
  std::vector<Step> steps;
  std::size_t i = 0, j = 0;
  for (DiffOp op : ops) {
    steps.push_back({op, i, j});
    i += op != DiffOp::Add;
    j += op != DiffOp::Remove;
  }
  constexpr std::size_t kContext = 3;
  std::vector<std::size_t> changes;
  for (std::size_t s = 0; s < steps.size(); ++s)
    if (steps[s].op != DiffOp::Keep)
      changes.push_back(s);
  if (changes.empty())
    return {};

  std::string out = "--- " + std::string(beforeName) + "\n+++ " + std::string(afterName) + "\n";
  for (std::size_t c = 0; c < changes.size(); ++c) {
    std::size_t firstChange = changes[c], lastChange = firstChange;
    // Changes closer than twice the context share one hunk.
    while (c + 1 < changes.size() && changes[c + 1] - lastChange <= 2 * kContext + 1)
      lastChange = changes[++c];
    std::size_t start = firstChange >= kContext ? firstChange - kContext : 0;
    std::size_t end = std::min(steps.size(), lastChange + 1 + kContext);
    std::size_t oldCount = 0, newCount = 0;
    for (std::size_t s = start; s < end; ++s) {
      oldCount += steps[s].op != DiffOp::Add;
      newCount += steps[s].op != DiffOp::Remove;
    }
    out += "@@ -" + std::to_string(steps[start].i + (oldCount > 0 ? 1 : 0)) + "," +
           std::to_string(oldCount) + " +" +
           std::to_string(steps[start].j + (newCount > 0 ? 1 : 0)) + "," +
           std::to_string(newCount) + " @@\n";
    for (std::size_t s = start; s < end; ++s) {
      const Step &step = steps[s];
      if (step.op == DiffOp::Add)
        appendLine(out, '+', b[step.j]);
      else
        appendLine(out, step.op == DiffOp::Remove ? '-' : ' ', a[step.i]);
    }
  }
  return out;
}

} // namespace xr::format
