#include <string>
extern const std::string kPrefix;
const std::string kPrefix = "https://example.com/a/long/prefix";
