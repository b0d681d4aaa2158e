// checkWeights: one kind of weight throughout, shares that sum to exactly 100% among
// siblings, weights in range, every indicator in a domain and weighted when weights are used.
//
// Decisions (docs/design-decisions.md, "Weights"):
// - The kind of the rule set is the kind of its first weight in source order; XR0202 points
//   at the first weight of the other kind. With mixed kinds no sum is checked (every sum
//   would be wrong for the same reason).
// - Under points a domain carries no weight: a domain weight is XR0202 with a fix removing it.
// - A rule set with no weight at all is valid: every indicator then counts equally.
// - Sums are checked only over groups whose weights are all present and in range, so one
//   mistake gives one diagnostic.
#include "compiler/sema/passes.h"
#include "compiler/sema/passes_support.h"

#include <algorithm>
#include <fmt/format.h>

namespace xr::sema {

namespace {

constexpr std::int64_t kHundredPercent = 100'000'000; // in millionths of a percent
constexpr std::int64_t kHundredth = 10'000;           // 0.01% in millionths of a percent

/// A written weight and whose it is, for messages.
struct WeightSite {
  const WeightInfo *weight = nullptr;
  std::string owner; // "domain safety", "indicator C1"
};

std::string weightSpecText(ast::WeightKind kind, std::int64_t micro) {
  return "weight " + passes::formatWeight(kind, micro);
}

/// Weights scaled to sum to exactly 100% in steps of 0.01%: exact when the proportional values
/// need no rounding, else by largest remainder. None when a weight would become 0.
std::optional<std::vector<std::int64_t>> rebalance(const std::vector<std::int64_t> &weights) {
  std::int64_t sum = 0; // shares in range: at most 10^8 each, no overflow
  for (std::int64_t w : weights)
    sum += w;
  if (sum <= 0)
    return std::nullopt;
  constexpr std::int64_t units = kHundredPercent / kHundredth;
  std::vector<std::int64_t> scaled(weights.size());
  std::vector<std::int64_t> remainders(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const std::int64_t product = weights[i] * units;
    scaled[i] = static_cast<std::int64_t>(product / sum);
    remainders[i] = product % sum;
    given += scaled[i];
  }
  std::vector<std::size_t> byRemainder(weights.size());
  for (std::size_t i = 0; i < byRemainder.size(); ++i)
    byRemainder[i] = i;
  std::stable_sort(byRemainder.begin(), byRemainder.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < units && k < byRemainder.size(); ++k, ++given)
    ++scaled[byRemainder[k]];
  for (std::int64_t &value : scaled) {
    if (value <= 0)
      return std::nullopt;
    value *= kHundredth;
  }
  return scaled;
}

/// XR0201 / XR0203 for one group of sibling shares, all present and in range.
void checkShareSum(const std::vector<WeightSite> &group, DiagCode code, const std::string &what,
                   Diagnostics &diags) {
  if (group.empty())
    return;
  std::int64_t sum = 0;
  std::vector<std::int64_t> values;
  for (const WeightSite &site : group) {
    sum += site.weight->micro;
    values.push_back(site.weight->micro);
  }
  if (sum == kHundredPercent)
    return;
  Diagnostic &d =
      diags.report(code, group.front().weight->range,
                   fmt::format("{} sum to {}, not 100%", what, passes::formatShare(sum)));
  for (const WeightSite &site : group)
    d.note(site.weight->range, fmt::format("{} declared here with {}", site.owner,
                                           passes::formatShare(site.weight->micro)));
  if (auto scaled = rebalance(values)) {
    std::vector<TextEdit> edits;
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < group.size(); ++i) {
      edits.push_back(
          {group[i].weight->range, weightSpecText(ast::WeightKind::Share, (*scaled)[i])});
      shown.push_back(passes::formatShare((*scaled)[i]));
    }
    std::string list;
    for (const std::string &s : shown)
      list += (list.empty() ? "" : ", ") + s;
    d.fix(fmt::format("scale the weights proportionally to sum to 100%: {}", list),
          std::move(edits));
  }
}

bool inRange(const WeightInfo &w) {
  return w.micro > 0 && (w.kind == ast::WeightKind::Points || w.micro <= kHundredPercent);
}

void checkRanges(const std::vector<WeightSite> &sites, Diagnostics &diags) {
  for (const WeightSite &site : sites) {
    const WeightInfo &w = *site.weight;
    if (w.micro <= 0)
      diags.report(DiagCode::WeightOutOfRange, w.range,
                   fmt::format("weight {} of {} must be more than 0; retire or leave out an "
                               "indicator that should not count",
                               passes::formatWeight(w.kind, w.micro), site.owner));
    else if (!inRange(w))
      diags.report(DiagCode::WeightOutOfRange, w.range,
                   fmt::format("weight {} of {} is more than 100%", passes::formatShare(w.micro),
                               site.owner));
  }
}

/// Where a weight clause can be inserted into an indicator header: after the domain, title or
/// name, whichever comes last.
SourceRange indicatorWeightInsertion(const ast::IndicatorDecl &decl) {
  SourceRange at = decl.name.range;
  if (decl.title && decl.title->range.end > at.end)
    at = decl.title->range;
  if (decl.domain && decl.domain->range.end > at.end)
    at = decl.domain->range;
  return {at.file, at.end, at.end};
}

SourceRange domainWeightInsertion(const ast::DomainDecl &decl) {
  SourceRange at = decl.title ? decl.title->range : decl.name.range;
  return {at.file, at.end, at.end};
}

void checkDomainMembership(const Model &model, Diagnostics &diags) {
  for (const IndicatorInfo &indicator : model.indicators) {
    // A domain written but unknown is XR0103, reported where names are resolved.
    if (indicator.domainWritten || indicator.domain != kNoIndex)
      continue;
    Diagnostic &d =
        diags.report(DiagCode::MissingDomain, indicator.where.name,
                     fmt::format("indicator {} has no domain; write `in DOMAIN` after its name",
                                 indicator.name));
    if (model.domains.size() == 1 && indicator.decl) {
      const ast::IndicatorDecl &decl = *indicator.decl;
      const SourceRange after = decl.title ? decl.title->range : decl.name.range;
      d.fix(fmt::format("put {} in domain {}", indicator.name, model.domains.front().name),
            SourceRange{after.file, after.end, after.end}, " in " + model.domains.front().name);
    }
  }
  for (const DomainInfo &domain : model.domains)
    if (domain.indicators.empty())
      diags.report(DiagCode::EmptyDomain, domain.where.name,
                   fmt::format("domain {} has no indicator; put indicators in it with `in {}` "
                               "or remove it",
                               domain.name, domain.name));
}

/// Of a group of sibling weights: the sum of those written, how many are missing, and whether
/// all those written are in range.
struct Gap {
  std::int64_t present = 0;
  std::size_t missing = 0;
  bool allInRange = true;
};

void checkShares(const Model &model, Diagnostics &diags) {
  // Domains.
  Gap domainGap;
  std::vector<WeightSite> domainGroup;
  for (const DomainInfo &domain : model.domains) {
    if (!domain.weight) {
      ++domainGap.missing;
      continue;
    }
    domainGap.allInRange = domainGap.allInRange && inRange(*domain.weight);
    domainGap.present += domain.weight->micro;
    domainGroup.push_back({&*domain.weight, "domain " + domain.name});
  }
  for (const DomainInfo &domain : model.domains) {
    if (domain.weight)
      continue;
    Diagnostic &d = diags.report(
        DiagCode::MissingWeight, domain.where.name,
        fmt::format("domain {} has no weight; with shares every domain needs one", domain.name));
    if (domainGap.missing == 1 && domainGap.allInRange && domainGap.present < kHundredPercent &&
        domain.decl) {
      const std::string text =
          weightSpecText(ast::WeightKind::Share, kHundredPercent - domainGap.present);
      d.fix("add " + text, domainWeightInsertion(*domain.decl), " " + text);
    }
  }
  if (domainGap.missing == 0 && domainGap.allInRange)
    checkShareSum(domainGroup, DiagCode::DomainWeightSum, "domain weights", diags);

  // Indicators, domain by domain.
  for (const DomainInfo &domain : model.domains) {
    Gap gap;
    std::vector<WeightSite> group;
    for (std::uint32_t i : domain.indicators) {
      const IndicatorInfo &indicator = model.indicators.at(i);
      if (!indicator.weight) {
        ++gap.missing;
        continue;
      }
      gap.allInRange = gap.allInRange && inRange(*indicator.weight);
      gap.present += indicator.weight->micro;
      group.push_back({&*indicator.weight, indicator.name});
    }
    for (std::uint32_t i : domain.indicators) {
      const IndicatorInfo &indicator = model.indicators.at(i);
      if (indicator.weight)
        continue;
      Diagnostic &d = diags.report(
          DiagCode::MissingWeight, indicator.where.name,
          fmt::format("indicator {} has no weight; with shares every indicator needs one",
                      indicator.name));
      if (gap.missing == 1 && gap.allInRange && gap.present < kHundredPercent && indicator.decl) {
        const std::string text =
            weightSpecText(ast::WeightKind::Share, kHundredPercent - gap.present);
        d.fix("add " + text, indicatorWeightInsertion(*indicator.decl), " " + text);
      }
    }
    if (gap.missing == 0 && gap.allInRange)
      checkShareSum(group, DiagCode::IndicatorWeightSum,
                    fmt::format("weights in domain {}", domain.name), diags);
  }
}

void checkPoints(const Model &model, Diagnostics &diags) {
  for (const DomainInfo &domain : model.domains) {
    if (!domain.weight)
      continue;
    diags
        .report(DiagCode::MixedWeightKinds, domain.weight->range,
                fmt::format("domain {} has a weight, but with points a domain is worth the sum "
                            "of its indicators' points",
                            domain.name))
        .fix("remove the domain's weight", domain.weight->range, "");
  }
  for (const IndicatorInfo &indicator : model.indicators) {
    if (indicator.weight)
      continue;
    diags.report(DiagCode::MissingWeight, indicator.where.name,
                 fmt::format("indicator {} has no points; with points every indicator needs "
                             "some, as in `weight 5 points`",
                             indicator.name));
  }
}

} // namespace

