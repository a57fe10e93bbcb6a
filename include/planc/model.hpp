#pragma once
/// The plan model: plain data, filled by `parse`, read by `check` and `render`.
///
/// Nothing here knows about Markdown, HTML or output formats. Every element keeps the
/// span where its text starts in the source file, so any finding can point at it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "planc/dates.hpp"
#include "planc/rich_text.hpp"
#include "planc/span.hpp"

namespace planc {

// ---------------------------------------------------------------------------------
// Targets

/// Which way a target wants the number to move.
enum class Direction { Unknown, Reduce, Increase, Maintain, Achieve };

/// How the change is stated.
enum class ChangeKind {
    None,    ///< no amount at all ("To improve the methods of recording ...")
    By,      ///< "by 5%", "by 120 incidents"
    To,      ///< "to 4100", "to 18%"
    At,      ///< "maintain ... at 40%"
    FromTo,  ///< "from 24% (2008) to 18%"
};

/// A number as written, with its unit. `value` is empty when the text is a gap or
/// is not a number; a gap never becomes zero.
struct Quantity {
    std::optional<double> value;
    std::string unit;      ///< "offences", "per 1000 pop", "" (percent is not a unit)
    std::string text;      ///< as written
    Span span;
    // The small members last, where they pack (targets and table rows hold several).
    int decimals = 0;      ///< digits after the point as written ("10.00" -> 2)
    bool percent = false;
    bool gap = false;      ///< TBC, TBA, ...., …, XX, "to be confirmed"
};

/// Target fields that can be left as a placeholder.
enum class TargetField { Amount, Deadline, Baseline, Whole };

/// A target: one list item under a targets heading, or one row of a targets table.
struct Target {
    Span span;               ///< where the target's text starts (list item text / objective cell)
    std::string text;        ///< the whole sentence (or objective cell), plain text
    std::string verb;        ///< "reduce", "increase", "maintain", ... (lower case)
    Direction direction = Direction::Unknown;
    std::string measure;     ///< what is measured: "the levels of reported incidents of Anti-Social Behaviour"
    ChangeKind change_kind = ChangeKind::None;
    Quantity change;         ///< By/To/At amount, or the "to" amount of FromTo
    Quantity from;           ///< FromTo only
    std::optional<PlanDate> deadline;
    Span deadline_span;
    std::optional<PlanDate> baseline_year;  ///< "based on 2008/09 baseline", "(2008)"
    Span baseline_year_span;
    Quantity baseline;       ///< baseline value (tables, or from-amount)
    Quantity target_value;   ///< target value (tables, or to-amount)
    std::vector<TargetField> gaps;   ///< fields left as placeholders
    Span gap_span;           ///< span of the first placeholder text
    bool readable = true;    ///< false when the grammar could not read the sentence
    std::string unread_reason;
    bool from_table = false;
    std::string timescale;   ///< table "Timescale"/"By" cell as written
    std::string indicator;   ///< indicator code the target names, if any ("NI 20")

