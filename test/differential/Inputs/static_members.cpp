// Static data members: in-class, out-of-line, class templates, variable templates.
#include <string>
#include <vector>

int compute(int);

struct Config {
  static int outOfLineConstant;
  static int outOfLineDynamic;
  static const int inClassConst = 3;
  static constexpr int inClassConstexpr = 4;
  inline static int inlineConstant = 5;
  inline static int inlineDynamic = compute(1);
  inline static int inlineDynamicUnused = compute(2);
  inline static std::string inlineName = "configuration-name-long-enough";
  inline static const char *inlineLiteral = "literal";
  static std::string outOfLineName;
  static const std::string constOutOfLineName;
  static std::vector<int> emptyVector;
  static int declaredOnly;  // never defined
};

int Config::outOfLineConstant = 10;
int Config::outOfLineDynamic = compute(3);
std::string Config::outOfLineName = "short";
const std::string Config::constOutOfLineName("a constant std::string member");
std::vector<int> Config::emptyVector;

int readInline() { return Config::inlineDynamic + Config::inlineConstant; }
const std::string &readName() { return Config::inlineName; }

struct Nested {
  struct Inner {
    static int value;
    static int constantValue;
  };
};
int Nested::Inner::value = compute(4);
int Nested::Inner::constantValue = 4;

// Class templates with static members.
template <class T> struct Registry {
  static int count;
  static T defaultValue;
  static const int kSize = sizeof(T);
  inline static std::string label = "registry-of-things-label";
};
template <class T> int Registry<T>::count = compute(static_cast<int>(sizeof(T)));
template <class T> T Registry<T>::defaultValue = T();

// Instantiated and used.
int usedCount = Registry<int>::count;
int usedDefault() { return Registry<int>::defaultValue; }
std::string usedLabel() { return Registry<long>::label; }

// Instantiated (the class) but no static member used: nothing emitted.
Registry<char> instantiatedUnused;
int sizeOnly = Registry<short>::kSize;

// Never instantiated.
template <class T> struct NeverUsed {
  static int value;
};
template <class T> int NeverUsed<T>::value = compute(100);

// Explicit instantiation definition: emits every static member.
template struct Registry<double>;

// Explicit specialization of a static member: an ordinary definition.
template <> int Registry<float>::count = compute(42);
template <> int Registry<unsigned>::count = 42;

// Static member of a template with a dependent constant initializer.
template <int N> struct Power {
  static const int value = N * Power<N - 1>::value;
};
template <> struct Power<0> {
  static const int value = 1;
};
int power = Power<5>::value;

template <int N> struct DynamicN {
  static int value;
};
template <int N> int DynamicN<N>::value = compute(N);
int dynN = DynamicN<3>::value + DynamicN<4>::value;

// Variable templates.
template <class T> constexpr T pi = T(3.1415926535897932385L);
template <class T> T dynamicZero = T(compute(0));
template <class T> std::string typeName = "some type name, quite long";
template <class T> const T constantZero = T(0);
double piDouble = pi<double>;
int useDynamicZero() { return dynamicZero<int>; }
const std::string &useTypeName() { return typeName<long>; }
int useConstantZero() { return constantZero<int>; }
template <class T> T unusedVariableTemplate = T(compute(99));
template long dynamicZero<long>;  // explicit instantiation of a variable template
