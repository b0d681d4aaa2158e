// The LLJIT session: code for the host runs, reaches the registry's kernels and the host
// helpers by their symbols, sees nothing else of the process, and never contracts a multiply
// and an add into one rounding.
#include "runtime/builtins/registry.h"
#include "runtime/jit/session.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <string>

namespace xr::jit {
namespace {

std::unique_ptr<Session> makeSession() {
  std::string error;
  auto session = Session::create(error);
  EXPECT_TRUE(session) << error;
  return session;
}

template <class F> F compiled(Session &session, const std::string &assembly, const char *name) {
  std::string error;
  EXPECT_TRUE(session.addAssembly(assembly, error)) << error;
  void *address = session.lookup(name, error);
  EXPECT_TRUE(address) << error;
  return reinterpret_cast<F>(address);
}

TEST(JitSession, RunsCodeCompiledForTheHost) {
  auto session = makeSession();
  ASSERT_TRUE(session);
  EXPECT_FALSE(session->host().triple.empty());
  EXPECT_FALSE(session->host().cpu.empty());
  auto add = compiled<std::int64_t (*)(std::int64_t, std::int64_t)>(
      *session, "define i64 @add(i64 %a, i64 %b) {\n  %s = add i64 %a, %b\n  ret i64 %s\n}\n",
      "add");
  ASSERT_TRUE(add);
  EXPECT_EQ(add(2, 40), 42);
  EXPECT_EQ(add(-7, 7), 0);
}

TEST(JitSession, CallsTheRegistrysKernelsByTheirSymbols) {
  auto session = makeSession();
  ASSERT_TRUE(session);
  // min(number, number) puts -0 below +0; a pure kernel.
  auto minimum = compiled<double (*)(double, double)>(
      *session,
      "declare double @xr_min_number(double, double)\n"
      "define double @m(double %a, double %b) {\n"
      "  %r = call double @xr_min_number(double %a, double %b)\n  ret double %r\n}\n",
      "m");
  ASSERT_TRUE(minimum);
  EXPECT_TRUE(std::signbit(minimum(0.0, -0.0)));
  EXPECT_EQ(minimum(3.0, 2.0), 2.0);

  // sqrt is failable: a return code and an out parameter.
  auto root = compiled<std::int32_t (*)(double, double *)>(
      *session,
      "declare i32 @xr_sqrt(ptr, ptr, double)\n"
      "define i32 @r(double %x, ptr %out) {\n"
      "  %c = call i32 @xr_sqrt(ptr null, ptr %out, double %x)\n  ret i32 %c\n}\n",
      "r");
  ASSERT_TRUE(root);
  double out = 0;
  EXPECT_EQ(root(16.0, &out), XR_KERNEL_OK);
  EXPECT_EQ(out, 4.0);
  EXPECT_EQ(root(-1.0, &out), XR_KERNEL_DOMAIN);
}

TEST(JitSession, CallsTheTextHelper) {
  auto session = makeSession();
  ASSERT_TRUE(session);
  auto equal = compiled<bool (*)(const char *, std::int64_t, const char *, std::int64_t)>(
      *session,
      "declare zeroext i1 @xr_jit_text_equal(ptr, i64, ptr, i64)\n"
      "define zeroext i1 @e(ptr %a, i64 %n, ptr %b, i64 %m) {\n"
      "  %r = call zeroext i1 @xr_jit_text_equal(ptr %a, i64 %n, ptr %b, i64 %m)\n"
      "  ret i1 %r\n}\n",
      "e");
  ASSERT_TRUE(equal);
  EXPECT_TRUE(equal("巡查", 6, "巡查", 6));
  EXPECT_FALSE(equal("巡查", 6, "巡", 3));
}

TEST(JitSession, SeesNoOtherSymbolOfTheProcess) {
  auto session = makeSession();
  ASSERT_TRUE(session);
  std::string error;
  // `puts` is in the process (the C library) but not among the host symbols.
  ASSERT_TRUE(session->addAssembly("declare i32 @puts(ptr)\n"
                                   "define i32 @p(ptr %s) {\n"
                                   "  %r = call i32 @puts(ptr %s)\n  ret i32 %r\n}\n",
                                   error))
      << error;
  EXPECT_EQ(session->lookup("p", error), nullptr);
  EXPECT_NE(error.find("puts"), std::string::npos) << error;
  for (const std::string &name : Session::hostSymbols())
    EXPECT_NE(name, "puts");
}

TEST(JitSession, ReportsAssemblyThatDoesNotParse) {
  auto session = makeSession();
  ASSERT_TRUE(session);
  std::string error;
  EXPECT_FALSE(session->addAssembly("define i64 @f( {", error));
  EXPECT_FALSE(error.empty());
}

TEST(JitSession, NeverFusesAMultiplyAndAnAdd) {
  auto session = makeSession();
  ASSERT_TRUE(session);
  // (1 + 2^-30)^2 - (1 + 2^-29): rounded after the multiply it is 0; fused it is 2^-60.
  auto f = compiled<double (*)(double, double, double)>(
      *session,
      "define double @f(double %a, double %b, double %c) {\n"
      "  %p = fmul double %a, %b\n  %s = fadd double %p, %c\n  ret double %s\n}\n",
      "f");
  ASSERT_TRUE(f);
  const double a = 1.0 + std::ldexp(1.0, -30);
  EXPECT_EQ(f(a, a, -(1.0 + std::ldexp(1.0, -29))), 0.0);
}

TEST(JitSession, NamesTheLlvmVersion) { EXPECT_EQ(llvmVersion().rfind("19.", 0), 0u); }

} // namespace
} // namespace xr::jit
