// Classes whose constructors are defined in another translation unit: the
// check cannot see what they acquire.
#pragma once

class Service {
public:
  Service();
  void start();
};

class Widget {
public:
  explicit Widget(int Id);
  int id() const;
};
