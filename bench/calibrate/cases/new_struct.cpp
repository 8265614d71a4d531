// case: new of a struct with a constructor
struct Node { int a, b; Node() : a(1), b(2) {} };
Node *g = new Node;
