// The words of the search index (see search_words.hpp).

#include "render/search_words.hpp"

#include "parse/byte_words.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace planc::search_words {

namespace {

/// A shard key's character as a number, in the order of the characters: '0'-'9', '_'
/// (any letter beyond ASCII), 'a'-'z'.
std::uint32_t key_code(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return 11 + static_cast<std::uint32_t>(c - 'a');
    return 10;
}

char key_char(std::uint32_t code) {
    if (code < 10) return static_cast<char>('0' + code);
    if (code == 10) return '_';
    return static_cast<char>('a' + (code - 11));
}

}  // namespace

std::uint32_t shard_id(std::string_view word) {
    if (word.empty()) return 0;
    // A word's characters are one byte (ASCII) or two (its letters beyond ASCII).
    std::size_t first = static_cast<unsigned char>(word[0]) < 0x80 ? 1 : 2;
    std::uint32_t id = key_code(static_cast<unsigned char>(word[0])) * 38;
    if (word.size() <= first) return id;
    return id + 1 + key_code(static_cast<unsigned char>(word[first]));
}

std::string shard_key(std::uint32_t id) {
    std::string key(1, key_char(id / 38));
    if (id % 38 != 0) key += key_char(id % 38 - 1);
    return key;
}

namespace {

/// The four bytes at `at` (any alignment); byte_words::load reads eight.
std::uint32_t load4(const char* at) {
    std::uint32_t v;
    std::memcpy(&v, at, 4);
    return v;
}

/// A hash of a word: its bytes eight at a time, each multiplied in (the last eight
/// overlap the step before; a word under eight bytes is read in two overlapping halves),
/// so no call to memcpy with a size known only at run time. Words are short: most take one step.
std::uint64_t word_hash(std::string_view w) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const char* p = w.data();
    const std::size_t n = w.size();
    auto mix = [](std::uint64_t h, std::uint64_t v) {
        h = (h ^ v) * kMul;
        return h ^ (h >> 29);
    };
    std::uint64_t h = n * kMul;
    if (n >= 8) {
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) h = mix(h, byte_words::load(p + i));
        if (i < n) h = mix(h, byte_words::load(p + n - 8));
        return h;
    }
    if (n >= 4) return mix(h, load4(p) | (static_cast<std::uint64_t>(load4(p + n - 4)) << 32));
    if (n > 0)
        return mix(h, static_cast<unsigned char>(p[0]) | (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
                          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16));
    return h;
}

/// True when `a` and `b` are the same bytes: short words (most) compared by overlapping
/// loads, not a call to memcmp.
bool same_word(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n > 16) return std::memcmp(a.data(), b.data(), n) == 0;
    const char* x = a.data();
    const char* y = b.data();
    if (n >= 8) return byte_words::load(x) == byte_words::load(y) && byte_words::load(x + n - 8) == byte_words::load(y + n - 8);
    if (n >= 4) return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

/// The different words of one part, numbered as first met: an open-addressing table of
/// their numbers (a national site indexes millions of words; std::unordered_map's nodes
/// and division cost more than the rest of the index).
class WordTable {
public:
    explicit WordTable(std::size_t expected) {
        std::size_t size = 64;
        while (size < expected * 2) size *= 2;
        slots_.assign(size, Slot{});
    }

    /// The number of `word`, which `keep` makes lasting when it is new.
    template <class Keep>
    std::uint32_t find_or_add(std::string_view word, Keep&& keep, bool& fresh) {
        std::uint64_t h = word_hash(word);
        auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[at];
            if (slot.word == 0) {
                fresh = true;
                words_.push_back(keep(word));
                slot = {tag, static_cast<std::uint32_t>(words_.size())};
                if (words_.size() * 2 > slots_.size()) grow();
                return static_cast<std::uint32_t>(words_.size() - 1);
            }
            if (slot.tag == tag && same_word(words_[slot.word - 1], word)) {
                fresh = false;
                return slot.word - 1;
            }
        }
    }

    [[nodiscard]] const std::vector<std::string_view>& words() const { return words_; }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t word = 0;  ///< its number + 1; 0: empty
    };

    void grow() {
        std::vector<Slot> old(slots_.size() * 2, Slot{});
        old.swap(slots_);
        for (const Slot& s : old) {
            if (s.word == 0) continue;
            std::uint64_t h = word_hash(words_[s.word - 1]);
            std::size_t at = h & (slots_.size() - 1);
            while (slots_[at].word != 0) at = (at + 1) & (slots_.size() - 1);
            slots_[at] = s;
        }
    }

    std::vector<Slot> slots_;
    std::vector<std::string_view> words_;
};

}  // namespace

