#pragma once
// The words of the search index (internal to src/render): how text is cut into words,
// which file of words (shard) a word goes into, and one part's words with the entries
// each is found in. assets/site.js cuts a query into words by the same rules, so the
// words it looks up are the words written here.
//
// A word is a run of ASCII letters and digits and of the letters U+00C0-U+027F (Latin-1,
// Latin Extended-A and -B, IPA; but × and ÷), with A-Z made lower case and the others
// folded as search_fold.hpp says (to the ASCII letter they are written on where there is
// one); anything else ends a word. "2008/09" is two words, "council's" is "council" and
// "s", "Café" is "cafe", "Ærø" is "ærø".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_fold.hpp"

namespace planc::search_words {

/// Calls `f(word)` for each word of `text`, lower-cased, in order (repeats included).
/// `word` is a view of `text` or of `scratch`, valid until the next call.
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
/// otherwise. Words are grouped by shard, in shard id order, and within one in the order
/// the part first has them.
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
/// rest. Every text is read in the order title, context, text.
struct EntryText {
    std::string_view title;
    std::string_view context;
    std::string_view text;
};
/// The words of a part's entries (numbered in order from 0).
[[nodiscard]] PartWords index_part(const std::vector<EntryText>& entries);

// --- for_each_word --------------------------------------------------------------------

namespace detail {
/// Each byte's part in a word: 0 ends one, 1 an ASCII lower-case letter or digit, 2 A-Z
/// (lower-cased), 3 a byte from 0x80, which letter_size decides.
inline constexpr auto kByteKind = [] {
    struct Table {
        unsigned char kind[256]{};
    } t;
    for (int c = '0'; c <= '9'; ++c) t.kind[c] = 1;
    for (int c = 'a'; c <= 'z'; ++c) t.kind[c] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) t.kind[c] = 2;
    for (int c = 0x80; c < 0x100; ++c) t.kind[c] = 3;
    return t;
}();

/// At a byte 0x80 or above: 2 when it starts a letter of U+00C0-U+027F (× and ÷ are
/// not), else 0.
inline int letter_size(const unsigned char* s, std::size_t n) {
    if (n < 2 || s[0] < 0xC3 || s[0] > 0xC9 || (s[1] & 0xC0) != 0x80) return 0;
    if (s[0] == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7)) return 0;  // × ÷
    return 2;
}

/// The next word of `text` from `i` (moved past it), as it is in `text` or, when some of
/// it must be lower-cased or folded, in `scratch`; empty at the end of the text.
inline std::string_view next_word(std::string_view text, std::size_t& i, std::string& scratch) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    // Past what is not a word.
    for (; i < n; ++i) {
        unsigned char kind = kByteKind.kind[s[i]];
        if (kind == 1 || kind == 2 || (kind == 3 && letter_size(s + i, n - i) != 0)) break;
    }
    if (i >= n) return {};
    const std::size_t start = i;
    bool as_written = true;  // no capital, no letter beyond ASCII (nearly every word)
    for (;;) {
        while (i < n && kByteKind.kind[s[i]] == 1) ++i;  // most of a word
        if (i >= n) break;
        unsigned char kind = kByteKind.kind[s[i]];
        if (kind == 2) {
            as_written = false;
            ++i;
        } else if (kind == 3 && letter_size(s + i, n - i) != 0) {
            as_written = false;
            i += 2;
        } else {
            break;
        }
    }
    std::string_view word = text.substr(start, i - start);
    if (as_written) return word;
    // A folded letter is never longer than the letter it folds.
    scratch.resize(word.size());
    std::size_t out = 0;
    for (std::size_t k = 0; k < word.size(); ++k) {
        auto c = static_cast<unsigned char>(word[k]);
        if (c < 0x80) {
            scratch[out++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        // A letter of two bytes, U+00C0-U+027F (letter_size said so).
        std::uint32_t code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[k + 1]) & 0x3Fu);
        const FoldedLetter& folded = kFoldTable[code - kFoldFirst];
        for (std::uint8_t b = 0; b < folded.size; ++b) scratch[out++] = folded.bytes[b];
        ++k;
    }
    scratch.resize(out);
    return scratch;
}
}  // namespace detail

template <class F>
void for_each_word(std::string_view text, std::string& scratch, F&& f) {
    std::size_t i = 0;
    for (std::string_view w = detail::next_word(text, i, scratch); !w.empty(); w = detail::next_word(text, i, scratch)) f(w);
}

}  // namespace planc::search_words
