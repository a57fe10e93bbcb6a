// (being written)

#include "check/check_support.hpp"

namespace planc::checks {

void check_action_plan(const CheckContext& ctx) { (void)ctx; }

}  // namespace planc::checks
