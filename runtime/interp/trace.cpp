#include "runtime/interp/trace.h"

#include "runtime/interp/engine.h"

#include <cstring>
#include <stdexcept>

namespace xr::interp {
namespace {

/// Returns the workspace to the engine's pool however the trace ends.
class BorrowedWorkspace {
public:
  explicit BorrowedWorkspace(const detail::Engine &engine)
      : engine_(engine), ws_(engine.acquire()) {}
  ~BorrowedWorkspace() { engine_.release(std::move(ws_)); }
  BorrowedWorkspace(const BorrowedWorkspace &) = delete;
  BorrowedWorkspace &operator=(const BorrowedWorkspace &) = delete;
  detail::Workspace &operator*() const { return *ws_; }
  detail::Workspace *operator->() const { return ws_.get(); }

private:
  const detail::Engine &engine_;
  std::unique_ptr<detail::Workspace> ws_;
};

} // namespace

Trace traceRecord(const Interpreter &interpreter, const batch::Batch &record,
                  const batch::ParamValues &params) {
  const ir::Program &p = interpreter.program();
  const detail::Engine &engine = interpreter.engine();
  if (record.rows() != 1 || record.fieldCount() != p.fields.size())
    throw std::invalid_argument("a trace evaluates a batch of one record of the program");

  batch::Results frame;
  frame.reset(p, 1);
  for (ir::SlotId s = 0; s < p.slots.size(); ++s)
    frame.slot(s).setMissing(0);

  // The setup of Interpreter::evaluate for a chunk of one row.
  BorrowedWorkspace ws(engine);
  engine.bindParams(*ws, params);
  ws->batch = &record;
  ws->frame = &frame;
  ws->results = &frame;
  ws->statusOut = frame.statusData();
  ws->errorOut = frame.errorData();
  for (std::uint32_t f = 0; f < p.fields.size(); ++f)
    ws->fieldAllValid[f] = record.column(f).valid(0) ? 1 : 0;
  ws->start = 0;
  ws->rows = 1;
  std::memset(ws->errored, 0, 1);
  std::fill(ws->slotAllValid.begin(), ws->slotAllValid.end(), 0);
  ws->members.clear();

  Trace trace;
  trace.frames.reserve(p.statements.size() + 1);
  detail::Sel active = detail::Sel::dense(1);
  for (std::size_t i = 0; i < p.statements.size() && !active.empty(); ++i) {
    trace.frames.push_back(frame);
    engine.runStatement(*ws, i, active);
    ++trace.ran;
    if (ws->errored[0]) {
      trace.error = frame.error(0);
      trace.failedStatement = i;
      frame.statusData()[0] = static_cast<std::uint8_t>(batch::RowStatus::Ok);
    }
  }
  ws->members.clear();
  trace.frames.push_back(std::move(frame));
  return trace;
}

} // namespace xr::interp
