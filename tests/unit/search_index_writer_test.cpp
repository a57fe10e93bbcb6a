// The search index: words cut as site.js cuts a query, each part's words and entries, and
// SearchIndexWriter, which writes the files part by part while the site is rendered, in
// whatever order the parts are finished, and gives the files written all at once.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <thread>

#include "planc/output.hpp"
#include "render/pages.hpp"
#include "render/search_words.hpp"
#include "render/site_paths.hpp"
#include "search_files_reader.hpp"

using namespace planc;

namespace {

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string scratch;
    search_words::for_each_word(text, scratch, [&](std::string_view w) { words.emplace_back(w); });
    return words;
}

/// Part `i` of a made-up site: some with entries, some (a document with no page in the
/// index) without.
std::vector<SearchEntry> made_up_entries(std::size_t i) {
    std::vector<SearchEntry> entries;
    if (i % 3 == 1) return entries;
    for (std::size_t e = 0; e <= i % 4; ++e)
        entries.push_back({"Title " + std::to_string(i), "p/" + std::to_string(i) + "/index.html#s" + std::to_string(e),
                           "Context", "Text of part " + std::to_string(i) + " <b>" + std::to_string(e % 2) +
                                          (e == 2 ? " burglary Ünïcode" : "")});
    return entries;
}

SearchPart made_up_part(std::size_t i) { return SearchPart::of(made_up_entries(i)); }

/// The files written at once: the parts in order, then the trailing part.
std::map<std::string, std::string> written_whole(std::size_t count, const SearchPart& trailing) {
    std::vector<SearchPart> parts;
    for (std::size_t i = 0; i < count; ++i) parts.push_back(made_up_part(i));
    std::vector<const SearchPart*> in_order;
    for (const SearchPart& part : parts) in_order.push_back(&part);
    in_order.push_back(&trailing);
    return search_files::all(in_order);
}

}  // namespace

TEST_CASE("search words: letters and digits, lower-cased, anything else between words", "[render][search]") {
    CHECK(words_of("Reduce burglary by 6% by 2010/11 (TBC)") ==
          std::vector<std::string>{"reduce", "burglary", "by", "6", "by", "2010", "11", "tbc"});
    CHECK(words_of("council's anti-social behaviour") ==
          std::vector<std::string>{"council", "s", "anti", "social", "behaviour"});
    CHECK(words_of("  £24,042 – 2000–2003…  ") == std::vector<std::string>{"24", "042", "2000", "2003"});
    // Latin letters beyond ASCII are letters, folded to the ASCII letter they are written
    // on where there is one, else to lower case; × and ÷ are not letters.
    CHECK(words_of("CAFÉ café Ærø ŁÓDŹ Ŵyr Môn 3×4 6÷2 straße") ==
          std::vector<std::string>{"cafe", "cafe", "ærø", "łodz", "wyr", "mon", "3", "4", "6", "2", "straße"});
    CHECK(words_of("") .empty());
    CHECK(words_of("--- ...").empty());
    // Broken UTF-8 and other scripts end words.
    CHECK(words_of("a\xC3(b \xE2\x82 c") == std::vector<std::string>{"a", "b", "c"});
    CHECK(words_of("Москва x") == std::vector<std::string>{"x"});
}

TEST_CASE("search words: each letter U+00C0-U+027F folds to one letter that folds to itself", "[render][search]") {
    using search_words::kFoldFirst;
    using search_words::kFoldTable;
    std::string scratch;
    for (std::uint32_t code = kFoldFirst; code < search_words::kFoldEnd; ++code) {
        CAPTURE(code);
        const search_words::FoldedLetter& folded = kFoldTable[code - kFoldFirst];
        std::string letter = {static_cast<char>(0xC0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3F))};
        std::string as_folded(folded.bytes, folded.size);
        if (code == 0xD7 || code == 0xF7) {  // × and ÷: kept, and not letters
            CHECK(as_folded == letter);
            CHECK(words_of("a" + letter + "b") == std::vector<std::string>{"a", "b"});
            continue;
        }
        // One ASCII lower-case letter, or one letter of the range.
        if (folded.size == 1) {
            CHECK((as_folded[0] >= 'a' && as_folded[0] <= 'z'));
        } else {
            REQUIRE(folded.size == 2);
            auto lead = static_cast<unsigned char>(as_folded[0]);
            CHECK((lead >= 0xC3 && lead <= 0xC9));
        }
        // The letter is a word; in a word it folds; and the folded word reads as itself.
        CHECK(words_of("x" + letter + "Y") == std::vector<std::string>{"x" + as_folded + "y"});
        CHECK(words_of("x" + as_folded + "y") == std::vector<std::string>{"x" + as_folded + "y"});
    }
    // Upper and lower case fold alike, accents or not.
    CHECK(words_of("ÉCOLE École école ecole") == std::vector<std::string>{"ecole", "ecole", "ecole", "ecole"});
    CHECK(words_of("ÆØÅ æøå") == std::vector<std::string>{"æøa", "æøa"});
}

