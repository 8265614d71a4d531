// Standard library types, each with a constant and a dynamic case where one exists.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

int compute(int);

// std::string (non-trivial destructor: always an init function).
std::string emptyString;
std::string shortString = "short";
std::string longString = "a string that is longer than fifteen characters";
const std::string constString = "const string, internal linkage, unused";
static const std::string kInternalString = "internal";
std::string concatenated = std::string("a") + "b";
std::string fromCall = std::to_string(compute(1));

// std::string_view: literal type, constant.
std::string_view view = "a string view";
constexpr std::string_view kView = "constexpr view";
const std::string_view constView{"const view", 5};
std::string_view viewOfString = longString;            // dynamic: calls conversion operator

// std::vector / std::map / unordered_map.
std::vector<int> emptyVector;
std::vector<int> vectorOfInts = {1, 2, 3};
const std::vector<std::string> vectorOfStrings = {"alpha", "beta"};
std::map<std::string, int> emptyMap;
const std::map<int, const char *> intMap = {{1, "one"}, {2, "two"}};
std::unordered_map<std::string, int> hashMap = {{"k", 1}};

// std::function.
std::function<int(int)> function = [](int v) { return v; };

// std::regex: compiled at start-up.
const std::regex pattern("[a-z]+[0-9]*");
std::regex emptyRegex;

// std::mutex / std::atomic: constexpr constructors, trivial destructors.
std::mutex mutex;
std::recursive_mutex recursiveMutex;
std::once_flag onceFlag;
std::atomic<int> atomicCounter{0};
std::atomic<bool> atomicFlag;
std::atomic<int> atomicDynamic{compute(2)};
std::atomic<long> *atomicPtr = nullptr;

// std::unique_ptr / std::shared_ptr.
std::unique_ptr<int> nullUnique;                       // constexpr ctor, non-trivial dtor
std::unique_ptr<int> ownedUnique = std::make_unique<int>(3);
std::shared_ptr<int> nullShared;
std::shared_ptr<std::string> ownedShared = std::make_shared<std::string>("shared");

// std::optional.
std::optional<int> emptyOptional;
std::optional<int> constantOptional = 4;
std::optional<int> dynamicOptional = compute(3);
std::optional<std::string> optionalString;             // destructor only
std::optional<std::string> engagedOptionalString = std::string("engaged optional string");

// std::pair / std::tuple-like aggregates of constants.
std::pair<int, int> constantPair{1, 2};
std::pair<int, std::string> pairWithString{1, "pair string long enough to allocate"};

int use() {
  return static_cast<int>(kInternalString.size() + view.size() + kView.size() +
                          constView.size()) +
         *ownedUnique + atomicCounter.load();
}
