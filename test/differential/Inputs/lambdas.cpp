// Lambdas and callables stored in globals.
#include <functional>

int compute(int);
int globalCounter = 0;
int constantSeed = 3;

// Captureless lambdas: the closure is an empty literal type.
auto addOne = [](int v) { return v + 1; };
const auto constMultiply = [](int a, int b) { return a * b; };
auto genericLambda = [](auto v) { return v; };
int (*fnPointer)(int) = [](int v) { return v * 2; };   // constexpr conversion (C++17)
int (*fnPointerFromVar)(int) = addOne;                  // conversion of a variable: dynamic in C++17
static auto staticLambda = [] { return 1; };

// Capturing lambdas (init-captures: namespace-scope lambdas cannot capture otherwise).
auto capturesCall = [seed = compute(1)](int v) { return v + seed; };
auto capturesConstant = [seed = 4](int v) { return v + seed; };
auto capturesReference = [&counter = globalCounter] { return ++counter; };
auto capturesCopyOfGlobal = [copy = constantSeed] { return copy; };

// std::function: never constant, always a destructor.
std::function<int(int)> fnFromCaptureless = [](int v) { return v - 1; };
std::function<int(int)> fnFromCapturing = [seed = compute(2)](int v) { return v * seed; };
std::function<int(int)> fnFromPointer = &compute;
std::function<void()> fnEmpty;
const std::function<int()> constFn = [] { return 5; };
static std::function<int()> staticUnusedFn = [] { return 6; };

// Immediately-invoked lambdas.
const int iifeConstant = [] { return 7; }();
const int iifeDynamic = [] { return compute(3); }();

int use() {
  return addOne(1) + constMultiply(2, 3) + genericLambda(4) + fnPointer(5) + staticLambda() +
         capturesCall(6) + capturesConstant(7) + capturesReference() + capturesCopyOfGlobal() +
         fnFromCaptureless(8) + fnFromCapturing(9) + fnFromPointer(10) + constFn() +
         fnPointerFromVar(11);
}
