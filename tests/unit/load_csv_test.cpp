// CSV input: RFC 4180 quoting, line endings, BOM, blank lines, every bad-data case with its
// line, column and reason, and the same result however the input is cut into chunks.
#include "load_testing.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace xr::load {
namespace {

using testing::enterprise;
using testing::kEnterpriseHeader;
using testing::loadText;

const std::string header = kEnterpriseHeader;

TEST(LoadCsv, ReadsEveryTypeAndKeepsInputOrder) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, header + "e1,above_scale,2025-01-31,3,0.5,true,1200.5,ok\n"
                                           "e2,中小企业,2024-02-29,0,85%,否,,\n"
                                           "e3,sme,2030-12-31,-2,1e3,1,  ,  spaced  \n");
  EXPECT_EQ(loaded.openError, "");
  EXPECT_EQ(loaded.columns.size(), 8u);
  ASSERT_EQ(loaded.rows.size(), 3u) << ::testing::PrintToString(loaded.errorLines());
  EXPECT_EQ(loaded.rows[0], "e1|above_scale|2025-01-31|3|0.5|true|1200.5|ok");
  EXPECT_EQ(loaded.rows[1], "e2|sme|2024-02-29|0|0.85|false|-|-");
  EXPECT_EQ(loaded.rows[2], "e3|sme|2030-12-31|-2|1000|true|-|  spaced  ");
  EXPECT_EQ(loaded.records, (std::vector<std::uint64_t>{0, 1, 2}));
  EXPECT_TRUE(loaded.errors.empty());
}

TEST(LoadCsv, QuotedCells) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(
      p, header + "\"e,1\",sme,2025-01-31,3,0.5,true,,\"say \"\"hi\"\"\"\n"
                  "\"e2\",\"sme\",\"2025-01-31\",\"3\",\"0.5\",\"true\",\"\",\"two\nlines, "
                  "and a comma\"\n"
                  "e3,sme,2025-01-31,3,0.5,true,,\"\"\"\"\n"
                  "e4,sme,2025-01-31,3,0.5,true,,\"\"\n");
  ASSERT_EQ(loaded.rows.size(), 4u) << ::testing::PrintToString(loaded.errorLines());
  EXPECT_EQ(loaded.rows[0], "e,1|sme|2025-01-31|3|0.5|true|-|say \"hi\"");
  EXPECT_EQ(loaded.rows[1], "e2|sme|2025-01-31|3|0.5|true|-|two\nlines, and a comma");
  EXPECT_EQ(loaded.rows[2], "e3|sme|2025-01-31|3|0.5|true|-|\"");
  EXPECT_EQ(loaded.rows[3], "e4|sme|2025-01-31|3|0.5|true|-|-") << "\"\" is an empty cell";
}

TEST(LoadCsv, CrlfBomAndNoFinalLineFeed) {
  const ir::Program p = enterprise();
  const std::string crlf = "\xEF\xBB\xBF"
                           "id,size,license_expiry,drills,ratio,checked,revenue,note\r\n"
                           "e1,sme,2025-01-31,3,0.5,true,,a\r\n"
                           "e2,sme,2025-01-31,3,0.5,true,,\"b\r\nc\"\r\n"
                           "e3,sme,2025-01-31,3,0.5,true,7,\r\n"
                           "e4,sme,2025-01-31,3,0.5,true,,\"d\"";
  const auto loaded = loadText(p, crlf);
  EXPECT_EQ(loaded.columns.front(), "id") << "the BOM is not part of the first name";
  ASSERT_EQ(loaded.rows.size(), 4u) << ::testing::PrintToString(loaded.errorLines());
  EXPECT_EQ(loaded.rows[0], "e1|sme|2025-01-31|3|0.5|true|-|a");
  EXPECT_EQ(loaded.rows[1], "e2|sme|2025-01-31|3|0.5|true|-|b\r\nc") << "quoted text is kept";
  EXPECT_EQ(loaded.rows[2], "e3|sme|2025-01-31|3|0.5|true|7|-");
  EXPECT_EQ(loaded.rows[3], "e4|sme|2025-01-31|3|0.5|true|-|d");
}

