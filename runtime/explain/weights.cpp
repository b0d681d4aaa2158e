#include "runtime/explain/weights.h"

namespace xr::explain {
namespace {

/// Weights of the indicators `counted` selects, re-normalised as the weighted score does:
/// within each domain, then across the domains that have any (shares); or over all (points).
void normalise(const ir::WeightedStmt &w, std::size_t c, const std::vector<bool> &counted,
               std::vector<double> &indicator, std::vector<double> &domain) {
  const std::size_t indicators = w.indicatorDomain.size();
  const std::size_t domains = w.domainScores.size();
  const std::vector<double> &iw = w.indicatorWeight[c];
  const std::vector<double> &dw = w.domainWeight[c];
  std::vector<double> domainSum(domains, 0.0);
  double pointSum = 0;
  for (std::size_t i = 0; i < indicators; ++i)
    if (counted[i] && w.indicatorDomain[i] < domains) {
      domainSum[w.indicatorDomain[i]] += iw[i];
      pointSum += iw[i];
    }
  double domainWeightSum = 0;
  for (std::size_t d = 0; d < domains; ++d)
    if (domainSum[d] > 0)
      domainWeightSum += dw[d];
  indicator.assign(indicators, 0.0);
  domain.assign(domains, 0.0);
  for (std::size_t d = 0; d < domains; ++d) {
    if (domainSum[d] <= 0)
      continue;
    domain[d] =
        w.points ? domainSum[d] / pointSum : (domainWeightSum > 0 ? dw[d] / domainWeightSum : 0.0);
  }
  for (std::size_t i = 0; i < indicators; ++i) {
    const std::uint32_t d = w.indicatorDomain[i];
    if (!counted[i] || d >= domains)
      continue;
    indicator[i] = w.points ? iw[i] / pointSum : domain[d] * iw[i] / domainSum[d];
  }
}

} // namespace

EffectiveWeights effectiveWeights(const ir::WeightedStmt &weighted, std::size_t checklist,
                                  const std::vector<ir::Status> &statuses) {
  EffectiveWeights out;
  if (checklist >= weighted.indicatorWeight.size())
    return out;
  const std::size_t indicators = weighted.indicatorDomain.size();
  std::vector<bool> member(indicators), assessed(indicators);
  for (std::size_t i = 0; i < indicators; ++i) {
    member[i] = weighted.indicatorWeight[checklist][i] > 0;
    const ir::Status s = i < statuses.size() ? statuses[i] : ir::Status::NotApplicable;
    assessed[i] = member[i] && (s == ir::Status::Pass || s == ir::Status::Fail);
  }
  std::vector<double> ignored;
  normalise(weighted, checklist, member, out.nominal, ignored);
  normalise(weighted, checklist, assessed, out.effective, out.domain);
  return out;
}

} // namespace xr::explain
