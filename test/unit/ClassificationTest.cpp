//===- ClassificationTest.cpp - Which globals run code before main --------===//
//
// analyzeTranslationUnit must pick exactly the definitions Clang's CodeGen
// gives a __cxx_global_var_init, with the right storage kind.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

using namespace initscan;
using namespace initscan::test;

namespace {

TEST(Classification, ConstantInitializedGlobalsEmitNoInitFunction) {
  ASSERT_PARSES(TU, R"cpp(
    #include <atomic>
    #include <mutex>
    #include <string_view>
    constexpr int ci = 42;
    const char *const p = "x";
    struct Pod { int a; const char *s; double d; };
    Pod pod = {1, "one", 2.0};
    std::mutex m;
    std::atomic<int> at{0};
    constexpr std::string_view sv = "abc";
    // Taking the addresses odr-uses the internal-linkage constants above,
    // so they are emitted (and must be seen) too.
    const void *addrs[] = {&ci, &p, &sv};
    int f();
    int g = f(); // The control: dynamic.
  )cpp");
  for (const char *Name : {"ci", "p", "pod", "m", "at", "sv", "addrs"}) {
    SCOPED_TRACE(Name);
    ASSERT_FIND(SI, TU, Name);
    EXPECT_FALSE(SI->DynamicInit);
    EXPECT_FALSE(SI->RegistersDestructor);
    EXPECT_FALSE(SI->emitsInitFunction());
    EXPECT_FALSE(SI->runsBeforeMain());
    EXPECT_EQ(SI->Storage, StorageKind::Namespace);
    EXPECT_EQ(SI->Cost.Instructions, 0u) << "constant globals cost nothing";
  }
  ASSERT_FIND(G, TU, "g");
  EXPECT_TRUE(G->emitsInitFunction());
}

TEST(Classification, ConstinitIsConstant) {
  ASSERT_PARSES(TU, R"cpp(
    constexpr int seven() { return 7; }
    constinit int ci = seven();
    constinit const char *name = "n";
  )cpp", {"-std=c++20"});
  for (const char *Name : {"ci", "name"}) {
    SCOPED_TRACE(Name);
    ASSERT_FIND(SI, TU, Name);
    EXPECT_FALSE(SI->emitsInitFunction());
  }
}

TEST(Classification, CallToNonConstexprFunctionIsDynamic) {
  ASSERT_PARSES(TU, R"cpp(
    int f();
    int g = f();
  )cpp");
  ASSERT_FIND(G, TU, "g");
  EXPECT_TRUE(G->DynamicInit);
  EXPECT_FALSE(G->RegistersDestructor);
  EXPECT_TRUE(G->emitsInitFunction());
  EXPECT_TRUE(G->runsBeforeMain());
  EXPECT_EQ(G->Storage, StorageKind::Namespace);
  EXPECT_EQ(G->MangledName, "g");
}

TEST(Classification, ConstStdStringIsDynamicAndRegistersDestructor) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    const std::string s = "x";
  )cpp");
  ASSERT_FIND(S, TU, "s");
  EXPECT_TRUE(S->DynamicInit);
  EXPECT_TRUE(S->RegistersDestructor);
  EXPECT_TRUE(S->runsBeforeMain());
  EXPECT_FALSE(S->InSystemHeader);
}

TEST(Classification, ConstexprConstructorWithDestructorOnlyRegistersDestructor) {
  ASSERT_PARSES(TU, R"cpp(
    struct Handle {
      constexpr Handle(int v) : v(v) {}
      ~Handle() { v = 0; }
      int v;
    };
    Handle h(3);
  )cpp");
  ASSERT_FIND(H, TU, "h");
  EXPECT_FALSE(H->DynamicInit);
  EXPECT_TRUE(H->RegistersDestructor);
  EXPECT_TRUE(H->emitsInitFunction());
  EXPECT_TRUE(H->runsBeforeMain());
}

TEST(Classification, FunctionLocalStaticIsNotStartUpCode) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    const std::string &name() {
      static std::string local = "built on first use";
      return local;
    }
    std::string global = "g";
  )cpp");
  EXPECT_EQ(names(TU.Inits), std::vector<std::string>{"global"});
}

