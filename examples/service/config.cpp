#include "config.h"

#include <cstdlib>
#include <fstream>

#include "request.h"
#include "service_strings.h"

namespace {

const char* const kDefaultConfigPath = "/etc/inventory/service.conf";

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

}  // namespace

SVC_CONSTINIT int gLogLevel = 1;

__attribute__((constructor)) static void initLogLevel() {
  if (const char* level = std::getenv("INVENTORY_LOG_LEVEL")) {
    const int value = std::atoi(level);
    if (value >= 0 && value <= 3) gLogLevel = value;
  }
}

Config::Config() {
  const char* path = std::getenv("INVENTORY_CONFIG");
  load(path ? path : kDefaultConfigPath);

  // Environment wins over the file.
  if (const char* port = std::getenv("INVENTORY_PORT")) values_["port"] = port;
  if (const char* region = std::getenv("INVENTORY_REGION")) values_["region"] = region;
}

bool Config::load(const std::string& path) {
  path_ = path;
  std::ifstream in(path);
  if (!in) return loaded_ = false;

  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    values_[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
  }
  return loaded_ = true;
}

std::string Config::get(const std::string& key, const std::string& fallback) const {
  const auto it = values_.find(key);
  return it == values_.end() ? fallback : it->second;
}

int Config::getInt(const std::string& key, int fallback) const {
  const auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  char* end = nullptr;
  const long value = std::strtol(it->second.c_str(), &end, 10);
  return (end && *end == '\0') ? static_cast<int>(value) : fallback;
}

Config gConfig;

static std::string describeConfig(const Request&) {
  std::string out = kServiceName + " config=" + gConfig.path();
  out += gConfig.loaded() ? " (" + std::to_string(gConfig.size()) + " keys)" : " (not found, using defaults)";
  out += " port=" + std::to_string(gConfig.getInt("port", 8080));
  out += " log_level=" + std::to_string(gLogLevel);
  return render(200, out);
}

REGISTER_HANDLER(config, describeConfig)
