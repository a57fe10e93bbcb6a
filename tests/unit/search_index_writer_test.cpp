// SearchIndexWriter: search-index.js written part by part while the site is rendered, in
// whatever order the parts are finished, gives the bytes of the index written whole.

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <thread>

#include "planc/output.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"
#include "test_support.hpp"

using namespace planc;

namespace {

/// Part `i` of a made-up site: some with entries, some (a document with no page in the
/// index) without.
SearchIndexText made_up_part(std::size_t i) {
    SearchIndexText part;
    if (i % 3 == 1) return part;
    std::vector<SearchEntry> entries;
    for (std::size_t e = 0; e <= i % 4; ++e)
        entries.push_back({"Title " + std::to_string(i), "p/" + std::to_string(i) + "/index.html#s" + std::to_string(e),
                           "Context", "Text of part " + std::to_string(i) + " <b>" + std::to_string(e)});
    part.append(entries);
    return part;
}

/// The whole index joined at once: the parts in order, then the trailing entries.
std::string written_whole(const std::vector<SearchIndexText>& parts, const SearchIndexText& trailing) {
    std::vector<const SearchIndexText*> in_order;
    for (const SearchIndexText& part : parts) in_order.push_back(&part);
    in_order.push_back(&trailing);
    return SearchIndexText::script_file(in_order);
}

/// A folder of its own under the system's temporary folder, removed after.
struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "planc-stream-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("the search index written as its parts are finished is the index written whole", "[render][search]") {
    SearchIndexText trailing;
    trailing.append(std::vector<SearchEntry>{{"Accessibility", "accessibility/index.html", "Site", "How to use it"}});
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{60}}) {
        std::vector<SearchIndexText> parts;
        for (std::size_t i = 0; i < count; ++i) parts.push_back(made_up_part(i));
        for (bool with_trailing : {false, true}) {
            const SearchIndexText tail = with_trailing ? trailing : SearchIndexText();
            const std::string expected = written_whole(parts, tail);
            std::mt19937 shuffle(static_cast<unsigned>(count * 2 + with_trailing));
            for (int round = 0; round < 4; ++round) {
                INFO(count << " parts, round " << round << (with_trailing ? ", with trailing entries" : ""));
                std::vector<std::size_t> order(count);
                for (std::size_t i = 0; i < count; ++i) order[i] = i;
                if (round > 0) std::shuffle(order.begin(), order.end(), shuffle);
                if (round == 3) std::reverse(order.begin(), order.end());
                MemoryOutput out;
                {
                    SearchIndexWriter writer(out, count);
                    for (std::size_t i : order) writer.put(i, made_up_part(i));
                    CHECK(out.files.empty());  // a stream into memory is written when closed
                    writer.finish(tail);
                }
                CHECK(out.files.at(std::string(paths::kSearchIndex)) == expected);
            }
        }
    }
}

TEST_CASE("the search index takes parts from several threads at once", "[render][search][parallel]") {
    constexpr std::size_t kParts = 400;
    std::vector<SearchIndexText> parts;
    for (std::size_t i = 0; i < kParts; ++i) parts.push_back(made_up_part(i));
    const std::string expected = written_whole(parts, SearchIndexText());
    MemoryOutput out;
    SearchIndexWriter writer(out, kParts);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (std::size_t i = t; i < kParts; i += 4) writer.put(i, made_up_part(i));
        });
    for (std::thread& t : threads) t.join();
    writer.finish(SearchIndexText());
    CHECK(out.files.at(std::string(paths::kSearchIndex)) == expected);
}

TEST_CASE("the search index refuses a part put twice and is not finished with a part missing", "[render][search]") {
    MemoryOutput out;
    SearchIndexWriter writer(out, 3);
    writer.put(1, made_up_part(1));
    CHECK_THROWS_AS(writer.put(1, made_up_part(1)), std::logic_error);
    CHECK_THROWS_AS(writer.put(3, made_up_part(3)), std::logic_error);
    writer.put(0, made_up_part(0));
    CHECK_THROWS_AS(writer.put(0, made_up_part(0)), std::logic_error);  // written already
    CHECK_THROWS_AS(writer.finish(SearchIndexText()), std::logic_error);
    CHECK(out.files.empty());
}

TEST_CASE("a file streamed into a folder has each piece as it comes and counts once closed", "[render][search]") {
    TempFolder temp;
    DirectoryOutput out((temp.path / "site").string());
    std::unique_ptr<OutputStream> file = out.open_stream("deep/folder/index.js");
    file->append("first ");
    const std::filesystem::path on_disk = temp.path / "site/deep/folder/index.js";
    CHECK(testing::read_file(on_disk.string()) == "first ");  // there before it is closed
    file->append("");
    file->append("second\n");
    CHECK(out.files_written() == 0);
    file->close();
    CHECK(out.files_written() == 1);
    CHECK(testing::read_file(on_disk.string()) == "first second\n");
    CHECK_THROWS_AS(file->append("late"), std::runtime_error);
    CHECK_THROWS_AS(out.open_stream("../escape.js"), std::runtime_error);
    CHECK_FALSE(std::filesystem::exists(temp.path / "escape.js"));
}
