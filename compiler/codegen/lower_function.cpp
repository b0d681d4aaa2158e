// The function xr_eval, which takes a batch a tile of rows at a time, and the functions it calls
// for each tile: one per group of statements, a loop over the tile's rows that flags the rows
// raising an error (row_lowering.h), after the calls it makes once per tile.
#include "compiler/codegen/abi.h"
#include "compiler/codegen/row_lowering.h"
#include "runtime/batch/column.h"

#include <llvm/IR/MDBuilder.h>

#include <fmt/format.h>

#include <cstddef>
#include <variant>

namespace xr::codegen::detail {
namespace {

/// The element of a column in memory (column.h); text is a TextRef read as one i64.
llvm::Type *elementType(llvm::IRBuilder<> &b, TypeKind kind) {
  switch (batch::storageOf(kind)) {
  case batch::Storage::U8:
    return b.getInt8Ty();
  case batch::Storage::I32:
    return b.getInt32Ty();
  case batch::Storage::I64:
  case batch::Storage::U64:
  case batch::Storage::Text:
    return b.getInt64Ty();
  case batch::Storage::F64:
    return b.getDoubleTy();
  }
  return b.getInt8Ty();
}

} // namespace

RowLowering::RowLowering(const ir::Program &program, const StoragePlan &plan, llvm::Module &module)
    : p_(program), plan_(plan), invariantCalls_(program), m_(module), c_(module.getContext()),
      b_(c_) {
  ptr_ = b_.getPtrTy();
  tbaaRoot_ = llvm::MDBuilder(c_).createTBAARoot("xuncha columns");
}

llvm::Instruction *RowLowering::tagged(llvm::Instruction *access, const std::string &name) {
  auto found = tbaaTags_.find(name);
  if (found == tbaaTags_.end()) {
    llvm::MDBuilder md(c_);
    llvm::MDNode *type = md.createTBAAScalarTypeNode(name, tbaaRoot_);
    found = tbaaTags_.emplace(name, md.createTBAAStructTagNode(type, type, 0)).first;
  }
  access->setMetadata(llvm::LLVMContext::MD_tbaa, found->second);
  if (parallelAccesses_)
    access->setMetadata(llvm::LLVMContext::MD_access_group, parallelAccesses_);
  return access;
}

void RowLowering::lower() {
  if (plan_.slots.size() != p_.slots.size())
    throw MalformedIr("a storage plan for another program");
  std::vector<llvm::Function *> groups;
  for (std::size_t g = 0; g < plan_.groups.size(); ++g)
    groups.push_back(statementFunction(g));

  // xr_eval: for each tile of rows, each group of statements in order.
  auto *type = llvm::FunctionType::get(b_.getVoidTy(), {ptr_}, false);
  fn_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, kEntryName, m_);
  fn_->addFnAttr(llvm::Attribute::NoUnwind);
  fn_->addParamAttr(0, llvm::Attribute::NoAlias);
  fn_->addParamAttr(0, llvm::Attribute::ReadOnly);
  entry_ = block("entry");
  b_.SetInsertPoint(entry_);
  llvm::Value *frame = fn_->getArg(0);
  auto bound = [&](std::size_t offset) {
    return tagged(b_.CreateLoad(b_.getInt64Ty(),
                                b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame, offset)),
                  "frame");
  };
  llvm::Value *begin = bound(offsetof(XrJitFrame, begin));
  llvm::Value *end = bound(offsetof(XrJitFrame, end));
  llvm::BasicBlock *tile = block("tile");
  llvm::BasicBlock *exit = block("exit");
  b_.CreateCondBr(b_.CreateICmpULT(begin, end), tile, exit);
  b_.SetInsertPoint(tile);
  llvm::PHINode *start = b_.CreatePHI(b_.getInt64Ty(), 2, "tile.start");
  start->addIncoming(begin, entry_);
  llvm::Value *full = b_.CreateAdd(start, i64(kTileRows), "tile.full", true, true);
  llvm::Value *stop = b_.CreateSelect(b_.CreateICmpULT(full, end), full, end, "tile.end");
  for (llvm::Function *group : groups)
    b_.CreateCall(group, {frame, start, stop});
  start->addIncoming(stop, tile);
  b_.CreateCondBr(b_.CreateICmpULT(stop, end), tile, exit);
  b_.SetInsertPoint(exit);
  b_.CreateRetVoid();
}

