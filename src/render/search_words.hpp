#pragma once
// The words of the search index (internal to src/render): how text is cut into words,
// which file of words (shard) a word goes into, and one part's words with the entries
// each is found in. assets/site.js cuts a query into words by the same rules, so the
// words it looks up are the words written here.
//
// A word is a run of ASCII letters and digits and of the letters U+00C0-U+027F (Latin-1,
// Latin Extended-A and -B, IPA; but × and ÷), with A-Z and À-Þ made lower case; anything else ends a word. "2008/09"
// is two words, "council's" is "council" and "s", "Café" is "café".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planc::search_words {

/// Calls `f(word)` for each word of `text`, lower-cased, in order (repeats included).
/// `word` is a view of `scratch`, valid until the next call.
template <class F>
void for_each_word(std::string_view text, std::string& scratch, F&& f);

/// The shard a word goes into, as a number that sorts as the key string does: the
/// word's first two characters (one for a word of one), each kept when an ASCII letter
/// or digit and '_' otherwise. Below kShardIds.
[[nodiscard]] std::uint32_t shard_id(std::string_view word);
/// The key string of a shard id ("bu", "20", "a", "c_"), the name of its file.
[[nodiscard]] std::string shard_key(std::uint32_t id);
constexpr std::uint32_t kShardIds = 37 * 38;

/// One part's words: for each word, the entries of the part it is found in (in order),
/// each as `entry * 2 + 1` when the word is in the entry's title and `entry * 2`
/// otherwise. Words are grouped by shard, in shard id order, and sorted within one.
///
/// `text` holds, for each shard, the part's piece of that shard's file: its words and
/// their entries as JSON, `"bulk",[6],"burglary",[0,3]` (words need no escaping).
struct PartWords {
    struct Shard {
        std::uint32_t id = 0;
        std::uint32_t offset = 0;  ///< of its piece in `text`
        std::uint32_t size = 0;
        bool operator==(const Shard&) const = default;
    };
    std::vector<Shard> shards;  ///< in id order
    std::string text;

    [[nodiscard]] std::string_view piece(const Shard& s) const { return std::string_view(text).substr(s.offset, s.size); }
    bool operator==(const PartWords&) const = default;
};

/// The text of one entry, as indexed: its title (words found there are marked) and the
/// rest.
struct EntryText {
    std::string_view title;
    std::string_view context;
    std::string_view text;
};
[[nodiscard]] PartWords index_part(const std::vector<EntryText>& entries);

// --- for_each_word --------------------------------------------------------------------

namespace detail {
/// 1: an ASCII letter or digit (kept), 2: A-Z (lower-cased), 0: ends a word; bytes from
/// 0x80 are decided by word_sequence.
inline constexpr auto kAscii = [] {
    struct Table {
        unsigned char kind[128]{};
    } t;
    for (int c = '0'; c <= '9'; ++c) t.kind[c] = 1;
    for (int c = 'a'; c <= 'z'; ++c) t.kind[c] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) t.kind[c] = 2;
    return t;
}();

/// At a byte 0x80 or above: the length of the letter it starts (2), or 0 when it is
/// not a letter of U+00C0-U+027F (× and ÷ are not).
inline int word_sequence(const unsigned char* s, std::size_t n) {
    if (n < 2 || s[0] < 0xC3 || s[0] > 0xC9 || (s[1] & 0xC0) != 0x80) return 0;
    if (s[0] == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7)) return 0;  // × ÷
    return 2;
}
}  // namespace detail

template <class F>
void for_each_word(std::string_view text, std::string& scratch, F&& f) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        scratch.clear();
        while (i < n) {
            unsigned char c = s[i];
            if (c < 0x80) {
                unsigned char kind = detail::kAscii.kind[c];
                if (kind == 0) break;
                scratch.push_back(static_cast<char>(kind == 2 ? c + 32 : c));
                ++i;
                continue;
            }
            if (detail::word_sequence(s + i, n - i) == 0) break;
            unsigned char second = s[i + 1];
            // À-Þ (C3 80-9E) to à-þ (C3 A0-BE).
            if (c == 0xC3 && second <= 0x9E) second = static_cast<unsigned char>(second + 0x20);
            scratch.push_back(static_cast<char>(c));
            scratch.push_back(static_cast<char>(second));
            i += 2;
        }
        if (!scratch.empty()) f(std::string_view(scratch));
        else ++i;  // a byte that ends a word
    }
}

}  // namespace planc::search_words
