// `xuncha lsp`: the language server on stdin and stdout (docs/lsp.md).
#include "cli/commands.h"
#include "lsp/server/server.h"

#include <charconv>
#include <fstream>
#include <iostream>
#include <ostream>

namespace xr::cli {
namespace {

ArgSpec lspArguments() {
  ArgSpec spec("xuncha lsp", "Run the language server: the Language Server Protocol 3.17 over "
                             "stdin and stdout,\nfor editors (docs/lsp.md).");
  spec.flag("stdio", "talk over stdin and stdout (the default and only transport; accepted "
                     "because\n  editors pass it)")
      .option({"log",
               "FILE",
               "append the server's log (framing problems, failed requests) to "
               "FILE",
               {},
               "",
               false})
      .option({"debounce",
               "MS",
               "milliseconds without edits before diagnostics are recompiled (default " +
                   std::to_string(lsp::kDefaultDebounce.count()) + ")",
               {},
               "",
               false})
      .epilog("The server runs until the client sends 'exit': it exits 0 after 'shutdown', 1\n"
              "without (or when its input ends). Nothing but protocol messages goes to stdout.\n"
              "\n" +
              std::string(exitCodesHelp()));
  return spec;
}

int runLsp(const Args &args, CommandContext &context) {
  lsp::ServerOptions options;
  std::ofstream log;
  if (args.has("log")) {
    log.open(args.value("log"), std::ios::app);
    if (!log)
      return reportUsageError(context, {"cannot open log file '" + args.value("log") + "'",
                                        "give a path to a file that can be written"});
    options.log = &log;
  }
  if (args.has("debounce")) {
    std::string text = args.value("debounce");
    long long ms = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (error != std::errc() || end != text.data() + text.size() || ms < 0 || ms > 60000)
      return reportUsageError(
          context, {"bad --debounce '" + text + "'", "give milliseconds from 0 to 60000"});
    options.debounce = std::chrono::milliseconds(ms);
  }
  // The protocol is bytes: no locale or line-end translation on stdin.
  std::cin.tie(nullptr);
  lsp::Server server(options);
  return server.run(std::cin, context.out);
}

} // namespace

const Command &lspCommand() {
  static const Command command{"lsp", "run the language server for editors (stdio)", lspArguments,
                               runLsp};
  return command;
}

} // namespace xr::cli
