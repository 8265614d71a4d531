//===- ChildProcesses.h - Run work items in killable child processes -*- C++ -*-===//
//
// A thread cannot be stopped from outside, and clang's parser and constant
// evaluator have no cancellation points, so --timeout runs each translation
// unit in a forked child process that the parent kills at its deadline. A
// crash in one TU then also ends only that TU's child.
//
//===----------------------------------------------------------------------===//
#ifndef INITSCAN_TOOLS_CHILDPROCESSES_H
#define INITSCAN_TOOLS_CHILDPROCESSES_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include <chrono>
#include <string>

namespace initscan::cli {

struct ChildResult {
  enum Status { Finished, TimedOut, Crashed } State = Finished;
  std::string Output;  ///< What the work item returned (Finished only).
  std::string Problem; ///< Crashed: "killed by signal 11 (Segmentation fault)".
};

/// Runs \p Work(I) for each I below \p Count in a child process of its own,
/// at most \p Parallel at a time, and sends its string back to the parent.
/// A child still running \p Timeout after its start is killed. \p Done is
/// called in the parent, in completion order.
///
/// The caller must not have started other threads: fork() copies only the
/// calling one, and a lock held by another would stay locked in the child.
void runInChildProcesses(
    size_t Count, unsigned Parallel, std::chrono::milliseconds Timeout,
    llvm::function_ref<std::string(size_t)> Work,
    llvm::function_ref<void(size_t, const ChildResult &)> Done);

} // namespace initscan::cli

#endif // INITSCAN_TOOLS_CHILDPROCESSES_H