void checkWeights(Model &model, Diagnostics &diags) {
  checkDomainMembership(model, diags);

  std::vector<WeightSite> sites;
  for (const DomainInfo &domain : model.domains)
    if (domain.weight)
      sites.push_back({&*domain.weight, "domain " + domain.name});
  for (const IndicatorInfo &indicator : model.indicators)
    if (indicator.weight)
      sites.push_back({&*indicator.weight, "indicator " + indicator.name});
  model.weightKind.reset();
  if (sites.empty())
    return; // no weights: every indicator counts equally

  const passes::SourceOrder order(model);
  std::stable_sort(sites.begin(), sites.end(), [&](const WeightSite &a, const WeightSite &b) {
    return order.before(a.weight->range, b.weight->range);
  });
  const WeightSite &first = sites.front();
  const ast::WeightKind kind = first.weight->kind;
  model.weightKind = kind;
  checkRanges(sites, diags);

  auto other = std::find_if(sites.begin(), sites.end(),
                            [&](const WeightSite &s) { return s.weight->kind != kind; });
  if (other != sites.end()) {
    const char *used = kind == ast::WeightKind::Share ? "shares" : "points";
    const char *mixed = kind == ast::WeightKind::Share ? "points" : "a share";
    diags
        .report(DiagCode::MixedWeightKinds, other->weight->range,
                fmt::format("weight {} of {} is {}, but this rule set uses {}; use one kind "
                            "of weight throughout",
                            passes::formatWeight(other->weight->kind, other->weight->micro),
                            other->owner, mixed, used))
        .note(first.weight->range,
              fmt::format("the first weight, {} of {}, is {}",
                          passes::formatWeight(kind, first.weight->micro), first.owner,
                          kind == ast::WeightKind::Share ? "a share" : "points"));
    return;
  }
  if (kind == ast::WeightKind::Share)
    checkShares(model, diags);
  else
    checkPoints(model, diags);
}

} // namespace xr::sema
