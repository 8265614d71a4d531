// <iostream>: libstdc++ 12 defines `static std::ios_base::Init __ioinit;` in
// every translation unit that includes it.
#include <iostream>
#include <sstream>
#include <string>

int compute(int);

std::ostringstream buffer;
std::ostream &out = std::cout;                         // constant: binds to std::cout
std::ostream *errPtr = &std::cerr;
std::streamsize width = 8;
int printedAtStartup = (std::cout << "before main\n", 1);
const std::string banner = "iostream test banner string, long";
static std::stringstream internalStream("seed");
int streamState = static_cast<int>(std::cin.good());
int dynamic = compute(1);

int use() { return static_cast<int>(internalStream.str().size()); }
