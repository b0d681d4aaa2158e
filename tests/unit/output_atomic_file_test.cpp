// Output files appear whole or not at all: the temporary file, commit, abandon, errors, and the
// signal-time cleanup.
#include "runtime/output/atomic_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace xr::output {
namespace {

namespace fs = std::filesystem;

class OutputAtomicFile : public ::testing::Test {
protected:
  fs::path dir;

  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("xuncha-atomic-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string path(const std::string &name) const { return (dir / name).string(); }
  /// Every entry of the directory, sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(dir))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  static std::string read(const std::string &file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(OutputAtomicFile, CommitMakesTheFileWithEverythingWritten) {
  const std::string target = path("results.csv");
  std::string error;
  {
    AtomicFile file;
    ASSERT_TRUE(file.open(target, error)) << error;
    EXPECT_EQ(file.path(), target);
    ASSERT_TRUE(file.write("id,status\n", error)) << error;
    ASSERT_TRUE(file.write("a,ok\n", error)) << error;
    // Before the commit only the hidden temporary file exists, named after the target.
    const std::vector<std::string> before = entries();
    ASSERT_EQ(before.size(), 1u);
    const std::string prefix = ".results.csv.xuncha-" + std::to_string(::getpid()) + "-";
    EXPECT_EQ(before[0].rfind(prefix, 0), 0u) << before[0];
    EXPECT_TRUE(before[0].ends_with(".tmp")) << before[0];
    ASSERT_TRUE(file.commit(error)) << error;
  }
  EXPECT_EQ(entries(), std::vector<std::string>{"results.csv"});
  EXPECT_EQ(read(target), "id,status\na,ok\n");
}

TEST_F(OutputAtomicFile, ARelativePathGetsItsTemporaryFileInTheSameDirectory) {
  const fs::path previous = fs::current_path();
  fs::current_path(dir);
  std::string error;
  {
    AtomicFile file;
    ASSERT_TRUE(file.open("plain.csv", error)) << error;
    ASSERT_EQ(entries().size(), 1u);
    EXPECT_EQ(entries()[0].rfind(".plain.csv.xuncha-", 0), 0u);
    ASSERT_TRUE(file.write("x\n", error)) << error;
    ASSERT_TRUE(file.commit(error)) << error;
  }
  fs::current_path(previous);
  EXPECT_EQ(entries(), std::vector<std::string>{"plain.csv"});
  EXPECT_EQ(read(path("plain.csv")), "x\n");
}

TEST_F(OutputAtomicFile, DestructionWithoutCommitLeavesNeitherTargetNorTemporary) {
  std::string error;
  {
    AtomicFile file;
    ASSERT_TRUE(file.open(path("results.csv"), error)) << error;
    ASSERT_TRUE(file.write("half a row", error)) << error;
    EXPECT_EQ(entries().size(), 1u);
  }
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputAtomicFile, AbandonRemovesTheTemporaryFileNow) {
  std::string error;
  AtomicFile file;
  ASSERT_TRUE(file.open(path("results.csv"), error)) << error;
  file.abandon();
  EXPECT_TRUE(entries().empty());
  EXPECT_FALSE(file.commit(error));
  EXPECT_NE(error.find("not open"), std::string::npos) << error;
}

TEST_F(OutputAtomicFile, AnExistingTargetIsUntouchedUntilCommit) {
  const std::string target = path("results.csv");
  { std::ofstream(target) << "old results\n"; }
  std::string error;
  {
    AtomicFile file;
    ASSERT_TRUE(file.open(target, error)) << error;
    ASSERT_TRUE(file.write("new results\n", error)) << error;
    EXPECT_EQ(read(target), "old results\n");
  }
  EXPECT_EQ(read(target), "old results\n"); // not committed: the old file stays
  {
    AtomicFile file;
    ASSERT_TRUE(file.open(target, error)) << error;
    ASSERT_TRUE(file.write("new results\n", error)) << error;
    EXPECT_EQ(read(target), "old results\n");
    ASSERT_TRUE(file.commit(error)) << error;
  }
  EXPECT_EQ(read(target), "new results\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"results.csv"});
}

TEST_F(OutputAtomicFile, ReopeningAbandonsTheFirstFile) {
  std::string error;
  AtomicFile file;
  ASSERT_TRUE(file.open(path("a.csv"), error)) << error;
  ASSERT_TRUE(file.open(path("b.csv"), error)) << error;
  ASSERT_TRUE(file.write("b\n", error)) << error;
  ASSERT_TRUE(file.commit(error)) << error;
  EXPECT_EQ(entries(), std::vector<std::string>{"b.csv"});
}

TEST_F(OutputAtomicFile, AMissingDirectoryIsAClearError) {
  const std::string target = path("no-such-dir/results.csv");
  std::string error;
  AtomicFile file;
  EXPECT_FALSE(file.open(target, error));
  EXPECT_EQ(error, "cannot write '" + target + "': the directory '" + path("no-such-dir") +
                       "' does not exist");
  EXPECT_FALSE(file.write("x", error));
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputAtomicFile, ADirectoryAsTargetIsAClearError) {
  fs::create_directories(dir / "out");
  std::string error;
  AtomicFile file;
  EXPECT_FALSE(file.open(path("out"), error));
  EXPECT_EQ(error, "cannot write '" + path("out") + "': it is a directory");
  EXPECT_FALSE(file.open(path("out") + "/", error));
  EXPECT_NE(error.find("a file name is needed"), std::string::npos) << error;
  EXPECT_EQ(entries(), std::vector<std::string>{"out"});
}

TEST_F(OutputAtomicFile, AFileInPlaceOfADirectoryIsAClearError) {
  { std::ofstream(path("data.csv")) << "x\n"; }
  const std::string target = path("data.csv/results.csv");
  std::string error;
  AtomicFile file;
  EXPECT_FALSE(file.open(target, error));
  EXPECT_EQ(error, "cannot write '" + target + "': a part of '" + path("data.csv") +
                       "' is not a directory");
  EXPECT_EQ(entries(), std::vector<std::string>{"data.csv"});
}

TEST_F(OutputAtomicFile, AReadOnlyDirectoryIsAClearError) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root writes into read-only directories";
  fs::create_directories(dir / "ro");
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  std::string error;
  AtomicFile file;
  EXPECT_FALSE(file.open(path("ro/results.csv"), error));
  EXPECT_EQ(error, "cannot write '" + path("ro/results.csv") + "': permission denied");
  fs::permissions(dir / "ro", fs::perms::owner_all);
}

TEST_F(OutputAtomicFile, AWriteErrorIsReportedAndLeavesNoFile) {
  // A file size limit makes writes fail like a full disk does (EFBIG instead of a signal).
  const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit previous{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &previous), 0);
  rlimit limited = previous;
  limited.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);

