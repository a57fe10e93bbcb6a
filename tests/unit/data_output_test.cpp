// Open data: plan.json (document_to_json / dump_json), targets.csv and its CSVW metadata,
// the JSON Schema they follow, and the enum names and plain text they use.

#include "planc/data_output.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "planc/model.hpp"
#include "planc/rich_text.hpp"

using planc::Block;
using planc::BlockKind;
using planc::ChangeKind;
using planc::DatePrecision;
using planc::Direction;
using planc::Document;
using planc::Inline;
using planc::InlineKind;
using planc::Partnership;
using planc::PlanDate;
using planc::Priority;
using planc::Quantity;
using planc::Section;
using planc::SectionKind;
using planc::Span;
using planc::Target;
using planc::TargetField;
using Json = nlohmann::ordered_json;

namespace {

PlanDate financial_year(int start, std::string text) {
    PlanDate d;
    d.precision = DatePrecision::FinancialYear;
    d.year = start;
    d.text = std::move(text);
    return d;
}

PlanDate calendar_year(int year) {
    PlanDate d;
    d.precision = DatePrecision::CalendarYear;
    d.year = year;
    d.text = std::to_string(year);
    return d;
}

Quantity amount(double value, std::string text, bool percent = false, std::string unit = {},
                int decimals = 0) {
    Quantity q;
    q.value = value;
    q.text = std::move(text);
    q.percent = percent;
    q.unit = std::move(unit);
    q.decimals = decimals;
    return q;
}

Quantity placeholder(std::string text) {
    Quantity q;
    q.gap = true;
    q.text = std::move(text);
    return q;
}

Inline text_node(std::string text) {
    Inline i;
    i.text = std::move(text);
    return i;
}

Block paragraph(std::vector<Inline> inlines) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.inlines = std::move(inlines);
    return b;
}

Span at(std::uint32_t line, std::uint32_t column) {
    Span s;
    s.line = line;
    s.column = column;
    return s;
}

/// A sentence target with a percentage change, every field stated.
Target complete_target() {
    Target t;
    t.span = at(12, 4);
    t.text =
        "To reduce the levels of reported incidents of Anti-Social Behaviour by 5% by 2010/11 based on "
        "2009/10 baseline.";
    t.verb = "reduce";
    t.direction = Direction::Reduce;
    t.measure = "the levels of reported incidents of Anti-Social Behaviour";
    t.change_kind = ChangeKind::By;
    t.change = amount(5, "5%", true);
    t.deadline = financial_year(2010, "2010/11");
    t.baseline_year = financial_year(2009, "2009/10");
    return t;
}

/// The amount is TBC: incomplete, and the amount is unknown (null), never 0.
Target gap_target() {
    Target t;
    t.span = at(13, 4);
    t.text =
        "To increase the levels of offenders brought to justice by TBC by 2010/11 based on 2008/09 "
        "baseline.";
    t.verb = "increase";
    t.direction = Direction::Increase;
    t.measure = "the levels of offenders brought to justice";
    t.change_kind = ChangeKind::By;
    t.change = placeholder("TBC");
    t.deadline = financial_year(2010, "2010/11");
    t.baseline_year = financial_year(2008, "2008/09");
    t.gaps = {TargetField::Amount};
    return t;
}

/// A row of a targets table: baseline and target cells with a unit.
Target table_target() {
    Target t;
    t.span = at(20, 3);
    t.text = "To reduce common assault by 12%";
    t.verb = "reduce";
    t.direction = Direction::Reduce;
    t.measure = "common assault";
    t.change_kind = ChangeKind::By;
    t.change = amount(12, "12%", true);
    t.deadline = financial_year(2007, "2007/2008");
    t.baseline = amount(705, "705 offences", false, "offences");
    t.target_value = amount(620, "620 offences", false, "offences");
    t.from_table = true;
    t.timescale = "2007/2008";
    return t;
}

/// A from-to sentence with quotes and a decimal; baseline/target only as from/change.
Target from_to_target() {
    Target t;
    t.span = at(21, 4);
    t.text = "To reduce the proportion of people who feel \"very unsafe\" from 24% (2008) to 18.5%";
    t.verb = "reduce";
    t.direction = Direction::Reduce;
    t.measure = "the proportion of people who feel \"very unsafe\"";
    t.change_kind = ChangeKind::FromTo;
    t.from = amount(24, "24%", true);
    t.change = amount(18.5, "18.5%", true, {}, 1);
    t.baseline_year = calendar_year(2008);
    t.indicator = "NI 21";
    return t;
}

