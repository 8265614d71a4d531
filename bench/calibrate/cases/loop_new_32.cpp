// case: loop allocating 32 nodes
struct Node { Node *next; int v; };
struct Pool {
  Node *head = nullptr;
  Pool() { for (int i = 0; i < 32; ++i) head = new Node{head, i}; }
};
Pool g;
