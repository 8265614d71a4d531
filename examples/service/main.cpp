#include <cstdlib>
#include <iostream>

#include "config.h"
#include "request.h"
#include "service_strings.h"

int main(int argc, char** argv) {
  Request req;
  req.route = argc > 1 ? argv[1] : "health";
  req.body = argc > 2 ? argv[2] : "";
  if (const char* user = std::getenv("INVENTORY_USER")) req.user = user;

  if (gLogLevel >= 2) {
    std::cerr << kServiceName << " " << kVersion << ": config "
              << (gConfig.loaded() ? gConfig.path() : "not found, using defaults") << "\n";
  }

  std::string response;
  const bool found = dispatch(req, response);
  std::cout << (found ? response : render(404, "no handler for '" + req.route + "'")) << "\n";

  runShutdownHooks();
  return found ? EXIT_SUCCESS : EXIT_FAILURE;
}
