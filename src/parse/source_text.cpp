#include "parse/source_text.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "parse/byte_words.hpp"

namespace planc {

namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    if (text.find('\r') == std::string_view::npos) {
        // The usual file: lines end only at LF, which memchr finds a word at a time.
        for (const char* p = text.data(), *end = text.data() + text.size();
             (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;) {
            ++p;
            starts_.push_back(static_cast<std::size_t>(p - text.data()));
        }
    } else {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                starts_.push_back(i + 1);
            } else if (text[i] == '\r') {
                // A lone CR ends a line too; CRLF is one line ending.
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                starts_.push_back(i + 1);
            }
        }
    }
    // A trailing newline does not start a further (empty) line of content.
    if (starts_.size() > 1 && starts_.back() == text.size()) starts_.pop_back();
    ascii_run_.assign(starts_.size(), kUnknownRun);
}

std::size_t LineIndex::line_start(std::uint32_t line) const {
    if (line == 0) return 0;
    if (line > starts_.size()) return text_.size();
    return starts_[line - 1];
}

std::string_view LineIndex::line(std::uint32_t line) const {
    if (line == 0 || line > starts_.size()) return {};
    std::size_t begin = starts_[line - 1];
    std::size_t end = line < starts_.size() ? starts_[line] : text_.size();
    while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
    return text_.substr(begin, end - begin);
}

std::uint32_t LineIndex::code_points_before(std::uint32_t line_no, std::size_t bytes) const {
    // Positions are asked for in reading order, so counting on from the last answer on
    // the same line keeps a long line (1 MB of text, no newline) linear, not quadratic.
    std::size_t start = line_start(line_no);
    if (line_no >= 1 && line_no <= ascii_run_.size()) {
        std::uint32_t& run = ascii_run_[line_no - 1];
        if (run == kUnknownRun) {
            std::size_t end = line_no < starts_.size() ? starts_[line_no] : text_.size();
            std::size_t i = start;
            while (i + 8 <= end && !byte_words::has_non_ascii(byte_words::load(text_.data() + i))) i += 8;
            while (i < end && static_cast<unsigned char>(text_[i]) < 0x80) ++i;
            run = static_cast<std::uint32_t>(std::min<std::size_t>(i - start, kUnknownRun - 1));
        }
        if (bytes <= run) return static_cast<std::uint32_t>(bytes);
    }
    std::size_t from = 0;
    std::uint32_t count = 0;
    if (cache_line_ == line_no && cache_bytes_ <= bytes) {
        from = cache_bytes_;
        count = cache_count_;
    } else if (cache_line_ == line_no && cache_bytes_ - bytes < bytes) {
        // A little way back (a link's start after its text): count back from there.
        count = cache_count_ - count_code_points(text_.substr(start + bytes, cache_bytes_ - bytes));
        from = bytes;
    }
    count += count_code_points(text_.substr(start + from, bytes - from));
    cache_line_ = line_no;
    cache_bytes_ = bytes;
    cache_count_ = count;
    return count;
}

std::uint32_t LineIndex::char_column(std::uint32_t line_no, std::uint32_t byte_column) const {
    if (byte_column == 0) return 0;
    std::string_view text = line(line_no);
    std::size_t bytes = std::min<std::size_t>(byte_column - 1, text.size());
    return code_points_before(line_no, bytes) + 1 + static_cast<std::uint32_t>(byte_column - 1 - bytes);
}

Span LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    auto line_no = static_cast<std::uint32_t>(it - starts_.begin());
    std::size_t start = starts_[line_no - 1];
    std::uint32_t col = code_points_before(line_no, offset - start) + 1;
    return Span{line_no, col, line_no, col};
}

Span LineIndex::span(std::size_t begin, std::size_t end) const {
    Span s = position(begin);
    if (end <= begin + 1) return s;
    // The last character of the range: step back over continuation bytes.
    std::size_t last = end - 1;
    while (last > begin && last < text_.size() && is_continuation(static_cast<unsigned char>(text_[last]))) --last;
    Span e = position(last);
    s.end_line = e.line;
    s.end_column = e.column;
    return s;
}

