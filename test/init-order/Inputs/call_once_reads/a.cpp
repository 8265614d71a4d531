// std::call_once runs the lambda now: its read of gB happens during gA's
// initialization.
#include <cstdio>
#include <mutex>
extern int gB;
static std::once_flag Once;
int gA = [] {
  int Result = 0;
  std::call_once(Once, [&] { Result = gB; });
  return Result;
}();
int main() {
  if (gA != gB)
    std::puts("fiasco: gB");
  std::printf("gA=%d\n", gA);
}
