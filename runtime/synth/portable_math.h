#pragma once
// exp and log computed from +, -, *, / and exact scalings only, so they give the same bits on
// every IEEE-754 machine (the project compiles with -ffp-contract=off: no fused operations). The
// C library's exp and log are not required to be correctly rounded and differ between libraries
// and versions; the population must not.
//
// Accuracy is a few units in the last place, plenty for sampling.

namespace xr::synth {

/// e^x; 0 below -745, +infinity above 709.
double portableExp(double x);
/// The natural logarithm of x > 0 (x <= 0 gives -infinity).
double portableLog(double x);

} // namespace xr::synth