llvm::Function *RowLowering::statementFunction(std::size_t group) {
  const auto [first, last] = plan_.groups.at(group);
  // for (row = tile start; row < tile end; ++row) { statements; status[row] |= raised }
  auto *type =
      llvm::FunctionType::get(b_.getVoidTy(), {ptr_, b_.getInt64Ty(), b_.getInt64Ty()}, false);
  fn_ = llvm::Function::Create(type, llvm::Function::InternalLinkage,
                               fmt::format("xr_statements_{}", first), m_);
  fn_->addFnAttr(llvm::Attribute::NoUnwind);
  fn_->addFnAttr(llvm::Attribute::NoInline); // small functions keep register allocation cheap
  fn_->addParamAttr(0, llvm::Attribute::NoAlias);
  fn_->addParamAttr(0, llvm::Attribute::ReadOnly);
  frame_ = fn_->getArg(0);
  tileStart_ = fn_->getArg(1);
  tileEnd_ = fn_->getArg(2);
  frameValues_.clear();
  arrays_.clear();
  params_.clear();
  group_ = static_cast<std::uint32_t>(group);
  slots_.assign(p_.slots.size(), Var{});
  hoisted_.clear();
  // Every access of the loop is tagged (tagged()), the frame's loads in the entry block too,
  // which is harmless: they are outside the loop.
  parallelAccesses_ = llvm::MDNode::getDistinct(c_, {});

  entry_ = block("entry");
  preheader_ = block("hoisted");
  llvm::BasicBlock *loop = block("row");
  llvm::BasicBlock *done = block("done");
  b_.SetInsertPoint(entry_);
  raised_ = entryAlloca(b_.getInt1Ty(), "raised");
  b_.CreateBr(preheader_); // the entry's loads go before this

  b_.SetInsertPoint(loop);
  llvm::PHINode *row = b_.CreatePHI(b_.getInt64Ty(), 2, "row");
  row_ = row;
  tileRow_ = b_.CreateSub(row, tileStart_, "tile.row", true, true);
  b_.CreateStore(truth(false), raised_);
  for (std::size_t i = first; i < last; ++i)
    std::visit([this](const auto &s) { statement(s); }, p_.statements[i].body);
  llvm::Value *at = b_.CreateInBoundsGEP(b_.getInt8Ty(), status(), row);
  llvm::Value *raised = b_.CreateZExt(b_.CreateLoad(b_.getInt1Ty(), raised_), b_.getInt8Ty());
  static_assert(kRowRaised == 1, "the flag zero-extended is the status");
  tagged(
      b_.CreateStore(b_.CreateOr(tagged(b_.CreateLoad(b_.getInt8Ty(), at), "status"), raised), at),
      "status");

  llvm::Value *following = b_.CreateAdd(row, i64(1), "row.following", true, true);
  row->addIncoming(following, b_.GetInsertBlock());
  llvm::Instruction *latch = b_.CreateCondBr(b_.CreateICmpULT(following, tileEnd_), loop, done);
  // The loop's identity (distinct, pointing to itself) and its properties: no access of one row
  // depends on another row's; and the vector loop also takes the rows that do not fill a vector
  // (masked), rather than a scalar copy of the loop doing them: the copy doubled the machine
  // code, and the time to emit it, for the last tile of a batch alone.
  llvm::Metadata *parallel[] = {llvm::MDString::get(c_, "llvm.loop.parallel_accesses"),
                                parallelAccesses_};
  llvm::Metadata *masked[] = {llvm::MDString::get(c_, "llvm.loop.vectorize.predicate.enable"),
                              llvm::ConstantAsMetadata::get(b_.getTrue())};
  llvm::TempMDTuple self = llvm::MDNode::getTemporary(c_, {});
  llvm::Metadata *properties[] = {self.get(), llvm::MDNode::get(c_, parallel),
                                  llvm::MDNode::get(c_, masked)};
  llvm::MDNode *loopId = llvm::MDNode::getDistinct(c_, properties);
  loopId->replaceOperandWith(0, loopId);
  latch->setMetadata(llvm::LLVMContext::MD_loop, loopId);
  b_.SetInsertPoint(preheader_); // a tile holds at least one row
  b_.CreateBr(loop);
  row->addIncoming(tileStart_, preheader_);
  b_.SetInsertPoint(done);
  b_.CreateRetVoid();
  parallelAccesses_ = nullptr;
  return fn_;
}

llvm::Value *RowLowering::frameValue(std::size_t offset, llvm::Type *type) {
  auto found = frameValues_.find(offset);
  if (found != frameValues_.end())
    return found->second;
  llvm::IRBuilder<> at(entry_->getTerminator());
  llvm::Value *v = tagged(
      at.CreateLoad(type, at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), frame_, offset)), "frame");
  frameValues_.emplace(offset, v);
  return v;
}

