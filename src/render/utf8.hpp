#pragma once
// UTF-8 as the JSON writers check it (internal to src/render): search-index.js and
// dump_json both keep well-formed text and replace what is not.

#include <cstddef>

namespace planc {

/// The length of the well-formed UTF-8 sequence at the start of `s` (2 to 4 bytes; `n`
/// bytes are left), or minus the length of its longest valid beginning, which is replaced
/// by one U+FFFD (as the Unicode standard recommends, and as nlohmann's
/// error_handler_t::replace does). No overlong forms, no surrogates, nothing above
/// U+10FFFF. `s[0]` is 0x80 or above.
inline int utf8_sequence(const unsigned char* s, std::size_t n) {
    unsigned char b = s[0];
    int follow;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the byte after the first
    if (b >= 0xC2 && b <= 0xDF) {
        follow = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        follow = 2;
        if (b == 0xE0) lo = 0xA0;  // no overlong forms
        if (b == 0xED) hi = 0x9F;  // no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        follow = 3;
        if (b == 0xF0) lo = 0x90;  // no overlong forms
        if (b == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return -1;  // a continuation byte, C0, C1 or F5..FF
    }
    for (int k = 1; k <= follow; ++k) {
        if (static_cast<std::size_t>(k) >= n || s[k] < lo || s[k] > hi) return -k;
        lo = 0x80;
        hi = 0xBF;
    }
    return follow + 1;
}

}  // namespace planc
