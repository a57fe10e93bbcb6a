// The long texts of `planc explain CODE`, one per code of the table, written for the
// officer who edits a plan and the reviewer who approves it. Each says what the code
// finds, why it matters, shows a failing example in the plan format, and the fix.
// They are Markdown, so SARIF viewers can show them as help too.

#include "planc/diagnostics.hpp"

namespace planc {

namespace {

constexpr std::string_view kE001 = R"EXPLAIN(# E001 front-matter

The front matter (the YAML between the `---` lines at the top of a document) is missing,
cannot be read as YAML, or a field in it is missing or of the wrong kind: a `year` that is
not a financial year, a `status` other than `draft`, `approved` or `published`, an
`approved` date that is not an ISO date.

## Why it matters

The front matter says what the document is: which partnership it belongs to, which year it
is for, which period it covers and whether it has been approved. Without it the compiler
cannot place the plan on the site, cannot tell whether a target's deadline falls inside the
plan's period, and cannot show readers whether they are reading a draft.

## Example

```markdown
---
title: "Community Safety Plan: Annual Refresh 2009/10"
year: next year
status: finished
---
```

`next year` is not a financial year and `finished` is not a status.

## How to fix it

Write each field in the form the plan format gives:

```markdown
---
kind: plan
title: "Community Safety Plan: Annual Refresh 2009/10"
year: 2009/10
period: 2008/09-2010/11
status: approved
approved: 2009-03-25
---
```
)EXPLAIN";

constexpr std::string_view kE002 = R"EXPLAIN(# E002 unreadable

A file under `content/` could not be read, or is not UTF-8 text. This most often happens
when a plan is saved from a word processor in an older encoding such as Windows-1252, where
a pound sign or a dash is stored as a single byte that is not valid UTF-8.

## Why it matters

The compiler will not guess what a byte was meant to be: a guessed `£` or `–` could change
a figure or a sentence in a published plan. Nothing in an unreadable file is checked or
published, so every finding in it is hidden until it is fixed.

## Example

A plan containing the sentence

```markdown
During 2008 £43,702 was received through the Local Area Agreement.
```

saved as Windows-1252 stores `£` as the single byte `A3`, and the compiler reports
E002 at that place.

## How to fix it

Open the file in an editor and save it again as UTF-8 (in most editors: "Save with
encoding", then "UTF-8"). Check the pound signs, dashes and quotation marks afterwards. If
the file is not meant to be text at all (an image with the wrong extension, say), rename
or remove it.
)EXPLAIN";

constexpr std::string_view kE003 = R"EXPLAIN(# E003 duplicate-id

Two documents, or two sections of one document, would get the same web address or the
same id. Section ids come from headings (`## Key achievements` becomes `key-achievements`),
and document addresses from folder and file names (`content/melton/2009-10.md` becomes
`/melton/2009-10/`). The note points at the first one.

## Why it matters

Only one of the two could be published at that address, so the other would silently
disappear from the site, and links and the leaflet's `leaflet:` list would point at the
wrong one.

## Example

```markdown
## Key achievements

- 107 advice and warning letters issued.

## Priority 2: Tackling Domestic Abuse

## Key achievements

- Sanctuary scheme finalised.
```

Both `Key achievements` headings become `key-achievements`.

## How to fix it

Give each section a heading of its own, for example `## Key achievements 2008/09` and
`## Domestic abuse achievements`, or merge the two sections into one. For two documents,
rename one of the files.
)EXPLAIN";

constexpr std::string_view kE004 = R"EXPLAIN(# E004 broken-link

A link or image points to a page, a section or a file that does not exist in the
project.

## Why it matters

A reader who follows the link gets a "page not found", and a missing image leaves a gap
where a chart or map should be. In a plan that is put to a board for approval, a broken
reference often means a part of the evidence was never added.

## Example

```markdown
See the [2008/09 refresh](2008-09.md) and the [burglary priority](#priority-3-burglary).

![Crime trend 2005-2009](crime-trend.png)
```

