// User-defined classes: constructors, destructors, inheritance, arrays.
int compute(int);

struct Base {
  Base() : id(compute(0)) {}
  virtual ~Base();
  int id;
};
struct Derived : Base {
  Derived() = default;
  ~Derived() override;
};
struct ConstexprBase {
  constexpr ConstexprBase(int v) : v(v) {}
  int v;
};
struct ConstexprDerived : ConstexprBase {
  constexpr ConstexprDerived() : ConstexprBase(3) {}
};
struct Polymorphic {
  constexpr Polymorphic() = default;
  virtual int get() const { return 1; }
};
struct DefaultMemberInit {
  int a = 1;
  int b = 2;
};
struct DynamicMemberInit {
  int a = compute(1);
};
struct Explicit {
  explicit Explicit(int v) : v(v) {}
  int v;
};
struct ImplicitlyDeletedCopy {
  constexpr ImplicitlyDeletedCopy() = default;
  ImplicitlyDeletedCopy(const ImplicitlyDeletedCopy &) = delete;
  int v = 0;
};
struct TrivialDtorMember {
  ConstexprBase member{4};
};
struct NonTrivialDtorMember {
  struct Inner {
    ~Inner();
  } inner;
  int v = 5;
};

Base base;
Derived derived;
Base baseArray[3];
ConstexprBase constexprBase{1};
ConstexprDerived constexprDerived;
Polymorphic polymorphic;                     // constant: vtable pointer is a constant
const Polymorphic constPolymorphic;
DefaultMemberInit defaultMembers;
DefaultMemberInit defaultMembersArray[4];
DynamicMemberInit dynamicMembers;
Explicit explicitObject{5};
Explicit explicitObjectCopy = Explicit(6);
ImplicitlyDeletedCopy noCopy;
TrivialDtorMember trivialDtorMember;
NonTrivialDtorMember nonTrivialDtorMember;   // destructor only
NonTrivialDtorMember nonTrivialDtorMembers[2];
static Base staticUnusedBase;
namespace {
Derived anonDerived;
ConstexprDerived anonConstexprDerived;
}
Base *basePtr = &derived;                    // constant: derived-to-base of a global
const Base &baseRef = derived;
int fromMember = constexprBase.v;            // dynamic: constexprBase is not const
const ConstexprBase constBase{2};
int fromConstMember = constBase.v;           // constant

__attribute__((init_priority(200))) Base prioritized;
__attribute__((constructor)) void runsBeforeMain() {}  // a function, not a global
