#include <vector>
inline std::vector<int> gShared = {1, 2, 3};