TEST(Classification, ThreadLocalIsKeptApart) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    thread_local std::string t;
  )cpp");
  ASSERT_FIND(T, TU, "t");
  EXPECT_EQ(T->Storage, StorageKind::ThreadLocal);
  EXPECT_TRUE(T->RegistersDestructor);
  EXPECT_TRUE(T->emitsInitFunction());
  EXPECT_FALSE(T->runsBeforeMain());
  EXPECT_EQ(storageKindName(T->Storage), "thread-local");
}

TEST(Classification, OutOfLineStaticDataMember) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    struct Registry {
      static std::string name;
      static const int limit = 4; // In-class constant: no definition here.
    };
    std::string Registry::name = "registry";
  )cpp");
  ASSERT_FIND(N, TU, "Registry::name");
  EXPECT_EQ(N->Storage, StorageKind::StaticMember);
  EXPECT_TRUE(N->DynamicInit);
  EXPECT_EQ(find(TU.Inits, "Registry::limit"), nullptr);
}

TEST(Classification, ClassTemplateStaticMemberInstantiatedByUseAppearsOnce) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    template <class T> struct Table { static std::string key; };
    template <class T> std::string Table<T>::key = "k";
    unsigned a() { return Table<int>::key.size(); }
    unsigned b() { return Table<int>::key.size() + 1; }
  )cpp");
  EXPECT_EQ(count(TU.Inits, "Table<int>::key"), 1u)
      << testing::PrintToString(names(TU.Inits));
  ASSERT_FIND(K, TU, "Table<int>::key");
  EXPECT_EQ(K->Storage, StorageKind::StaticMember);
  EXPECT_TRUE(K->DynamicInit);
  EXPECT_EQ(TU.Inits.size(), 1u) << "the uninstantiated pattern is not code";
}

TEST(Classification, NeverInstantiatedTemplateIsAbsent) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    template <class T> struct Never { static std::string w; };
    template <class T> std::string Never<T>::w = "never";
    template <class T> std::string varTemplate = "never either";
    // Instantiating the class does not instantiate the member's definition.
    unsigned long bytes = sizeof(Never<long>);
  )cpp");
  EXPECT_EQ(names(TU.Inits), std::vector<std::string>{"bytes"});
}

TEST(Classification, ConstantReadOnlyByADefaultTemplateArgumentIsAbsent) {
  // libstdc++'s `bool = is_const<T>::value` pattern: clang up to 16 marks the
  // constant used when it instantiates the default argument, but only an
  // odr-use (the address taken below) makes CodeGen emit the object.
  ASSERT_PARSES(TU, R"cpp(
    template <typename T, T V> struct Constant { static constexpr T value = V; };
    template <typename T> struct IsPointer : Constant<bool, false> {};
    template <typename T, bool = IsPointer<T>::value> struct Select {};
    Select<int> *global = nullptr;
    template <typename T> struct IsInt : Constant<int, 7> {};
    template <typename T, int = IsInt<T>::value> struct Select2 {};
    using Selected2 = Select2<int>;
    const int *address = &IsInt<int>::value;
  )cpp");
  EXPECT_EQ(names(TU.Inits),
            (std::vector<std::string>{"Constant<int, 7>::value", "global",
                                      "address"}));
}

TEST(Classification, InClassInlineMemberAndExplicitSpecialization) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    struct S {
      static inline std::string n = "x";
      static constexpr int c = 1; // Implicitly inline, unused: not emitted.
    };
    template <class T> struct TS { static std::string v; };
    template <> std::string TS<char>::v = "x";
  )cpp");
  EXPECT_EQ(names(TU.Inits),
            (std::vector<std::string>{"S::n", "TS<char>::v"}));
  for (const StaticInitializer &SI : TU.Inits) {
    EXPECT_EQ(SI.Storage, StorageKind::StaticMember) << SI.QualifiedName;
    EXPECT_TRUE(SI.runsBeforeMain()) << SI.QualifiedName;
  }
}