TEST_CASE("search words: the file a word goes in is named by its first two letters", "[render][search]") {
    using search_words::shard_id;
    using search_words::shard_key;
    CHECK(shard_key(shard_id("burglary")) == "bu");
    CHECK(shard_key(shard_id("bu")) == "bu");
    CHECK(shard_key(shard_id("a")) == "a");
    CHECK(shard_key(shard_id("2010")) == "20");
    CHECK(shard_key(shard_id("café")) == "ca");
    CHECK(shard_key(shard_id("écoles")) == "_c");
    CHECK(shard_key(shard_id("aé")) == "a_");
    CHECK(shard_key(shard_id("é")) == "_");
    // Ids sort as their keys do, and every key's id reads back.
    std::vector<std::string> keys;
    for (std::uint32_t id = 0; id < search_words::kShardIds; ++id) keys.push_back(shard_key(id));
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
    for (std::uint32_t id = 0; id < search_words::kShardIds; ++id) {
        std::string key = keys[id];
        std::string word = key;
        for (char& c : word)
            if (c == '_') c = 'x';  // any letter beyond ASCII: '_' stands for it
        if (key.find('_') == std::string::npos) CHECK(shard_id(word) == id);
    }
}

TEST_CASE("search words: a part's words, each with the entries it is in, marked in titles", "[render][search]") {
    SearchPart part = SearchPart::of({{"Burglary", "a/index.html", "Town", "Burglary fell; bus routes"},
                                      {"Buses", "a/index.html#b", "Town", "no burglary here"},
                                      {"Other", "a/index.html#c", "Town", "a BUS"}});
    CHECK(part.entries == 3);
    std::map<std::string, std::string> pieces;
    for (const auto& s : part.words.shards) pieces[search_words::shard_key(s.id)] = std::string(part.words.piece(s));
    CHECK(pieces.at("bu") == R"("burglary",[1,2],"bus",[0,4],"buses",[3])");
    CHECK(pieces.at("to") == R"("town",[0,2,4])");
    CHECK(pieces.at("a") == R"("a",[4])");
    CHECK(pieces.count("b") == 0);
    // In shard order.
    CHECK(std::is_sorted(part.words.shards.begin(), part.words.shards.end(),
                         [](const auto& a, const auto& b) { return a.id < b.id; }));
}

TEST_CASE("search words: a part's pieces are what a plain reading of its words gives", "[render][search]") {
    // Words of every length (the hash and compare read short and long words differently),
    // capitals, letters beyond ASCII, repeats within and across entries; a plain reading
    // with std::map says what each shard's piece must be.
    std::mt19937 random(2009);
    const std::vector<std::string> letters = {"a", "b", "e", "o", "r", "s", "t", "Z", "Q", "\xC3\xA9", "\xC3\x89",
                                              "\xC3\x9F", "\xC5\xB4", "1", "9"};
    std::vector<std::string> vocabulary;
    for (int i = 0; i < 300; ++i) {
        std::string w;
        std::size_t length = 1 + random() % (i % 10 == 0 ? 40 : 12);
        for (std::size_t k = 0; k < length; ++k) w += letters[random() % letters.size()];
        vocabulary.push_back(w);
    }
    for (int round = 0; round < 20; ++round) {
        std::vector<SearchEntry> entries(1 + random() % 30);
        for (SearchEntry& e : entries) {
            for (int k = 0; k < 3; ++k) e.title += vocabulary[random() % 40] + " ";
            e.context = "Testshire: plan 2009/10";
            for (int k = 0; k < 200; ++k) e.text += vocabulary[random() % vocabulary.size()] + (k % 7 ? " " : ", ");
        }
        std::map<std::uint32_t, std::vector<std::string>> in_shard;  // in the order first met
        std::map<std::string, std::vector<unsigned>> postings;
        std::string scratch;
        for (unsigned i = 0; i < entries.size(); ++i) {
            auto read = [&](const std::string& text, unsigned in_title) {
                search_words::for_each_word(text, scratch, [&](std::string_view w) {
                    std::string word(w);
                    auto [it, fresh] = postings.try_emplace(word);
                    if (fresh) in_shard[search_words::shard_id(word)].push_back(word);
                    if (it->second.empty() || it->second.back() / 2 != i) it->second.push_back(i * 2 + in_title);
                });
            };
            read(entries[i].title, 1);
            read(entries[i].context, 0);
            read(entries[i].text, 0);
        }
        std::map<std::uint32_t, std::string> expected;
        for (const auto& [shard, words] : in_shard) {
            std::string piece;
            for (const std::string& w : words) {
                if (!piece.empty()) piece += ',';
                piece += '"' + w + "\",[";
                for (std::size_t k = 0; k < postings[w].size(); ++k) piece += (k ? "," : "") + std::to_string(postings[w][k]);
                piece += ']';
            }
            expected[shard] = piece;
        }
        SearchPart part = SearchPart::of(entries);
        std::map<std::uint32_t, std::string> got;
        for (const auto& s : part.words.shards) got[s.id] = std::string(part.words.piece(s));
        INFO("round " << round);
        CHECK(got == expected);
    }
}

