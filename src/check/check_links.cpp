// (being written)

#include "check/check_support.hpp"

namespace planc::checks {

void check_links(const CheckContext& ctx) { (void)ctx; }

}  // namespace planc::checks

namespace planc::checks {
void check_document_ids(const PartnershipContext& ctx) { (void)ctx; }
}  // namespace planc::checks
