// case: int from a call to an inline function
static int compute(int x) { return x * 3 + 1; }
int g = compute(14);
