#include <atomic>
#include <cstdio>
#include <mutex>

#include "request.h"

namespace {

constexpr std::size_t kMaxHandlers = 64;
constexpr const char* kReservedNames[] = {"", "internal", "debug"};

std::mutex gRegistryMutex;
std::atomic<int> gRegisteredCount{0};

bool isReserved(const char* name) {
  for (const char* reserved : kReservedNames) {
    if (std::string_view(name) == reserved) return true;
  }
  return false;
}

}  // namespace

std::map<std::string, Handler>& handlerRegistry() {
  static std::map<std::string, Handler> registry;
  return registry;
}

Registrar::Registrar(const char* name, Handler handler) {
  if (isReserved(name)) {
    std::fprintf(stderr, "registry: refusing reserved handler name '%s'\n", name);
    return;
  }
  std::lock_guard<std::mutex> lock(gRegistryMutex);
  if (handlerRegistry().size() >= kMaxHandlers) {
    std::fprintf(stderr, "registry: too many handlers, dropping '%s'\n", name);
    return;
  }
  handlerRegistry()[name] = std::move(handler);
  gRegisteredCount.fetch_add(1, std::memory_order_relaxed);
}