std::size_t LineIndex::offset(std::uint32_t line_no, std::uint32_t byte_column) const {
    if (line_no == 0) return 0;
    return std::min(line_start(line_no) + (byte_column ? byte_column - 1 : 0), text_.size());
}

bool valid_utf8(std::string_view s, std::size_t* bad_offset) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            // Plain ASCII, most of any plan: skip it eight bytes at a time.
            ++i;
            while (i + 8 <= s.size() && !byte_words::has_non_ascii(byte_words::load(s.data() + i))) i += 8;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size() || !is_continuation(static_cast<unsigned char>(s[i + k]))) {
                if (bad_offset) *bad_offset = i;
                return false;
            }
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += n + 1;
    }
    return true;
}

std::uint32_t count_code_points(std::string_view s) {
    // Columns are counted for every position the parser records: 8 bytes at a time.
    std::size_t continuation = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) continuation += byte_words::continuation_bytes(byte_words::load(s.data() + i));
    for (; i < s.size(); ++i)
        if (is_continuation(static_cast<unsigned char>(s[i]))) ++continuation;
    return static_cast<std::uint32_t>(s.size() - continuation);
}

std::size_t bytes_for_code_points(std::string_view s, std::uint32_t n) {
    std::size_t i = 0;
    while (i < s.size() && n > 0) {
        ++i;
        while (i < s.size() && is_continuation(static_cast<unsigned char>(s[i]))) ++i;
        --n;
    }
    return i;
}

std::string_view trim(std::string_view s) {
    auto is_space_at_front = [&](std::size_t& len) {
        if (s.empty()) return false;
        if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f' || s[0] == '\v') {
            len = 1;
            return true;
        }
        if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) {
            len = 2;
            return true;
        }
        return false;
    };
    auto is_space_at_back = [&](std::size_t& len) {
        if (s.empty()) return false;
        char c = s.back();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            len = 1;
            return true;
        }
        if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
            static_cast<unsigned char>(s.back()) == 0xA0) {
            len = 2;
            return true;
        }
        return false;
    };
    std::size_t len = 0;
    while (is_space_at_front(len)) s.remove_prefix(len);
    while (is_space_at_back(len)) s.remove_suffix(len);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string collapse_spaces(std::string_view s) {
    // Most texts have nothing to collapse: one look, one copy.
    std::string_view trimmed = trim(s);
    bool nothing_to_do = true;
    for (std::size_t i = 0; i < trimmed.size() && nothing_to_do; ++i) {
        char c = trimmed[i];
        nothing_to_do = !(c == '\t' || c == '\n' || c == '\r' || (c == ' ' && i + 1 < trimmed.size() && trimmed[i + 1] == ' '));
    }
    if (nothing_to_do) return std::string(trimmed);
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : trim(s)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::size_t find_ascii_capital(std::string_view text, std::size_t from) {
    // Sixteen bytes at a time, the last few from a copy padded with zero bytes.
    auto capitals = [](const char* p) {
        byte_words::Bytes16 v = byte_words::load16(p);
        return byte_words::mask((v >= 'A') & (v <= 'Z'));
    };
    std::size_t i = from;
    for (; i + 16 <= text.size(); i += 16)
        if (std::uint32_t bits = capitals(text.data() + i); bits != 0) return i + static_cast<std::size_t>(std::countr_zero(bits));
    if (i >= text.size()) return std::string_view::npos;
    char padded[16] = {};
    std::memcpy(padded, text.data() + i, text.size() - i);
    std::uint32_t bits = capitals(padded);
    return bits != 0 ? i + static_cast<std::size_t>(std::countr_zero(bits)) : std::string_view::npos;
}

}  // namespace planc
