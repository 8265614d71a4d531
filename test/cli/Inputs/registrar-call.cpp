// benchmark's BENCHMARK(): a private variable nothing names, only there to
// run the registration call.
struct Bench {
  Bench *arg(int);
};
Bench *registerBench(const char *Name, void (*Fn)());
void handler();
static Bench *gBenchHandler = (registerBench("handler", &handler))->arg(1);
