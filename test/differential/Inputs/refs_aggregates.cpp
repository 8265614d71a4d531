// References to other globals, pointers, aggregates and arrays.
#include <string>

int compute(int);
const std::string &namedString();

int x = 1;
const int cx = 2;
std::string s = "a std::string global that is long enough";

// References.
int &refToGlobal = x;                       // constant: address of a global
const int &refToConst = cx;
const std::string &refToString = s;         // constant: binds directly to s
const std::string &refToTemporary = "a temporary bound to a reference, long";
const int &refToTemporaryInt = 5;           // lifetime-extended constant temporary
const int &refToDynamicTemporary = compute(1);
const std::string &refFromCall = namedString();
int &&rvalueRef = compute(2);
int *ptrToGlobal = &x;
const int *ptrToConst = &cx;
int y = x;                                  // dynamic: x is not const
int ycx = cx;                               // constant
int *ptrFromRef = &refToGlobal;             // constant
int valueThroughRef = refToGlobal;          // dynamic

// Aggregates.
struct Point {
  int x, y;
};
struct Named {
  const char *name;
  int value;
};
struct WithString {
  int id;
  std::string text;
};
struct Nested {
  Point p;
  Named n;
};
Point origin = {0, 0};
Point dynamicPoint = {1, compute(3)};
const Point constPoint{2, 3};
Named named = {"name", 4};
Named namedDynamic = {"name", compute(4)};
WithString withString = {1, "an aggregate with a std::string member"};
WithString withShortString = {2, ""};
Nested nested = {{1, 2}, {"n", 3}};
Nested nestedDynamic = {{1, compute(5)}, {"n", 3}};
Point designated = {.x = 1, .y = 2};

// Arrays.
int numbers[] = {1, 2, 3};
int numbersDynamic[] = {1, compute(6), 3};
const char *names[] = {"a", "b", "c"};
Point points[2] = {{1, 2}, {3, 4}};
std::string strings[2] = {"first string long enough to allocate", "second"};
const int table[3][2] = {{1, 2}, {3, 4}, {5, 6}};
int zeroes[100];
char buffer[16] = "text";

// Unions and bit-fields.
union Value {
  int i;
  float f;
};
Value intValue = {3};
Value dynamicValue = {compute(7)};
struct Flags {
  unsigned a : 1;
  unsigned b : 3;
};
Flags flags = {1, 5};
Flags dynamicFlags = {1, static_cast<unsigned>(compute(8))};