PartWords index_part(const std::vector<EntryText>& entries) {
    std::size_t bytes = 0;
    for (const EntryText& e : entries) bytes += e.title.size() + e.context.size() + e.text.size();
    // Words lower-cased are kept in `arena`, reserved for the whole text up front so the
    // views of it never move; the others are views of the entries' text.
    std::string arena;
    arena.reserve(bytes);
    WordTable table(bytes / 16);
    struct Hit {
        std::uint32_t word;
        std::uint32_t posting;  ///< entry * 2 + in title
    };
    std::vector<Hit> hits;
    hits.reserve(bytes / 8);
    std::vector<std::uint32_t> last_hit;  ///< by word: its latest hit, in `hits`
    std::string scratch;
    auto keep = [&](std::string_view word) -> std::string_view {
        if (word.data() != scratch.data()) return word;
        std::size_t at = arena.size();
        arena.append(word);
        return {arena.data() + at, word.size()};
    };

    for (std::uint32_t entry = 0; entry < entries.size(); ++entry) {
        auto add = [&](std::string_view text, std::uint32_t in_title) {
            for_each_word(text, scratch, [&](std::string_view word) {
                bool fresh = false;
                std::uint32_t w = table.find_or_add(word, keep, fresh);
                if (fresh) {
                    last_hit.push_back(static_cast<std::uint32_t>(hits.size()));
                    hits.push_back({w, entry * 2 + in_title});
                    return;
                }
                // Met in this entry already: nothing to add (the title is read first, so a
                // word of the title has its mark from its first hit).
                if (hits[last_hit[w]].posting / 2 == entry) return;
                last_hit[w] = static_cast<std::uint32_t>(hits.size());
                hits.push_back({w, entry * 2 + in_title});
            });
        };
        const EntryText& e = entries[entry];
        add(e.title, 1);
        add(e.context, 0);
        add(e.text, 0);
    }

    // Words by shard (a count sort, so within a shard in the order first met), each
    // with its entries in order (hits are in entry order: a stable count sort keeps it).
    const std::vector<std::string_view>& words = table.words();
    std::vector<std::uint32_t> shard_of(words.size());
    std::vector<std::uint32_t> in_shard(kShardIds + 1, 0);
    for (std::uint32_t w = 0; w < words.size(); ++w) {
        shard_of[w] = shard_id(words[w]);
        ++in_shard[shard_of[w] + 1];
    }
    for (std::size_t k = 0; k < kShardIds; ++k) in_shard[k + 1] += in_shard[k];
    std::vector<std::uint32_t> order(words.size());
    for (std::uint32_t w = 0; w < words.size(); ++w) order[in_shard[shard_of[w]]++] = w;
    std::vector<std::uint32_t> start(words.size() + 1, 0);
    for (const Hit& h : hits) ++start[h.word + 1];
    for (std::size_t w = 0; w < words.size(); ++w) start[w + 1] += start[w];
    std::vector<std::uint32_t> postings(hits.size());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (const Hit& h : hits) postings[next[h.word]++] = h.posting;
    }

    // The pieces, written through a cursor into text sized for the most they can take
    // (a word and the six characters around it; up to eleven bytes a posting): a part writes
    // thousands of short words and numbers, which string appends would each copy by call.
    PartWords out;
    std::size_t most = 0;
    for (std::string_view w : words) most += w.size() + 6;  // ,"word",[...]
    most += hits.size() * 11 + 16;
    out.text.resize(most);
    char* const begin = out.text.data();
    char* at = begin;
    auto put_word = [&](std::string_view w) {
        const char* from = w.data();
        const std::size_t n = w.size();
        if (n >= 8 && n <= 16) {  // two overlapping eight-byte copies, within the word
            std::memcpy(at, from, 8);
            std::memcpy(at + n - 8, from + n - 8, 8);
        } else if (n >= 4 && n < 8) {
            std::memcpy(at, from, 4);
            std::memcpy(at + n - 4, from + n - 4, 4);
        } else if (n < 4) {
            for (std::size_t k = 0; k < n; ++k) at[k] = from[k];
        } else {
            std::memcpy(at, from, n);
        }
        at += n;
    };
    for (std::size_t k = 0; k < order.size(); ++k) {
        std::uint32_t w = order[k];
        bool opens = k == 0 || shard_of[order[k - 1]] != shard_of[w];
        auto offset = static_cast<std::uint32_t>(at - begin);
        if (opens) {
            if (!out.shards.empty()) out.shards.back().size = offset - out.shards.back().offset;
            out.shards.push_back({shard_of[w], offset, 0});
        } else {
            *at++ = ',';
        }
        *at++ = '"';
        put_word(words[w]);
        *at++ = '"';
        *at++ = ',';
        *at++ = '[';
        for (std::uint32_t p = start[w]; p < start[w + 1]; ++p) {
            if (p > start[w]) *at++ = ',';
            at = std::to_chars(at, begin + most, postings[p]).ptr;
        }
        *at++ = ']';
    }
    auto used = static_cast<std::uint32_t>(at - begin);
    if (!out.shards.empty()) out.shards.back().size = used - out.shards.back().offset;
    out.text.resize(used);
    return out;
}

}  // namespace planc::search_words