TEST(LoadCsv, HeaderNamesAreTrimmedAndUnquoted) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, "\n\n id ,\"size\",license_expiry,drills,ratio,checked,revenue,"
                                  "note\ne1,sme,2025-01-31,3,0.5,true,,\n");
  EXPECT_EQ(loaded.columns[0], "id");
  EXPECT_EQ(loaded.columns[1], "size");
  ASSERT_EQ(loaded.rows.size(), 1u) << ::testing::PrintToString(loaded.errorLines());
}

/// The input of the bad-data tests: every kind of bad record, with blank lines and a quoted
/// cell over three lines before some of them, so their line numbers are checked.
const std::string badData = header +                                  // line 1
                            "e1,sme,2025-01-31,3,0.5,true,,\n"        // 2: good
                            "e2,sme,2025-01-31,3,0.5,true\n"          // 3: too few
                            "\n"                                      // 4: blank
                            "e3,sme,2025-01-31,3,0.5,true,,,x\n"      // 5: too many
                            "e4,sme,2025-01-31,many,0.5,true,,\n"     // 6: not an int
                            "e5,sme,2024-02-30,3,0.5,true,,\n"        // 7: no such date
                            "e6,sme,2025-01-31,3,0.5,true,,\"a\nb\n"  // 8-10: a cell over
                            "c\"\n"                                   //   three lines: good
                            "\r\n"                                    // 11: blank (CRLF)
                            "e7,sme,2025-01-31,3,0.5,yes,,\n"         // 12: not a bool
                            "e8,大型,2025-01-31,3,0.5,true,,\n"       // 13: not a member
                            "e9,sme,2025-01-31,3,0.5,true,,\xFF\n"    // 14: not UTF-8
                            ",sme,2025-01-31,3,0.5,true,,\n"          // 15: id missing
                            "e11,sme,,3,0.5,true,,\n"                 // 16: date missing
                            "e12,sme,2025-01-31,3,abc,true,,\n"       // 17: not a number
                            "e13,sme,2025-01-31,3,0.5,true,x,\n"      // 18: optional, bad
                            "e14,sme,2025-01-31,3,0.5,true,,\"q\"x\n" // 19: after the quote
                            "e15,s\"me,2025-01-31,3,0.5,true,,\n"     // 20: stray quote
                            "e16,sme,2025-01-31,3,0.5,true,,\n";      // 21: good

void expectBadDataErrors(const testing::Loaded &loaded) {
  ASSERT_EQ(loaded.rows.size(), 3u) << ::testing::PrintToString(loaded.errorLines());
  EXPECT_EQ(loaded.records, (std::vector<std::uint64_t>{0, 5, 15}));
  EXPECT_EQ(loaded.rows[1], "e6|sme|2025-01-31|3|0.5|true|-|a\nb\nc");
  const std::vector<std::string> expected = {
      "record 1 line 3 [] too few cells: expected 8 as in the header, found 6",
      "record 2 line 5 [] too many cells: expected 8 as in the header, found 9",
      "record 3 line 6 [drills] expected a whole number like 42, got 'many'",
      "record 4 line 7 [license_expiry] expected a date like 2024-06-30, got '2024-02-30' "
      "(2024-02 has 29 days)",
      "record 6 line 12 [checked] expected true/false, 1/0 or 是/否, got 'yes'",
      "record 7 line 13 [size] expected one of above_scale (规模以上), sme (中小企业), got '大型'",
      "record 8 line 14 [note] not valid utf-8: byte 0xFF at position 1, got '\\xFF' (a file "
      "saved as gb18030 or gbk is read with --encoding gb18030)",
      "record 9 line 15 [id] expected text, got an empty cell (field id is not optional)",
      "record 10 line 16 [license_expiry] expected a date like 2024-06-30, got an empty cell "
      "(field license_expiry is not optional)",
      "record 11 line 17 [ratio] expected a number like 3.5, -0.25, 1e6 or 85%, got 'abc'",
      "record 12 line 18 [revenue] expected a number like 3.5, -0.25, 1e6 or 85%, got 'x'",
      "record 13 line 19 [note] text after the closing quote of a cell: a quoted cell must end "
      "at a comma or the end of the line (double the quotes inside it)",
      "record 14 line 20 [size] a quote inside an unquoted cell: quote the whole cell and double "
      "the quotes in it (\"say \"\"hi\"\"\")",
  };
  EXPECT_EQ(loaded.errorLines(), expected);
  EXPECT_EQ(loaded.rows.size() + loaded.errors.size(), 16u) << "rows in = rows + errors";
}

