// Process-wide configuration: key=value file plus environment overrides.
#pragma once

#include <map>
#include <string>

#if defined(__cpp_constinit)
#define SVC_CONSTINIT constinit
#elif defined(__clang__)
#define SVC_CONSTINIT [[clang::require_constant_initialization]]
#elif defined(__GNUC__)
#define SVC_CONSTINIT __constinit
#else
#define SVC_CONSTINIT
#endif

class Config {
 public:
  Config();

  bool load(const std::string& path);
  std::string get(const std::string& key, const std::string& fallback = "") const;
  int getInt(const std::string& key, int fallback) const;
  bool loaded() const { return loaded_; }
  const std::string& path() const { return path_; }
  std::size_t size() const { return values_.size(); }

 private:
  std::map<std::string, std::string> values_;
  std::string path_;
  bool loaded_ = false;
};

extern Config gConfig;

// 0 = errors only ... 3 = debug. Set from INVENTORY_LOG_LEVEL before main.
extern int gLogLevel;
