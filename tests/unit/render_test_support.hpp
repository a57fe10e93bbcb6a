#pragma once
// Small projects for the [render] tests: documents parsed from text with the parser,
// rendered with the repository's default theme into memory.

#include <map>
#include <string>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"
#include "planc/parse.hpp"
#include "render/pages.hpp"
#include "render/site.hpp"

namespace planc::render_test {

inline const char* kIndex = R"(---
name: "Testshire Community Safety Partnership"
short: TCSP
area: "Testshire"
email: safety@testshire.example
phone: "01234 567890"
---

## Members

- Testshire Police
- Testshire Council

## Glossary

| Term | Meaning |
|---|---|
| ASB | Anti-social behaviour |
| PPO | Prolific and Priority Offender |
)";

inline const char* kPlan = R"(---
kind: plan
title: "Community Safety Plan 2009/10"
year: 2009/10
period: 2008/09-2010/11
status: approved
approved: 2009-03-25
vision: "A safer Testshire for everyone"
leaflet: [achievements]
---

## Introduction

ASB is our main concern. We deal with ASB every day.

## Achievements

- Opened a youth club; ASB fell.

## Priority 1: Tackling anti-social behaviour

> To reduce ASB

Lead: Testshire Council

### Background

ASB matters to residents. PPO work continues.

### Targets

1. To reduce the levels of reported ASB by 5% by 2010/11 based on 2008/09 baseline.
2. To increase the levels of offenders brought to justice by TBC by 2010/11 based on 2008/09 baseline.
3. To reduce criminal damage by 3% by 2010/11 based on 2008/09 baseline.
4. To reduce burglary by 4% by 2010/11 based on 2008/09 baseline.
5. To reduce vehicle crime by 6% by 2010/11 based on 2008/09 baseline.

## Priority 2: Safer roads

> Fewer people hurt on the roads

### Targets

| Objective | Baseline | Timescale | Target |
|---|---|---|---|
| To reduce road injuries by 10% | 200 injuries | 2010/2011 | 180 injuries |
)";

/// A project with one partnership ("testshire") holding the given documents, using the
/// repository's themes/default.
inline Project make_project(const std::map<std::string, std::string>& documents, const char* index = kIndex) {
    Diagnostics diags;
    Project project;
    project.root = PLANC_SOURCE_DIR;
    project.settings.base_url = "https://plans.example.gov.uk/";
    Partnership p = parse_partnership_index("content/testshire/_index.md", index, diags);
    p.slug = "testshire";
    p.index_path = "content/testshire/_index.md";
    for (const auto& [slug, text] : documents)
        p.documents.push_back(parse_document("content/testshire/" + slug + ".md", text, diags));
    project.partnerships.push_back(std::move(p));
    return project;
}

/// Renders the whole site (open data, pages, link check) into memory, without PDFs.
inline std::map<std::string, std::string> render(const Project& project, Diagnostics& diags, bool pdf = false) {
    MemoryOutput out;
    RenderOptions options;
    options.pdf = pdf;
    render_site(project, out, diags, options);
    return out.files;
}

/// How many times `needle` occurs in `haystack`.
inline std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

/// The text between the first `from` and the next `to` after it.
inline std::string between(const std::string& s, const std::string& from, const std::string& to) {
    std::size_t a = s.find(from);
    if (a == std::string::npos) return {};
    std::size_t b = s.find(to, a + from.size());
    return s.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

/// Every part of the site rendered into `out`, in site order (each partnership, then its
/// documents; no PDFs), as render_site renders them before the pages that list them.
inline std::vector<SitePart> render_parts_in_order(SiteContext& site, OutputSink& out) {
    std::vector<SitePart> parts;
    for (const Partnership& p : site.project.partnerships) {
        parts.push_back(render_partnership_part(site, p, out));
        for (const Document& d : p.documents) parts.push_back(render_document_part(site, p, d, false, out));
    }
    return parts;
}

/// The parts as render_index_pages takes them.
inline std::vector<const SitePart*> pointers_to(const std::vector<SitePart>& parts) {
    std::vector<const SitePart*> out;
    for (const SitePart& part : parts) out.push_back(&part);
    return out;
}

}  // namespace planc::render_test
