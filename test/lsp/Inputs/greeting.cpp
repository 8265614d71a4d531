#include <string>
/* héllo 😀 */ const std::string kGreeting = "hello";
int greetingLength() { return static_cast<int>(kGreeting.size()); }