when `content/melton/2008-09.md` does not exist, no heading gives the id
`priority-3-burglary`, or `crime-trend.png` is not in the partnership's folder.

## How to fix it

Correct the path or the section id (ids are the heading in lower case with spaces turned
into hyphens, such as `priority-3-reducing-serious-acquisitive-crime`), add the missing
file next to the document, or remove the link.
)EXPLAIN";

constexpr std::string_view kE005 = R"EXPLAIN(# E005 unsafe-path

A link, image or include uses a path that leaves the `content/` folder, such as
`../../themes/logo.png` or an absolute path like `/home/officer/Documents/map.png`.

## Why it matters

Only the content folder is published. A path outside it works on the computer where the
plan was written and breaks everywhere else, and it could copy a file that was never meant
to be public into the site.

## Example

```markdown
![Priority neighbourhoods](../../../Documents/maps/priority-areas.png)
```

## How to fix it

Copy the file into the partnership's folder (for example
`content/melton/priority-areas.png`) and link to it from there:

```markdown
![Priority neighbourhoods](priority-areas.png)
```
)EXPLAIN";

constexpr std::string_view kW101 = R"EXPLAIN(# W101 target-gap

A target has a placeholder instead of a value: `TBC`, `TBA`, `to be confirmed`, `XX`, or a
row of dots (`....`) for its amount, its deadline or its baseline. The span points at the
placeholder.

## Why it matters

A target with a gap cannot be measured, so nobody can later say whether it was met.
Placeholders are usually left while figures are agreed with partners; a reviewer needs to
see every one before the plan is approved, because once published the gap is a commitment
to nothing.

## Example

```markdown
### Targets
1. To reduce the levels of repeat incidents of domestic abuse by 5% by 2010/11 based on
   2008/09 baseline.
2. To increase the levels of offenders brought to justice by TBC by 2010/11 based on
   2008/09 baseline.
```

## How to fix it

Put the agreed figure in place of the placeholder:

```markdown
2. To increase the levels of offenders brought to justice by 10% by 2010/11 based on
   2008/09 baseline.
```

If the figure really cannot be agreed before approval, say so in the plan's text and
record the decision with `<!-- planc: allow W101 -->` on the line before the list.
)EXPLAIN";

constexpr std::string_view kW102 = R"EXPLAIN(# W102 target-unmeasurable

A target has no number to measure it by: no percentage, no count, no rate. It says what
the partnership hopes for but not how much.

## Why it matters

Performance is reported against targets each year. Without a number there is nothing to
report against, and the target can be neither met nor missed. Reviewers are asked whether
targets are SMART; this one is not measurable.

## Example

```markdown
### Targets
1. To improve partnership working with local businesses by 2010/11.
```

## How to fix it

Say what will be counted, and by how much it should change:

```markdown
1. To increase the number of businesses in the Business Watch scheme from 40 (2008/09)
   to 60 by 2010/11.
```

An aim without a number belongs under `### Key aims`, not under `### Targets`.
)EXPLAIN";

constexpr std::string_view kW103 = R"EXPLAIN(# W103 target-no-deadline

A target has no year or date by which it should be met.

## Why it matters

Without a deadline a target can never be judged as missed, and the partnership cannot
plan the year's work towards it. Targets in a three-year plan may fall due in different
years, so the reader cannot assume the end of the plan.

## Example

```markdown
### Targets
1. To reduce criminal damage by 5% based on 2008/09 baseline.
```

## How to fix it

Add the year, as a financial year or a date:

```markdown
1. To reduce criminal damage by 5% by 2010/11 based on 2008/09 baseline.
```
)EXPLAIN";

constexpr std::string_view kW104 = R"EXPLAIN(# W104 target-no-baseline

A target has no baseline: neither the year it is measured from nor the starting value.

## Why it matters

"Reduce by 7%" means nothing until the reader knows 7% of what. A baseline fixes the
starting point, so that progress reported next year is measured against the same figure
the partnership agreed, not against whichever year looks best.

