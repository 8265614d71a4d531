// abseil's ABSL_FLAG with .OnUpdate(): the flag itself is constant-initialized
// (ABSL_CONST_INIT), the registrar next to it is an object of an EMPTY class
// whose initializer registers the flag. Clang's init function stores nothing
// (there is no data to store) and names only the flag: the dynamic global is
// the registrar, not the flag (absl/flags/parse.cc, FLAGS_noflagfile).
#include <string>
#include <vector>

struct RegistrarEmpty {};

template <class T> struct Flag {
  const char *Name;
  T (*Default)();
};

template <class T> struct Registrar {
  explicit Registrar(Flag<T> &F, const char *File);
  Registrar &&onUpdate(void (*Callback)()) &&;
  operator RegistrarEmpty() const { return {}; }
};

static std::vector<std::string> noFiles() { return {}; }

#define DEFINE_FLAG(Type, Name, Default)                                       \
  static Type Name##Default() { return Default(); }                            \
  [[clang::require_constant_initialization]] Flag<Type> FLAGS_##Name{         \
      #Name, &Name##Default};                                                 \
  extern RegistrarEmpty FLAGS_no##Name;                                        \
  RegistrarEmpty FLAGS_no##Name =                                              \
      Registrar<Type>(FLAGS_##Name, __FILE__).onUpdate([] {})

DEFINE_FLAG(std::vector<std::string>, flagfile, noFiles);
DEFINE_FLAG(std::vector<std::string>, fromenv, noFiles);

// Constant-initialized empty object next to them: no init function.
RegistrarEmpty Plain;
