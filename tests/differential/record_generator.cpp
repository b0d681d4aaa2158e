#include "tests/differential/record_generator.h"

#include <fmt/format.h>

namespace xr::differential {
namespace {

class RecordDraws {
public:
  RecordDraws(const Schema &schema, std::uint64_t seed) : schema_(schema), draw_(seed) {}

  std::string cell(const FieldSpec &field, std::size_t row) {
    if (field.key)
      return fmt::format("r{:04}", row + 1);
    if (field.optional && draw_.chance(20))
      return "";
    switch (field.type.kind) {
    case Kind::Int:
      return intValue();
    case Kind::Number:
      return numberValue();
    case Kind::Bool: {
      static const std::vector<std::string> pool = {"true", "false", "true", "false", "1", "0"};
      return draw_.one(pool);
    }
    case Kind::Text: {
      static const std::vector<std::string> pool = {"杭州", "宁波", "温州", "a",    "abc",
                                                    "巡查", "ab",   "a,b",  "x\"y", "巡查组"};
      return draw_.one(pool);
    }
    case Kind::Date:
      return dateValue();
    case Kind::Enum: {
      const EnumSpec &e = schema_.enums[static_cast<std::size_t>(field.type.enumId)];
      const std::size_t i = draw_.below(e.members.size());
      return !e.labels[i].empty() && draw_.chance(30) ? e.labels[i] : e.members[i];
    }
    case Kind::None:
      break;
    }
    return "";
  }

private:
  const Schema &schema_;
  Draw draw_;

  std::string intValue() {
    static const std::vector<std::string> edges = {"0",
                                                   "1",
                                                   "-1",
                                                   "59",
                                                   "60",
                                                   "100",
                                                   "101",
                                                   "2",
                                                   "3",
                                                   "7",
                                                   "365",
                                                   "-100",
                                                   "9223372036854775807",
                                                   "-9223372036854775807",
                                                   "4611686018427387904",
                                                   "3037000500",
                                                   "3000000"};
    if (draw_.chance(80))
      return fmt::format("{}", draw_.between(-5, 40));
    // The huge ones (overflow on every multiplication) only now and then.
    return draw_.chance(85) ? draw_.one(std::vector<std::string>(edges.begin(), edges.begin() + 12))
                            : draw_.one(edges);
  }

  std::string numberValue() {
    static const std::vector<std::string> edges = {
        "0",      "-0",    "0.5",   "59.999", "60",  "100",  "100.5", "-0.25", "1e6",
        "1e-300", "1e300", "2.675", "99.99",  "40%", "-7.5", "1250",  "0.1"};
    if (draw_.chance(75))
      return fmt::format("{}", static_cast<double>(draw_.between(-80, 480)) / 4.0);
    return draw_.one(edges);
  }

  std::string iso(std::int32_t y, std::int32_t m, std::int32_t d) {
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  }

  std::string dateValue() {
    const std::int32_t year =
        schema_.calendarYears.empty() ? 2024 : draw_.one(schema_.calendarYears);
    // With a calendar, dates outside its years make every working-day computation fail.
    if (!schema_.calendarYears.empty() && draw_.chance(60))
      return iso(year, static_cast<std::int32_t>(draw_.between(1, 12)),
                 static_cast<std::int32_t>(draw_.between(1, 28)));
    switch (draw_.below(30)) {
    case 0:
      return iso(year, 1, 1);
    case 1:
      return iso(year, 12, 31);
    case 2:
      return iso(year - 1, 12, 31);
    case 3:
      return iso(year + 1, 1, 1);
    case 4:
      if (!schema_.holidays.empty())
        return draw_.one(schema_.holidays);
      return iso(year, 10, 1);
    case 5:
      return draw_.chance(30) ? "9999-12-31" : draw_.chance(50) ? "0001-01-01" : iso(year, 6, 30);
    case 6:
      return iso(year, 12, static_cast<std::int32_t>(draw_.between(20, 31)));
    default: {
      const std::int32_t month = static_cast<std::int32_t>(draw_.between(1, 12));
      return iso(year, month, static_cast<std::int32_t>(draw_.between(1, 28)));
    }
    }
  }
};

std::string quoted(const std::string &cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos)
    return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace

RecordTable generateRecords(const Schema &schema, std::size_t count, std::uint64_t seed) {
  RecordTable table;
  for (const FieldSpec &f : schema.fields)
    table.header.push_back(f.name);
  RecordDraws draws(schema, seed);
  for (std::size_t r = 0; r < count; ++r) {
    std::vector<std::string> row;
    for (const FieldSpec &f : schema.fields)
      row.push_back(draws.cell(f, r));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string renderCsv(const RecordTable &table) {
  std::string out;
  const auto lineOf = [&](const std::vector<std::string> &cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i)
        out += ',';
      out += quoted(cells[i]);
    }
    out += '\n';
  };
  lineOf(table.header);
  for (const auto &row : table.rows)
    lineOf(row);
  return out;
}

} // namespace xr::differential