## Example

```markdown
### Targets
1. To reduce serious acquisitive crime by 7% by 2010/11.
```

## How to fix it

Name the baseline year, or give the starting value:

```markdown
1. To reduce serious acquisitive crime by 7% by 2010/11 based on 2008/09 baseline.
```

If the baseline is deliberately being set during the year (for a new measure), say so in
the text and mark it with `<!-- planc: allow W104 -->` on the line before the list.
)EXPLAIN";

constexpr std::string_view kW105 = R"EXPLAIN(# W105 target-arithmetic

A target gives a baseline, a change and a target value that do not agree: the baseline
changed by the stated amount does not give the stated target, rounded to the nearest whole
unit or to the precision the document uses.

## Why it matters

One of the three figures is wrong, and the reader cannot tell which. The partnership may
be held to a target that is tighter or looser than the one it agreed.

## Example

```markdown
| Objective                        | Baseline     | Timescale | Target       |
|----------------------------------|--------------|-----------|--------------|
| To reduce common assault by 12%  | 705 offences | 2007/2008 | 650 offences |
```

705 offences reduced by 12% is 620 offences, not 650.

## How to fix it

Check the figures against the source and correct the one that is wrong:

```markdown
| To reduce common assault by 12%  | 705 offences | 2007/2008 | 620 offences |
```
)EXPLAIN";

constexpr std::string_view kW106 = R"EXPLAIN(# W106 target-direction

A target says "reduce" but its target value is above the baseline, or says "increase" but
its target value is below it.

## Why it matters

The words and the numbers contradict each other, so the target will be reported as met
by one reading and missed by the other. This usually comes from figures copied from
another row or last year's plan.

## Example

```markdown
### Targets
1. To reduce repeat incidents of domestic abuse from 24% (2008) to 28% by 2010/11.
```

## How to fix it

Correct the figure or the verb so they agree:

```markdown
1. To reduce repeat incidents of domestic abuse from 24% (2008) to 18% by 2010/11.
```
)EXPLAIN";

constexpr std::string_view kW107 = R"EXPLAIN(# W107 target-period

A target's deadline comes before its baseline, or falls outside the period the plan covers
(the `period` field of the front matter).

## Why it matters

A deadline before the baseline cannot be measured at all. A deadline outside the plan's
period will not be reported on by this plan, so nobody is accountable for it; often it is
a year left over from an earlier refresh.

## Example

With `period: 2008/09-2010/11` in the front matter:

```markdown
### Targets
1. To reduce the levels of reported anti-social behaviour by 5% by 2012/13 based on
   2009/10 baseline.
```

## How to fix it

Bring the deadline inside the plan's period, or correct the baseline year:

```markdown
1. To reduce the levels of reported anti-social behaviour by 5% by 2010/11 based on
   2009/10 baseline.
```
)EXPLAIN";

constexpr std::string_view kW108 = R"EXPLAIN(# W108 target-duplicate

The same target appears twice in one plan, usually under two priorities. The note points
at the first place it is stated.

## Why it matters

Progress would be counted twice, and when one copy is changed in next year's refresh the
other is easily forgotten, so the plan ends up with two different versions of one target.

## Example

```markdown
## Priority 1: Tackling Anti-Social Behaviour
### Targets
1. To reduce criminal damage by 5% by 2010/11 based on 2008/09 baseline.

## Priority 4: Reducing Serious Acquisitive Crime
### Targets
1. To reduce criminal damage by 5% by 2010/11 based on 2008/09 baseline.
```

## How to fix it

Keep the target under the priority that owns it and, if it helps the reader, mention it in
the other priority's prose instead of repeating it as a target.
)EXPLAIN";

constexpr std::string_view kW109 = R"EXPLAIN(# W109 priority-no-targets

A priority has no measurable target: no targets subsection, or none of its targets has a
number to measure it by.

## Why it matters

A priority without a target cannot be monitored, and its funding cannot be judged against
results. Reviewers look for at least one measurable target for every priority the
partnership commits to.

