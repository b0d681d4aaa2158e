#include "cli/progress_bar.h"

#include <fmt/format.h>
#include <ostream>

namespace xr::cli {

std::string groupedNumber(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

std::string ProgressBar::line(std::uint64_t rows, std::uint64_t bytesRead,
                              std::uint64_t totalBytes, double seconds, std::size_t width) {
  const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  std::string figures = fmt::format("{} rows  {} rows/s", groupedNumber(rows),
                                    groupedNumber(static_cast<std::uint64_t>(rate)));
  if (totalBytes == 0 || bytesRead > totalBytes)
    return figures;
  const double done = static_cast<double>(bytesRead) / static_cast<double>(totalBytes);
  if (done > 0 && seconds > 0) {
    const double left = seconds * (1 - done) / done;
    figures += left >= 60 ? fmt::format("  ETA {}m{:02}s", static_cast<int>(left) / 60,
                                        static_cast<int>(left) % 60)
                          : fmt::format("  ETA {}s", static_cast<int>(left + 0.5));
  }
  const std::string percent = fmt::format(" {:3}% ", static_cast<int>(done * 100));
  const std::size_t barWidth =
      width > figures.size() + percent.size() + 12 ? width - figures.size() - percent.size() - 2
                                                   : 10;
  const std::size_t filled = static_cast<std::size_t>(done * static_cast<double>(barWidth));
  return "[" + std::string(filled, '#') + std::string(barWidth - filled, '.') + "]" + percent +
         figures;
}

void ProgressBar::update(std::uint64_t rows, std::uint64_t bytesRead, std::uint64_t totalBytes,
                         double seconds) {
  if (drawn_ && seconds - lastDrawn_ < 0.1)
    return;
  lastDrawn_ = seconds;
  drawn_ = true;
  out_ << "\r\x1b[2K" << line(rows, bytesRead, totalBytes, seconds, 78) << std::flush;
}

void ProgressBar::clear() {
  if (drawn_)
    out_ << "\r\x1b[2K" << std::flush;
  drawn_ = false;
}

} // namespace xr::cli