llvm::Value *RowLowering::arrayElement(std::size_t arrayOffset, std::size_t index) {
  auto found = arrays_.find({arrayOffset, index});
  if (found != arrays_.end())
    return found->second;
  llvm::Value *array = frameValue(arrayOffset, ptr_);
  llvm::IRBuilder<> at(entry_->getTerminator());
  llvm::Value *v =
      tagged(at.CreateLoad(ptr_, at.CreateConstInBoundsGEP1_64(ptr_, array, index)), "frame");
  arrays_.emplace(std::pair{arrayOffset, index}, v);
  return v;
}

Value RowLowering::loadField(std::uint32_t f) {
  return loadColumn(p_.fields[f].type.kind, arrayElement(offsetof(XrJitFrame, fieldValues), f),
                    arrayElement(offsetof(XrJitFrame, fieldValid), f), row_,
                    fmt::format("field.{}", f), false);
}

Value RowLowering::loadSlot(ir::SlotId s) {
  return loadColumn(p_.slots[s].type.kind, arrayElement(offsetof(XrJitFrame, slotValues), s),
                    arrayElement(offsetof(XrJitFrame, slotValid), s), row_,
                    fmt::format("slot.{}", s), true);
}

void RowLowering::storeSlot(ir::SlotId s, const Value &value) {
  storeColumn(p_.slots[s].type.kind, value, arrayElement(offsetof(XrJitFrame, slotValues), s),
              arrayElement(offsetof(XrJitFrame, slotValid), s), row_, fmt::format("slot.{}", s));
}

llvm::Value *RowLowering::scratchArray(std::size_t offset) {
  // Cached with the frame's arrays, under an array offset no frame field has.
  constexpr std::size_t kScratchArrays = ~std::size_t{0};
  auto found = arrays_.find({kScratchArrays, offset});
  if (found != arrays_.end())
    return found->second;
  llvm::Value *base = frameValue(offsetof(XrJitFrame, scratch), ptr_);
  llvm::IRBuilder<> at(entry_->getTerminator());
  llvm::Value *v = at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), base, offset);
  arrays_.emplace(std::pair{kScratchArrays, offset}, v);
  return v;
}

Value RowLowering::loadScratch(ir::SlotId s) {
  const SlotStorage &where = plan_.slots[s];
  return loadColumn(p_.slots[s].type.kind, scratchArray(where.valuesOffset),
                    scratchArray(where.validOffset), tileRow_, fmt::format("scratch.{}", s), true);
}

void RowLowering::storeScratch(ir::SlotId s, const Value &value) {
  const SlotStorage &where = plan_.slots[s];
  storeColumn(p_.slots[s].type.kind, value, scratchArray(where.valuesOffset),
              scratchArray(where.validOffset), tileRow_, fmt::format("scratch.{}", s));
}

Value RowLowering::paramValue(std::uint32_t index) {
  if (auto found = params_.find(index); found != params_.end())
    return found->second;
  const TypeKind kind = p_.params[index].type.kind;
  llvm::Value *params = frameValue(offsetof(XrJitFrame, params), ptr_);
  llvm::IRBuilder<> at(entry_->getTerminator());
  llvm::Value *cell = at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), params,
                                                    std::uint64_t{index} * sizeof(XrJitParam));
  auto field = [&](std::size_t offset, llvm::Type *type) {
    return tagged(at.CreateLoad(type, at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), cell, offset)),
                  "frame");
  };
  llvm::Value *bits = field(offsetof(XrJitParam, bits), at.getInt64Ty());
  Value out;
  out.ok = at.CreateICmpNE(field(offsetof(XrJitParam, valid), at.getInt8Ty()), at.getInt8(0));
  switch (kind) {
  case TypeKind::Bool:
    out.v = at.CreateICmpNE(at.CreateTrunc(bits, at.getInt8Ty()), at.getInt8(0));
    break;
  case TypeKind::Status:
    out.v = at.CreateTrunc(bits, at.getInt8Ty());
    break;
  case TypeKind::Date:
  case TypeKind::Enum:
    out.v = at.CreateTrunc(bits, at.getInt32Ty());
    break;
  case TypeKind::Int:
  case TypeKind::Duration:
  case TypeKind::Set:
    out.v = bits;
    break;
  case TypeKind::Number:
    out.v = at.CreateBitCast(bits, at.getDoubleTy());
    break;
  case TypeKind::Text:
    out.v = at.CreateIntToPtr(bits, ptr_);
    out.length = field(offsetof(XrJitParam, length), at.getInt64Ty());
    break;
  case TypeKind::Error:
    throw MalformedIr(fmt::format("param {} has the error type", index));
  }
  params_.emplace(index, out);
  return out;
}