## Example

```markdown
## Priority 6: Focusing on Priority Neighbourhoods

Lead agency: Melton Borough Council

### Key aims
1. To improve the quality of life of residents in priority neighbourhoods.
```

## How to fix it

Add a targets subsection with at least one measurable target:

```markdown
### Targets
1. To reduce anti-social behaviour in the priority neighbourhoods by 10% by 2010/11
   based on 2008/09 baseline.
```
)EXPLAIN";

constexpr std::string_view kW110 = R"EXPLAIN(# W110 priority-no-lead

A priority names no lead: there is no `Lead:`, `Lead agency:` or `Lead officer:`
paragraph and no `### Lead agency` subsection.

## Why it matters

Every priority needs someone accountable for delivering it. Without a named lead the
priority belongs to everyone and so to no one, and the public cannot see whom to ask
about it.

## Example

```markdown
## Priority 5: Reducing Re-offending

> To reduce re-offending by prolific and priority offenders

### Background
...
```

## How to fix it

Add a lead paragraph under the heading, separating several leads with `;`:

```markdown
Lead agency: Leicestershire Constabulary; Probation Service
```
)EXPLAIN";

constexpr std::string_view kW111 = R"EXPLAIN(# W111 priority-numbering

The numbers of the priorities skip (1, 2, 4), repeat (2, 2) or run out of order (1, 3, 2).

## Why it matters

Priorities are referred to by number in board papers, action plans and performance
reports. A gap usually means a priority was deleted or lost while the plan was edited; a
repeat means two priorities would be confused in every later reference.

## Example

```markdown
## Priority 1: Tackling Anti-Social Behaviour
## Priority 2: Tackling Domestic Abuse
## Priority 4: Reducing Serious Acquisitive Crime
```

## How to fix it

Check that no priority is missing, then number them in order:

```markdown
## Priority 3: Reducing Serious Acquisitive Crime
```
)EXPLAIN";

constexpr std::string_view kW112 = R"EXPLAIN(# W112 abbreviation-undefined

A plan uses an abbreviation (a word of 2 to 8 capital letters, such as `MASCP` or `ICSB`)
that the partnership's glossary does not define. Common words such as `UK`, `CCTV` and
`TV` are already known, and the site settings can add more.

## Why it matters

Plans are written for residents as well as for partners. An abbreviation the reader cannot
look up makes the plan hard to follow; defined ones are shown with their meaning on the
site.

## Example

In `content/melton/2009-10.md`:

```markdown
The MASCP provided 8.5k to implement a programme of activity during 2008/09.
```

with no `MASCP` row in the glossary of `content/melton/_index.md`.

## How to fix it

Add the abbreviation to the glossary in the partnership's `_index.md`:

```markdown
## Glossary

| Term  | Meaning                                       |
|-------|-----------------------------------------------|
| MASCP | Melton Area Safer Communities Partnership     |
```

or write the words out in full in the plan.
)EXPLAIN";

constexpr std::string_view kW113 = R"EXPLAIN(# W113 indicator-inconsistent

One indicator code (such as `NI 21` or `LAA 3.1`) is described in two different ways within
one partnership's documents. The note points at the other description.

## Why it matters

An indicator code stands for one nationally or locally defined measure. Two descriptions
mean one of them is wrong, often a code mistyped from a neighbouring indicator, and the
priority may be reporting against a measure it never meant.

## Example

```markdown
### Indicators
- NI 21 – Dealing with local concerns about anti-social behaviour and crime
```

and elsewhere:

```markdown
- NI 21 – Perceptions of drunk or rowdy behaviour as a problem
```

## How to fix it

Check the code against the indicator set and correct the wrong one (here perceptions of
drunk or rowdy behaviour is `NI 41`):

```markdown
- NI 41 – Perceptions of drunk or rowdy behaviour as a problem
```
)EXPLAIN";

constexpr std::string_view kW114 = R"EXPLAIN(# W114 action-gap