TEST_CASE("the search files written as parts are finished are the files written at once", "[render][search]") {
    SearchPart trailing =
        SearchPart::of(std::vector<SearchEntry>{{"Accessibility", "accessibility/index.html", "Site", "How to use it"}});
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{60}}) {
        for (bool with_trailing : {false, true}) {
            const SearchPart tail = with_trailing ? trailing : SearchPart();
            const std::map<std::string, std::string> expected = written_whole(count, tail);
            std::mt19937 shuffle(static_cast<unsigned>(count * 2 + with_trailing));
            for (int round = 0; round < 4; ++round) {
                INFO(count << " parts, round " << round << (with_trailing ? ", with trailing entries" : ""));
                std::vector<std::size_t> order(count);
                for (std::size_t i = 0; i < count; ++i) order[i] = i;
                if (round > 0) std::shuffle(order.begin(), order.end(), shuffle);
                if (round == 3) std::reverse(order.begin(), order.end());
                MemoryOutput out;
                SearchIndexWriter writer(out, count);
                for (std::size_t i : order) writer.put(i, made_up_part(i));
                CHECK(out.files.count(std::string(paths::kSearchIndex)) == 0);  // written at the end
                SearchPart last = tail;
                writer.finish(std::move(last));
                CHECK(out.files == expected);
            }
        }
    }
    // The made-up site, read back as the search page reads it.
    search_test::ReadIndex index = search_test::read_search_files(written_whole(7, trailing));
    CHECK(index.parts == std::vector<std::size_t>{1, 0, 3, 4, 0, 2, 3, 1});
    CHECK(index.entries.size() == 14);
    CHECK(index.words.at("burglary") == std::map<std::size_t, int>{{3, 0}, {6, 0}, {12, 0}});
    CHECK(index.words.at("unicode").size() == 3);  // from "Ünïcode"
    CHECK(index.words.at("accessibility") == std::map<std::size_t, int>{{13, 1}});
}

TEST_CASE("the search files take parts from several threads at once", "[render][search][parallel]") {
    constexpr std::size_t kParts = 400;
    const std::map<std::string, std::string> expected = written_whole(kParts, SearchPart());
    MemoryOutput out;
    SearchIndexWriter writer(out, kParts);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (std::size_t i = t; i < kParts; i += 4) writer.put(i, made_up_part(i));
        });
    for (std::thread& t : threads) t.join();
    writer.finish(SearchPart());
    CHECK(out.files == expected);
}

TEST_CASE("the search files refuse a part put twice and are not finished with a part missing", "[render][search]") {
    MemoryOutput out;
    SearchIndexWriter writer(out, 3);
    writer.put(1, made_up_part(1));
    CHECK_THROWS_AS(writer.put(1, made_up_part(1)), std::logic_error);
    CHECK_THROWS_AS(writer.put(3, made_up_part(3)), std::logic_error);  // the site's own pages: finish()
    writer.put(0, made_up_part(0));
    CHECK_THROWS_AS(writer.put(0, made_up_part(0)), std::logic_error);
    CHECK_THROWS_AS(writer.finish(SearchPart()), std::logic_error);
    CHECK(out.files.count(std::string(paths::kSearchIndex)) == 0);
}
