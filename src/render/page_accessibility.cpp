// The accessibility statement (Public Sector Bodies Accessibility Regulations 2018,
// after the GOV.UK sample statement), linked from every page's footer.

#include <tuple>

#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

void append_list(html::Stream& out, const std::vector<std::string>& items) {
    out.open("ul", {{"class", "list list--bullet"}});
    for (const std::string& s : items) out.element_text("li", s);
    out.close();
}

/// Who to contact: the site's accessibility contact, or each partnership's details.
void append_contact_routes(html::Stream& out, const Project& project) {
    const std::string& contact = project.settings.accessibility_contact;
    if (!contact.empty()) {
        out.open("p");
        out.text("Contact: ");
        if (contact.find('@') != std::string::npos && contact.find(' ') == std::string::npos)
            out.element_text("a", contact, {{"href", "mailto:" + contact}});
        else
            out.text(contact);
        out.close();
        return;
    }
    out.element_text("p", "Contact the partnership that published the plan:");
    out.open("ul", {{"class", "list list--bullet"}});
    for (const Partnership& pt : project.partnerships) {
        out.open("li");
        out.text(partnership_name(pt));
        std::string email = pt.email, phone = pt.phone;
        for (const Contact& c : pt.contacts) {
            if (email.empty() && !c.email.empty()) email = c.email;
            if (phone.empty() && !c.phone.empty()) phone = c.phone;
        }
        if (!email.empty()) {
            out.text(": email ");
            out.element_text("a", email, {{"href", "mailto:" + email}});
        }
        if (!phone.empty()) out.text((email.empty() ? ": phone " : ", phone ") + phone);
        if (email.empty() && phone.empty()) out.text(": contact your local council");
        out.close();
    }
    out.close();
}

}  // namespace

std::string content_date_words(const Project& project) {
    std::optional<PlanDate> newest;
    auto key = [](const PlanDate& d) { return std::make_tuple(d.year, d.month, d.day); };
    auto consider = [&](const PlanDate& d) {
        if (!newest || key(d) > key(*newest)) newest = d;
    };
    for (const Partnership& p : project.partnerships) {
        for (const Document& d : p.documents) {
            if (d.approved) consider(*d.approved);
            if (d.year) {
                // A financial year's content is current until the year ends in March.
                PlanDate end;
                end.precision = DatePrecision::Month;
                end.year = d.year->fy_end();
                end.month = 3;
                consider(end);
            }
        }
    }
    return newest ? newest->readable() : std::string();
}

void write_accessibility_page(SiteContext& site, OutputSink& out) {
    const Project& project = site.project;
    Page page;
    page.path = paths::kAccessibility;
    page.title = "Accessibility statement";
    page.crumbs = {{"Home", paths::kHome}};
    page.description = "How accessible this website is, how to report a problem and how to ask for another format.";
    html::Stream& c = page.content();
    std::string names;
    for (std::size_t i = 0; i < project.partnerships.size(); ++i) {
        if (i > 0) names += i + 1 == project.partnerships.size() ? " and " : ", ";
        names += partnership_name(project.partnerships[i]);
    }
    if (names.empty()) names = "the community safety partnerships";
    c.element_text("p", "This accessibility statement applies to the " + project.settings.title +
                                   " website, which publishes the plans of " + names + ".");
    c.element_text("p", "We want as many people as possible to be able to use this website. For example, "
                               "that means you should be able to:");
    append_list(c, {"change colours, contrast levels and fonts using browser or device settings",
                    "zoom in up to 400% without the text spilling off the screen",
                    "move around the website using just a keyboard",
                    "move around the website using speech recognition software",
                    "listen to the website using a screen reader",
                    "read every chart as text: each one has a description and a table with the same numbers"});
    c.element_text("p", "We have also made the website text as simple as possible to understand.");
    c.open("p");
    c.element_text("a", "AbilityNet has advice on making your device easier to use",
                   {{"href", "https://mcmw.abilitynet.org.uk/"}});
    c.text(" if you have a disability.");
    c.close();

    append_heading(c, 2, "How accessible this website is", "how-accessible");
    c.element_text("p", "We know some parts of this website are not fully accessible:");
    append_list(c, {"the plans were first written as word-processed documents, and a few of their tables were "
                    "used to lay out text rather than to show data",
                    "some older plans use abbreviations that their glossary does not explain",
                    "the PDF copies of the summary leaflets are made automatically and may not work well with "
                    "every screen reader; each leaflet is also a web page with the same content"});

    append_heading(c, 2, "Feedback and contact information", "feedback");
    c.element_text("p", "If you need information on this website in a different format, like accessible "
                               "PDF, large print, easy read, audio recording or braille, or a printed copy of a "
                               "summary leaflet:");
    append_contact_routes(c, project);
    c.element_text("p", "We will consider your request and get back to you in 10 working days.");

    append_heading(c, 2, "Reporting accessibility problems with this website", "reporting");
    c.element_text("p", "We are always looking to improve the accessibility of this website. If you find "
                               "any problems not listed on this page or think we are not meeting accessibility "
                               "requirements, use the contact details above.");

    append_heading(c, 2, "Enforcement procedure", "enforcement");
    c.element_text("p", "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
                               "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                               "Regulations 2018 (the \u2018accessibility regulations\u2019).");
    c.open("p");
    c.text("If you are not happy with how we respond to your complaint, ");
    c.element_text("a", "contact the Equality Advisory and Support Service (EASS)",
                   {{"href", "https://www.equalityadvisoryservice.com/"}});
    c.text(".");
    c.close();

    append_heading(c, 2, "Technical information about this website\u2019s accessibility", "technical");
    c.element_text("p", "The partnerships are committed to making this website accessible, in accordance "
                               "with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                               "Accessibility Regulations 2018.");
    append_heading(c, 3, "Compliance status", "compliance");
    c.element_text("p", "This website is partially compliant with the Web Content Accessibility Guidelines "
                               "version 2.2 AA standard, due to the non-compliances listed below.");
    append_heading(c, 3, "Non-accessible content", "non-accessible");
    c.element_text("p", "The content listed below is non-accessible for the following reasons.");
    append_list(c, {"Some tables copied from the original plans were used for layout, so their structure is not "
                    "announced correctly by screen readers. This fails WCAG 2.2 success criterion 1.3.1 (Info and "
                    "Relationships). We are rewriting these as lists when each plan is next updated.",
                    "The PDF copies of the leaflets may not meet WCAG 2.2 success criterion 1.3.1 (Info and "
                    "Relationships). Use the web page version of each leaflet, which has the same content."});

    append_heading(c, 2, "How we tested this website", "testing");
    c.element_text("p", "Every page is checked each time the website is built: every link is checked, the "
                               "HTML is checked against the standard, and each kind of page is tested in a "
                               "browser with automated accessibility checks against WCAG 2.2 A and AA. Pages are "
                               "also checked by hand at small screen sizes and with the keyboard.");

    append_heading(c, 2, "Preparation of this accessibility statement", "preparation");
    std::string when = content_date_words(project);
    c.element_text("p", when.empty()
                                   ? "This statement was prepared with the current plans. It is reviewed each time "
                                     "the plans are updated."
                                   : "This statement was prepared in " + when +
                                         ", the date of the newest plan or report on this website. It is reviewed "
                                         "each time the plans are updated.");
    write_page(site, page, out);
}

}  // namespace planc