Partnership sample_partnership() {
    Partnership p;
    p.slug = "melton";
    p.index_path = "content/melton/_index.md";
    p.name = "Melton Area Safer Communities Partnership";
    p.short_name = "MASCP";
    planc::GlossaryEntry asb;
    asb.term = "ASB";
    asb.meaning = "Anti-social behaviour";
    asb.span = at(9, 3);
    p.glossary.push_back(asb);
    return p;
}

Document sample_document() {
    Document doc;
    doc.path = "content/melton/2009-10.md";
    doc.slug = "2009-10";
    doc.partnership = "melton";
    doc.title = "Community Safety Plan: Annual Refresh 2009/10";
    doc.year = financial_year(2009, "2009/10");
    planc::PlanPeriod period;
    period.first = financial_year(2008, "2008/09");
    period.last = financial_year(2010, "2010/11");
    period.text = "2008/09-2010/11";
    doc.period = period;
    doc.status = planc::PlanStatus::Published;
    doc.vision = "Working together – to tackle crime";
    doc.leaflet = {"introduction"};

    Section intro;
    intro.kind = SectionKind::Prose;
    intro.id = "introduction";
    intro.title = "Introduction";
    intro.heading = {text_node("Introduction")};
    intro.span = at(11, 1);
    Inline emphasis;
    emphasis.kind = InlineKind::Emphasis;
    emphasis.children = planc::InlineText{text_node("measuring outcomes")};
    intro.blocks = {paragraph({text_node("In 2008 the partnership developed a strategy.")}),
                    paragraph({text_node("We aim at "), emphasis, text_node(".")})};
    doc.sections.push_back(intro);

    Priority p;
    p.span = at(15, 1);
    p.id = "priority-1-tackling-anti-social-behaviour";
    p.label = "Priority";
    p.number = 1;
    p.title = "Tackling anti-social behaviour, \"ASB\"";
    p.aim = "To reduce the incidents of serious and persistent anti-social behaviour";
    p.leads = {{"Melton Borough Council", at(17, 7)}, {"Leicestershire Police", at(17, 31)}};
    p.targets = {complete_target(), gap_target(), table_target(), from_to_target()};
    doc.priorities.push_back(p);

    Section priority_section;
    priority_section.kind = SectionKind::Priority;
    priority_section.id = p.id;
    priority_section.title = "Priority 1: Tackling anti-social behaviour";
    priority_section.span = at(15, 1);
    priority_section.priority_index = 0;
    priority_section.blocks = {paragraph({text_node("not repeated here")})};
    doc.sections.push_back(priority_section);

    planc::PerformanceTable table;
    table.section_id = "introduction";
    table.span = at(30, 1);
    planc::PerformanceRow row;
    row.span = at(32, 1);
    row.indicator = {"NI 16", at(32, 3)};
    row.value = amount(1234, "1,234");
    row.milestone = placeholder("TBC");
    row.performance = amount(12.5, "12.5%", true, {}, 1);
    row.trend = {"UP", at(32, 40)};
    table.rows.push_back(row);
    doc.performance.push_back(table);

    doc.indicators = {{"NI 21", "Dealing with local concerns", at(40, 3)}};
    doc.source = "SOURCE TEXT MUST NOT APPEAR";
    return doc;
}

std::vector<std::string> keys_of(const Json& j) {
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    return keys;
}

Json load_schema() {
    std::ifstream in(std::string(PLANC_SOURCE_DIR) + "/docs/schema/plan.schema.json");
    REQUIRE(in.good());
    return Json::parse(in);
}

// ---------------------------------------------------------------------------------
// A small structural JSON Schema check: $ref (local), const, enum, type, oneOf, properties,
// required, additionalProperties: false, items, minimum. Enough to keep output and schema
// in step without a validator library.

bool has_type(const Json& value, const std::string& type) {
    if (type == "null") return value.is_null();
    if (type == "boolean") return value.is_boolean();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "string") return value.is_string();
    if (type == "array") return value.is_array();
    if (type == "object") return value.is_object();
    return false;
}

