#include "runtime/driver/run_files.h"

namespace xr::driver {

bool RunFiles::open(const std::string &results, const std::string &errors,
                    const std::string &report, std::string &error) {
  hasErrors_ = !errors.empty();
  hasReport_ = !report.empty();
  return results_.open(results, error) && (!hasErrors_ || errors_.open(errors, error)) &&
         (!hasReport_ || report_.open(report, error));
}

bool RunFiles::commit(std::string &error) {
  const bool ok = (!hasErrors_ || errors_.commit(error)) &&
                  (!hasReport_ || report_.commit(error)) && results_.commit(error);
  if (!ok)
    abandon();
  return ok;
}

void RunFiles::abandon() {
  results_.abandon();
  errors_.abandon();
  report_.abandon();
}

} // namespace xr::driver
