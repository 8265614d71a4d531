// Names and version strings shared by every part of the service.
#pragma once

#include <string>
#include <string_view>

const std::string kServiceName = "inventory-service-backend";
constexpr std::string_view kVersion = "1.2.3";
