// Stands for a third-party header found on a system include path.
#pragma clang system_header
#pragma once

#include <functional>
#include <map>
#include <string>

std::string vendorHandler(int);

static const std::map<std::string, std::function<std::string(int)>>
    kVendorRoutes = {{"vendor", vendorHandler}};
