#pragma once
// Reads a site's search files back as assets/site.js does (tests): search-index.js, every
// word file and every entries file, checked to be the scripts the search page expects.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace planc::search_test {

struct ReadIndex {
    std::vector<std::size_t> parts;                      ///< entries in each part
    std::vector<std::string> shards;                     ///< as search-index.js lists them
    std::vector<nlohmann::json> entries;                 ///< every entry, numbered across the site
    std::map<std::string, std::map<std::size_t, int>> words;  ///< word -> entry -> 1 in its title, 0 not
};

/// The JSON between `start` and the ");\n" or ";\n" that ends a script.
inline nlohmann::json script_json(const std::string& script, std::string_view start, std::string_view end) {
    REQUIRE(script.rfind(start, 0) == 0);
    REQUIRE(script.size() >= start.size() + end.size());
    REQUIRE(script.compare(script.size() - end.size(), end.size(), end) == 0);
    return nlohmann::json::parse(script.substr(start.size(), script.size() - start.size() - end.size()));
}

inline ReadIndex read_search_files(const std::map<std::string, std::string>& files) {
    ReadIndex read;
    const std::string& script = files.at("search-index.js");
    std::size_t set = script.find("window.plancSearchIndex = ");
    REQUIRE(set != std::string::npos);
    REQUIRE(script.rfind("// planc search index", 0) == 0);
    nlohmann::json index = script_json(script.substr(set), "window.plancSearchIndex = ", ";\n");
    CHECK(index["version"] == 4);
    CHECK(index["fold"] == std::string(search_words::kFoldedLetters));
    read.parts = index["parts"].get<std::vector<std::size_t>>();
    read.shards = index["shards"].get<std::vector<std::string>>();

    std::vector<std::size_t> first;
    std::size_t total = 0;
    for (std::size_t n : read.parts) {
        first.push_back(total);
        total += n;
    }
    read.entries.resize(total);
    for (std::size_t part = 0; part < read.parts.size(); ++part) {
        std::string path = "search/entries/" + std::to_string(part) + ".js";
        INFO(path);
        if (read.parts[part] == 0) {
            CHECK(files.count(path) == 0);
            continue;
        }
        REQUIRE(files.count(path) == 1);
        nlohmann::json list =
            script_json(files.at(path), "plancSearchIndex.entries(" + std::to_string(part) + ",", ");\n");
        REQUIRE(list.size() == read.parts[part]);
        for (std::size_t e = 0; e < list.size(); ++e) read.entries[first[part] + e] = list[e];
    }
    // No entries file beyond the parts, no word file the index does not list.
    for (const auto& [path, bytes] : files) {
        if (path.rfind("search/entries/", 0) == 0) {
            std::size_t part = std::stoul(path.substr(15));
            CHECK(part < read.parts.size());
        }
        if (path.rfind("search/words/", 0) == 0) {
            std::string key = path.substr(13, path.size() - 13 - 3);
            INFO(path);
            CHECK(std::find(read.shards.begin(), read.shards.end(), key) != read.shards.end());
        }
    }
    for (const std::string& key : read.shards) {
        std::string path = "search/words/" + key + ".js";
        INFO(path);
        REQUIRE(files.count(path) == 1);
        nlohmann::json pieces = script_json(files.at(path), "plancSearchIndex.words(\"" + key + "\",", ");\n");
        REQUIRE(!pieces.empty());
        std::size_t last_part = 0;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const nlohmann::json& piece = pieces[k];
            REQUIRE(piece.size() % 2 == 1);
            std::size_t part = piece[0];
            REQUIRE(part < read.parts.size());
            if (k > 0) CHECK(part > last_part);  // in part order, each part once
            last_part = part;
            for (std::size_t j = 1; j < piece.size(); j += 2) {
                std::string word = piece[j];
                for (unsigned posting : piece[j + 1]) {
                    REQUIRE(posting / 2 < read.parts[part]);
                    read.words[word][first[part] + posting / 2] = static_cast<int>(posting % 2);
                }
            }
        }
    }
    return read;
}

}  // namespace planc::search_test
