#include <cstdio>
#include <vector>

#include "config.h"
#include "request.h"
#include "service_strings.h"

struct Limits {
  int maxBodyBytes;
  int maxInFlight;
  int drainGraceSeconds;
  double requestTimeoutSeconds;
};

const Limits kLimits = {1 << 20, 128, 30, 2.5};

struct AlertTarget {
  std::string channel;
  std::string escalation;
  int severity;
};

std::vector<std::function<void()>> gShutdownHooks = {
    [service = kServiceName, limits = kLimits] {
      if (gLogLevel >= 2) {
        std::fprintf(stderr, "%s: draining, grace %ds, max in-flight %d\n", service.c_str(),
                     limits.drainGraceSeconds, limits.maxInFlight);
      }
    },
    [owner = std::string("inventory-platform@example.com"),
     target = AlertTarget{"#inventory-oncall", "pagerduty:inventory-primary", 2}] {
      if (gLogLevel >= 3) {
        std::fprintf(stderr, "shutdown: notifying %s via %s (owner %s, sev %d)\n",
                     target.channel.c_str(), target.escalation.c_str(), owner.c_str(),
                     target.severity);
      }
    },
};

void runShutdownHooks() {
  for (const auto& hook : gShutdownHooks) hook();
}

static std::string handleStats(const Request&) {
  std::string out = "handlers=" + std::to_string(handlerRegistry().size());
  out += " max_body=" + std::to_string(kLimits.maxBodyBytes);
  out += " timeout=" + std::to_string(kLimits.requestTimeoutSeconds) + "s";
  return render(200, out);
}

static std::string handleDrain(const Request& req) {
  if (req.user != "admin") return render(403, "drain requires admin");
  return render(202, kServiceName + " draining in " + std::to_string(kLimits.drainGraceSeconds) + "s");
}

REGISTER_HANDLER(stats, handleStats)
REGISTER_HANDLER(drain, handleDrain)
