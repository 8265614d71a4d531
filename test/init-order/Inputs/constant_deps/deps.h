#include <string_view>
struct Point {
  int X, Y;
};
extern const int kAnswer;
extern constinit int gCounter;
extern const Point kOrigin;
extern const std::string_view kName;
extern const char *const kGreeting;
