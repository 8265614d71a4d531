#include "holder.h"
template struct Holder<int>;
