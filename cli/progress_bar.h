#pragma once
// The progress line of a long run on a terminal's stderr: rows done, rows per second and the
// time left (when the input size is known), redrawn at most ten times a second.
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace xr::cli {

class ProgressBar {
public:
  explicit ProgressBar(std::ostream &out) : out_(out) {}
  /// Redraws the line unless it was drawn less than 100 ms ago.
  void update(std::uint64_t rows, std::uint64_t bytesRead, std::uint64_t totalBytes,
              double seconds);
  /// Erases the line (before the summary is printed).
  void clear();

  /// The line for these figures (no terminal codes), `width` cells wide at most.
  static std::string line(std::uint64_t rows, std::uint64_t bytesRead, std::uint64_t totalBytes,
                          double seconds, std::size_t width);

private:
  std::ostream &out_;
  double lastDrawn_ = -1;
  bool drawn_ = false;
};

/// 1234567 -> "1,234,567".
std::string groupedNumber(std::uint64_t n);

} // namespace xr::cli
