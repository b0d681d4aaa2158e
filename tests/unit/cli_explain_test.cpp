// `xuncha explain` on the command line: which record (--data/--id or --record), usage errors,
// params, --map, and the errors that stop it (rule set errors, unknown ids, unreadable data).
#include "cli/commands.h"
#include "tests/unit/cli_testing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace xr::cli {
namespace {

namespace fs = std::filesystem;

const std::string kRules = "ruleset \"t\" version 2024\n"
                           "record Enterprise {\n"
                           "  id: text key\n"
                           "  drills: int\n"
                           "}\n"
                           "param least: int = 2\n"
                           "domain safety \"安全生产\" weight 100%\n"
                           "indicator S1 \"应急演练\" in safety weight 100% {\n"
                           "  pass when drills >= least\n"
                           "}\n"
                           "checklist full for true { all }\n";

class CliExplain : public testing::CommandTest {
protected:
  CliExplain() : CommandTest(explainCommand(), "explain") {}
  void SetUp() override {
    rules_ = write("t.xr", kRules);
    data_ = write("d.csv", "id,drills\na,1\nb,3\nc,x\n");
  }

  std::string rules_, data_;
};

TEST_F(CliExplain, ARecordOfAFileByItsId) {
  EXPECT_EQ(run({rules_, "--data", data_, "--id", "b"}), kExitOk) << err_.str();
  const std::string out = out_.str();
  EXPECT_EQ(out.rfind("why b got its result\n", 0), 0u) << out;
  EXPECT_NE(out.find("S1 应急演练  safety  pass"), std::string::npos) << out;
  EXPECT_NE(out.find("read: drills = 3, least = 2"), std::string::npos) << out;
  EXPECT_EQ(err_.str(), "");
}

TEST_F(CliExplain, ARecordGivenAsJsonWithAParam) {
  EXPECT_EQ(run({rules_, "--record", "{\"id\": \"z\",\n \"drills\": 3}", "--param", "least=4",
                 "--format=json"}),
            kExitOk)
      << err_.str();
  nlohmann::json json = nlohmann::json::parse(out_.str());
  EXPECT_EQ(json["key"], "z");
  EXPECT_EQ(json["params"]["least"], 4);
  EXPECT_EQ(json["indicators"][0]["status"], "fail");
  EXPECT_EQ(json["indicators"][0]["inputs"][1]["value"], 4);
}

TEST_F(CliExplain, MapReadsARenamedColumn) {
  const std::string renamed = write("r.csv", "code,drills\nq,5\n");
  EXPECT_EQ(run({rules_, "--data", renamed, "--id", "q"}), kExitProblems);
  EXPECT_NE(err_.str().find("id"), std::string::npos) << err_.str();
  EXPECT_EQ(run({rules_, "--data", renamed, "--id", "q", "--map", "id=code"}), kExitOk)
      << err_.str();
}

TEST_F(CliExplain, AnUnknownIdSaysHowManyRecordsWereSearched) {
  EXPECT_EQ(run({rules_, "--data", data_, "--id", "nobody"}), kExitProblems);
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(err_.str().substr(0, err_.str().find('\n')),
            "xuncha: error: no record of " + data_ + " has id 'nobody' (2 records searched)");
  EXPECT_NE(err_.str().find("help: 1 record could not be read"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find(data_ + ":4: column 'drills'"), std::string::npos) << err_.str();
}

TEST_F(CliExplain, ARecordThatCannotBeReadIsAProblem) {
  EXPECT_EQ(run({rules_, "--record", "{\"id\": \"z\", \"drills\": \"many\"}"}), kExitProblems);
  EXPECT_NE(err_.str().find("the record given with --record cannot be read: column 'drills'"),
            std::string::npos)
      << err_.str();
  EXPECT_EQ(run({rules_, "--record", "[1, 2]"}), kExitProblems);
  EXPECT_NE(err_.str().find("cannot be read"), std::string::npos) << err_.str();
}

TEST_F(CliExplain, ARuleSetWithoutAKeyCannotFindAnId) {
  std::string noKey = kRules;
  noKey.replace(noKey.find("text key"), 8, "text");
  const std::string path = write("nokey.xr", noKey);
  EXPECT_EQ(run({path, "--data", data_, "--id", "a"}), kExitProblems);
  EXPECT_NE(err_.str().find("has no key field, so --id cannot name a record"), std::string::npos)
      << err_.str();
  EXPECT_EQ(run({path, "--record", "{\"id\": \"a\", \"drills\": 1}"}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str().rfind("why the record got its result\n", 0), 0u) << out_.str();
}

TEST_F(CliExplain, ARuleSetWithErrorsPrintsItsDiagnosticsOnStderr) {
  const std::string bad = write("bad.xr", kRules + "let x = nosuch\n");
  EXPECT_EQ(run({bad, "--data", data_, "--id", "a"}), kExitProblems);
  EXPECT_EQ(out_.str(), "");
  EXPECT_NE(err_.str().find("error[XR0101]: unknown name 'nosuch'"), std::string::npos)
      << err_.str();
}

TEST_F(CliExplain, AMissingDataFileIsAProblem) {
  EXPECT_EQ(run({rules_, "--data", (dir_ / "none.csv").string(), "--id", "a"}), kExitProblems);
  EXPECT_NE(err_.str().find("none.csv"), std::string::npos) << err_.str();
}

TEST_F(CliExplain, UsageErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{rules_}, "missing the record to explain"},
      {{rules_, "--data", data_, "--record", "{}"}, "'--data' and '--record' cannot be combined"},
      {{rules_, "--data", data_}, "missing --id ID"},
      {{rules_, "--record", "{}", "--id", "a"}, "'--id' finds a record of a --data file"},
      {{rules_, "--record", "{}", "--encoding", "gb18030"}, "'--encoding' applies to --data"},
      {{rules_, "--data", dir_ / "d.xlsx", "--id", "a"}, "cannot tell the format of"},
      {{rules_, "--data", data_, "--id", "a", "--param", "least"}, "NAME=VALUE"},
      {{rules_, "--data", data_, "--id", "a", "--param", "lest=3"},
       "unknown param 'lest'; did you mean 'least'?"},
      {{rules_, "--data", data_, "--id", "a", "--param", "least=many"}, "param 'least'"},
      {{rules_, "--data", data_, "--id", "a", "--map", "nofield=x"}, ""},
  };
  for (const auto &[arguments, message] : cases) {
    const int code = run(arguments);
    if (message.empty()) { // a --map naming no field is found when the file is read
      EXPECT_EQ(code, kExitProblems);
      EXPECT_NE(err_.str().find("--map nofield=x names no field"), std::string::npos) << err_.str();
      continue;
    }
    EXPECT_EQ(code, kExitUsage) << message;
    EXPECT_NE(err_.str().find(message), std::string::npos) << err_.str();
    EXPECT_EQ(out_.str(), "");
  }
  ArgSpec spec = explainCommand().arguments();
  EXPECT_FALSE(spec.parse({}).ok());
  EXPECT_FALSE(spec.parse({rules_, "--format=xml"}).ok());
  EXPECT_FALSE(spec.parse({rules_, "--bogus"}).ok());
}

TEST_F(CliExplain, ColorOnlyForATerminal) {
  run({rules_, "--data", data_, "--id", "b"}, /*terminal=*/true);
  EXPECT_NE(out_.str().find('\x1b'), std::string::npos);
  run({rules_, "--data", data_, "--id", "b", "--color=never"}, /*terminal=*/true);
  EXPECT_EQ(out_.str().find('\x1b'), std::string::npos);
  run({rules_, "--data", data_, "--id", "b", "--format=json"}, /*terminal=*/true);
  EXPECT_EQ(out_.str().find('\x1b'), std::string::npos);
}

} // namespace
} // namespace xr::cli
