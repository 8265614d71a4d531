#include <vector>
// Partially ordered: initialized before what follows it in every TU.
inline std::vector<int> gShared = {1, 2, 3};
