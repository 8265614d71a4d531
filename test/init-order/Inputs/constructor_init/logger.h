struct Logger {
  Logger();
  int Level;
};
extern int gDefaultLevel;