    [[nodiscard]] bool complete() const { return gaps.empty() && readable; }
};

// ---------------------------------------------------------------------------------
// Priorities

/// A simple list entry (aim, objective, action, member...).
struct Entry {
    std::string text;      ///< plain text, a leading typed "1." removed
    InlineText content;
    Span span;
};

struct Lead {
    std::string name;
    Span span;
};

/// An indicator reference: "NI 21 – Dealing with local concerns ..."
struct IndicatorRef {
    std::string code;         ///< normalised: "NI 21", "LAA 3.2", "BVPI 142"
    std::string description;  ///< text after the code and dash, may be empty
    Span span;                ///< where the code starts
};

/// What a section of a document is, by its heading.
enum class SectionKind {
    Prose,
    Priority,
    Glossary,
    Contacts,
    Members,
    ActionPlan,
    Approval,
    IndicatorStatus,
    Achievements,
    GetInvolved,
};

/// A section: a heading and what follows it up to the next heading of its level.
struct Section {
    SectionKind kind = SectionKind::Prose;
    int level = 2;
    int priority_index = -1;   ///< for kind == Priority: index into Document::priorities
    Span span;             ///< the heading
    std::string id;        ///< stable slug of the heading, unique in its document
    std::string title;     ///< heading text, plain
    InlineText heading;
    std::vector<Block> blocks;
    std::vector<Section> children;
    /// Inside a priority (the children of its section): which part the subsection is
    /// ("background", "aims", "objectives", "actions", "targets", "indicators", "lead"),
    /// or "" for other prose.
    std::string role;
};

struct Priority {
    Span span;             ///< the heading
    std::string id;        ///< "priority-1-tackling-anti-social-behaviour"
    std::string label;     ///< "Priority", "Theme", "Strategic theme"
    std::optional<int> number;
    Span number_span;
    std::string title;
    std::string aim;       ///< the block quote under the heading
    Span aim_span;
    std::vector<Lead> leads;
    std::vector<Entry> aims;
    std::vector<Entry> objectives;
    std::vector<Entry> actions;
    std::string actions_heading;   ///< "Actions 2011/12"
    std::vector<Target> targets;
    std::vector<IndicatorRef> indicators;
    // The priority's prose is not copied here: it stays in its section of
    // Document::sections, whose children (the subsections) carry their `role`. Read it
    // with priority_intro, priority_background and priority_other (below Document).
    int section_index = -1;        ///< index into Document::sections; -1 when there is none
    /// Indices into that section's blocks: the blocks between heading and first
    /// subsection that are not the aim or a lead line.
    std::vector<std::uint32_t> intro_blocks;
};

// ---------------------------------------------------------------------------------
// Tables with meaning

/// A table cell value with its position (for findings that point into a table).
struct Cell {
    std::string text;
    Span span;
    [[nodiscard]] bool empty() const { return text.empty(); }
};

struct ActionPlanRow {
    Span span;
    Cell recommendation;   ///< "Recommendation"/"Action"
    Cell activity;         ///< "Key activity"
    Cell owner;            ///< "Responsible officer"/"Owner"/"Lead"
    Cell milestones;
    Cell progress;
    Cell due;              ///< "Date of completion"/"Due"/"Date"
    std::optional<PlanDate> due_date;
};

struct ApprovalStep {
    Span span;
    Cell meeting;
    Cell when;             ///< "Date/time/venue"
    Cell actions;
    Cell lead;
    std::optional<PlanDate> date;
};

struct IndicatorStatus {
    Span span;
    Cell indicator;
    Cell description;
    Cell status;           ///< R, A, G, NA as written
};

/// One row of a performance table: value against milestone, compared with the
/// previous period.
struct PerformanceRow {
    Span span;
    Cell indicator;
    Quantity value;
    Quantity milestone;
    Quantity performance;  ///< percent
    Quantity difference;
    Quantity previous;
    Cell trend;            ///< "UP" / "DOWN"
};

struct SurveyRow {
    Span span;
    Cell answer;
    Quantity percent;
    Quantity count;
};

/// A table the parser recognised by its columns, with the section it is in.
struct PerformanceTable {
    std::string section_id;
    Span span;
    std::vector<PerformanceRow> rows;
};

struct SurveyTable {
    std::string section_id;
    Span span;
    std::vector<SurveyRow> rows;
};

// ---------------------------------------------------------------------------------
// Documents and partnerships

enum class DocumentKind { Plan, Report };
enum class PlanStatus { Unknown, Draft, Approved, Published };

/// `<!-- planc: allow W104 -->` before a block.
struct Suppression {
    std::string code;
    Span span;             ///< the comment
    Span applies_to;       ///< the block that follows it
};

/// A word that looks like an abbreviation, where it is used.
struct AbbreviationUse {
    std::string term;
    Span span;
};

/// Front matter field positions, for findings about them.
using FieldSpans = std::map<std::string, Span>;

struct Document {
    std::string path;          ///< relative to the project root: "content/melton/2009-10.md"
    std::string slug;          ///< "2009-10"
    std::string partnership;   ///< "melton"
    DocumentKind kind = DocumentKind::Plan;
    std::string title;
    std::optional<PlanDate> year;
    std::optional<PlanPeriod> period;
    PlanStatus status = PlanStatus::Unknown;
    std::optional<PlanDate> approved;
    std::string vision;
    std::vector<std::string> leaflet;
    std::string previous;
    FieldSpans fields;         ///< span of each front matter value, by key
    std::uint32_t body_line = 1;  ///< first line after the front matter

