// Names for the model's enums, as they appear in JSON, CSV and messages.
//
// These strings are part of the open-data format (docs/schema/plan.schema.json lists them
// as enums): change one and the schema and every golden file must change with it.

#include "planc/model.hpp"

namespace planc {

const char* to_string(Direction d) {
    switch (d) {
        case Direction::Unknown:
            return "unknown";
        case Direction::Reduce:
            return "reduce";
        case Direction::Increase:
            return "increase";
        case Direction::Maintain:
            return "maintain";
        case Direction::Achieve:
            return "achieve";
    }
    return "unknown";
}

const char* to_string(ChangeKind k) {
    switch (k) {
        case ChangeKind::None:
            return "none";
        case ChangeKind::By:
            return "by";
        case ChangeKind::To:
            return "to";
        case ChangeKind::At:
            return "at";
        case ChangeKind::FromTo:
            return "from-to";
    }
    return "none";
}

const char* to_string(TargetField f) {
    switch (f) {
        case TargetField::Amount:
            return "amount";
        case TargetField::Deadline:
            return "deadline";
        case TargetField::Baseline:
            return "baseline";
        case TargetField::Whole:
            return "whole";
    }
    return "whole";
}

const char* to_string(SectionKind k) {
    switch (k) {
        case SectionKind::Prose:
            return "prose";
        case SectionKind::Priority:
            return "priority";
        case SectionKind::Glossary:
            return "glossary";
        case SectionKind::Contacts:
            return "contacts";
        case SectionKind::Members:
            return "members";
        case SectionKind::ActionPlan:
            return "action-plan";
        case SectionKind::Approval:
            return "approval";
        case SectionKind::IndicatorStatus:
            return "indicator-status";
        case SectionKind::Achievements:
            return "achievements";
        case SectionKind::GetInvolved:
            return "get-involved";
    }
    return "prose";
}

const char* to_string(DocumentKind k) {
    switch (k) {
        case DocumentKind::Plan:
            return "plan";
        case DocumentKind::Report:
            return "report";
    }
    return "plan";
}

const char* to_string(PlanStatus s) {
    switch (s) {
        case PlanStatus::Unknown:
            return "unknown";
        case PlanStatus::Draft:
            return "draft";
        case PlanStatus::Approved:
            return "approved";
        case PlanStatus::Published:
            return "published";
    }
    return "unknown";
}

}  // namespace planc
