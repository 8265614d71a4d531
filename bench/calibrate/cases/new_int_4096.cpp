// case: new int[4096]()
int *g = new int[4096]();
