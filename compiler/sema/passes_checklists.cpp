// buildChecklists: the members of each checklist and the effective weight of every indicator
// in it. Names were resolved by sema (unknown ones reported as XR0104, retired indicators left
// out); this pass expands domains and `all`, reports duplicates (XR0205), empty checklists
// (XR0206) and a rule set with indicators but no checklist (XR0207).
#include "compiler/sema/passes.h"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <limits>

namespace xr::sema {

namespace {

/// Where each indicator came into the checklist: the item naming it (an indicator or a domain).
struct Listing {
  const ChecklistItemInfo *item = nullptr;
};

std::string itemText(const Model &model, const ChecklistItemInfo &item) {
  return fmt::format("{} {}", item.target.kind == SymbolKind::Domain ? "domain" : "indicator",
                     model.nameOf(item.target));
}

/// The indicators an item stands for, in rule-set order.
std::vector<std::uint32_t> expand(const Model &model, const ChecklistItemInfo &item) {
  if (item.target.kind == SymbolKind::Indicator)
    return {item.target.index};
  if (item.target.kind == SymbolKind::Domain && item.target.index < model.domains.size()) {
    std::vector<std::uint32_t> members = model.domains[item.target.index].indicators;
    std::sort(members.begin(), members.end());
    return members;
  }
  return {};
}

/// The edit that deletes an item together with the separator before it.
SourceRange removalRange(const ast::ChecklistDecl *decl, SourceRange item) {
  if (decl)
    for (std::size_t k = 1; k < decl->items.size(); ++k)
      if (decl->items[k].range == item)
        return {item.file, decl->items[k - 1].range.end, item.end};
  return item;
}

/// Expands the items, reporting each indicator (or domain) listed a second time.
std::vector<Listing> collect(const Model &model, const ChecklistInfo &checklist,
                             Diagnostics &diags) {
  const char *verb = checklist.decl && checklist.decl->all ? "excepted" : "listed";
  std::vector<Listing> byIndicator(model.indicators.size());
  for (std::size_t k = 0; k < checklist.items.size(); ++k) {
    const ChecklistItemInfo &item = checklist.items[k];
    auto earlierSame = std::find_if(
        checklist.items.begin(), checklist.items.begin() + static_cast<std::ptrdiff_t>(k),
        [&](const ChecklistItemInfo &other) { return other.target == item.target; });
    if (earlierSame != checklist.items.begin() + static_cast<std::ptrdiff_t>(k)) {
      diags
          .report(DiagCode::DuplicateInChecklist, item.range,
                  fmt::format("{} is {} twice in checklist {}", itemText(model, item), verb,
                              checklist.name))
          .note(earlierSame->range, "first listed here")
          .fix("remove the second listing", removalRange(checklist.decl, item.range), "");
      continue;
    }
    std::vector<std::string> again;
    const ChecklistItemInfo *first = nullptr;
    for (std::uint32_t i : expand(model, item)) {
      if (i >= byIndicator.size())
        continue;
      if (byIndicator[i].item) {
        again.push_back(model.indicators[i].name);
        if (!first)
          first = byIndicator[i].item;
        continue;
      }
      byIndicator[i].item = &item;
    }
    if (again.empty())
      continue;
    std::string message;
    if (item.target.kind == SymbolKind::Indicator)
      message = fmt::format("indicator {} is {} twice in checklist {}: {} already includes it",
                            again.front(), verb, checklist.name, itemText(model, *first));
    else
      message = fmt::format("domain {} {} {} again in checklist {}", model.nameOf(item.target),
                            again.size() == 1 ? "lists indicator" : "lists indicators",
                            fmt::join(again, ", "), checklist.name);
    Diagnostic &d = diags.report(DiagCode::DuplicateInChecklist, item.range, message);
    d.note(first->range, fmt::format("{} listed here", itemText(model, *first)));
    if (item.target.kind == SymbolKind::Indicator)
      d.fix("remove the second listing", removalRange(checklist.decl, item.range), "");
  }
  return byIndicator;
}

/// Whether some written item is neither resolved nor retired: an unknown name, reported by
/// sema already, which would make "empty" a follow-on error.
bool hasUnknownItem(const Model &model, const ChecklistInfo &checklist) {
  if (!checklist.decl)
    return false;
  for (const ast::Ident &written : checklist.decl->items) {
    const bool resolved =
        std::any_of(checklist.items.begin(), checklist.items.end(),
                    [&](const ChecklistItemInfo &i) { return i.range == written.range; });
    const bool retired = std::any_of(model.retired.begin(), model.retired.end(),
                                     [&](const RetiredInfo &r) { return r.name == written.text; });
    if (!resolved && !retired)
      return true;
  }
  return false;
}

/// a / b for non-negative integers, correctly rounded when both are exact in a double.
double ratio(std::int64_t a, std::int64_t b) {
  return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
}

/// a*b / (c*d), exact products when they fit in a double's 53 bits.
double ratioOfProducts(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
  constexpr std::int64_t exact = std::int64_t{1} << 53;
  auto fits = [&](std::int64_t x, std::int64_t y) { return x == 0 || y <= exact / x; };
  if (c == 0 || d == 0)
    return 0.0;
  if (fits(a, b) && fits(c, d))
    return ratio(a * b, c * d);
  return ratio(a, c) * ratio(b, d);
}

std::int64_t weightOf(const std::optional<WeightInfo> &w) {
  return w ? std::max<std::int64_t>(w->micro, 0) : 0;
}

std::vector<double> effectiveWeights(const Model &model,
                                     const std::vector<std::uint32_t> &members) {
  std::vector<double> out(model.indicators.size(), 0.0);
  if (members.empty())
    return out;
  if (!model.weightKind) {
    for (std::uint32_t i : members)
      out[i] = 1.0 / static_cast<double>(members.size());
    return out;
  }
  if (*model.weightKind == ast::WeightKind::Points) {
    std::int64_t total = 0;
    for (std::uint32_t i : members)
      total += weightOf(model.indicators[i].weight);
    for (std::uint32_t i : members)
      out[i] = ratio(weightOf(model.indicators[i].weight), total);
    return out;
  }
  // Shares: re-normalise the domains present, then the indicators within each domain.
  std::vector<std::int64_t> memberSum(model.domains.size(), 0);
  std::vector<bool> present(model.domains.size(), false);
  for (std::uint32_t i : members) {
    const std::uint32_t d = model.indicators[i].domain;
    if (d >= model.domains.size())
      continue;
    present[d] = true;
    memberSum[d] += weightOf(model.indicators[i].weight);
  }
  std::int64_t domainSum = 0;
  for (std::size_t d = 0; d < model.domains.size(); ++d)
    if (present[d])
      domainSum += weightOf(model.domains[d].weight);
  for (std::uint32_t i : members) {
    const std::uint32_t d = model.indicators[i].domain;
    if (d >= model.domains.size())
      continue;
    out[i] = ratioOfProducts(weightOf(model.domains[d].weight),
                             weightOf(model.indicators[i].weight), domainSum, memberSum[d]);
  }
  return out;
}

} // namespace

void buildChecklists(Model &model, Diagnostics &diags) {
  for (ChecklistInfo &checklist : model.checklists) {
    const std::vector<Listing> listed = collect(model, checklist, diags);
    const bool all = checklist.decl && checklist.decl->all;
    checklist.indicators.clear();
    for (std::uint32_t i = 0; i < model.indicators.size(); ++i)
      if ((listed[i].item != nullptr) != all)
        checklist.indicators.push_back(i);
    checklist.effectiveWeights = effectiveWeights(model, checklist.indicators);
    if (checklist.indicators.empty() && !hasUnknownItem(model, checklist))
      diags.report(DiagCode::EmptyChecklist, checklist.where.name,
                   all ? fmt::format("checklist {} has no indicator: `all except` leaves none out",
                                     checklist.name)
                       : fmt::format("checklist {} has no indicator; list indicators or domains, "
                                     "or write `all`",
                                     checklist.name));
  }
  // A file without a record is a library checked on its own: its importers add checklists.
  if (model.checklists.empty() && !model.indicators.empty() && model.record) {
    const IndicatorInfo &last = model.indicators.back();
    const SourceRange end = last.where.declaration;
    diags
        .report(DiagCode::NoChecklist, model.indicators.front().where.name,
                "the rule set has indicators but no checklist saying which apply to a record; "
                "add a checklist such as `checklist full for true { all }`")
        .fix("add a checklist of every indicator", SourceRange{end.file, end.end, end.end},
             "\n\nchecklist full for true { all }");
  }
}

} // namespace xr::sema
