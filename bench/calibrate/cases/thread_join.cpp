// case: a class whose constructor starts and joins a std::thread
#include <thread>
struct Worker {
  int v = 0;
  Worker() { std::thread t([this] { v = 1; }); t.join(); }
};
Worker g;
