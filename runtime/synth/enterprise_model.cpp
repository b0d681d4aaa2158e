#include "runtime/synth/enterprise_model.h"

#include "runtime/synth/credit_code.h"
#include "runtime/synth/distributions.h"
#include "runtime/synth/portable_math.h"
#include "runtime/synth/random.h"
#include "runtime/synth/region.h"

#include <algorithm>
#include <cmath>

namespace xr::synth {
namespace {

// ---- The calibration. MISSION.md 1.2: 28,000 of 150,000 firms above designated size (18.7%);
// 62% of SMEs and 89% of large firms compliant. Under the national rule set a firm is compliant
// when no critical indicator fails, its total is at least 80 and no rectification is overdue.
// With plausible rates of critical lapses and partial failings, what mostly keeps an SME from
// compliance is a rectification it has not finished (it lacks the money and the staff; MISSION.md:
// a third of inspections are repeat visits). So two figures are fitted by evaluating generated
// populations with the rule set (tests/unit/synth_calibration_test.cpp checks that they still
// land): the chance that a problem due for rectification at an average SME is overdue, and the
// diligence of large firms. Every other rate is a plausible figure for an average SME (diligence z
// = 0), moved by diligence.
constexpr double kAboveScaleShare = 0.187;
constexpr double kSmeOverdueRate = 0.61;
constexpr double kAboveScaleOverdueRate = 0.10;
constexpr double kAboveScaleDiligence = 0.56;
constexpr double kSmeDiligence = 0.0; // the reference: the rates below are an average SME's
// SMEs differ more among themselves than large firms do.
constexpr double kSmeDiligenceSpread = 1.3;
constexpr double kAboveScaleDiligenceSpread = 1.0;
// Credit grades (A: three years without violation and high tax credit; C: repeated
// violations, dishonesty), by size, and what the grade says of diligence.
constexpr double kCreditWeightsAboveScale[3] = {0.30, 0.66, 0.04};
constexpr double kCreditWeightsSme[3] = {0.15, 0.77, 0.08};
constexpr double kCreditDiligence[3] = {0.6, 0.0, -0.8};
// Reported data truthful: 92% of large firms, 68% of SMEs, by credit grade (the weighted
// means are those figures).
constexpr double kTruthfulAboveScale[3] = {0.97, 0.915, 0.75};
constexpr double kTruthfulSme[3] = {0.85, 0.67, 0.50};
// 35% of SMEs have had no inspection contact (no previous tier); nearly every large firm has.
constexpr double kInspectedBeforeSme = 0.65;
constexpr double kInspectedBeforeAboveScale = 0.97;
// Last year's tier from last year's diligence relative to the size class (above scale, SME):
// about 2% red and 25% yellow among large firms inspected before, 13% and 33% among SMEs, a
// little better than this year's tiers.
constexpr double kPreviousRedBelow[2] = {-2.1, -1.6};
constexpr double kPreviousYellowBelow[2] = {-0.55, -0.1};

/// How strongly diligence moves a rate: the logit (or log-rate) shift per unit of z.
enum Strength { Weak, Medium, Strong };
constexpr double kStrength[3] = {0.4, 0.9, 1.1};

/// A firm's diligence and the factors e^(-s z) its rates are scaled by (computed once per firm:
/// the rates below then need no exp or log each).
struct Diligence {
  double z = 0;
  double factor[3] = {1, 1, 1};