A row of an action plan table has a placeholder (`TBC`, `TBA`, `XX`, `....`, `To follow`)
for its owner, milestone, progress or date.

## Why it matters

An action without an owner or a date is not yet an action. The reviewer needs to know
who will do it and by when before the plan is approved, and the partnership needs it to
track delivery during the year.

## Example

```markdown
## Action plan 2009/10

| Action                                        | Owner | Milestones        | Due        |
|-----------------------------------------------|-------|-------------------|------------|
| Install business watch CCTV in Snow Hill      | TBC   | Cameras installed | March 2010 |
```

## How to fix it

Fill in the cell with what was agreed:

```markdown
| Install business watch CCTV in Snow Hill      | Melton Borough Council | Cameras installed | March 2010 |
```
)EXPLAIN";

constexpr std::string_view kW115 = R"EXPLAIN(# W115 table-arithmetic

The columns of a performance or survey table disagree. In a performance table the
difference must equal value minus milestone, the percentage must equal the difference
divided by the milestone, and UP or DOWN must match the previous value. In a survey table
each percentage must agree with its count.

## Why it matters

Performance tables are where the partnership reports what it achieved. A figure that does
not add up undermines the whole table, and a reviewer cannot tell whether the value, the
milestone or the difference is the one that is wrong.

## Example

```markdown
| Indicator                 | Previous | Value | Milestone | Difference | %    |
|---------------------------|----------|-------|-----------|------------|------|
| Serious acquisitive crime | 450      | 420   | 400       | 15         | 3.8% |
```

420 minus 400 is 20, not 15, and 20 of 400 is 5%.

## How to fix it

Recalculate from the source figures and correct the cells:

```markdown
| Serious acquisitive crime | 450      | 420   | 400       | 20         | 5%   |
```
)EXPLAIN";

constexpr std::string_view kW116 = R"EXPLAIN(# W116 status-invalid

A status in an indicator status table is not one of `R`, `A`, `G` or `NA` (red, amber,
green, not applicable).

## Why it matters

Statuses are shown as coloured markers and counted in the summary of the partnership's
performance. A status written another way (`Green`, `On track`, `?`) cannot be counted, so
the summary would be wrong.

## Example

```markdown
## Indicator status

| Indicator                                   | Status   |
|---------------------------------------------|----------|
| NI 16 – Serious acquisitive crime rate      | On track |
| NI 21 – Dealing with local concerns         | Amber    |
```

## How to fix it

Use the one-letter statuses:

```markdown
| NI 16 – Serious acquisitive crime rate      | G        |
| NI 21 – Dealing with local concerns         | A        |
```
)EXPLAIN";

constexpr std::string_view kW117 = R"EXPLAIN(# W117 placeholder-text

Placeholder prose is left in the document: "To follow", "TBC", "XX", "Insert ... here" and
the like, standing where the text should be.

## Why it matters

Placeholders are how drafts are written, but a published plan with "To follow" under a
heading tells residents that part of the plan was never written. The reviewer needs every
one found before approval.

## Example

```markdown
### Background

To follow.

Insert map of hotspot areas here.
```

## How to fix it

Write the missing text, add the image, or remove the heading if the section is not
needed:

```markdown
### Background

Over 400 incidents of domestic abuse are reported in the Borough each year.
```
)EXPLAIN";

constexpr std::string_view kW118 = R"EXPLAIN(# W118 date-period

A dated action or milestone falls outside the period the plan covers (the `period` field
of the front matter).

## Why it matters

An action due after the plan ends will not be reported on by this plan, and one dated
before it began is probably copied from an earlier plan without being updated. Either way
the action plan does not describe this plan's work.

## Example

With `period: 2008/09-2010/11` in the front matter:

```markdown
| Action                         | Owner                  | Due        |
|--------------------------------|------------------------|------------|
| Launch the Sanctuary Scheme    | Melton Borough Council | March 2012 |
```

## How to fix it

