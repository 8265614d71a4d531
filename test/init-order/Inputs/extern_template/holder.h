#include <string>
inline std::string makeValue() { return std::string(30, 'v'); }
template <class T> struct Holder {
  static std::string Value;
};
template <class T> std::string Holder<T>::Value = makeValue();
// Instantiated (and initialized) in b.cpp only.
extern template struct Holder<int>;
