//===- ChildProcesses.cpp - Run work items in killable child processes ----===//

#include "ChildProcesses.h"
#include "llvm/ADT/Twine.h"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <vector>

namespace initscan::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct RunningChild {
  size_t Index = 0;
  pid_t Pid = -1;
  int ReadFd = -1; ///< -1 once the child closed its end.
  std::string Output;
  Clock::time_point Deadline;
  bool Killed = false;
};

bool writeAll(int Fd, const std::string &Data) {
  const char *Next = Data.data();
  size_t Left = Data.size();
  while (Left) {
    ssize_t Written = ::write(Fd, Next, Left);
    if (Written < 0 && errno == EINTR)
      continue;
    if (Written <= 0)
      return false;
    Next += Written;
    Left -= static_cast<size_t>(Written);
  }
  return true;
}

/// Reads what is available; closes the descriptor at end of file.
void drain(RunningChild &Child) {
  char Buffer[65536];
  ssize_t Read = ::read(Child.ReadFd, Buffer, sizeof(Buffer));
  if (Read < 0 && (errno == EINTR || errno == EAGAIN))
    return;
  if (Read > 0) {
    Child.Output.append(Buffer, static_cast<size_t>(Read));
    return;
  }
  ::close(Child.ReadFd);
  Child.ReadFd = -1;
}

ChildResult reap(RunningChild &Child) {
  if (Child.ReadFd >= 0) {
    ::close(Child.ReadFd);
    Child.ReadFd = -1;
  }
  int Status = 0;
  while (::waitpid(Child.Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  ChildResult Result;
  if (Child.Killed) {
    Result.State = ChildResult::TimedOut;
  } else if (WIFSIGNALED(Status)) {
    Result.State = ChildResult::Crashed;
    Result.Problem = ("killed by signal " + llvm::Twine(WTERMSIG(Status)) +
                      " (" + ::strsignal(WTERMSIG(Status)) + ")")
                         .str();
  } else if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
    Result.State = ChildResult::Crashed;
    Result.Problem =
        ("exited with status " + llvm::Twine(WEXITSTATUS(Status))).str();
  } else {
    Result.Output = std::move(Child.Output);
  }
  return Result;
}

} // namespace

void runInChildProcesses(
    size_t Count, unsigned Parallel, std::chrono::milliseconds Timeout,
    llvm::function_ref<std::string(size_t)> Work,
    llvm::function_ref<void(size_t, const ChildResult &)> Done) {
  std::vector<RunningChild> Running;
  size_t Next = 0;
  Parallel = std::max(1u, Parallel);
  while (Next < Count || !Running.empty()) {
    while (Running.size() < Parallel && Next < Count) {
      int Pipe[2];
      if (::pipe(Pipe) != 0) {
        Done(Next++, {ChildResult::Crashed, "", "cannot create a pipe"});
        continue;
      }
      pid_t Parent = ::getpid();
      pid_t Pid = ::fork();
      if (Pid < 0) {
        ::close(Pipe[0]);
        ::close(Pipe[1]);
        Done(Next++, {ChildResult::Crashed, "", "cannot fork"});
        continue;
      }
      if (Pid == 0) { // The child: no destructors, no atexit handlers.
#ifdef __linux__
        // Ends with the parent however it ends (kill -9, SIGINT to it alone).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != Parent) // It ended before prctl.
          ::_exit(1);
#endif
        ::close(Pipe[0]);
        for (const RunningChild &Sibling : Running)
          if (Sibling.ReadFd >= 0)
            ::close(Sibling.ReadFd);
        bool Sent = writeAll(Pipe[1], Work(Next));
        ::_exit(Sent ? 0 : 1);
      }
      ::close(Pipe[1]);
      RunningChild Child;
      Child.Index = Next++;
      Child.Pid = Pid;
      Child.ReadFd = Pipe[0];
      Child.Deadline = Clock::now() + Timeout;
      Running.push_back(std::move(Child));
    }
    if (Running.empty())
      continue;

    // Wait for output, an exit (end of file) or the nearest deadline.
    std::vector<pollfd> Fds;
    std::vector<RunningChild *> Owners;
    Clock::time_point Nearest = Clock::time_point::max();
    for (RunningChild &Child : Running) {
      Nearest = std::min(Nearest, Child.Deadline);
      if (Child.ReadFd >= 0) {
        Fds.push_back({Child.ReadFd, POLLIN, 0});
        Owners.push_back(&Child);
      }
    }
    auto Wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        Nearest - Clock::now());
    int WaitMs = static_cast<int>(
        std::clamp<long long>(Wait.count() + 1, 0, 1000));
    if (::poll(Fds.data(), Fds.size(), WaitMs) > 0)
      for (size_t I = 0; I < Fds.size(); ++I)
        if (Fds[I].revents)
          drain(*Owners[I]);

    Clock::time_point Now = Clock::now();
    for (RunningChild &Child : Running)
      if (Child.ReadFd >= 0 && Now >= Child.Deadline) {
        ::kill(Child.Pid, SIGKILL);
        Child.Killed = true;
      }
    // Report the children that closed their pipe (exited) or were killed.
    auto Ended = std::stable_partition(
        Running.begin(), Running.end(), [](const RunningChild &Child) {
          return Child.ReadFd >= 0 && !Child.Killed;
        });
    for (auto It = Ended; It != Running.end(); ++It)
      Done(It->Index, reap(*It));
    Running.erase(Ended, Running.end());
  }
}

} // namespace initscan::cli