Correct the date, or if the action really continues beyond the plan, say so in the text
and give the milestone that falls within the period:

```markdown
| Launch the Sanctuary Scheme    | Melton Borough Council | March 2011 |
```
)EXPLAIN";

constexpr std::string_view kW119 = R"EXPLAIN(# W119 target-unread

A target sentence could not be read by the target grammar, so its amount, deadline and
baseline are unknown. The span covers the whole sentence.

## Why it matters

The compiler checks targets for gaps, arithmetic, direction and period. A target it
cannot read escapes all of those checks, and its figures cannot be shown in charts or the
data export. Sentences the grammar cannot read are often unclear to people too.

## Example

```markdown
### Targets
1. Reduction in ASB – 5% fewer incidents next year (see LAA).
```

## How to fix it

Write the target in the usual form: a verb, what is measured, the change, the deadline
and the baseline.

```markdown
1. To reduce the levels of reported anti-social behaviour by 5% by 2010/11 based on
   2009/10 baseline.
```

The forms the grammar reads are `by 5%`, `to 4100`, `at 40%` and `from 24% (2008) to 18%`
for the change, `by 2010/11` or `by March 2011` for the deadline, and `based on 2009/10
baseline` for the baseline.
)EXPLAIN";

constexpr std::string_view kW120 = R"EXPLAIN(# W120 unsafe-html

Raw HTML in a plan (often pasted from Word or a web page) held something that is not
safe to publish, and planc removed it: a `<script>`, `<style>`, `<iframe>`, `<object>`,
`<embed>` or form element, an event attribute such as `onclick` or `onerror`, or a link
or image whose address runs script or carries data (`javascript:`, `vbscript:`,
`data:`). The same goes for a Markdown link or image with such an address: the address
is dropped and the text kept. The span points at the element, attribute or link.

## Why it matters

Plans come from many hands. Anything that runs in a resident's browser could track
them, change what the page says, or send them elsewhere, under the council's name.
The site only publishes text, lists, tables, emphasis, superscript and subscript, line
breaks, paragraphs and links to web pages, e-mail addresses or files of the plan.

## Example

```markdown
<p onclick="track()">Report anti-social behaviour <a href="javascript:open()">here</a></p>
<script src="https://stats.example.com/t.js"></script>

Read [the summary](javascript:alert(1)).
```

## How to fix it

Keep the words and write links as ordinary addresses; leave scripts, styles and embedded
frames out of the plan (the site's theme provides everything a page needs):

```markdown
Report anti-social behaviour [on the council's website](https://www.melton.gov.uk/asb).
```
)EXPLAIN";

}  // namespace

std::string_view explanation(DiagCode id) {
    // No default: a code added to the table without an explanation is a compiler warning.
    switch (id) {
        case DiagCode::E001:
            return kE001;
        case DiagCode::E002:
            return kE002;
        case DiagCode::E003:
            return kE003;
        case DiagCode::E004:
            return kE004;
        case DiagCode::E005:
            return kE005;
        case DiagCode::W101:
            return kW101;
        case DiagCode::W102:
            return kW102;
        case DiagCode::W103:
            return kW103;
        case DiagCode::W104:
            return kW104;
        case DiagCode::W105:
            return kW105;
        case DiagCode::W106:
            return kW106;
        case DiagCode::W107:
            return kW107;
        case DiagCode::W108:
            return kW108;
        case DiagCode::W109:
            return kW109;
        case DiagCode::W110:
            return kW110;
        case DiagCode::W111:
            return kW111;
        case DiagCode::W112:
            return kW112;
        case DiagCode::W113:
            return kW113;
        case DiagCode::W114:
            return kW114;
        case DiagCode::W115:
            return kW115;
        case DiagCode::W116:
            return kW116;
        case DiagCode::W117:
            return kW117;
        case DiagCode::W118:
            return kW118;
        case DiagCode::W119:
            return kW119;
        case DiagCode::W120:
            return kW120;
    }
    return info(id).summary;
}

}  // namespace planc
