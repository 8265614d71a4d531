// case: std::string from a getenv helper
#include <cstdlib>
#include <string>
static std::string envOr(const char *name, const char *fallback) {
  const char *v = std::getenv(name);
  return v ? v : fallback;
}
std::string g = envOr("INITSCAN_HOME", "/var/lib/initscan/default-home");