void validate(const Json& value, const Json& schema, const Json& root, const std::string& where,
              std::vector<std::string>& errors) {
    if (schema.contains("$ref")) {
        const std::string ref = schema["$ref"];
        const std::string prefix = "#/$defs/";
        REQUIRE(ref.rfind(prefix, 0) == 0);
        validate(value, root["$defs"][ref.substr(prefix.size())], root, where, errors);
    }
    if (schema.contains("const") && value != schema["const"])
        errors.push_back(where + ": not the const value");
    if (schema.contains("enum")) {
        bool found = false;
        for (const Json& option : schema["enum"]) found = found || option == value;
        if (!found) errors.push_back(where + ": " + value.dump() + " not in enum");
    }
    if (schema.contains("type")) {
        bool ok = false;
        if (schema["type"].is_string()) {
            ok = has_type(value, schema["type"]);
        } else {
            for (const Json& t : schema["type"]) ok = ok || has_type(value, t);
        }
        if (!ok) {
            errors.push_back(where + ": " + value.dump() + " is not of type " + schema["type"].dump());
            return;
        }
    }
    if (schema.contains("minimum") && value.is_number() &&
        value.get<double>() < schema["minimum"].get<double>()) {
        errors.push_back(where + ": below minimum");
    }
    if (schema.contains("oneOf")) {
        int matches = 0;
        for (const Json& option : schema["oneOf"]) {
            std::vector<std::string> sub;
            validate(value, option, root, where, sub);
            if (sub.empty()) ++matches;
        }
        if (matches != 1) errors.push_back(where + ": matches " + std::to_string(matches) + " of oneOf");
    }
    if (value.is_object() && schema.contains("properties")) {
        const Json& properties = schema["properties"];
        for (const Json& name : schema.value("required", Json::array())) {
            if (!value.contains(name.get<std::string>())) {
                errors.push_back(where + ": missing required " + name.get<std::string>());
            }
        }
        for (const auto& item : value.items()) {
            if (properties.contains(item.key())) {
                validate(item.value(), properties[item.key()], root, where + "." + item.key(), errors);
            } else if (schema.value("additionalProperties", true) == false) {
                errors.push_back(where + ": unexpected property " + item.key());
            }
        }
    }
    if (value.is_array() && schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            validate(value[i], schema["items"], root, where + "[" + std::to_string(i) + "]", errors);
        }
    }
}

std::vector<std::string> validate(const Json& value, const Json& schema, const Json& root) {
    std::vector<std::string> errors;
    validate(value, schema, root, "$", errors);
    return errors;
}

void collect_undescribed(const Json& schema, const std::string& where, std::vector<std::string>& out) {
    if (schema.is_object()) {
        if (schema.contains("properties")) {
            for (const auto& item : schema["properties"].items()) {
                if (!item.value().contains("description")) out.push_back(where + "." + item.key());
            }
        }
        for (const auto& item : schema.items())
            collect_undescribed(item.value(), where + "/" + item.key(), out);
    } else if (schema.is_array()) {
        for (const Json& item : schema) collect_undescribed(item, where, out);
    }
}

}  // namespace

// ---------------------------------------------------------------------------------

TEST_CASE("enum names are the lower-case words of the data format", "[data]") {
    CHECK(std::string(to_string(Direction::Reduce)) == "reduce");
    CHECK(std::string(to_string(Direction::Unknown)) == "unknown");
    CHECK(std::string(to_string(ChangeKind::FromTo)) == "from-to");
    CHECK(std::string(to_string(ChangeKind::By)) == "by");
    CHECK(std::string(to_string(TargetField::Amount)) == "amount");
    CHECK(std::string(to_string(TargetField::Whole)) == "whole");
    CHECK(std::string(to_string(SectionKind::Priority)) == "priority");
    CHECK(std::string(to_string(SectionKind::ActionPlan)) == "action-plan");
    CHECK(std::string(to_string(SectionKind::GetInvolved)) == "get-involved");
    CHECK(std::string(to_string(planc::DocumentKind::Plan)) == "plan");
    CHECK(std::string(to_string(planc::PlanStatus::Published)) == "published");
}

