// case: config loader reading a file with ifstream
#include <fstream>
#include <string>
struct FileConfig {
  std::string first;
  FileConfig() {
    std::ifstream in("/etc/passwd");
    std::getline(in, first);
  }
};
FileConfig g;
