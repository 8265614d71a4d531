#include "logger.h"
Logger::Logger() : Level(gDefaultLevel) {}