  const std::string target = path("results.csv");
  std::string error;
  bool ok = true;
  {
    AtomicFile file;
    ASSERT_TRUE(file.open(target, error)) << error;
    const std::string chunk(10000, 'x');
    ok = file.write(chunk, error) && file.commit(error);
  }
  ::setrlimit(RLIMIT_FSIZE, &previous);
  std::signal(SIGXFSZ, previousHandler);

  EXPECT_FALSE(ok);
  EXPECT_EQ(error, "cannot write '" + target + "': file too large");
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputAtomicFile, ADeviceIsWrittenDirectlyAndNeverReplaced) {
  std::string error;
  {
    AtomicFile file;
    ASSERT_TRUE(file.open("/dev/null", error)) << error;
    ASSERT_TRUE(file.write("discarded\n", error)) << error;
    ASSERT_TRUE(file.commit(error)) << error;
  }
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  for (const auto &e : fs::directory_iterator("/dev"))
    EXPECT_EQ(e.path().filename().string().find(".null.xuncha-"), std::string::npos);
}

TEST_F(OutputAtomicFile, StandardOutputIsWrittenDirectly) {
  std::string error;
  AtomicFile file;
  ASSERT_TRUE(file.open("-", error)) << error;
  EXPECT_EQ(file.path(), "-");
  ::testing::internal::CaptureStdout();
  ASSERT_TRUE(file.write("to stdout\n", error)) << error;
  ASSERT_TRUE(file.commit(error)) << error;
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "to stdout\n");
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputAtomicFile, TheSignalCleanupRemovesEveryOpenTemporaryFile) {
  std::string error;
  AtomicFile results;
  AtomicFile errors;
  AtomicFile committed;
  ASSERT_TRUE(results.open(path("results.csv"), error)) << error;
  ASSERT_TRUE(errors.open(path("errors.csv"), error)) << error;
  ASSERT_TRUE(committed.open(path("report.json"), error)) << error;
  ASSERT_TRUE(committed.write("{}\n", error)) << error;
  ASSERT_TRUE(committed.commit(error)) << error;
  ASSERT_TRUE(results.write("partial", error)) << error;
  EXPECT_EQ(entries().size(), 3u);

  removeTemporaryFilesOnSignal();
  // The committed file is the user's now; only the two temporary files go.
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});
}

TEST_F(OutputAtomicFile, TheSignalCleanupRunsInARealSignalHandler) {
  // A child process opens a file, then a SIGINT handler cleans up and re-raises the signal.
  const std::string target = path("results.csv");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGINT, [](int signal) {
      removeTemporaryFilesOnSignal();
      std::signal(signal, SIG_DFL);
      std::raise(signal);
    });
    AtomicFile file;
    std::string error;
    if (!file.open(target, error) || !file.write("partial", error))
      ::_exit(3);
    std::raise(SIGINT);
    ::_exit(4); // not reached
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  EXPECT_EQ(WTERMSIG(status), SIGINT);
  EXPECT_TRUE(entries().empty());
}

} // namespace
} // namespace xr::output