    std::vector<Section> sections;       ///< the whole body, in order (priorities included)
    std::vector<Priority> priorities;
    std::vector<ActionPlanRow> action_plan;
    std::vector<ApprovalStep> approval;
    std::vector<IndicatorStatus> indicator_statuses;
    std::vector<PerformanceTable> performance;
    std::vector<SurveyTable> surveys;
    std::vector<Entry> achievements;
    std::vector<IndicatorRef> indicators;       ///< every indicator code mentioned anywhere
    std::vector<AbbreviationUse> abbreviations; ///< every abbreviation-like word in the body
    std::vector<Suppression> suppressions;

    std::string source;        ///< the file as read (UTF-8), for excerpts in diagnostics

    /// True once keep_outline has dropped the body (see below): the document can no
    /// longer be checked or rendered, only listed.
    bool outline_only = false;
    /// An outline's `source` is empty: these say what the file held when it was parsed,
    /// so that excerpts read it again only while it is unchanged (read_source_again).
    std::size_t source_size = 0;
    std::size_t source_digest = 0;
};

/// Drops what only the document's own checks and pages read, once they are done, and
/// keeps its outline: front matter, section ids and titles (links from other documents
/// name them), priority ids, titles and indicators, indicator status rows and
/// suppressions. What the pages that list every document and the partnership-wide
/// checks read stays; a 1,000-plan build then never holds more than a few whole
/// documents at once. The source text goes too (it is as large as all the rest): the
/// few excerpts a terminal shows read the file again (read_source_again in load.hpp).
void keep_outline(Document& doc);
/// The digest keep_outline keeps of a document's text.
std::size_t source_digest(std::string_view text);

/// The section of `doc.sections` a priority was read from, or null (a priority made
/// without one).
const Section* priority_section(const Document& doc, const Priority& p);
/// The blocks between a priority's heading and its first subsection that are not its
/// aim or a lead line, in order.
std::vector<const Block*> priority_intro(const Document& doc, const Priority& p);
/// The blocks of a priority's background subsections (with those of their own
/// subsections), in order.
std::vector<const Block*> priority_background(const Document& doc, const Priority& p);
/// A priority's subsections not recognised as a part, in order.
std::vector<const Section*> priority_other(const Document& doc, const Priority& p);

struct GlossaryEntry {
    std::string term;
    std::string meaning;
    Span span;
};

struct Contact {
    std::string name;
    std::string role;
    std::string phone;
    std::string email;
    std::string address;
    std::string website;
    Span span;
};

struct Partnership {
    std::string slug;          ///< folder name: "melton"
    std::string index_path;    ///< "content/melton/_index.md"
    std::string name;
    std::string short_name;
    std::string area;
    std::string website;
    std::string email;
    std::string phone;
    std::string address;
    FieldSpans fields;
    std::vector<Entry> members;
    std::vector<Contact> contacts;
    std::vector<GlossaryEntry> glossary;
    std::vector<Section> sections;   ///< the _index.md body
    std::vector<Document> documents; ///< sorted by slug
    std::string source;              ///< _index.md as read
};

/// `planc.yml`.
struct SiteSettings {
    std::string title = "Community safety plans";
    std::string base_url = "/";
    std::string theme = "default";
    std::string language = "en-GB";
    bool strict = false;
    std::vector<std::string> common_abbreviations;  ///< extends the built-in list
    std::string accessibility_contact;
};

/// Everything the compiler knows about one project.
struct Project {
    std::string root;          ///< project folder (holds planc.yml and content/)
    SiteSettings settings;
    std::vector<Partnership> partnerships;  ///< sorted by slug
};

/// A document with its partnership.
struct DocumentRef {
    const Partnership* partnership = nullptr;
    const Document* document = nullptr;
};
/// Every document of the project in project order (each partnership, then its
/// documents): the order of the jobs that work on documents on every core.
std::vector<DocumentRef> documents_in_order(const Project& project);

// Names for enums, as used in JSON and CSV.
const char* to_string(Direction d);
const char* to_string(ChangeKind k);
const char* to_string(TargetField f);
const char* to_string(SectionKind k);
const char* to_string(DocumentKind k);
const char* to_string(PlanStatus s);

}  // namespace planc
