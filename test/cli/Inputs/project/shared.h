#include <string>
inline const std::string kShared = "defined in a header, included twice";