  explicit Diligence(double zIn) : z(zIn) {
    for (int s = 0; s < 3; ++s)
      factor[s] = portableExp(-kStrength[s] * z);
  }
  /// The probability of a lapse whose probability is `base` at z = 0: logistic(logit(base) -
  /// s z), written as base f / (1 - base + base f).
  double lapse(double base, Strength s) const {
    const double f = factor[s];
    return base * f / (1.0 - base + base * f);
  }
  /// The probability of a good practice adopted by `base` of firms at z = 0.
  double adopt(double base, Strength s) const { return 1.0 - lapse(1.0 - base, s); }
  /// A Poisson mean that is `mean` at z = 0.
  double rate(double mean, Strength s) const { return mean * factor[s]; }
};

/// Ways an untruthful firm's reported figures depart from the truth (the cross-checks and C3
/// look for them).
struct Misreport {
  bool output = false; // production under-reported (electricity gives it away)
  bool tax = false;    // tax under-declared
  bool costs = false;  // costs inflated against revenue
  bool energy = false; // energy consumption or intensity under-reported
};

/// What the model knows of a firm beyond its record: the truth behind its reports.
struct Firm {
  bool large = false;
  Diligence diligence{0};
  double relativeDiligence = 0; // diligence minus its size class's mean
  Misreport misreport;
  double revenue = 0;     // 万元, true
  double outputValue = 0; // 万元, true
};

template <std::size_t N> double pickFrom(Rng &rng, const double (&values)[N]) {
  return values[rng.below(N)];
}

void drawIdentity(std::uint64_t seed, std::uint64_t index, Rng &rng, Firm &firm, Enterprise &e) {
  firm.large = bernoulli(rng, kAboveScaleShare);
  e.size = firm.large ? Size::AboveScale : Size::Sme;

  const auto all = regions();
  double weights[32];
  for (std::size_t i = 0; i < all.size(); ++i)
    weights[i] = all[i].weight;
  e.region = static_cast<std::uint8_t>(weightedIndex(rng, weights, all.size()));
  makeCreditCode(seed, index, all[e.region].divisionCode, e.id);

  const std::size_t credit =
      weightedIndex(rng, firm.large ? kCreditWeightsAboveScale : kCreditWeightsSme, 3);
  e.credit = static_cast<Credit>(credit);

  // Diligence relative to the firm's size class, then placed on the common scale.
  firm.relativeDiligence =
      kCreditDiligence[credit] + all[e.region].diligenceShift +
      (firm.large ? kAboveScaleDiligenceSpread : kSmeDiligenceSpread) * standardNormal(rng);
  firm.diligence =
      Diligence((firm.large ? kAboveScaleDiligence : kSmeDiligence) + firm.relativeDiligence);

  const bool truthful = bernoulli(rng, (firm.large ? kTruthfulAboveScale : kTruthfulSme)[credit]);
  if (!truthful) {
    // One way of misreporting, sometimes two.
    const int ways = bernoulli(rng, 0.25) ? 2 : 1;
    for (int i = 0; i < ways; ++i) {
      switch (weightedIndex(rng, {0.35, 0.25, 0.15, 0.25})) {
      case 0:
        firm.misreport.output = true;
        break;
      case 1:
        firm.misreport.tax = true;
        break;
      case 2:
        firm.misreport.costs = true;
        break;
      default:
        firm.misreport.energy = true;
        break;
      }
    }
  }

  // Last year's tier, for the firms inspected before: from last year's diligence, which moved.
  if (bernoulli(rng, firm.large ? kInspectedBeforeAboveScale : kInspectedBeforeSme)) {
    const double lastYear = firm.relativeDiligence + 0.5 * standardNormal(rng);
    const int size = firm.large ? 0 : 1;
    e.previousTier.set(lastYear < kPreviousRedBelow[size]      ? Tier::Red
                       : lastYear < kPreviousYellowBelow[size] ? Tier::Yellow
                                                               : Tier::Blue);
  }
}

void drawCompliance(const ModelSettings &settings, Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  e.businessLicenceValid = !bernoulli(rng, d.lapse(0.004, Strong));
  e.licenceExpiry =
      bernoulli(rng, d.lapse(0.008, Strong))
          ? settings.inspectionDate - static_cast<std::int32_t>(uniformInt(rng, 1, 400))
          : settings.inspectionDate + static_cast<std::int32_t>(uniformInt(rng, 0, 1800));

  e.contractsSampled = firm.large ? uniformInt(rng, 10, 30) : uniformInt(rng, 0, 10);
  e.contractsCompliant =
      e.contractsSampled - binomial(rng, e.contractsSampled, d.lapse(0.03, Medium));
  e.performanceRecordsComplete = !bernoulli(rng, d.lapse(0.10, Medium));

  // Main business revenue: 20 million yuan (2000 万元) is the line of designated size.
  if (firm.large) {
    firm.revenue = 2000.0 + logNormal(rng, 5000.0, 1.2);
  } else {
    do
      firm.revenue = logNormal(rng, 450.0, 0.9);
    while (firm.revenue >= 2000.0);
  }
  firm.revenue = roundTo(std::max(firm.revenue, 5.0), 2);
  const double margin = uniformReal(rng, 1.03, 1.45); // revenue / cost
  const double cost =
      firm.misreport.costs ? firm.revenue * uniformReal(rng, 1.15, 1.6) : firm.revenue / margin;
  const double taxBurden =
      firm.misreport.tax ? uniformReal(rng, 0.001, 0.008) : logNormal(rng, 0.028, 0.45);
  // Financial statements not obtained: every figure of them missing; tax data alone sometimes.
  if (!bernoulli(rng, firm.large ? 0.01 : 0.06)) {
    e.revenue.set(firm.revenue);
    e.cost.set(roundTo(cost, 2));
    if (!bernoulli(rng, 0.03))
      e.declaredTax.set(roundTo(firm.revenue * taxBurden, 2));
  }

  e.labourContractRate = bernoulli(rng, d.lapse(0.15, Medium)) ? uniformReal(rng, 0.6, 0.95)
                         : bernoulli(rng, 0.4)                 ? 1.0
                                                               : uniformReal(rng, 0.95, 1.0);
  e.labourContractRate = roundTo(e.labourContractRate, 3);
  e.socialInsurancePaid = !bernoulli(rng, d.lapse(0.12, Medium));
  switch (e.credit) {
  case Credit::A:
    e.violations3y = 0;
    break; // three years without violation
  case Credit::B:
    e.violations3y = poisson(rng, d.rate(0.25, Medium));
    break;
  case Credit::C:
    e.violations3y = 2 + poisson(rng, d.rate(1.0, Weak));
    break;
  }
}

void drawSafety(const ModelSettings &settings, Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  e.specialEquipmentTotal = firm.large            ? uniformInt(rng, 2, 40)
                            : bernoulli(rng, 0.3) ? 0
                                                  : uniformInt(rng, 1, 6);
  e.specialEquipmentTested = e.specialEquipmentTotal;
  if (e.specialEquipmentTotal > 0 && bernoulli(rng, d.lapse(0.015, Strong)))
    e.specialEquipmentTested -=
        uniformInt(rng, 1, std::min<std::int64_t>(e.specialEquipmentTotal, 3));

  e.fireFacilitiesOk = !bernoulli(rng, d.lapse(0.06, Medium));
  if (!bernoulli(rng, d.lapse(0.04, Medium))) // no test record at all otherwise
    e.lastFireCheck.set(settings.inspectionDate -
                        static_cast<std::int32_t>(bernoulli(rng, d.lapse(0.08, Medium))
                                                      ? uniformInt(rng, 366, 800)
                                                      : uniformInt(rng, 0, 364)));
  e.emergencyPlanFiled = !bernoulli(rng, d.lapse(0.10, Medium));
  e.drillsPerYear = bernoulli(rng, d.lapse(0.12, Medium)) ? 0 : 1 + poisson(rng, 0.5);
  if (!bernoulli(rng, d.lapse(0.08, Medium))) // no ledger of emergency supplies otherwise
    e.emergencySuppliesRate.set(roundTo(bernoulli(rng, d.lapse(0.15, Medium))
                                            ? uniformReal(rng, 0.5, 0.9)
                                            : uniformReal(rng, 0.9, 1.0),
                                        2));

  e.specialPosts = firm.large             ? uniformInt(rng, 3, 60)
                   : bernoulli(rng, 0.35) ? 0
                                          : uniformInt(rng, 1, 8);
  e.certifiedStaff = e.specialPosts;
  if (e.specialPosts > 0 && bernoulli(rng, d.lapse(0.12, Medium)))
    e.certifiedStaff -= uniformInt(rng, 1, std::max<std::int64_t>(1, e.specialPosts / 4));
  e.safetyProceduresFollowed = !bernoulli(rng, d.lapse(0.10, Medium));

  e.openHazards = poisson(rng, d.rate(0.3, Medium));
  e.openMajorHazards = bernoulli(rng, d.lapse(0.006, Strong)) ? 1 + bernoulli(rng, 0.2) : 0;
  e.majorHazardsRectified = poisson(rng, firm.large ? 0.25 : 0.1);
  e.accidents3y = poisson(rng, d.rate(0.04, Medium));
  e.majorAccidents3y = bernoulli(rng, d.lapse(0.002, Medium)) ? 1 : 0;
}

/// A monitored concentration against its limit: within it, or above it after a lapse.
double concentration(Rng &rng, double limit, bool exceeds) {
  return roundTo(limit * (exceeds ? uniformReal(rng, 1.02, 1.8) : uniformReal(rng, 0.15, 0.95)), 1);
}

void drawEnvironment(const ModelSettings &settings, Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  // Emission limits of GB 16297 (waste gas) and GB 8978 (COD, direct and indirect discharge).
  static constexpr double kGasLimits[] = {20, 30, 50, 100, 120, 200, 240, 550};
  static constexpr double kCodLimits[] = {50, 60, 100, 150, 500};
  if (bernoulli(rng, firm.large ? 0.7 : 0.45)) { // has a waste-gas outlet
    e.wasteGasLimit.set(pickFrom(rng, kGasLimits));
    const bool exceeds = bernoulli(rng, d.lapse(0.012, Strong));
    if (!bernoulli(rng, 0.04)) // no monitoring data this year otherwise
      e.wasteGasConc.set(concentration(rng, e.wasteGasLimit.value, exceeds));
  }
  if (bernoulli(rng, firm.large ? 0.6 : 0.35)) { // has a waste-water outlet
    e.wasteWaterCodLimit.set(pickFrom(rng, kCodLimits));
    const bool exceeds = bernoulli(rng, d.lapse(0.01, Strong));
    if (!bernoulli(rng, 0.04))
      e.wasteWaterCod.set(concentration(rng, e.wasteWaterCodLimit.value, exceeds));
  }

  // GB 12348 functional zones 1-4: day and night limits.
  static constexpr double kDayLimits[4] = {55, 60, 65, 70};
  static constexpr double kNightLimits[4] = {45, 50, 55, 55};
  const std::size_t zone = weightedIndex(rng, {0.05, 0.25, 0.6, 0.1});
  e.noiseDayLimit = kDayLimits[zone];
  e.noiseNightLimit = kNightLimits[zone];
  if (!bernoulli(rng, firm.large ? 0.02 : 0.08))
    e.noiseDay.set(roundTo(bernoulli(rng, d.lapse(0.05, Medium))
                               ? e.noiseDayLimit + uniformReal(rng, 0.5, 6.0)
                               : e.noiseDayLimit - uniformReal(rng, 1.0, 12.0),
                           1));
  if (!bernoulli(rng, firm.large ? 0.3 : 0.55)) // works at night
    e.noiseNight.set(roundTo(bernoulli(rng, d.lapse(0.06, Medium))
                                 ? e.noiseNightLimit + uniformReal(rng, 0.5, 6.0)
                                 : e.noiseNightLimit - uniformReal(rng, 1.0, 10.0),
                             1));

  e.solidWasteClassified = !bernoulli(rng, d.lapse(0.10, Medium));
  e.solidWasteStorageOk = !bernoulli(rng, d.lapse(0.12, Medium));
  e.hazardousWasteLicensed = !bernoulli(rng, d.lapse(0.08, Medium));

  // Energy and output: the truth first, then what is reported and what third parties see.
  firm.outputValue = firm.revenue * uniformReal(rng, 0.9, 1.15);
  const double intensity = logNormal(rng, 0.12, 0.8); // tce per 万元 of output
  const double energy = firm.outputValue * intensity;
  const double electricityShare = uniformReal(rng, 0.25, 0.85);
  const double kwh = energy * electricityShare / settings.tcePerKwh;
  const double tonnes = kwh / (settings.kwhPerTon * logNormal(rng, 1.0, 0.15));

  if (!bernoulli(rng, firm.large ? 0.02 : 0.08))
    e.outputValue.set(roundTo(firm.outputValue, 2));
  if (bernoulli(rng, firm.large ? 0.92 : 0.7)) { // energy statistics reported
    const bool underIntensity = firm.misreport.energy && bernoulli(rng, 0.5);
    const bool underEnergy = firm.misreport.energy && !underIntensity;
    e.energyPerUnit.set(
        roundTo(underIntensity ? intensity * uniformReal(rng, 0.45, 0.75) : intensity, 4));
    e.energyTce.set(roundTo(underEnergy ? energy * uniformReal(rng, 0.4, 0.7) : energy, 1));
    if (!bernoulli(rng, 0.1)) {
      // Most firms' intensity falls year on year; the careless ones' rises.
      const double change = bernoulli(rng, d.lapse(0.3, Weak)) ? uniformReal(rng, 0.0, 0.1)
                                                               : uniformReal(rng, -0.08, 0.0);
      e.energyPerUnitPrev.set(roundTo(e.energyPerUnit.value / (1.0 + change), 4));
    }
  }
  if (!bernoulli(rng, 0.05)) // the grid shares its data
    e.electricityKwh.set(roundTo(kwh, 0));
  if (!bernoulli(rng, firm.large ? 0.03 : 0.10))
    e.reportedOutput.set(
        roundTo(firm.misreport.output ? tonnes * uniformReal(rng, 0.45, 0.68) : tonnes, 1));

  e.dischargePermitValid = !bernoulli(rng, d.lapse(0.05, Medium));
  e.cleanProductionAudit = bernoulli(rng, d.adopt(firm.large ? 0.55 : 0.15, Weak));
  e.envViolations3y = poisson(rng, d.rate(0.006, Strong));
}

void drawQuality(Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  e.qualitySystemCertified = bernoulli(rng, d.adopt(firm.large ? 0.92 : 0.6, Medium));
  if (bernoulli(rng, firm.large ? 0.6 : 0.35)) // spot-checked this year
    e.spotCheckPassRate.set(
        bernoulli(rng, d.adopt(0.75, Medium)) ? 1.0 : roundTo(uniformReal(rng, 0.8, 0.99), 3));
  e.qualityComplaints = poisson(rng, d.rate(firm.large ? 2.0 : 0.5, Weak));
  e.qualityComplaintsResolved =
      e.qualityComplaints - binomial(rng, e.qualityComplaints, d.lapse(0.08, Medium));
  e.qualityIncidents = poisson(rng, d.rate(0.03, Medium));
  e.instrumentsCalibrated = !bernoulli(rng, d.lapse(0.07, Medium));
}

void drawDataSecurity(Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  const bool large = firm.large;
  e.dataSecurityOfficer = bernoulli(rng, d.adopt(large ? 0.9 : 0.55, Medium));
  e.accessControl = bernoulli(rng, d.adopt(large ? 0.93 : 0.7, Medium));
  e.dataSecurityTraining = bernoulli(rng, d.adopt(large ? 0.8 : 0.4, Medium));
  e.dataEncrypted = bernoulli(rng, d.adopt(large ? 0.9 : 0.5, Medium));
  if (!bernoulli(rng, d.lapse(0.06, Medium))) { // no backup at all otherwise
    static constexpr double kFrequent[] = {1, 1, 3, 7};
    static constexpr double kRare[] = {14, 30, 30, 90};
    e.backupIntervalDays.set(static_cast<std::int64_t>(
        bernoulli(rng, d.adopt(0.85, Medium)) ? pickFrom(rng, kFrequent) : pickFrom(rng, kRare)));
  }
  e.backupRestoreTested = bernoulli(rng, d.adopt(large ? 0.6 : 0.3, Medium));
  e.privacyProtected = !bernoulli(rng, d.lapse(0.10, Medium));
  e.incidentResponsePlan = bernoulli(rng, d.adopt(large ? 0.8 : 0.45, Medium));
  e.dataLeaks3y = bernoulli(rng, d.lapse(0.003, Strong)) ? 1 : 0;
}

void drawSocial(Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  e.csrReportPublished = bernoulli(rng, d.adopt(firm.large ? 0.45 : 0.08, Weak));
  if (!bernoulli(rng, d.lapse(0.10, Medium))) // no training records otherwise
    e.trainingHours.set(roundTo(logNormal(rng, firm.large ? 32.0 : 20.0, 0.5), 1));
  e.wageArrears = bernoulli(rng, d.lapse(0.025, Strong));
  e.labourDisputes = poisson(rng, d.rate(firm.large ? 0.4 : 0.1, Weak));

  // Complaints: the last 30 days are part of the year; a surge puts many of them there.
  e.complaintsYear = poisson(rng, d.rate(firm.large ? 4.0 : 1.0, Weak));
  if (bernoulli(rng, d.lapse(0.012, Medium))) {
    e.complaints30d = 5 + poisson(rng, 3.0);
    e.complaintsYear += e.complaints30d;
  } else {
    e.complaints30d = binomial(rng, e.complaintsYear, 30.0 / 365.0);
  }
  e.complaintsResolved = e.complaintsYear - binomial(rng, e.complaintsYear, d.lapse(0.06, Medium));
}

void drawInnovation(Rng &rng, Firm &firm, Enterprise &e) {
  if (!bernoulli(rng, firm.large ? 0.08 : 0.3))
    e.rdSpending.set(roundTo(firm.revenue * logNormal(rng, firm.large ? 0.018 : 0.008, 0.7), 2));
  e.validPatents = poisson(rng, logNormal(rng, firm.large ? 8.0 : 0.8, 1.0));
  e.techProjects3y = poisson(rng, firm.large ? 2.5 : 0.6);
}

void drawPolicy(const ModelSettings &settings, Rng &rng, Firm &firm, Enterprise &e) {
  const Diligence &d = firm.diligence;
  // Problems found at the last inspection and due for rectification by now.
  if (e.previousTier.present) {
    const double mean = e.previousTier.value == Tier::Red      ? 6.0
                        : e.previousTier.value == Tier::Yellow ? 4.0
                                                               : 1.2;
    e.rectificationsDue = poisson(rng, mean);
  }
  // A firm that falls behind on its rectifications usually leaves one or two problems open.
  if (e.rectificationsDue > 0 &&
      bernoulli(rng, d.lapse(firm.large ? kAboveScaleOverdueRate : kSmeOverdueRate, Strong)))
    e.overdueRectifications = 1 + binomial(rng, e.rectificationsDue - 1, 0.25);
  e.rectificationsDone = e.rectificationsDue - e.overdueRectifications;
  e.rebounds = binomial(rng, e.rectificationsDone, d.lapse(0.025, Medium));
  e.failedReinspections = binomial(rng, e.overdueRectifications + e.rebounds, 0.4);
  if (e.rectificationsDue > 0)
    e.rectificationDeadline.set(settings.inspectionDate +
                                static_cast<std::int32_t>(e.overdueRectifications > 0
                                                              ? uniformInt(rng, -120, -1)
                                                              : uniformInt(rng, -90, 60)));

  e.policyTasks = firm.large ? uniformInt(rng, 2, 8) : uniformInt(rng, 0, 3);
  e.policyTasksDone = e.policyTasks - binomial(rng, e.policyTasks, d.lapse(0.10, Medium));
  e.dataReportedOnTime = !bernoulli(rng, d.lapse(0.08, Medium));
  e.cooperated = !bernoulli(rng, d.lapse(0.06, Strong));
}

} // namespace

void drawEnterprise(const ModelSettings &settings, std::uint64_t seed, std::uint64_t index,
                    Enterprise &out) {
  out = Enterprise{};
  Rng rng(rowSeed(seed, index));
  Firm firm;
  drawIdentity(seed, index, rng, firm, out);
  drawCompliance(settings, rng, firm, out);
  drawSafety(settings, rng, firm, out);
  drawEnvironment(settings, rng, firm, out);
  drawQuality(rng, firm, out);
  drawDataSecurity(rng, firm, out);
  drawSocial(rng, firm, out);
  drawInnovation(rng, firm, out);
  drawPolicy(settings, rng, firm, out);
}

} // namespace xr::synth
