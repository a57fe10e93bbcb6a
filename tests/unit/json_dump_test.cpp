// dump_json writes what nlohmann's own pretty printer writes (2-space indent, UTF-8 kept,
// bad UTF-8 replaced), byte for byte; plan.json is nlohmann's compact dump() of the same
// JSON, and `planc dump` its dump(2): the files must not change because they got faster.

#include <catch2/catch.hpp>

#include "planc/data_output.hpp"
#include "planc/load.hpp"
#include "test_support.hpp"

using Json = nlohmann::ordered_json;

namespace {

std::string reference(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }
std::string compact_reference(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n"; }

}  // namespace

TEST_CASE("dump_json gives nlohmann's bytes for every seed document and partnership", "[data]") {
    planc::Diagnostics diags;
    planc::Project project = planc::load_project(planc::testing::source_dir(), diags);
    REQUIRE(project.partnerships.size() >= 4);
    std::size_t documents = 0;
    for (const planc::Partnership& p : project.partnerships) {
        CHECK(planc::dump_json(planc::partnership_to_json(p)) == reference(planc::partnership_to_json(p)));
        for (const planc::Document& d : p.documents) {
            Json j = planc::document_to_json(d, p);
            CHECK(planc::dump_json(j) == reference(j));
            ++documents;
        }
    }
    CHECK(documents >= 5);
}

TEST_CASE("plan.json written straight from the model is nlohmann's layout of the same JSON", "[data]") {
    planc::Diagnostics diags;
    planc::Project project = planc::load_project(planc::testing::source_dir(), diags);
    for (const planc::Partnership& p : project.partnerships) {
        std::string text = planc::partnership_json_text(p);
        CHECK(text == reference(Json::parse(text)));
        for (const planc::Document& d : p.documents) {
            INFO(d.path);
            text = planc::document_json_text(d, p);
            CHECK(text == compact_reference(Json::parse(text)));
            // Indented for `planc dump`: the same JSON, laid out as dump(2).
            std::string indented = planc::document_json_text(d, p, planc::JsonLayout::Indented);
            CHECK(indented == reference(Json::parse(text)));
            CHECK(text.size() < indented.size() * 3 / 4);
            CHECK(text.find('\n') == text.size() - 1);  // one line, then the final line break
        }
    }
    // Hostile text in every kind of field: escapes, bad UTF-8, numbers that are not whole.
    planc::Document d;
    d.path = "content/x/\"quoted\".md";
    d.title = std::string("tab\there \x01 and bad \xC3 byte");
    d.vision = "£ – 😀";
    planc::Priority pr;
    pr.id = "p";
    planc::Target t;
    t.text = "Reduce \"x\" by 12.5%";
    t.change.text = "12.5";
    t.change.value = 12.5;
    t.baseline.text = "0.1";
    t.baseline.value = 0.1;
    t.target_value.text = "-0";
    t.target_value.value = -0.0;
    pr.targets.push_back(t);
    d.priorities.push_back(pr);
    planc::Section empty_section;
    d.sections.push_back(empty_section);
    planc::Partnership p;
    p.slug = "x";
    std::string text = planc::document_json_text(d, p);
    CHECK(text == compact_reference(Json::parse(text)));
    CHECK(text.find("\"value\":12.5") != std::string::npos);
    CHECK(text.find("\"value\":0,") != std::string::npos);  // -0 as 0
    CHECK(text.find("\"children\":[]") != std::string::npos);
    std::string indented = planc::document_json_text(d, p, planc::JsonLayout::Indented);
    CHECK(indented == reference(Json::parse(text)));
    CHECK(indented.find("\"value\": 12.5") != std::string::npos);
}

TEST_CASE("dump_json escapes and replaces like nlohmann", "[data]") {
    Json j;
    j["quote \" and backslash \\"] = "tab\tnew\nline\r\b\f and \x01\x1f\x7f";
    j["utf8"] = "£ – 😀 é";
    j["bad"] = std::string("lone \xC3 byte, overlong \xC0\xAF, surrogate \xED\xA0\x80, end \xF0\x9F");
    j["bad \xFF key"] = 1;
    j["numbers"] = Json::array({0, -1, 705, 12.5, 0.1, 1e300, -0.0, 18446744073709551615ull});
    j["empty"] = Json::array({Json::object(), Json::array(), nullptr, true, false, ""});
    j["nested"] = Json::object({{"a", Json::array({Json::object({{"b", Json::array({1})}})})}});
    CHECK(planc::dump_json(j) == reference(j));
    CHECK(planc::dump_json(Json::array()) == "[]\n");
    CHECK(planc::dump_json(Json("x")) == "\"x\"\n");
}

TEST_CASE("dump_json escapes a special byte wherever it falls among plain ones", "[data]") {
    // Plain text is passed over eight bytes at a time: every special byte at every offset.
    for (const std::string& special :
         {std::string("\""), std::string("\\"), std::string("\n"), std::string("\x01"), std::string("\x1f"),
          std::string("\x7f"), std::string("\xC3\xA9"), std::string("\xC3"), std::string("\xE2\x80\xA8")}) {
        for (std::size_t offset = 0; offset < 20; ++offset) {
            std::string text = std::string(offset, 'a') + special + std::string(19 - offset, 'b');
            Json j = Json::array({text});
            INFO("offset " << offset);
            CHECK(planc::dump_json(j) == reference(j));
        }
    }
}
