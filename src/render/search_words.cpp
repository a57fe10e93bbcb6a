// The words of the search index (see search_words.hpp).

#include "render/search_words.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

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

void append_number(std::string& out, std::uint32_t n) {
    char digits[12];
    auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
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

PartWords index_part(const std::vector<EntryText>& entries) {
    // Every word once, in `arena`: reserved for the whole text up front, so the views the
    // table holds never move.
    std::size_t bytes = 0;
    for (const EntryText& e : entries) bytes += e.title.size() + e.context.size() + e.text.size();
    std::string arena;
    arena.reserve(bytes);
    std::unordered_map<std::string_view, std::uint32_t> ids;
    ids.reserve(bytes / 24 + 16);
    std::vector<std::string_view> words;
    struct Hit {
        std::uint32_t word;
        std::uint32_t posting;  ///< entry * 2 + in title
    };
    std::vector<Hit> hits;
    std::vector<std::uint32_t> last_hit;  ///< by word: its latest hit, in `hits`
    std::string scratch;

    for (std::uint32_t entry = 0; entry < entries.size(); ++entry) {
        auto add = [&](std::string_view word, std::uint32_t in_title) {
            auto it = ids.find(word);
            if (it == ids.end()) {
                // Kept in the arena: the table's key must outlive the scratch text.
                std::size_t at = arena.size();
                arena.append(word);
                std::string_view kept(arena.data() + at, word.size());
                auto w = static_cast<std::uint32_t>(words.size());
                ids.emplace(kept, w);
                words.push_back(kept);
                last_hit.push_back(static_cast<std::uint32_t>(hits.size()));
                hits.push_back({w, entry * 2 + in_title});
                return;
            }
            std::uint32_t w = it->second;
            Hit& last = hits[last_hit[w]];
            if (last.posting / 2 == entry) {
                last.posting |= in_title;
                return;
            }
            last_hit[w] = static_cast<std::uint32_t>(hits.size());
            hits.push_back({w, entry * 2 + in_title});
        };
        const EntryText& e = entries[entry];
        for_each_word(e.title, scratch, [&](std::string_view w) { add(w, 1); });
        for_each_word(e.context, scratch, [&](std::string_view w) { add(w, 0); });
        for_each_word(e.text, scratch, [&](std::string_view w) { add(w, 0); });
    }

    // Words in shard order, sorted within a shard; each word's entries in order (hits
    // are in entry order: a stable count sort keeps it).
    std::vector<std::uint32_t> shard_of(words.size());
    for (std::uint32_t w = 0; w < words.size(); ++w) shard_of[w] = shard_id(words[w]);
    std::vector<std::uint32_t> order(words.size());
    for (std::uint32_t w = 0; w < words.size(); ++w) order[w] = w;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return shard_of[a] != shard_of[b] ? shard_of[a] < shard_of[b] : words[a] < words[b];
    });
    std::vector<std::uint32_t> start(words.size() + 1, 0);
    for (const Hit& h : hits) ++start[h.word + 1];
    for (std::size_t w = 0; w < words.size(); ++w) start[w + 1] += start[w];
    std::vector<std::uint32_t> postings(hits.size());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (const Hit& h : hits) postings[next[h.word]++] = h.posting;
    }

    PartWords out;
    out.text.reserve(arena.size() + hits.size() * 3 + words.size() * 6);
    for (std::size_t k = 0; k < order.size(); ++k) {
        std::uint32_t w = order[k];
        bool opens = k == 0 || shard_of[order[k - 1]] != shard_of[w];
        if (opens) {
            if (!out.shards.empty()) out.shards.back().size = static_cast<std::uint32_t>(out.text.size() - out.shards.back().offset);
            out.shards.push_back({shard_of[w], static_cast<std::uint32_t>(out.text.size()), 0});
        } else {
            out.text += ',';
        }
        out.text += '"';
        out.text += words[w];
        out.text += "\",[";
        for (std::uint32_t p = start[w]; p < start[w + 1]; ++p) {
            if (p > start[w]) out.text += ',';
            append_number(out.text, postings[p]);
        }
        out.text += ']';
    }
    if (!out.shards.empty()) out.shards.back().size = static_cast<std::uint32_t>(out.text.size() - out.shards.back().offset);
    return out;
}

}  // namespace planc::search_words
