// case: unordered_set of 32 keyword strings
#include <string>
#include <unordered_set>
std::unordered_set<std::string> g = {"keyword00", "keyword01", "keyword02", "keyword03", "keyword04", "keyword05", "keyword06", "keyword07", "keyword08", "keyword09", "keyword10", "keyword11", "keyword12", "keyword13", "keyword14", "keyword15", "keyword16", "keyword17", "keyword18", "keyword19", "keyword20", "keyword21", "keyword22", "keyword23", "keyword24", "keyword25", "keyword26", "keyword27", "keyword28", "keyword29", "keyword30", "keyword31"};