TEST(LoadCsv, EveryBadRecordIsReportedWithLineColumnAndReason) {
  const ir::Program p = enterprise();
  expectBadDataErrors(loadText(p, badData));
}

TEST(LoadCsv, EveryChunkSizeGivesTheSameResult) {
  const ir::Program p = enterprise();
  const testing::TempFile file(badData);
  const testing::Loaded whole = testing::loadFile(p, file.path());
  EXPECT_EQ(whole.chunks, 1u);
  for (std::size_t target = 1; target <= badData.size(); ++target) {
    const testing::Loaded cut = testing::loadFile(p, file.path(), {}, target);
    EXPECT_EQ(cut.all(), whole.all()) << "target " << target;
    if (target == 1) {
      EXPECT_EQ(cut.chunks, 16u) << "one record per chunk";
    }
  }
}

/// Several read blocks of records with cells over two lines and blank lines between them: a
/// record cut by the end of a block is read whole, and line numbers hold to the end.
TEST(LoadCsv, RecordsCutByReadBlocks) {
  const ir::Program p = enterprise();
  std::string text = header;
  std::size_t records = 0;
  std::uint64_t lines = 1;
  while (text.size() < (std::size_t{5} << 19)) {
    text +=
        fmt::format("e{},sme,2025-01-31,{},0.5,true,,\"note {}\nsecond line, \"\"quoted\"\"\"\n",
                    records, records % 97, records);
    lines += 2;
    ++records;
    if (records % 7 == 0) {
      text += "\n";
      ++lines;
    }
  }
  text += "bad,sme,2025-01-31,3,0.5,true,,\"x\ny\"z\n";
  const testing::TempFile file(text);
  const testing::Loaded whole = testing::loadFile(p, file.path(), {}, std::size_t{1} << 30);
  EXPECT_EQ(whole.chunks, 1u);
  ASSERT_EQ(whole.rows.size(), records);
  EXPECT_EQ(whole.rows[records - 1],
            fmt::format("e{}|sme|2025-01-31|{}|0.5|true|-|note {}\nsecond line, \"quoted\"",
                        records - 1, (records - 1) % 97, records - 1));
  ASSERT_EQ(whole.errors.size(), 1u);
  EXPECT_EQ(whole.errors[0].line, lines + 1);
  EXPECT_EQ(whole.errors[0].record, records);
  for (std::size_t target : {std::size_t{1} << 20, std::size_t{65537}, std::size_t{333}})
    EXPECT_EQ(testing::loadFile(p, file.path(), {}, target).all(), whole.all()) << target;
}

TEST(LoadCsv, ChunksParseOnSeveralThreadsAtOnce) {
  const ir::Program p = enterprise();
  const testing::TempFile file(badData);
  std::string error;
  auto reader = InputReader::open(file.path(), {}, error);
  std::vector<MappingProblem> problems;
  std::vector<std::string> notes;
  auto parser = RecordParser::make(p, *reader, problems, notes);
  ASSERT_TRUE(parser);
  std::vector<RawChunk> chunks;
  for (RawChunk chunk; reader->next(40, chunk, error);)
    chunks.push_back(chunk);
  ASSERT_GT(chunks.size(), 4u);
  auto parseAll = [&](std::size_t from, std::size_t step, std::vector<std::string> &out) {
    batch::Batch b(p);
    std::vector<std::uint64_t> rows;
    std::vector<LoadError> errors;
    for (std::size_t c = from; c < chunks.size(); c += step) {
      errors.clear();
      parser->parse(chunks[c], b, rows, errors);
      for (std::size_t r = 0; r < b.rows(); ++r)
        out.push_back(fmt::format("{} {}", rows[r], testing::showRow(p, b, r)));
      for (const LoadError &e : errors)
        out.push_back(testing::showError(e));
    }
  };
  std::vector<std::string> alone, even, odd;
  parseAll(0, 1, alone);
  std::thread a([&] { parseAll(0, 2, even); });
  std::thread b([&] { parseAll(1, 2, odd); });
  a.join();
  b.join();
  even.insert(even.end(), odd.begin(), odd.end());
  std::sort(alone.begin(), alone.end());
  std::sort(even.begin(), even.end());
  EXPECT_EQ(even, alone);
}

