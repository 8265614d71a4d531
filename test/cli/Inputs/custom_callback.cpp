// A registry of a project's own type-erased callable (not std::function).
#include <map>
#include <string>
namespace my {
template <class Sig> class Callback;
template <class R, class... A> class Callback<R(A...)> {
public:
  template <class F> Callback(F f) : p(new F(f)) {}
  void *p;
};
}
std::map<std::string, my::Callback<int()>> reg_one = {{"a", [] { return 1; }}};
