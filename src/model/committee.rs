//! The UN bodies Amicus writes for, and the facts about each that the code needs.
//!
//! Only facts with a known source live here (see `shared/domain.md`); numbers that circulate
//! without a current official source (most page and word limits) are left to the submission.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A UN treaty body, or the Universal Periodic Review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub enum Committee {
    /// Human Rights Committee (International Covenant on Civil and Political Rights).
    #[serde(rename = "CCPR")]
    Ccpr,
    /// Committee against Torture.
    #[serde(rename = "CAT")]
    Cat,
    /// Committee on the Elimination of Racial Discrimination.
    #[serde(rename = "CERD")]
    Cerd,
    /// Committee on the Elimination of Discrimination against Women.
    #[serde(rename = "CEDAW")]
    Cedaw,
    /// Committee on the Rights of the Child.
    #[serde(rename = "CRC")]
    Crc,
    /// Committee on Migrant Workers.
    #[serde(rename = "CMW")]
    Cmw,
    /// Committee on Economic, Social and Cultural Rights.
    #[serde(rename = "CESCR")]
    Cescr,
    /// Committee on the Rights of Persons with Disabilities.
    #[serde(rename = "CRPD")]
    Crpd,
    /// Committee on Enforced Disappearances.
    #[serde(rename = "CED")]
    Ced,
    /// Universal Periodic Review of the Human Rights Council.
    #[serde(rename = "UPR")]
    Upr,
}

/// One grade of a committee's follow-up (implementation) scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grade {
    /// The letter or word advocates write in `assessment.yaml`.
    pub code: &'static str,
    /// The committee's own wording.
    pub label: &'static str,
}

impl Committee {
    /// Every body, in the order the UN lists them.
    pub const ALL: [Committee; 10] = [
        Committee::Ccpr,
        Committee::Cescr,
        Committee::Cerd,
        Committee::Cedaw,
        Committee::Cat,
        Committee::Crc,
        Committee::Cmw,
        Committee::Crpd,
        Committee::Ced,
        Committee::Upr,
    ];