TEST(LoadCsv, ShapeProblemsComeBeforeValueProblems) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, header + "e1,sme,bad-date,3\n"
                                           "e2,sme,bad-date,3,0.5,true,,,,\"x\n");
  EXPECT_EQ(loaded.errorLines(),
            (std::vector<std::string>{
                "record 0 line 2 [] too few cells: expected 8 as in the header, found 4",
                "record 1 line 3 [] a quoted cell is not closed: its closing quote is missing "
                "before the end of the input"}));
}

TEST(LoadCsv, AnUnclosedQuoteRunsToTheEnd) {
  const ir::Program p = enterprise();
  const std::string text = header + "e1,sme,2025-01-31,3,0.5,true,,\"open\n"
                                    "e2,sme,2025-01-31,3,0.5,true,,\n"
                                    "e3,sme,2025-01-31,3,0.5,true,,\n";
  const auto loaded = loadText(p, text, {}, 4);
  EXPECT_TRUE(loaded.rows.empty());
  ASSERT_EQ(loaded.errors.size(), 1u) << "one record: the rest of the input is in the cell";
  EXPECT_EQ(loaded.errors[0].line, 2u);
  EXPECT_EQ(loaded.errors[0].column, "note");
}

TEST(LoadCsv, SingleColumnInput) {
  ir::Program p;
  p.fields = {{"id", Type::text(), true}};
  const auto loaded = loadText(p, "id\na\n\n\"\"\nb\n", {}, 1);
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(loaded.errorLines(),
            (std::vector<std::string>{
                "record 1 line 4 [id] expected text, got an empty cell (field id is not "
                "optional)"}));
}

TEST(LoadCsv, HeaderOnlyAndEmptyInputs) {
  const ir::Program p = enterprise();
  const auto headerOnly = loadText(p, header + "\n\n");
  EXPECT_EQ(headerOnly.openError, "");
  EXPECT_TRUE(headerOnly.problems.empty());
  EXPECT_EQ(headerOnly.chunks, 0u);

  const testing::TempFile empty("\n\n");
  const auto none = testing::loadFile(p, empty.path());
  EXPECT_EQ(none.openError,
            empty.path() + " is empty: a csv input starts with a header line naming its columns");

  const auto badHeader = loadText(p, "id,\"size\"x\n");
  EXPECT_NE(badHeader.openError.find("is malformed at column 2: text after the closing quote"),
            std::string::npos)
      << badHeader.openError;
}

TEST(LoadCsv, FormatsFromFileNamesAndOptions) {
  EXPECT_EQ(inputFormatFromPath("data/enterprises.csv"), InputFormat::Csv);
  EXPECT_EQ(inputFormatFromPath("export.TXT"), InputFormat::Csv);
  EXPECT_EQ(inputFormatFromPath("a.b/x.jsonl"), InputFormat::JsonLines);
  EXPECT_EQ(inputFormatFromPath("x.NDJSON"), InputFormat::JsonLines);
  EXPECT_EQ(inputFormatFromPath("x.json"), InputFormat::JsonLines);
  EXPECT_EQ(inputFormatFromPath("x.xlsx"), std::nullopt);
  EXPECT_EQ(inputFormatFromPath("data.d/enterprises"), std::nullopt);
  EXPECT_EQ(inputFormatFromPath("-"), std::nullopt);
  EXPECT_EQ(parseInputFormat("csv"), InputFormat::Csv);
  EXPECT_EQ(parseInputFormat("JSONL"), InputFormat::JsonLines);
  EXPECT_EQ(parseInputFormat("json"), std::nullopt);
}

