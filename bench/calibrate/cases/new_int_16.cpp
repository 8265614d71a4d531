// case: new int[16]()
int *g = new int[16]();
