// (being written)

#include "check/check_support.hpp"

namespace planc::checks {

void check_indicators(const PartnershipContext& ctx) { (void)ctx; }

}  // namespace planc::checks
