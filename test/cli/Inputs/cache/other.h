// Included by b.cpp only.
int otherValue();
