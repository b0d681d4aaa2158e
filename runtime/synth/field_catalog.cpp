#include "runtime/synth/field_catalog.h"

#include "runtime/synth/region.h"

namespace xr::synth {
namespace {

FieldValue missing() { return FieldValue{false, 0, 0, {}}; }
FieldValue boolean(bool v) { return FieldValue{true, v ? 1 : 0, 0, {}}; }
FieldValue integer(std::int64_t v) { return FieldValue{true, v, 0, {}}; }
FieldValue integer(const Maybe<std::int64_t> &v) {
  return v.present ? integer(v.value) : missing();
}
FieldValue number(double v) { return FieldValue{true, 0, v, {}}; }
FieldValue number(const Maybe<double> &v) { return v.present ? number(v.value) : missing(); }
FieldValue date(std::int32_t days) { return FieldValue{true, days, 0, {}}; }
FieldValue date(const Maybe<std::int32_t> &v) { return v.present ? date(v.value) : missing(); }
FieldValue text(std::string_view v) { return FieldValue{true, 0, 0, v}; }
template <class E> FieldValue member(E v) {
  return FieldValue{true, static_cast<std::int64_t>(v), 0, {}};
}
template <class E> FieldValue member(const Maybe<E> &v) {
  return v.present ? member(v.value) : missing();
}

// Member names as the national rule set declares them, in the order of Size, Credit and Tier.
constexpr std::string_view kSizes[] = {"above_scale", "sme"};
constexpr std::string_view kCredits[] = {"A", "B", "C"};
constexpr std::string_view kTiers[] = {"red", "yellow", "blue"};
constexpr std::span<const std::string_view> kNone;

// In the order of the national record (rulesets/national/2023.xr), which is the column order of
// a population generated for it.
const FieldSpec kCatalog[] = {
    {"id", ValueKind::Text, false, kNone,
     [](const Enterprise &e) { return text(std::string_view(e.id, sizeof e.id)); }},
    {"region", ValueKind::Text, false, kNone,
     [](const Enterprise &e) { return text(regions()[e.region].name); }},
    {"size", ValueKind::Enum, false, kSizes, [](const Enterprise &e) { return member(e.size); }},
    {"credit", ValueKind::Enum, false, kCredits,
     [](const Enterprise &e) { return member(e.credit); }},
    {"previous_tier", ValueKind::Enum, true, kTiers,
     [](const Enterprise &e) { return member(e.previousTier); }},
    {"business_licence_valid", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.businessLicenceValid); }},
    {"licence_expiry", ValueKind::Date, false, kNone,
     [](const Enterprise &e) { return date(e.licenceExpiry); }},
    {"contracts_sampled", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.contractsSampled); }},
    {"contracts_compliant", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.contractsCompliant); }},
    {"performance_records_complete", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.performanceRecordsComplete); }},
    {"revenue", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.revenue); }},
    {"cost", ValueKind::Number, true, kNone, [](const Enterprise &e) { return number(e.cost); }},
    {"declared_tax", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.declaredTax); }},
    {"labour_contract_rate", ValueKind::Number, false, kNone,
     [](const Enterprise &e) { return number(e.labourContractRate); }},
    {"social_insurance_paid", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.socialInsurancePaid); }},
    {"violations_3y", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.violations3y); }},
    {"special_equipment_total", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.specialEquipmentTotal); }},
    {"special_equipment_tested", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.specialEquipmentTested); }},
    {"fire_facilities_ok", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.fireFacilitiesOk); }},
    {"last_fire_check", ValueKind::Date, true, kNone,
     [](const Enterprise &e) { return date(e.lastFireCheck); }},
    {"emergency_plan_filed", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.emergencyPlanFiled); }},
    {"drills_per_year", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.drillsPerYear); }},
    {"emergency_supplies_rate", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.emergencySuppliesRate); }},
    {"special_posts", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.specialPosts); }},
    {"certified_staff", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.certifiedStaff); }},
    {"safety_procedures_followed", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.safetyProceduresFollowed); }},
    {"open_hazards", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.openHazards); }},
    {"open_major_hazards", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.openMajorHazards); }},
    {"major_hazards_rectified", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.majorHazardsRectified); }},
    {"accidents_3y", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.accidents3y); }},
    {"major_accidents_3y", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.majorAccidents3y); }},
    {"waste_gas_conc", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.wasteGasConc); }},
    {"waste_gas_limit", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.wasteGasLimit); }},
    {"waste_water_cod", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.wasteWaterCod); }},
    {"waste_water_cod_limit", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.wasteWaterCodLimit); }},
    {"noise_day", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.noiseDay); }},
    {"noise_night", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.noiseNight); }},
    {"noise_day_limit", ValueKind::Number, false, kNone,
     [](const Enterprise &e) { return number(e.noiseDayLimit); }},
    {"noise_night_limit", ValueKind::Number, false, kNone,
     [](const Enterprise &e) { return number(e.noiseNightLimit); }},
    {"solid_waste_classified", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.solidWasteClassified); }},
    {"solid_waste_storage_ok", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.solidWasteStorageOk); }},
    {"hazardous_waste_licensed", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.hazardousWasteLicensed); }},
    {"energy_per_unit", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.energyPerUnit); }},
    {"energy_per_unit_prev", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.energyPerUnitPrev); }},
    {"energy_tce", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.energyTce); }},
    {"output_value", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.outputValue); }},
    {"electricity_kwh", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.electricityKwh); }},
    {"reported_output", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.reportedOutput); }},
    {"discharge_permit_valid", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.dischargePermitValid); }},
    {"clean_production_audit", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.cleanProductionAudit); }},
    {"env_violations_3y", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.envViolations3y); }},
    {"quality_system_certified", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.qualitySystemCertified); }},
    {"spot_check_pass_rate", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.spotCheckPassRate); }},
    {"quality_complaints", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.qualityComplaints); }},
    {"quality_complaints_resolved", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.qualityComplaintsResolved); }},
    {"quality_incidents", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.qualityIncidents); }},
    {"instruments_calibrated", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.instrumentsCalibrated); }},
    {"data_security_officer", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.dataSecurityOfficer); }},
    {"access_control", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.accessControl); }},
    {"data_security_training", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.dataSecurityTraining); }},
    {"data_encrypted", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.dataEncrypted); }},
    {"backup_interval_days", ValueKind::Int, true, kNone,
     [](const Enterprise &e) { return integer(e.backupIntervalDays); }},
    {"backup_restore_tested", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.backupRestoreTested); }},
    {"privacy_protected", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.privacyProtected); }},
    {"incident_response_plan", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.incidentResponsePlan); }},
    {"data_leaks_3y", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.dataLeaks3y); }},
    {"csr_report_published", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.csrReportPublished); }},
    {"training_hours", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.trainingHours); }},
    {"wage_arrears", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.wageArrears); }},
    {"labour_disputes", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.labourDisputes); }},
    {"complaints_year", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.complaintsYear); }},
    {"complaints_resolved", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.complaintsResolved); }},
    {"complaints_30d", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.complaints30d); }},
    {"rd_spending", ValueKind::Number, true, kNone,
     [](const Enterprise &e) { return number(e.rdSpending); }},
    {"valid_patents", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.validPatents); }},
    {"tech_projects_3y", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.techProjects3y); }},
    {"rectifications_due", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.rectificationsDue); }},
    {"rectifications_done", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.rectificationsDone); }},
    {"overdue_rectifications", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.overdueRectifications); }},
    {"rebounds", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.rebounds); }},
    {"failed_reinspections", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.failedReinspections); }},
    {"rectification_deadline", ValueKind::Date, true, kNone,
     [](const Enterprise &e) { return date(e.rectificationDeadline); }},
    {"policy_tasks", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.policyTasks); }},
    {"policy_tasks_done", ValueKind::Int, false, kNone,
     [](const Enterprise &e) { return integer(e.policyTasksDone); }},
    {"data_reported_on_time", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.dataReportedOnTime); }},
    {"cooperated", ValueKind::Bool, false, kNone,
     [](const Enterprise &e) { return boolean(e.cooperated); }},
};

} // namespace

std::span<const FieldSpec> fieldCatalog() { return kCatalog; }

const FieldSpec *findField(std::string_view name) {
  for (const FieldSpec &spec : kCatalog)
    if (spec.name == name)
      return &spec;
  return nullptr;
}

std::string_view kindName(ValueKind kind) {
  switch (kind) {
  case ValueKind::Bool:
    return "bool";
  case ValueKind::Int:
    return "int";
  case ValueKind::Number:
    return "number";
  case ValueKind::Date:
    return "date";
  case ValueKind::Text:
    return "text";
  case ValueKind::Enum:
    return "enum";
  }
  return "?";
}

} // namespace xr::synth