TEST(LoadCsv, OpenErrors) {
  std::string error;
  EXPECT_EQ(InputReader::open("/nonexistent/x.csv", {}, error), nullptr);
  EXPECT_EQ(error, "cannot open /nonexistent/x.csv: no such file or directory");
  EXPECT_EQ(InputReader::open(::testing::TempDir(), {}, error), nullptr);
  EXPECT_NE(error.find("it is a directory"), std::string::npos) << error;
}

TEST(LoadCsv, ReadsStandardInput) {
  const ir::Program p = enterprise();
  const testing::TempFile file(header + "e1,sme,2025-01-31,3,0.5,true,,\n");
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(file.path().c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  const auto loaded = testing::loadFile(p, "-");
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  EXPECT_EQ(loaded.openError, "");
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|sme|2025-01-31|3|0.5|true|-|-"}));
}

TEST(LoadCsv, ProgressCountsBytes) {
  const ir::Program p = enterprise();
  const std::string text = header + "e1,sme,2025-01-31,3,0.5,true,,\n";
  const testing::TempFile file(text);
  std::string error;
  auto reader = InputReader::open(file.path(), {}, error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->totalBytes(), text.size());
  RawChunk chunk;
  ASSERT_TRUE(reader->next(1 << 20, chunk, error));
  EXPECT_EQ(chunk.firstLine, 2u);
  EXPECT_EQ(chunk.firstRecord, 0u);
  EXPECT_FALSE(reader->next(1 << 20, chunk, error));
  EXPECT_EQ(reader->bytesRead(), text.size());
  EXPECT_EQ(error, "");
}

TEST(LoadCsv, ABadRecordLeavesNothingInItsRow) {
  const ir::Program p = enterprise();
  const auto loaded = loadText(p, header + "e1,sme,2025-01-31,3,0.5,true,,\n"
                                           "e2,sme,2025-01-31,3,0.5,true,5,\xFF\n"
                                           "e3,sme,2025-01-31,3,0.5,true,,\n");
  EXPECT_EQ(loaded.rows, (std::vector<std::string>{"e1|sme|2025-01-31|3|0.5|true|-|-",
                                                   "e3|sme|2025-01-31|3|0.5|true|-|-"}));
  EXPECT_EQ(loaded.records, (std::vector<std::uint64_t>{0, 2}));
}

TEST(LoadCsv, BatchIsReusedAcrossChunks) {
  const ir::Program p = enterprise();
  const testing::TempFile file(header + "e1,sme,2025-01-31,3,0.5,true,,first\n"
                                        "e2,sme,2025-01-31,x,0.5,true,,\n"
                                        "e3,sme,2025-01-31,3,0.5,true,9,\n");
  std::string error;
  auto reader = InputReader::open(file.path(), {}, error);
  std::vector<MappingProblem> problems;
  std::vector<std::string> notes;
  auto parser = RecordParser::make(p, *reader, problems, notes);
  ASSERT_TRUE(parser);
  batch::Batch b(p);
  std::vector<std::uint64_t> rows;
  std::vector<LoadError> errors;
  RawChunk chunk;
  std::vector<std::string> seen;
  while (reader->next(1, chunk, error)) {
    parser->parse(chunk, b, rows, errors);
    for (std::size_t r = 0; r < b.rows(); ++r)
      seen.push_back(testing::showRow(p, b, r));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"e1|sme|2025-01-31|3|0.5|true|-|first",
                                            "e3|sme|2025-01-31|3|0.5|true|9|-"}))
      << "a bad record leaves nothing behind, and a reused batch starts empty";
  EXPECT_EQ(errors.size(), 1u) << "errors are appended";
}

} // namespace
} // namespace xr::load
