// ByteBuffer: the same bytes std::string::append would give, for every piece length (the
// short ones are copied inline, in overlapping moves) and across every growth.

#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "render/byte_buffer.hpp"

using planc::ByteBuffer;

TEST_CASE("ByteBuffer appends pieces of every length as std::string does", "[render]") {
    std::string source;
    for (int i = 0; i < 300; ++i) source += static_cast<char>('!' + (i * 7) % 90);
    std::mt19937 random(2009);
    ByteBuffer buffer;
    std::string expected;
    for (int round = 0; round < 4000; ++round) {
        // Mostly short pieces (each length of the inline copy), sometimes long ones.
        std::size_t n = round % 5 == 0 ? random() % 300 : random() % 20;
        std::size_t from = random() % (source.size() - n + 1);
        if (round % 7 == 0) {
            buffer.push_back(source[from]);
            expected += source[from];
        } else {
            buffer.append(std::string_view(source).substr(from, n));
            expected.append(source, from, n);
        }
        REQUIRE(buffer.size() == expected.size());
        if (!expected.empty()) REQUIRE(buffer.back() == expected.back());
    }
    CHECK(buffer.view() == expected);
    CHECK(buffer.take() == expected);
    CHECK(buffer.empty());
    CHECK(buffer.take().empty());
}

TEST_CASE("ByteBuffer copies each length from 0 to 40 exactly, touching nothing around it", "[render]") {
    const std::string source = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
    for (std::size_t n = 0; n <= 40; ++n) {
        ByteBuffer buffer(std::string("<"));
        buffer.append(std::string_view(source).substr(3, n));
        buffer += '>';
        CHECK(buffer.take() == "<" + source.substr(3, n) + ">");
    }
}

TEST_CASE("ByteBuffer goes on from its start, forgets what is truncated, and makes room ahead", "[render]") {
    ByteBuffer buffer(std::string("<!DOCTYPE html>\n"));
    buffer += "<p>";
    std::size_t mark = buffer.size();
    buffer += "dropped";
    buffer.truncate(mark);
    buffer.reserve_more(100000);
    for (int i = 0; i < 1000; ++i) buffer += "text ";
    buffer += "</p>";
    std::string expected = "<!DOCTYPE html>\n<p>";
    for (int i = 0; i < 1000; ++i) expected += "text ";
    expected += "</p>";
    CHECK(buffer.view() == expected);
    CHECK(buffer.take() == expected);
}
