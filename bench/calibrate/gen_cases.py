#!/usr/bin/env python3
"""Writes the calibration corpus (bench/calibrate/cases/*.cpp).

Each case is one translation unit with ONE dynamic global (named `g`) plus
what it needs, so the cost of the TU's `_GLOBAL__sub_I_*` is the cost of that
global. The first line of a case is `// case: <description>`; cases carrying
`// quick` form the --quick subset. The generated files are checked in; re-run
this script only to change the corpus.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
QUICK = set()
cases = {}


def case(name, desc, body, quick=False):
    assert name not in cases, name
    cases[name] = f"// case: {desc}\n" + ("// quick\n" if quick else "") + body.lstrip("\n")
    if quick:
        QUICK.add(name)


def lit(n, c="x"):
    return "".join(chr(ord("a") + (i % 26)) for i in range(n)) if c == "x" else c * n


# --- strings --------------------------------------------------------------
for n in (1, 8, 15, 16, 22, 23, 32, 64, 200, 1000):
    case(f"string_lit_{n:04d}", f"std::string from a {n}-char literal",
         f'#include <string>\nstd::string g = "{lit(n)}";\n', quick=n in (8, 64, 1000))
for n in (10, 100):
    case(f"string_fill_{n:03d}", f"std::string({n}, 'x')",
         f"#include <string>\nstd::string g({n}, 'x');\n")
case("string_concat", "std::string from operator+ of two literals",
     '#include <string>\nstd::string g = std::string("config/") + "service.json";\n')

# --- containers of ints ----------------------------------------------------
def ints(n):
    return ", ".join(str(i * 7 + 1) for i in range(n))

def pairs(n):
    return ", ".join(f"{{{i * 7 + 1}, {i}}}" for i in range(n))

def strs(n, ln=6):
    return ", ".join(f'"{lit(ln)}{i:02d}"' for i in range(n))

def spairs(n, ln=6):
    return ", ".join(f'{{"{lit(ln)}{i:02d}", {i}}}' for i in range(n))

for n in (1, 4, 16, 64):
    q = n in (4, 64)
    case(f"vector_int_{n:02d}", f"std::vector<int> of {n}", f"#include <vector>\nstd::vector<int> g = {{{ints(n)}}};\n", q)
    case(f"vector_str_{n:02d}", f"std::vector<std::string> of {n} short strings",
         f"#include <string>\n#include <vector>\nstd::vector<std::string> g = {{{strs(n)}}};\n", q)
    case(f"map_int_{n:02d}", f"std::map<int,int> of {n}", f"#include <map>\nstd::map<int, int> g = {{{pairs(n)}}};\n", q)
    case(f"map_str_{n:02d}", f"std::map<std::string,int> of {n}",
         f"#include <map>\n#include <string>\nstd::map<std::string, int> g = {{{spairs(n)}}};\n", q)
    case(f"set_int_{n:02d}", f"std::set<int> of {n}", f"#include <set>\nstd::set<int> g = {{{ints(n)}}};\n")
    case(f"set_str_{n:02d}", f"std::set<std::string> of {n}",
         f"#include <set>\n#include <string>\nstd::set<std::string> g = {{{strs(n)}}};\n")
    case(f"umap_int_{n:02d}", f"std::unordered_map<int,int> of {n}",
         f"#include <unordered_map>\nstd::unordered_map<int, int> g = {{{pairs(n)}}};\n", q)
    case(f"umap_str_{n:02d}", f"std::unordered_map<std::string,int> of {n}",
         f"#include <string>\n#include <unordered_map>\nstd::unordered_map<std::string, int> g = {{{spairs(n)}}};\n")
    case(f"list_int_{n:02d}", f"std::list<int> of {n}", f"#include <list>\nstd::list<int> g = {{{ints(n)}}};\n")
    case(f"deque_int_{n:02d}", f"std::deque<int> of {n}", f"#include <deque>\nstd::deque<int> g = {{{ints(n)}}};\n")
for n in (4, 16):
    case(f"vector_longstr_{n:02d}", f"std::vector<std::string> of {n} 40-char strings",
         f"#include <string>\n#include <vector>\nstd::vector<std::string> g = {{{strs(n, 40)}}};\n")

# --- registries of callables ------------------------------------------------
for n in (1, 4, 16, 64):
    entries = ", ".join(f'{{"cmd{i:02d}", [] {{ return {i}; }}}}' for i in range(n))
    case(f"registry_lambda_{n:02d}", f"map<string, function> of {n} capture-less lambdas",
         f"#include <functional>\n#include <map>\n#include <string>\n"
         f"std::map<std::string, std::function<int()>> g = {{{entries}}};\n", n in (4, 64))
for n in (4, 16):
    fns = "".join(f"int handler{i}() {{ return {i}; }}\n" for i in range(n))
    entries = ", ".join(f'{{"cmd{i:02d}", &handler{i}}}' for i in range(n))
    case(f"registry_fnptr_{n:02d}", f"map<string, function> of {n} function pointers",
         f"#include <functional>\n#include <map>\n#include <string>\n{fns}"
         f"std::map<std::string, std::function<int()>> g = {{{entries}}};\n")
    entries = ", ".join(f'{{"cmd{i:02d}", [s = std::string("a-heap-allocated-capture-{i:02d}")] {{ return (int)s.size(); }}}}' for i in range(n))
    case(f"registry_heapcap_{n:02d}", f"map<string, function> of {n} lambdas capturing a long string",
         f"#include <functional>\n#include <map>\n#include <string>\n"
         f"std::map<std::string, std::function<int()>> g = {{{entries}}};\n", n == 4)
case("umap_registry_lambda_16", "unordered_map<string, function> of 16 capture-less lambdas",
     "#include <functional>\n#include <string>\n#include <unordered_map>\n"
     "std::unordered_map<std::string, std::function<int()>> g = {"
     + ", ".join(f'{{"cmd{i:02d}", [] {{ return {i}; }}}}' for i in range(16)) + "};\n")

# --- std::function ------------------------------------------------------------
case("function_fnptr", "std::function from a function pointer",
     "#include <functional>\nint f() { return 1; }\nstd::function<int()> g = &f;\n")
case("function_small_lambda", "std::function from a capture-less lambda",
     "#include <functional>\nstd::function<int()> g = [] { return 1; };\n", True)
case("function_large_lambda", "std::function from a lambda capturing 64 bytes",
     "#include <functional>\nstruct Big { long v[8]; };\nBig big{{1, 2, 3, 4, 5, 6, 7, 8}};\n"
     "std::function<long()> g = [b = big] { return b.v[0] + b.v[7]; };\n", True)
case("function_string_capture", "std::function from a lambda capturing a short std::string",
     '#include <functional>\n#include <string>\nstd::function<int()> g = [s = std::string("abc")] { return (int)s.size(); };\n')

# --- regex ----------------------------------------------------------------------
for name, pat, q in [("a", "a", False), ("abc", "abc", True), ("class", "[a-z]+", False),
                     ("digits", r"\\d+", False),
                     ("ipv4", r"(\\d{1,3}\\.){3}\\d{1,3}", True),
                     ("email", r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", True),
                     ("alt", "get|put|post|delete|head|options|patch|trace", False),
                     ("date", r"(\\d{4})-(\\d{2})-(\\d{2})", False)]:
    case(f"regex_{name}", f"std::regex \"{pat}\"", f'#include <regex>\nstd::regex g("{pat}");\n', q)
case("regex_icase", "std::regex abc, icase", '#include <regex>\nstd::regex g("abc", std::regex::icase);\n')

# --- locale, iostream, files, environment, threads --------------------------
case("locale_classic", "std::locale copy of classic()", "#include <locale>\nstd::locale g = std::locale::classic();\n", True)
case("locale_default", "std::locale() (global copy)", "#include <locale>\nstd::locale g;\n")
case("locale_named_C", "std::locale(\"C\")", '#include <locale>\nstd::locale g("C");\n', True)
case("locale_named_empty", "std::locale(\"\") (environment)", '#include <locale>\nstd::locale g("");\n')
case("iostream_init", "std::ios_base::Init object", "#include <ios>\nstd::ios_base::Init g;\n", True)
case("ifstream_existing", "std::ifstream of an existing file", '#include <fstream>\nstd::ifstream g("/etc/passwd");\n', True)
case("ifstream_missing", "std::ifstream of a missing file", '#include <fstream>\nstd::ifstream g("/nonexistent/initscan.cfg");\n')
case("fopen_existing", "fopen of an existing file", '#include <cstdio>\nFILE *g = std::fopen("/etc/passwd", "r");\n')
case("getenv", "getenv", '#include <cstdlib>\nconst char *g = std::getenv("INITSCAN_CALIBRATE");\n', True)
case("getenv_string", "std::string from a getenv helper",
     '#include <cstdlib>\n#include <string>\n'
     'static std::string envOr(const char *name, const char *fallback) {\n'
     '  const char *v = std::getenv(name);\n  return v ? v : fallback;\n}\n'
     'std::string g = envOr("INITSCAN_HOME", "/var/lib/initscan/default-home");\n')
case("thread_join", "a class whose constructor starts and joins a std::thread",
     "#include <thread>\nstruct Worker {\n  int v = 0;\n  Worker() { std::thread t([this] { v = 1; }); t.join(); }\n};\nWorker g;\n")

# --- smart pointers and new ---------------------------------------------------
case("make_shared_int", "std::make_shared<int>", "#include <memory>\nstd::shared_ptr<int> g = std::make_shared<int>(42);\n", True)
case("make_unique_int", "std::make_unique<int>", "#include <memory>\nstd::unique_ptr<int> g = std::make_unique<int>(42);\n")
case("new_int_16", "new int[16]()", "int *g = new int[16]();\n")
case("new_int_4096", "new int[4096]()", "int *g = new int[4096]();\n")
case("new_struct", "new of a struct with a constructor",
     "struct Node { int a, b; Node() : a(1), b(2) {} };\nNode *g = new Node;\n")
case("make_unique_class", "std::make_unique of a class holding a long string",
     '#include <memory>\n#include <string>\nstruct Holder { std::string s; Holder() : s("a string longer than the small buffer") {} };\n'
     "std::unique_ptr<Holder> g = std::make_unique<Holder>();\n")

# --- user classes and helpers -----------------------------------------------
case("class_strings", "class with three string members (one long)",
     '#include <string>\nstruct Names {\n  std::string a = "short";\n  std::string b = "another";\n'
     '  std::string c = "this one is longer than any small buffer";\n};\nNames g;\n', True)
case("class_helper_map", "class whose constructor calls a helper filling a map",
     "#include <map>\n#include <string>\n"
     "static void fill(std::map<std::string, int> &m) {\n"
     '  m.emplace("alpha", 1);\n  m.emplace("beta", 2);\n  m.emplace("gamma", 3);\n  m.emplace("delta", 4);\n}\n'
     "struct Table {\n  std::map<std::string, int> m;\n  Table() { fill(m); }\n};\nTable g;\n", True)
case("class_helper_regex", "class whose constructor compiles a regex through a helper",
     "#include <regex>\n#include <string>\n"
     "static std::regex compile(const char *p) { return std::regex(p); }\n"
     'struct Validator {\n  std::regex r;\n  Validator() : r(compile("[a-z]+[0-9]*")) {}\n};\nValidator g;\n')
case("class_ctor_vector", "class whose constructor builds a vector of 8 ints",
     "#include <vector>\nstruct Holder {\n  std::vector<int> v;\n  Holder() : v{1, 2, 3, 4, 5, 6, 7, 8} {}\n};\nHolder g;\n")
case("class_nested", "class with a member class holding a map and a string",
     '#include <map>\n#include <string>\nstruct Inner { std::map<int, int> m{{1, 1}, {2, 2}}; std::string s = "a string longer than fifteen"; };\n'
     "struct Outer { Inner a; Inner b; };\nOuter g;\n")
case("array_of_strings", "array of 8 long std::string",
     "#include <string>\nstd::string g[8] = {"
     + ", ".join(f'"element number {i} of a long array"' for i in range(8)) + "};\n")
case("trivial_call", "int from a call to an inline function", "static int compute(int x) { return x * 3 + 1; }\nint g = compute(14);\n")

# --- loops with constant trip counts --------------------------------------------
case("loop_map_insert_16", "loop inserting 16 entries into a map",
     "#include <map>\nstruct M {\n  std::map<int, int> m;\n  M() { for (int i = 0; i < 16; ++i) m.emplace(i, i); }\n};\nM g;\n", True)
case("loop_map_insert_64", "loop inserting 64 entries into a map",
     "#include <map>\nstruct M {\n  std::map<int, int> m;\n  M() { for (int i = 0; i < 64; ++i) m.emplace(i, i); }\n};\nM g;\n")
case("loop_new_32", "loop allocating 32 nodes",
     "struct Node { Node *next; int v; };\nstruct Pool {\n  Node *head = nullptr;\n"
     "  Pool() { for (int i = 0; i < 32; ++i) head = new Node{head, i}; }\n};\nPool g;\n")
case("loop_list_push_16", "loop pushing 16 ints onto a list",
     "#include <list>\nstruct L {\n  std::list<int> l;\n  L() { for (int i = 0; i < 16; ++i) l.push_back(i); }\n};\nL g;\n")
case("loop_umap_insert_16", "loop inserting 16 entries into an unordered_map",
     "#include <unordered_map>\nstruct M {\n  std::unordered_map<int, int> m;\n"
     "  M() { for (int i = 0; i < 16; ++i) m.emplace(i, i); }\n};\nM g;\n")
case("loop_sum_1000", "loop of 1000 arithmetic iterations",
     "static int sum() { int s = 0; for (int i = 0; i < 1000; ++i) s += i * i % 7; return s; }\nint g = sum();\n")

# --- registrars ---------------------------------------------------------------
REG = ("#include <functional>\n#include <map>\n#include <string>\n"
       "static std::map<std::string, std::function<int()>> &registry() {\n"
       "  static std::map<std::string, std::function<int()>> r;\n  return r;\n}\n"
       "static bool registerHandler(const std::string &name, std::function<int()> fn) {\n"
       "  registry().emplace(name, std::move(fn));\n  return true;\n}\n")
case("registrar_one", "registrar: bool from registerHandler(name, lambda)",
     REG + 'bool g = registerHandler("status", [] { return 0; });\n', True)
case("registrar_long_name", "registrar with a heap-allocated name",
     REG + 'bool g = registerHandler("a-handler-name-longer-than-the-buffer", [] { return 0; });\n')
case("registrar_struct", "registrar object whose constructor registers 4 handlers",
     REG + "struct Registrar {\n  Registrar() {\n"
     + "".join(f'    registerHandler("h{i}", [] {{ return {i}; }});\n' for i in range(4))
     + "  }\n};\nRegistrar g;\n")

# --- realistic mixes ----------------------------------------------------------
case("mix_config", "config: env lookups, strings and a map of defaults",
     "#include <cstdlib>\n#include <map>\n#include <string>\n"
     "struct Config {\n  std::string home, level;\n  std::map<std::string, std::string> defaults;\n"
     "  Config() {\n    const char *h = std::getenv(\"INITSCAN_HOME\");\n    home = h ? h : \"/var/lib/service/home-directory\";\n"
     "    const char *l = std::getenv(\"INITSCAN_LEVEL\");\n    level = l ? l : \"info\";\n"
     '    defaults.emplace("port", "8080");\n    defaults.emplace("bind-address", "0.0.0.0.0.0.0.0.0.0");\n'
     '    defaults.emplace("timeout", "30");\n  }\n};\nConfig g;\n', True)
case("mix_router", "router: vector of route structs with strings and functions",
     "#include <functional>\n#include <string>\n#include <vector>\n"
     "struct Route { std::string path; std::function<int()> fn; };\n"
     "std::vector<Route> g = {"
     + ", ".join(f'{{"/api/v1/resource{i}", [] {{ return {i}; }}}}' for i in range(6)) + "};\n", True)
case("mix_file_config", "config loader reading a file with ifstream",
     "#include <fstream>\n#include <string>\n"
     "struct FileConfig {\n  std::string first;\n  FileConfig() {\n    std::ifstream in(\"/etc/passwd\");\n"
     "    std::getline(in, first);\n  }\n};\nFileConfig g;\n")
case("mix_keywords", "unordered_set of 32 keyword strings",
     "#include <string>\n#include <unordered_set>\nstd::unordered_set<std::string> g = {"
     + ", ".join(f'"keyword{i:02d}"' for i in range(32)) + "};\n")
case("mix_validator_table", "map from names to regex patterns as strings (no compile)",
     "#include <map>\n#include <string>\nstd::map<std::string, std::string> g = {"
     + ", ".join(f'{{"field{i}", "^[a-z0-9_-]{{1,{i + 10}}}$"}}' for i in range(8)) + "};\n")


def main():
    os.makedirs(CASES, exist_ok=True)
    for f in os.listdir(CASES):
        if f.endswith(".cpp"):
            os.remove(os.path.join(CASES, f))
    for name, text in sorted(cases.items()):
        with open(os.path.join(CASES, name + ".cpp"), "w") as out:
            out.write(text)
    print(f"{len(cases)} cases, {len(QUICK)} quick")


if __name__ == "__main__":
    main()