TEST_CASE("plain text drops markup and keeps the words", "[data]") {
    Inline link;
    link.kind = InlineKind::Link;
    link.url = "https://example.org";
    Inline strong;
    strong.kind = InlineKind::Strong;
    strong.children = planc::InlineText{text_node("site")};
    link.children = planc::InlineText{text_node("the "), strong};
    Inline br;
    br.kind = InlineKind::LineBreak;
    Inline image;
    image.kind = InlineKind::Image;
    image.url = "logo.png";
    image.text = "Logo";
    Inline code;
    code.kind = InlineKind::Code;
    code.text = "NI 21";
    CHECK(planc::plain_text({text_node("See "), link, text_node("."), br, image, text_node(" "), code}) ==
          "See the site.\nLogo NI 21");

    Block list;
    list.kind = BlockKind::List;
    list.items = std::vector<planc::ListItem>{{{paragraph({text_node("one")})}, {}}, {{paragraph({text_node("two")})}, {}}};
    Block rule;
    rule.kind = BlockKind::ThematicBreak;
    Block quote;
    quote.kind = BlockKind::Quote;
    quote.children = std::vector<Block>{paragraph({text_node("quoted")})};
    CHECK(planc::plain_text(std::vector<Block>{paragraph({text_node("First.")}), list, rule, quote}) ==
          "First.\n\none\ntwo\n\nquoted");
}

TEST_CASE("plan.json has the document metadata in a fixed order", "[data]") {
    const Json j = planc::document_to_json(sample_document(), sample_partnership());
    CHECK(keys_of(j) == std::vector<std::string>{"schema_version",
                                                 "path",
                                                 "partnership",
                                                 "partnership_name",
                                                 "slug",
                                                 "kind",
                                                 "title",
                                                 "year",
                                                 "period",
                                                 "status",
                                                 "approved",
                                                 "vision",
                                                 "leaflet",
                                                 "previous",
                                                 "sections",
                                                 "priorities",
                                                 "action_plan",
                                                 "approval",
                                                 "indicator_statuses",
                                                 "performance",
                                                 "surveys",
                                                 "achievements",
                                                 "indicators",
                                                 "suppressions"});
    CHECK(j["partnership"] == "melton");
    CHECK(j["kind"] == "plan");
    CHECK(j["status"] == "published");
    CHECK(j["approved"].is_null());
    CHECK(j["year"]["text"] == "2009/10");
    CHECK(j["year"]["fy_end"] == 2010);
    CHECK(keys_of(j["year"]) == std::vector<std::string>{"text", "iso", "fy_end"});
    CHECK(keys_of(j["period"]) == std::vector<std::string>{"text", "first", "last"});
    CHECK(j["period"]["last"]["fy_end"] == 2011);
    CHECK(j["indicators"][0] ==
          Json::parse(R"({"code":"NI 21","description":"Dealing with local concerns","line":40})"));
    CHECK(planc::dump_json(j).find("SOURCE TEXT") == std::string::npos);
}

TEST_CASE("plan.json targets: every field, gaps are null, integers stay integers", "[data]") {
    const Json j = planc::document_to_json(sample_document(), sample_partnership());
    const Json& priority = j["priorities"][0];
    CHECK(priority["number"] == 1);
    CHECK(priority["leads"] == Json::array({"Melton Borough Council", "Leicestershire Police"}));
    REQUIRE(priority["targets"].size() == 4);

    const Json& complete = priority["targets"][0];
    CHECK(keys_of(complete) == std::vector<std::string>{"text", "verb", "direction", "measure", "change_kind",
                                                        "change", "from", "deadline", "baseline_year",
                                                        "baseline", "target_value", "gaps", "complete",
                                                        "readable", "unread_reason", "from_table",
                                                        "timescale", "indicator", "source"});
    CHECK(complete["direction"] == "reduce");
    CHECK(complete["change_kind"] == "by");
    CHECK(complete["change"] ==
          Json::parse(R"({"text":"5%","value":5,"percent":true,"unit":"","decimals":0,"gap":false})"));
    CHECK(complete["from"].is_null());
    CHECK(complete["baseline"].is_null());
    CHECK(complete["complete"] == true);
    CHECK(complete["gaps"] == Json::array());
    CHECK(complete["source"] == Json::parse(R"({"line":12,"column":4})"));

    const Json& gap = priority["targets"][1];
    CHECK(gap["change"]["value"].is_null());
    CHECK(gap["change"]["gap"] == true);
    CHECK(gap["change"]["text"] == "TBC");
    CHECK(gap["gaps"] == Json::array({"amount"}));
    CHECK(gap["complete"] == false);

    const Json& table = priority["targets"][2];
    CHECK(table["from_table"] == true);
    CHECK(table["timescale"] == "2007/2008");
    CHECK(table["baseline"]["value"].is_number_integer());
    CHECK(table["baseline"]["value"] == 705);
    CHECK(table["target_value"]["unit"] == "offences");

    const Json& from_to = priority["targets"][3];
    CHECK(from_to["change_kind"] == "from-to");
    CHECK(from_to["change"]["value"].is_number_float());
    CHECK(from_to["baseline_year"]["iso"] == "2008");

    const std::string text = planc::dump_json(j);
    CHECK(text.find("\"value\": 705,") != std::string::npos);
    CHECK(text.find("\"value\": 18.5,") != std::string::npos);
    CHECK(text.find("705.0") == std::string::npos);
    CHECK(text.find("\"value\": 1234,") != std::string::npos);
}

