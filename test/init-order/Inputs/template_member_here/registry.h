#include <vector>
inline std::vector<int> makeItems() { return {1, 2}; }
template <class T> struct Registry {
  static std::vector<int> Items;
};
template <class T> std::vector<int> Registry<T>::Items = makeItems();
