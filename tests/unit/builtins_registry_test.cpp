// The registry: one entry per Fn at its index, unique symbols, signatures and kernels that agree
// with the entries, and the lookups the checker and the language server use.
#include "runtime/builtins/kernel_error.h"
#include "runtime/builtins/kernels.h"
#include "runtime/builtins/registry.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace xr::builtins {
namespace {

constexpr std::size_t kCount = static_cast<std::size_t>(Fn::Count_);

std::string_view typeWord(TypeKind kind) {
  switch (kind) {
  case TypeKind::Bool:
    return "bool";
  case TypeKind::Int:
    return "int";
  case TypeKind::Number:
    return "number";
  case TypeKind::Text:
    return "text";
  case TypeKind::Date:
    return "date";
  default:
    return "?";
  }
}

TEST(BuiltinsRegistry, EveryFnHasExactlyOneEntryAtItsIndex) {
  const auto &entries = all();
  ASSERT_EQ(entries.size(), kCount);
  for (std::size_t i = 0; i < kCount; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(entries[i].id), i) << entries[i].name;
    EXPECT_EQ(&get(static_cast<Fn>(i)), &entries[i]);
  }
}

TEST(BuiltinsRegistry, SymbolsAreUniqueAndEveryEntryHasAKernel) {
  std::set<std::string_view> symbols;
  std::set<const void *> kernels;
  for (const Builtin &b : all()) {
    EXPECT_TRUE(symbols.insert(b.symbol).second) << "duplicate symbol " << b.symbol;
    EXPECT_TRUE(b.symbol.starts_with("xr_")) << b.symbol;
    ASSERT_NE(b.kernel, nullptr) << b.name;
    EXPECT_TRUE(kernels.insert(b.kernel).second) << "two entries share the kernel of " << b.name;
  }
}

TEST(BuiltinsRegistry, SignatureTextSaysWhatTheTypesSay) {
  for (const Builtin &b : all()) {
    std::string expected = std::string(b.name) + "(";
    for (std::size_t i = 0; i < b.params.size(); ++i)
      expected += std::string(i ? ", " : "") + std::string(typeWord(b.params[i]));
    expected += ") -> " + std::string(typeWord(b.result));
    EXPECT_EQ(b.signature, expected);
  }
}

TEST(BuiltinsRegistry, EveryEntryIsDocumentedInASentence) {
  for (const Builtin &b : all()) {
    ASSERT_FALSE(b.doc.empty()) << b.name;
    EXPECT_EQ(b.doc.back(), '.') << b.name;
  }
}

TEST(BuiltinsRegistry, KernelsAreTheHeaderFunctions) {
  // The inline kernels have one address everywhere: the one the registry hands the JIT.
  EXPECT_EQ(get(Fn::MaxNumber).kernel, reinterpret_cast<const void *>(&xr_max_number));
  EXPECT_EQ(get(Fn::Round).kernel, reinterpret_cast<const void *>(&xr_round));
  EXPECT_EQ(get(Fn::RoundTo).kernel, reinterpret_cast<const void *>(&xr_round_to));
  EXPECT_EQ(get(Fn::Length).kernel, reinterpret_cast<const void *>(&xr_length));
  EXPECT_EQ(get(Fn::AddWorkdays).kernel, reinterpret_cast<const void *>(&xr_add_workdays));
  EXPECT_EQ(get(Fn::EndsWith).symbol, "xr_ends_with");
}

TEST(BuiltinsRegistry, KernelsCanBeCalledThroughTheRegistry) {
  using Pure = double (*)(double, double);
  const auto max = reinterpret_cast<Pure>(get(Fn::MaxNumber).kernel);
  EXPECT_EQ(max(2.0, 3.5), 3.5);

  using Failable = std::int32_t (*)(const XrKernelContext *, std::int64_t *, double);
  const auto floor = reinterpret_cast<Failable>(get(Fn::Floor).kernel);
  std::int64_t out = 0;
  EXPECT_EQ(floor(nullptr, &out, -2.5), XR_KERNEL_OK);
  EXPECT_EQ(out, -3);
}

TEST(BuiltinsRegistry, FailableAndCalendarFlags) {
  const std::set<Fn> failable = {
      Fn::AbsInt,      Fn::ClampInt,        Fn::ClampNumber, Fn::Round, Fn::RoundTo, Fn::Floor,
      Fn::Ceil,        Fn::Trunc,           Fn::Sqrt,        Fn::Pow,   Fn::AddDays, Fn::AddMonths,
      Fn::AddWorkdays, Fn::WorkdaysBetween, Fn::IsWorkday};
  const std::set<Fn> calendar = {Fn::AddWorkdays, Fn::WorkdaysBetween, Fn::IsWorkday};
  for (const Builtin &b : all()) {
    EXPECT_EQ(b.failable, failable.contains(b.id)) << b.name;
    EXPECT_EQ(b.needsCalendar, calendar.contains(b.id)) << b.name;
  }
}

TEST(BuiltinsRegistry, NamesAreAsWrittenInRulesSortedAndDistinct) {
  const std::vector<std::string_view> expected = {"abs",
                                                  "add_days",
                                                  "add_months",
                                                  "add_workdays",
                                                  "ceil",
                                                  "clamp",
                                                  "contains",
                                                  "day_of_month",
                                                  "days_between",
                                                  "ends_with",
                                                  "floor",
                                                  "is_workday",
                                                  "length",
                                                  "max",
                                                  "min",
                                                  "month",
                                                  "pow",
                                                  "round",
                                                  "sqrt",
                                                  "starts_with",
                                                  "trunc",
                                                  "weekday",
                                                  "workdays_between",
                                                  "year"};
  EXPECT_EQ(names(), expected);
}

TEST(BuiltinsRegistry, OverloadsComeInRegistryOrder) {
  const auto round = overloads("round");
  ASSERT_EQ(round.size(), 2u);
  EXPECT_EQ(round[0]->id, Fn::Round);
  EXPECT_EQ(round[1]->id, Fn::RoundTo);
  EXPECT_EQ(round[1]->params, (std::vector<TypeKind>{TypeKind::Number, TypeKind::Int}));

  const auto max = overloads("max");
  ASSERT_EQ(max.size(), 2u);
  EXPECT_EQ(max[0]->id, Fn::MaxInt); // int before number
  EXPECT_EQ(max[1]->id, Fn::MaxNumber);

  const auto length = overloads("length");
  ASSERT_EQ(length.size(), 1u);
  EXPECT_EQ(length[0]->result, TypeKind::Int);

  EXPECT_TRUE(overloads("maximum").empty());
  EXPECT_TRUE(overloads("").empty());
}

TEST(BuiltinsRegistry, EveryKernelErrorHasItsOwnText) {
  const std::int32_t codes[] = {XR_KERNEL_DATE_OUT_OF_RANGE, XR_KERNEL_NO_CALENDAR,
                                XR_KERNEL_DOMAIN, XR_KERNEL_OVERFLOW};
  std::set<std::string_view> texts;
  for (const std::int32_t code : codes) {
    const std::string_view text = kernelErrorText(code);
    EXPECT_TRUE(texts.insert(text).second) << text;
    EXPECT_NE(text, kernelErrorText(-1));
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(text.front()))) << text;
  }
  EXPECT_EQ(kernelErrorText(XR_KERNEL_NO_CALENDAR), "no calendar covers a date it needs");
}

} // namespace
} // namespace xr::builtins