TEST_CASE("plan.json sections: rich text is compact, priorities are references", "[data]") {
    const Json j = planc::document_to_json(sample_document(), sample_partnership());
    const Json& intro = j["sections"][0];
    CHECK(keys_of(intro) ==
          std::vector<std::string>{"id", "title", "kind", "level", "line", "blocks", "children"});
    CHECK(intro["blocks"][0] ==
          Json::parse(R"({"type":"paragraph","text":"In 2008 the partnership developed a strategy."})"));
    CHECK(
        intro["blocks"][1] ==
        Json::parse(
            R"({"type":"paragraph","content":["We aim at ",{"type":"emphasis","text":"measuring outcomes"},"."]})"));

    const Json& priority = j["sections"][1];
    CHECK(priority == Json::parse(R"({"id":"priority-1-tackling-anti-social-behaviour",
        "title":"Priority 1: Tackling anti-social behaviour","kind":"priority","level":2,"line":15,
        "priority":"priority-1-tackling-anti-social-behaviour"})"));
}

TEST_CASE("dump_json: two-space indent, UTF-8 as is, final newline, never throws", "[data]") {
    Json j;
    j["vision"] = "Working together – to tackle crime";
    j["n"] = 3;
    CHECK(planc::dump_json(j) == "{\n  \"vision\": \"Working together – to tackle crime\",\n  \"n\": 3\n}\n");

    Json bad;
    bad["text"] = std::string("caf\xE9");  // Latin-1, not UTF-8
    std::string out;
    REQUIRE_NOTHROW(out = planc::dump_json(bad));
    CHECK(out == "{\n  \"text\": \"caf\xEF\xBF\xBD\"\n}\n");
}

TEST_CASE("plan.json and partnership JSON follow docs/schema/plan.schema.json", "[data]") {
    const Json schema = load_schema();
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");

    const Json doc = planc::document_to_json(sample_document(), sample_partnership());
    const std::vector<std::string> doc_errors = validate(doc, schema, schema);
    CHECK(doc_errors == std::vector<std::string>{});

    // The schema lists the keys in the order the output writes them.
    CHECK(keys_of(schema["properties"]) == keys_of(doc));
    CHECK(keys_of(schema["$defs"]["target"]["properties"]) == keys_of(doc["priorities"][0]["targets"][0]));
    CHECK(keys_of(schema["$defs"]["priority"]["properties"]) == keys_of(doc["priorities"][0]));

    Partnership partnership = sample_partnership();
    partnership.documents.push_back(sample_document());
    const Json pj = planc::partnership_to_json(partnership);
    CHECK(validate(pj, schema["$defs"]["partnership"], schema) == std::vector<std::string>{});
    CHECK(pj["documents"][0]["slug"] == "2009-10");
    CHECK(!pj["documents"][0].contains("sections"));

    // A document with nothing in it is valid too.
    CHECK(validate(planc::document_to_json(Document{}, Partnership{}), schema, schema) ==
          std::vector<std::string>{});

    // The check itself notices a wrong type and a missing key.
    Json broken = doc;
    broken["priorities"][0]["number"] = 1.0;  // a float where the schema wants an integer
    broken["priorities"][0]["targets"][2]["baseline"]["decimals"] = "0";
    broken["priorities"][0]["targets"][0].erase("verb");
    CHECK(validate(broken, schema, schema).size() == 3);

    std::vector<std::string> undescribed;
    collect_undescribed(schema, "#", undescribed);
    CHECK(undescribed == std::vector<std::string>{});
}

