// case: config: env lookups, strings and a map of defaults
// quick
#include <cstdlib>
#include <map>
#include <string>
struct Config {
  std::string home, level;
  std::map<std::string, std::string> defaults;
  Config() {
    const char *h = std::getenv("INITSCAN_HOME");
    home = h ? h : "/var/lib/service/home-directory";
    const char *l = std::getenv("INITSCAN_LEVEL");
    level = l ? l : "info";
    defaults.emplace("port", "8080");
    defaults.emplace("bind-address", "0.0.0.0.0.0.0.0.0.0");
    defaults.emplace("timeout", "30");
  }
};
Config g;
