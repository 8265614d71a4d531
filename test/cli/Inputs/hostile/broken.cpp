// Does not compile: the scan reports it and goes on with the other TUs.
int gBroken = undeclared_function();
