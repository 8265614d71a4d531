#include <string>
#if defined(FROM_OVERRIDE)
const std::string kFromOverride = "a string long enough to be allocated";
#elif defined(FROM_DATABASE)
const std::string kFromDatabase = "a string long enough to be allocated";
#else
const std::string kDefaultFlags = "a string long enough to be allocated";
#endif