    /// The code used in UN document symbols and in `submission.yaml` (`CCPR`, `CAT`, …).
    pub fn code(self) -> &'static str {
        match self {
            Committee::Ccpr => "CCPR",
            Committee::Cat => "CAT",
            Committee::Cerd => "CERD",
            Committee::Cedaw => "CEDAW",
            Committee::Crc => "CRC",
            Committee::Cmw => "CMW",
            Committee::Cescr => "CESCR",
            Committee::Crpd => "CRPD",
            Committee::Ced => "CED",
            Committee::Upr => "UPR",
        }
    }

    /// Parses a code case-insensitively (`ccpr` → CCPR).
    pub fn from_code(code: &str) -> Option<Committee> {
        Committee::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The body's full name, as on a cover page.
    pub fn name(self) -> &'static str {
        match self {
            Committee::Ccpr => "Human Rights Committee",
            Committee::Cat => "Committee against Torture",
            Committee::Cerd => "Committee on the Elimination of Racial Discrimination",
            Committee::Cedaw => "Committee on the Elimination of Discrimination against Women",
            Committee::Crc => "Committee on the Rights of the Child",
            Committee::Cmw => {
                "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"
            }
            Committee::Cescr => "Committee on Economic, Social and Cultural Rights",
            Committee::Crpd => "Committee on the Rights of Persons with Disabilities",
            Committee::Ced => "Committee on Enforced Disappearances",
            Committee::Upr => "Universal Periodic Review",
        }
    }

    /// The treaty the body monitors.
    pub fn treaty(self) -> &'static str {
        match self {
            Committee::Ccpr => "International Covenant on Civil and Political Rights",
            Committee::Cat => {
                "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"
            }
            Committee::Cerd => "International Convention on the Elimination of All Forms of Racial Discrimination",
            Committee::Cedaw => "Convention on the Elimination of All Forms of Discrimination against Women",
            Committee::Crc => "Convention on the Rights of the Child",
            Committee::Cmw => {
                "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"
            }
            Committee::Cescr => "International Covenant on Economic, Social and Cultural Rights",
            Committee::Crpd => "Convention on the Rights of Persons with Disabilities",
            Committee::Ced => "International Convention for the Protection of All Persons from Enforced Disappearance",
            Committee::Upr => "Charter of the United Nations and Universal Declaration of Human Rights",
        }
    }

    /// The range of articles NGOs organise their findings by, or `None` where the body works by
    /// theme (UPR).
    pub fn articles(self) -> Option<(u16, u16)> {
        match self {
            Committee::Ccpr => Some((1, 27)),
            Committee::Cat => Some((1, 16)),
            Committee::Cerd => Some((1, 7)),
            Committee::Cedaw => Some((1, 16)),
            Committee::Crc => Some((1, 54)),
            Committee::Cmw => Some((1, 93)),
            Committee::Cescr => Some((1, 15)),
            Committee::Crpd => Some((1, 33)),
            Committee::Ced => Some((1, 25)),
            Committee::Upr => None,
        }
    }

    /// The word limit for NGO submissions where an official source states one.
    ///
    /// Only the CCPR's 10,000 words is confirmed; other limits are set per submission.
    pub fn word_limit(self) -> Option<u32> {
        match self {
            Committee::Ccpr => Some(10_000),
            _ => None,
        }
    }

    /// A word limit that circulates for this body but whose current official source could not
    /// be confirmed, as (one organisation, joint submission). It is never enforced as the
    /// body's own limit: `amicus new` writes it into `words: {limit: …}`, with its source,
    /// where the advocate sees it and can change it.
    ///
    /// UPR: 2,815 words for one stakeholder and 5,630 for a joint submission, footnotes not
    /// counted, as in OHCHR's "Universal Periodic Review (Third Cycle): Information and
    /// guidelines for relevant stakeholders' written submissions" (a copy:
    /// <https://docsbay.net/doc/1180997/universal-periodic-review-third-cycle-information-and-guidelines-for-relevant-stakeholders>).
    /// What could be read of OHCHR's own pages is older: the technical guide "as of 1 July
    /// 2008" (<http://www.ohchr.org/EN/HRBodies/UPR/Pages/TechnicalGuide.aspx>) limits a
    /// stakeholder's submission to five pages and a large coalition's to ten, and asks for
    /// numbered paragraphs and pages. OHCHR published new guidelines for the fourth cycle in
    /// January 2022 (announced at
    /// <https://upr-info.org/en/news/new-guidelines-and-deadlines-other-stakeholders-reports-4th-upr-cycle>);
    /// their text could not be checked here, hence "circulating", not "official".
    pub fn circulating_word_limit(self) -> Option<(u32, u32)> {
        match self {
            Committee::Upr => Some((2_815, 5_630)),
            _ => None,
        }
    }

    /// Which parts of a submission count towards the word limit, as far as the body's
    /// guidelines say.
    pub fn word_rule(self) -> WordRule {
        match self {
            Committee::Ccpr => WordRule {
                footnotes: true,
                basis: "the CCPR limits written submissions to 10,000 words and excludes no part",
            },
            _ => WordRule { footnotes: true, basis: "no published rule; Amicus counts the whole printed document" },
        }
    }

    /// The body's scale for grading the State's follow-up, where one is official.
    pub fn grades(self) -> &'static [Grade] {
        const CCPR: &[Grade] = &[
            Grade { code: "A", label: "Reply/action largely satisfactory" },
            Grade { code: "B", label: "Reply/action partially satisfactory" },
            Grade { code: "C", label: "Reply/action not satisfactory" },
            Grade { code: "D", label: "No cooperation with the Committee" },
            Grade {
                code: "E",
                label: "Information or measures taken are contrary to or reflect rejection of the recommendation",
            },
        ];
        const CED: &[Grade] = &[
            Grade { code: "A", label: "Satisfactory" },
            Grade { code: "B", label: "Partially satisfactory" },
            Grade { code: "C", label: "Not satisfactory" },
            Grade { code: "D", label: "No reply" },
        ];
        match self {
            Committee::Ccpr => CCPR,
            Committee::Ced => CED,
            _ => &[],
        }
    }
}

impl fmt::Display for Committee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_case_insensitively() {
        for c in Committee::ALL {
            assert_eq!(Committee::from_code(&c.code().to_lowercase()), Some(c));
        }
        assert_eq!(Committee::from_code("CCRP"), None);
    }
}

/// Which parts of a submission a committee counts towards its word limit.
///
/// The CCPR's formal requirements for written submissions ("limited to a maximum of 10,000
/// words (approx. 15 pages)", OHCHR, CCPR page for civil society) exclude no part, and no other
/// body publishes a rule: so every part of the printed document counts, footnotes included,
/// unless the submission says otherwise (`words: {count_footnotes: false}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRule {
    /// Whether footnotes count.
    pub footnotes: bool,
    /// Where the rule comes from, in a few words.
    pub basis: &'static str,
}
