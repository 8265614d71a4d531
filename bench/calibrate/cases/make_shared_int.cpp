// case: std::make_shared<int>
// quick
#include <memory>
std::shared_ptr<int> g = std::make_shared<int>(42);
