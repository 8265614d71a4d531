static int seed() { return 41; }
int gB = seed();
