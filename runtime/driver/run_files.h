#pragma once
// The files one run writes (results, unreadable rows, report), all committed together at the
// end of a complete run and all abandoned otherwise.
#include "runtime/output/atomic_file.h"

#include <string>
#include <string_view>

namespace xr::driver {

class RunFiles {
public:
  /// Opens the temporaries of the paths given (empty: that file is not written). False with
  /// `error` set when one cannot be created.
  bool open(const std::string &results, const std::string &errors, const std::string &report,
            std::string &error);

  bool hasErrors() const { return hasErrors_; }
  bool hasReport() const { return hasReport_; }
  bool writeResults(std::string_view bytes, std::string &error) {
    return results_.write(bytes, error);
  }
  bool writeErrors(std::string_view bytes, std::string &error) {
    return !hasErrors_ || errors_.write(bytes, error);
  }
  bool writeReport(std::string_view bytes, std::string &error) {
    return !hasReport_ || report_.write(bytes, error);
  }

  /// Renames every temporary over its target, results last (so a results file never exists
  /// without its errors and report). False with `error` set when one fails.
  bool commit(std::string &error);
  void abandon();

private:
  output::AtomicFile results_, errors_, report_;
  bool hasErrors_ = false;
  bool hasReport_ = false;
};

} // namespace xr::driver
