#pragma once
// One synthetic enterprise: every input of the national record (rulesets/national/2023.xr),
// typed, before it is written as text or put in a batch. Plain members, so the model that
// draws them (enterprise_model.h) reads like the record it feeds.
#include <cstdint>

namespace xr::synth {

/// A value that some enterprises lack (the record's `T?` fields).
template <class T> struct Maybe {
  T value{};
  bool present = false;
  void set(T v) {
    value = v;
    present = true;
  }
};

enum class Size : std::uint8_t { AboveScale, Sme };
enum class Credit : std::uint8_t { A, B, C };
enum class Tier : std::uint8_t { Red, Yellow, Blue };

struct Enterprise {
  // Basic information
  char id[18];             // 统一社会信用代码, GB 32100-2015, check characters included
  std::uint8_t region = 0; // index into regions() (region.h)
  Size size = Size::Sme;
  Credit credit = Credit::B;
  Maybe<Tier> previousTier;

  // Compliant operation
  bool businessLicenceValid = true;
  std::int32_t licenceExpiry = 0; // days since 1970-01-01
  std::int64_t contractsSampled = 0;
  std::int64_t contractsCompliant = 0;
  bool performanceRecordsComplete = true;
  Maybe<double> revenue, cost, declaredTax; // 万元
  double labourContractRate = 1;
  bool socialInsurancePaid = true;
  std::int64_t violations3y = 0;

  // Work safety
  std::int64_t specialEquipmentTotal = 0;
  std::int64_t specialEquipmentTested = 0;
  bool fireFacilitiesOk = true;
  Maybe<std::int32_t> lastFireCheck;
  bool emergencyPlanFiled = true;
  std::int64_t drillsPerYear = 0;
  Maybe<double> emergencySuppliesRate;
  std::int64_t specialPosts = 0;
  std::int64_t certifiedStaff = 0;
  bool safetyProceduresFollowed = true;
  std::int64_t openHazards = 0;
  std::int64_t openMajorHazards = 0;
  std::int64_t majorHazardsRectified = 0;
  std::int64_t accidents3y = 0;
  std::int64_t majorAccidents3y = 0;

  // Environmental protection
  Maybe<double> wasteGasConc, wasteGasLimit;       // mg/m3
  Maybe<double> wasteWaterCod, wasteWaterCodLimit; // mg/L
  Maybe<double> noiseDay, noiseNight;              // dB(A)
  double noiseDayLimit = 65;
  double noiseNightLimit = 55;
  bool solidWasteClassified = true;
  bool solidWasteStorageOk = true;
  bool hazardousWasteLicensed = true;
  Maybe<double> energyPerUnit, energyPerUnitPrev; // tce/万元
  Maybe<double> energyTce;
  Maybe<double> outputValue; // 万元
  Maybe<double> electricityKwh;
  Maybe<double> reportedOutput; // t
  bool dischargePermitValid = true;
  bool cleanProductionAudit = false;
  std::int64_t envViolations3y = 0;

  // Quality management
  bool qualitySystemCertified = true;
  Maybe<double> spotCheckPassRate;
  std::int64_t qualityComplaints = 0;
  std::int64_t qualityComplaintsResolved = 0;
  std::int64_t qualityIncidents = 0;
  bool instrumentsCalibrated = true;

  // Data security
  bool dataSecurityOfficer = true;
  bool accessControl = true;
  bool dataSecurityTraining = true;
  bool dataEncrypted = true;
  Maybe<std::int64_t> backupIntervalDays;
  bool backupRestoreTested = true;
  bool privacyProtected = true;
  bool incidentResponsePlan = true;
  std::int64_t dataLeaks3y = 0;

  // Social responsibility
  bool csrReportPublished = false;
  Maybe<double> trainingHours;
  bool wageArrears = false;
  std::int64_t labourDisputes = 0;
  std::int64_t complaintsYear = 0;
  std::int64_t complaintsResolved = 0;
  std::int64_t complaints30d = 0;

  // Innovation
  Maybe<double> rdSpending; // 万元
  std::int64_t validPatents = 0;
  std::int64_t techProjects3y = 0;

  // Policy implementation
  std::int64_t rectificationsDue = 0;
  std::int64_t rectificationsDone = 0;
  std::int64_t overdueRectifications = 0;
  std::int64_t rebounds = 0;
  std::int64_t failedReinspections = 0;
  Maybe<std::int32_t> rectificationDeadline;
  std::int64_t policyTasks = 0;
  std::int64_t policyTasksDone = 0;
  bool dataReportedOnTime = true;
  bool cooperated = true;
};

} // namespace xr::synth