TEST(Classification, ConstantThreadLocalRunsNothing) {
  ASSERT_PARSES(TU, R"cpp(
    int f();
    thread_local int constant = 5;
    thread_local int computed = f();
  )cpp");
  ASSERT_FIND(C, TU, "constant");
  ASSERT_FIND(D, TU, "computed");
  EXPECT_EQ(C->Storage, StorageKind::ThreadLocal);
  EXPECT_FALSE(C->emitsInitFunction());
  EXPECT_EQ(D->Storage, StorageKind::ThreadLocal);
  EXPECT_TRUE(D->DynamicInit);
  EXPECT_TRUE(D->emitsInitFunction());
  EXPECT_FALSE(D->runsBeforeMain());
}

TEST(Classification, VariableTemplateInstantiationsHaveDistinctNames) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    template <class T> std::string label = "x";
    unsigned long use() { return label<int>.size() + label<long>.size(); }
  )cpp");
  ASSERT_EQ(TU.Inits.size(), 2u) << testing::PrintToString(names(TU.Inits));
  EXPECT_NE(TU.Inits[0].MangledName, TU.Inits[1].MangledName);
  SKIP_IF_ENGINE_BUG(
      TU.Inits[0].QualifiedName == TU.Inits[1].QualifiedName,
      "variable template specializations are both named '"
          << TU.Inits[0].QualifiedName
          << "' (getQualifiedNameAsString omits the template arguments that "
             "class template members get, e.g. Table<int>::key)");
  EXPECT_EQ(names(TU.Inits),
            (std::vector<std::string>{"label<int>", "label<long>"}));
}

TEST(Classification, InlineVariableIsPresent) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    inline std::string iv = "abc";
  )cpp");
  ASSERT_FIND(IV, TU, "iv");
  EXPECT_EQ(IV->Storage, StorageKind::Namespace);
  EXPECT_TRUE(IV->DynamicInit);
  EXPECT_TRUE(IV->runsBeforeMain());
}

TEST(Classification, ConstructorAttributeFunction) {
  ASSERT_PARSES(TU, R"cpp(
    __attribute__((constructor)) void init() {}
    void notInit() {}
  )cpp");
  ASSERT_EQ(names(TU.Inits), std::vector<std::string>{"init"});
  const StaticInitializer &I = TU.Inits.front();
  EXPECT_EQ(I.Storage, StorageKind::ConstructorFunction);
  EXPECT_NE(I.function(), nullptr);
  EXPECT_EQ(I.var(), nullptr);
  EXPECT_TRUE(I.runsBeforeMain());
  EXPECT_FALSE(I.emitsInitFunction()) << "no __cxx_global_var_init for it";
}

TEST(Classification, ExternDeclarationIsAbsent) {
  ASSERT_PARSES(TU, R"cpp(
    extern int e;
    int read() { return e; }
  )cpp");
  EXPECT_TRUE(TU.Inits.empty()) << testing::PrintToString(names(TU.Inits));
}

TEST(Classification, RedeclaredGlobalAppearsOnce) {
  ASSERT_PARSES(TU, R"cpp(
    int f();
    extern int g;
    int g = f();
    extern int g;
  )cpp");
  EXPECT_EQ(count(TU.Inits, "g"), 1u);
}

TEST(Classification, GlobalDefinedInMacro) {
  ASSERT_PARSES(TU, R"cpp(
    #include <string>
    #define DEFINE_NAME(id, text) std::string id = text;
    DEFINE_NAME(fromMacro, "m")
    std::string plain = "p";
  )cpp");
  ASSERT_FIND(M, TU, "fromMacro");
  EXPECT_TRUE(M->InMacro);
  ASSERT_FIND(P, TU, "plain");
  EXPECT_FALSE(P->InMacro);
}

TEST(Classification, ResultIsInSourceOrderWithNamespaces) {
  ASSERT_PARSES(TU, R"cpp(
    int f();
    namespace outer { int b = f(); namespace inner { int c = f(); } }
    __attribute__((constructor)) static void early() {}
    int a = f();
  )cpp");
  EXPECT_EQ(names(TU.Inits),
            (std::vector<std::string>{"outer::b", "outer::inner::c", "early",
                                      "a"}));
}

} // namespace
