// case: loop pushing 16 ints onto a list
#include <list>
struct L {
  std::list<int> l;
  L() { for (int i = 0; i < 16; ++i) l.push_back(i); }
};
L g;
