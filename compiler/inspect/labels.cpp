#include "compiler/inspect/labels.h"

#include <utility>
#include <vector>

namespace xr::inspect {
namespace {

const Labels kChinese{
    .htmlLanguage = "zh-CN",
    .colon = "：",
    .counted = "{}（{}）",
    .arrow = "→",
    .handbook = "{} 指标手册",
    .overview = "概况",
    .version = "版本",
    .file = "文件",
    .extends = "继承",
    .weights = "权重方式",
    .weightShares = "按比例（领域权重合计100%，领域内指标权重合计100%）",
    .weightPoints = "按分值（各指标分值相加）",
    .weightNone = "不加权（每项指标1分）",
    .domains = "领域",
    .indicators = "指标",
    .checklists = "巡查清单",
    .effectiveWeights = "有效权重",
    .checks = "数据比对",
    .values = "综合得分与计算值",
    .tables = "决策表",
    .frequency = "巡查频次",
    .outputs = "输出",
    .rules = "规则",
    .escalations = "升级处置",
    .deadlines = "期限",
    .calendars = "工作日历",
    .reports = "统计报表",
    .params = "参数",
    .fields = "记录字段",
    .changeLog = "变更记录",
    .changeLogAgainst = "相对于 {}（{}）的变化。",
    .changeLogNone = "本规则集不继承其他规则集，没有变更记录。",
    .name = "代码",
    .title = "名称",
    .weight = "权重",
    .weightInDomain = "权重（领域内）",
    .effectiveWeight = "有效权重",
    .domain = "领域",
    .severity = "严重程度",
    .missing = "缺失数据",
    .basis = "依据",
    .source = "定义位置",
    .overridden = "修改位置",
    .scoring = "评分方式",
    .scoringPass = "合格得100分，不合格得0分",
    .scoringScore = "按评分公式计分，不低于60分为合格",
    .scoringBoth = "按评分公式计分，按合格条件判定",
    .selector = "适用对象",
    .listing = "指标",
    .memberCount = "指标数",
    .condition = "条件",
    .outcome = "结果",
    .hit = "命中策略",
    .type = "类型",
    .unit = "单位",
    .key = "主键",
    .defaultValue = "默认值",
    .initial = "初始值",
    .value = "计算",
    .kind = "种类",
    .flags = "标记",
    .items = "项目",
    .target = "目标",
    .year = "年份",
    .holidays = "放假天数",
    .workdays = "调休上班天数",
    .perYear = "次/年",
    .groupBy = "分组",
    .member = "等级",
    .none = "—",
    .missingNotNeeded = "无需规定（所用数据不会缺失）",
    .property = "项目",
    .content = "内容",
    .total = "合计",
    .hitFirst = "first：按顺序取第一条满足条件的行",
    .hitUnique = "unique：至多一行满足条件，多行满足为记录错误",
    .hitAny = "any：满足条件的各行结果须一致",
    .hitPriority = "priority：取满足条件的结果中排序最前者",
    .hitCollect = "collect：汇总所有满足条件的行",
    .rulesNote = "规则按书写顺序执行：条件成立时依次赋值，后执行的规则可改写前面的结果。",
    .escalationsNote = "条件成立的升级处置全部触发，互不影响。",
    .effectiveWeightsNote =
        "有效权重是指标在清单综合得分中的实际权重：领域权重按清单内的领域重新归一，"
        "乘以指标在领域内按清单内指标重新归一的权重（数据缺失时，未评价的指标不计，"
        "其余再次归一）。",
    .comparison = "{} → {}",
    .summary = "概览",
    .added = "新增",
    .removed = "删除",
    .retired = "退出",
    .changed = "修改",
    .unchanged = "未变",
    .before = "之前",
    .after = "之后",
    .change = "变化",
    .identical = "两个规则集的内容相同。",
    .unchangedRest = "其余 {} 项不变。",
    .rows = "行",
    .calendarYears = "工作日历年份",
    .yearsAdded = "新增年份：{}",
    .yearsRemoved = "删除年份：{}",
    .population = "对企业数据的影响（{}）",
    .records = "记录数",
    .compared = "两版均评价成功",
    .unreadable = "无法读取",
    .recordErrors = "评价出错",
    .tierMovement = "风险等级变化（{} → {}）",
    .tierTable = "风险等级",
    .moreSevere = "升级（风险更高）",
    .lessSevere = "降级（风险更低）",
    .sameTier = "等级不变",
    .fromTo = "之前 \\ 之后",
    .errorTier = "出错",
    .missingTier = "无",
    .failsInOne = "仅在一版中出错或无法读取的记录",
    .record = "记录",
    .indicatorFlips = "指标合格情况变化（两版均适用的指标）",
    .newlyFailing = "由合格变为不合格",
    .newlyPassing = "由不合格变为合格",
    .averageScore = "平均{}",
    .movedRecords = "等级变化的记录",
    .andMore = "……另有 {} 条",
};

const Labels kEnglish{
    .htmlLanguage = "en",
    .colon = ": ",
    .counted = "{} ({})",
    .arrow = "->",
    .handbook = "{}: indicator handbook",
    .overview = "Overview",
    .version = "version",
    .file = "file",
    .extends = "extends",
    .weights = "weights",
    .weightShares = "shares (domain weights sum to 100%, indicator weights in each domain too)",
    .weightPoints = "points (the indicators' points add up)",
    .weightNone = "none (every indicator counts one point)",
    .domains = "Domains",
    .indicators = "Indicators",
    .checklists = "Checklists",
    .effectiveWeights = "Effective weights",
    .checks = "Cross-checks",
    .values = "Scores and values",
    .tables = "Decision tables",
    .frequency = "Frequency",
    .outputs = "Outputs",
    .rules = "Rules",
    .escalations = "Escalations",
    .deadlines = "Deadlines",
    .calendars = "Calendars",
    .reports = "Reports",
    .params = "Params",
    .fields = "Record fields",
    .changeLog = "Change log",
    .changeLogAgainst = "What changed since {} ({}).",
    .changeLogNone = "This rule set extends no other, so it has no change log.",
    .name = "name",
    .title = "title",
    .weight = "weight",
    .weightInDomain = "weight (in its domain)",
    .effectiveWeight = "effective weight",
    .domain = "domain",
    .severity = "severity",
    .missing = "missing data",
    .basis = "basis",
    .source = "declared at",
    .overridden = "overridden at",
    .scoring = "scoring",
    .scoringPass = "100 when it passes, 0 when it fails",
    .scoringScore = "the score; it passes at 60 or more",
    .scoringBoth = "the score; passes by its pass condition",
    .selector = "applies to",
    .listing = "indicators",
    .memberCount = "count",
    .condition = "condition",
    .outcome = "outcome",
    .hit = "hit policy",
    .type = "type",
    .unit = "unit",
    .key = "key",
    .defaultValue = "default",
    .initial = "initial value",
    .value = "value",
    .kind = "kind",
    .flags = "flags",
    .items = "items",
    .target = "target",
    .year = "year",
    .holidays = "days off",
    .workdays = "working weekend days",
    .perYear = "per year",
    .groupBy = "by",
    .member = "outcome",
    .none = "-",
    .missingNotNeeded = "none needed (no input it reads can be missing)",
    .property = "property",
    .content = "value",
    .total = "total",
    .hitFirst = "first: the first row whose condition holds",
    .hitUnique = "unique: at most one row may hold; two are a record error",
    .hitAny = "any: the rows that hold must agree",
    .hitPriority = "priority: of the outcomes that hold, the one listed first",
    .hitCollect = "collect: every row that holds",
    .rulesNote = "Rules apply in the order written: when its condition holds a rule assigns its "
                 "outputs, and a later rule can change what an earlier one assigned.",
    .escalationsNote = "Every escalation whose condition holds fires; they do not interact.",
    .effectiveWeightsNote =
        "An effective weight is an indicator's share of a checklist's total score: its domain's "
        "weight re-normalised over the domains in the checklist, times its weight re-normalised "
        "over its domain's indicators in the checklist (indicators not assessed for missing "
        "data drop out and the rest re-normalise again).",
    .comparison = "{} -> {}",
    .summary = "Summary",
    .added = "added",
    .removed = "removed",
    .retired = "retired",
    .changed = "changed",
    .unchanged = "unchanged",
    .before = "before",
    .after = "after",
    .change = "change",
    .identical = "The two rule sets say the same.",
    .unchangedRest = "Unchanged: {} more.",
    .rows = "rows",
    .calendarYears = "Calendar years",
    .yearsAdded = "added: {}",
    .yearsRemoved = "removed: {}",
    .population = "Effect on the records of {}",
    .records = "records",
    .compared = "evaluated by both",
    .unreadable = "unreadable",
    .recordErrors = "record errors",
    .tierMovement = "Tier movement ({} -> {})",
    .tierTable = "tier",
    .moreSevere = "to a more severe tier",
    .lessSevere = "to a less severe tier",
    .sameTier = "same tier",
    .fromTo = "before \\ after",
    .errorTier = "error",
    .missingTier = "none",
    .failsInOne = "Records that fail in one rule set only",
    .record = "record",
    .indicatorFlips = "Indicators that change outcome (applicable in both)",
    .newlyFailing = "pass -> fail",
    .newlyPassing = "fail -> pass",
    .averageScore = "average {}",
    .movedRecords = "Records that change tier",
    .andMore = "... and {} more",
};

bool isIdeograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

std::string_view lookup(const std::vector<std::pair<std::string_view, std::string_view>> &table,
                        std::string_view key) {
  for (const auto &[k, v] : table)
    if (k == key)
      return v;
  return {};
}

} // namespace

Language languageOf(std::string_view title) {
  for (std::size_t i = 0; i + 2 < title.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(title[i]);
    if ((b0 >> 4) != 0xE)
      continue;
    const char32_t cp = ((b0 & 0x0F) << 12) |
                        ((static_cast<unsigned char>(title[i + 1]) & 0x3F) << 6) |
                        (static_cast<unsigned char>(title[i + 2]) & 0x3F);
    if (isIdeograph(cp))
      return Language::Chinese;
  }
  return Language::English;
}

const Labels &labelsFor(Language language) {
  return language == Language::Chinese ? kChinese : kEnglish;
}

std::string kindLabel(const Labels &labels, std::string_view kind) {
  const std::vector<std::pair<std::string_view, std::string_view>> table = {
      {"field", labels.fields},        {"param", labels.params},
      {"domain", labels.domains},      {"indicator", labels.indicators},
      {"check", labels.checks},        {"checklist", labels.checklists},
      {"value", labels.values},        {"table", labels.tables},
      {"frequency", labels.frequency}, {"output", labels.outputs},
      {"rule", labels.rules},          {"escalation", labels.escalations},
      {"deadline", labels.deadlines},  {"report", labels.reports},
  };
  const std::string_view found = lookup(table, kind);
  return std::string(found.empty() ? kind : found);
}

std::string aspectLabel(const Labels &labels, std::string_view aspect) {
  const bool zh = &labels == &kChinese;
  const std::vector<std::pair<std::string_view, std::string_view>> table = {
      {"title", labels.title},
      {"type", labels.type},
      {"unit", labels.unit},
      {"key", labels.key},
      {"default", labels.defaultValue},
      {"weight", labels.weight},
      {"domain", labels.domain},
      {"severity", labels.severity},
      {"missing", labels.missing},
      {"basis", labels.basis},
      {"score", zh ? "评分（score）" : "score"},
      {"pass", zh ? "合格条件（pass when）" : "pass when"},
      {"when", labels.condition},
      {"flags", labels.flags},
      {"selector", labels.selector},
      {"members", zh ? "成员指标" : "members"},
      {"kind", labels.kind},
      {"value", labels.value},
      {"hit", labels.hit},
      {"row", labels.rows},
      {"row order", zh ? "行顺序" : "row order"},
      {"table", labels.tables},
      {"initial", labels.initial},
      {"assignments", zh ? "赋值" : "assignments"},
      {"actions", zh ? "处置措施" : "actions"},
      {"by", labels.groupBy},
      {"let", zh ? "中间值 let" : "let"},
      {"item", zh ? "统计项" : "item"},
      {"target", labels.target},
  };
  if (const std::string_view whole = lookup(table, aspect); !whole.empty())
    return std::string(whole);
  const std::size_t space = aspect.find(' ');
  if (space != std::string_view::npos)
    if (const std::string_view head = lookup(table, aspect.substr(0, space)); !head.empty())
      return std::string(head) + " " + std::string(aspect.substr(space + 1));
  return std::string(aspect);
}

std::string factLabel(const Labels &labels, std::string_view fact) {
  if (fact == "rows")
    return std::string(labels.rows);
  if (fact == "items")
    return std::string(labels.items);
  if (fact == "members")
    return std::string(labels.memberCount);
  if (fact == "table")
    return std::string(labels.tierTable);
  return aspectLabel(labels, fact);
}

std::string severityLabel(const Labels &labels, std::string_view severity) {
  if (&labels != &kChinese || severity.empty())
    return std::string(severity);
  const std::string_view word = severity == "critical" ? "关键"
                                : severity == "major"  ? "重要"
                                : severity == "minor"  ? "一般"
                                                       : "";
  return word.empty() ? std::string(severity)
                      : std::string(word) + "（" + std::string(severity) + "）";
}

std::string missingLabel(const Labels &labels, std::string_view policy) {
  const bool zh = &labels == &kChinese;
  std::string words;
  if (policy == "not_assessed")
    words = zh ? "不评价，不计入综合得分（权重重新归一）"
               : "not assessed: left out of the weighted score (weights re-normalise)";
  else if (policy == "fail")
    words = zh ? "判为不合格，0分" : "fails, score 0";
  else if (policy == "pass")
    words = zh ? "判为合格，100分" : "passes, score 100";
  else if (policy == "skip")
    words = zh ? "不比对，不标记" : "skipped: no flag raised";
  else if (policy == "flag")
    words = zh ? "视为异常，标记" : "the flags are raised";
  else if (policy.rfind("score ", 0) == 0)
    words =
        zh ? "计" + std::string(policy.substr(6)) + "分" : "score " + std::string(policy.substr(6));
  else
    return std::string(policy);
  return words + (zh ? "（" : " (") + std::string(policy) + (zh ? "）" : ")");
}

std::string hitLabel(const Labels &labels, std::string_view hit) {
  if (hit == "first")
    return std::string(labels.hitFirst);
  if (hit == "unique")
    return std::string(labels.hitUnique);
  if (hit == "any")
    return std::string(labels.hitAny);
  if (hit == "priority")
    return std::string(labels.hitPriority);
  if (hit == "collect")
    return std::string(labels.hitCollect);
  return std::string(hit);
}

std::string aspectValue(const Labels &labels, std::string_view aspect, const std::string &value) {
  if (aspect == "severity")
    return severityLabel(labels, value);
  if (aspect == "missing")
    return missingLabel(labels, value);
  return value;
}

std::string fill(std::string_view pattern, const std::string &value) {
  std::string out(pattern);
  if (const std::size_t at = out.find("{}"); at != std::string::npos)
    out.replace(at, 2, value);
  return out;
}

std::string fill(std::string_view pattern, const std::string &first, const std::string &second) {
  std::string out(pattern);
  const std::size_t at = out.find("{}");
  if (at == std::string::npos)
    return out;
  out.replace(at, 2, first);
  if (const std::size_t next = out.find("{}", at + first.size()); next != std::string::npos)
    out.replace(next, 2, second);
  return out;
}

} // namespace xr::inspect
