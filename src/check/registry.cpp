#include "check/checks.hpp"

namespace planc {

const std::vector<DocumentCheck>& document_checks() {
    static const std::vector<DocumentCheck> checks = {};
    return checks;
}

}  // namespace planc
