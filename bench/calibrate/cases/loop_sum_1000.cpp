// case: loop of 1000 arithmetic iterations
static int sum() { int s = 0; for (int i = 0; i < 1000; ++i) s += i * i % 7; return s; }
int g = sum();