TEST_CASE("targets.csv: required columns, exact values, RFC 4180 quoting", "[data]") {
    const std::string csv = planc::targets_csv(sample_document(), sample_partnership());
    const std::string prefix =
        "melton,2009-10,priority-1-tackling-anti-social-behaviour,\"Tackling anti-social behaviour, "
        "\"\"ASB\"\"\",";
    const std::string leads = "Melton Borough Council;Leicestershire Police";
    const std::string expected =
        "partnership,plan,priority,priority_title,text,direction,measure,unit,baseline,baseline_year,target,"
        "deadline,status,gaps,source_line,change,change_unit,indicator,lead\n" +
        prefix +
        "To reduce the levels of reported incidents of Anti-Social Behaviour by 5% by 2010/11 based on "
        "2009/10 baseline.,reduce,the levels of reported incidents of Anti-Social Behaviour,,,2009/10,,"
        "2010/11,complete,,12,5,%,," +
        leads + "\n" + prefix +
        "To increase the levels of offenders brought to justice by TBC by 2010/11 based on 2008/09 baseline.,"
        "increase,the levels of offenders brought to justice,,,2008/09,,2010/11,incomplete,amount,13,,,," +
        leads + "\n" + prefix +
        "To reduce common assault by 12%,reduce,common "
        "assault,offences,705,,620,2007/08,complete,,20,12,%,," +
        leads + "\n" + prefix +
        "\"To reduce the proportion of people who feel \"\"very unsafe\"\" from 24% (2008) to 18.5%\",reduce,"
        "\"the proportion of people who feel \"\"very unsafe\"\"\",%,24,2008,18.5,,complete,,21,,,NI 21," +
        leads + "\n";
    CHECK(csv == expected);
}

TEST_CASE("targets.csv: line breaks are quoted, values are kept exact, unknowns are empty", "[data]") {
    Document doc;
    doc.partnership = "nwl";
    doc.slug = "2011-14";
    Priority p;
    p.id = "theme-a";
    p.title = "A";
    Target t;
    t.text = "=SUM(A1)\nsecond line\r";
    t.readable = false;
    t.unread_reason = "no verb";
    t.baseline = amount(10, "10.00", false, {}, 2);
    t.target_value = placeholder("....");
    t.gaps = {TargetField::Amount, TargetField::Deadline};
    p.targets.push_back(t);
    doc.priorities.push_back(p);
    const std::string csv = planc::targets_csv(doc, Partnership{});
    const std::string row = csv.substr(csv.find('\n') + 1);
    CHECK(row ==
          "nwl,2011-14,theme-a,A,\"=SUM(A1)\nsecond line\r\",,,,10.00,,,,incomplete,amount;deadline,,,,,\n");
}

TEST_CASE("targets.csv-metadata.json describes the same columns (CSVW)", "[data]") {
    const Document doc = sample_document();
    const std::string text = planc::targets_csv_metadata(doc, sample_partnership());
    const Json meta = Json::parse(text);
    CHECK(text == meta.dump() + "\n");  // compact, as every JSON file of the site
    CHECK(meta["@context"][0] == "http://www.w3.org/ns/csvw");
    CHECK(meta["url"] == "targets.csv");
    CHECK(meta["dc:publisher"] == "Melton Area Safer Communities Partnership");

    const std::string csv = planc::targets_csv(doc, sample_partnership());
    std::string header = csv.substr(0, csv.find('\n'));
    std::vector<std::string> names;
    for (const Json& column : meta["tableSchema"]["columns"]) {
        names.push_back(column["name"]);
        CHECK(column.contains("datatype"));
        CHECK(!column["dc:description"].get<std::string>().empty());
    }
    std::string joined;
    for (const std::string& name : names) joined += (joined.empty() ? "" : ",") + name;
    CHECK(joined == header);
    CHECK(meta["tableSchema"]["columns"][8]["datatype"] == "decimal");
    CHECK(meta["tableSchema"]["columns"][13]["separator"] == ";");
}
