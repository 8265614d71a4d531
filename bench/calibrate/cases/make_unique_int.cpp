// case: std::make_unique<int>
#include <memory>
std::unique_ptr<int> g = std::make_unique<int>(42);