Value RowLowering::loadColumn(TypeKind kind, llvm::Value *values, llvm::Value *validity,
                              llvm::Value *index, const std::string &tag, bool resultsText) {
  llvm::Type *element = elementType(b_, kind);
  llvm::Value *x =
      tagged(b_.CreateLoad(element, b_.CreateInBoundsGEP(element, values, index)), tag + ".v");
  llvm::Value *valid =
      tagged(b_.CreateLoad(b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), validity, index)),
             tag + ".ok");
  Value out;
  out.ok = b_.CreateICmpNE(valid, i8(0));
  switch (kind) {
  case TypeKind::Bool:
    out.v = b_.CreateICmpNE(x, i8(0));
    break;
  case TypeKind::Text: {
    // The results' arena moves as text is appended: read where it is now.
    llvm::Value *base = batchArena();
    if (resultsText)
      base =
          tagged(b_.CreateLoad(ptr_, b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), textSink(),
                                                                   offsetof(XrJitTextSink, base))),
                 "text.base");
    out.v = b_.CreateInBoundsGEP(b_.getInt8Ty(), base, b_.CreateAnd(x, i64(0xffffffff)));
    out.length = b_.CreateLShr(x, i64(32));
    break;
  }
  default:
    out.v = x;
    break;
  }
  return out;
}

void RowLowering::storeColumn(TypeKind kind, const Value &value, llvm::Value *values,
                              llvm::Value *validity, llvm::Value *index, const std::string &tag) {
  llvm::Type *element = elementType(b_, kind);
  llvm::Value *x = value.v;
  if (kind == TypeKind::Bool) {
    x = b_.CreateZExt(value.v, b_.getInt8Ty());
  } else if (kind == TypeKind::Text) {
    // Into the results' arena; missing and empty texts are {0, 0}.
    llvm::Value *copy = b_.CreateAnd(value.ok, b_.CreateICmpNE(value.length, i64(0)));
    llvm::BasicBlock *from = b_.GetInsertBlock();
    llvm::BasicBlock *append = block("text.append");
    llvm::BasicBlock *join = block("text.stored");
    b_.CreateCondBr(copy, append, join);
    b_.SetInsertPoint(append);
    llvm::Value *ref =
        b_.CreateCall(helper(kTextAppendName), {textSink(), value.v, value.length}, "textref");
    b_.CreateBr(join);
    b_.SetInsertPoint(join);
    llvm::PHINode *merged = b_.CreatePHI(b_.getInt64Ty(), 2, "textref");
    merged->addIncoming(i64(0), from);
    merged->addIncoming(ref, append);
    x = merged;
  }
  tagged(b_.CreateStore(x, b_.CreateInBoundsGEP(element, values, index)), tag + ".v");
  tagged(b_.CreateStore(b_.CreateZExt(value.ok, b_.getInt8Ty()),
                        b_.CreateInBoundsGEP(b_.getInt8Ty(), validity, index)),
         tag + ".ok");
}

const Var &RowLowering::slot(ir::SlotId s) {
  if (s >= slots_.size())
    throw MalformedIr(fmt::format("slot {} does not exist", s));
  Var &var = slots_[s];
  if (var.ready)
    return var;
  var.kind = p_.slots[s].type.kind;
  const SlotStorage &where = plan_.slots[s];
  switch (where.kind) {
  case SlotStorage::Kind::Results:
    var.slot = s;
    break;
  case SlotStorage::Kind::Scratch:
    var.scratch = s;
    break;
  case SlotStorage::Kind::Loop:
  case SlotStorage::Kind::Missing: {
    if (where.kind == SlotStorage::Kind::Loop && where.group != group_)
      throw MalformedIr(fmt::format("slot {} is used outside the one loop the storage plan "
                                    "keeps it in",
                                    p_.slots[s].name));
    // Missing until the row writes it (a Missing slot never is written); made in the entry
    // block, so that mem2reg carries it in registers through the loop.
    var.v = entryAlloca(typeOf(var.kind), "slot.v");
    var.ok = entryAlloca(b_.getInt1Ty(), "slot.ok");
    llvm::IRBuilder<> at(entry_->getTerminator());
    at.CreateStore(llvm::Constant::getNullValue(typeOf(var.kind)), var.v);
    at.CreateStore(at.getInt1(false), var.ok);
    if (var.kind == TypeKind::Text) { // Missing only: the plan keeps no text in a loop
      var.length = entryAlloca(b_.getInt64Ty(), "slot.len");
      at.CreateStore(at.getInt64(0), var.length);
    }
    break;
  }
  case SlotStorage::Kind::None:
    throw MalformedIr(
        fmt::format("slot {} is used where the storage plan saw no use", p_.slots[s].name));
  }
  var.ready = true;
  return var;
}

} // namespace xr::codegen::detail
