# Amicus: the fixed words of a report, in English.
#
# Each line is `message-id = text`. `{ $name }` is filled in by Amicus; `{ $x -> [a] … *[b] … }`
# chooses a wording (the starred one is the default). Keep every message id; change only the
# text. Amicus checks that every language has every message (see README, "Languages").

## Committees and treaties, in the UN's wording.

committee-name = { $code ->
    [CCPR] Human Rights Committee
    [CAT] Committee against Torture
    [CERD] Committee on the Elimination of Racial Discrimination
    [CEDAW] Committee on the Elimination of Discrimination against Women
    [CRC] Committee on the Rights of the Child
    [CMW] Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families
    [CESCR] Committee on Economic, Social and Cultural Rights
    [CRPD] Committee on the Rights of Persons with Disabilities
    [CED] Committee on Enforced Disappearances
   *[UPR] Universal Periodic Review
}
# "to the Committee …", after "Submission".
committee-to = to the { committee-name }
treaty-name = { $code ->
    [CCPR] International Covenant on Civil and Political Rights
    [CAT] Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment
    [CERD] International Convention on the Elimination of All Forms of Racial Discrimination
    [CEDAW] Convention on the Elimination of All Forms of Discrimination against Women
    [CRC] Convention on the Rights of the Child
    [CMW] International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families
    [CESCR] International Covenant on Economic, Social and Cultural Rights
    [CRPD] Convention on the Rights of Persons with Disabilities
    [CED] International Convention for the Protection of All Persons from Enforced Disappearance
   *[UPR] Charter of the United Nations and Universal Declaration of Human Rights
}
# "Articles 2 and 26 of the Covenant …": the words after the article list.
treaty-of = of the { treaty-name }

## Dates. $day and $year are numbers; $month is the month's number, 1 to 12.

month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# "26 May 2025"
date = { $day } { month } { $year }
# The first day of a range within one year: "23 June" (– 25 July 2025).
date-without-year = { $day } { month }

## Numbers and lists.

# "144th" (session). English ordinal endings.
ordinal = { NUMBER($n, type: "ordinal") ->
    [one] { $n }st
    [two] { $n }nd
    [few] { $n }rd
   *[other] { $n }th
}
# The word before the last item of a list: "2, 9 and 14".
list-and = and
# $plural is "yes" for more than one.
articles = { $plural ->
    [yes] Articles { $list }
   *[no] Article { $list }
}
articles-short = { $plural ->
    [yes] arts. { $list }
   *[no] art. { $list }
}
paragraphs-short = { $plural ->
    [yes] paras. { $list }
   *[no] para. { $list }
}

## The cover.

cover-kicker = { $joint ->
    [yes] Joint submission { committee-to }
   *[no] Submission { committee-to }
}
cover-session = { ordinal } session
# The running header: "Kazakhstan · CCPR 144th session".
short-title = { $state } · { $code } { cover-session }
stage-loi = For the List of Issues on { $state }
stage-loipr = For the List of Issues Prior to Reporting on { $state }
stage-review = For the review of { $state }
stage-follow-up = Follow-up information on { $state }
statement-public = This submission is public. The { $upr ->
    [yes] Office of the High Commissioner
   *[no] Committee
} may publish it on its web page and share it with the State party.
statement-confidential = CONFIDENTIAL. This submission is for the members of the Committee only. It must not be published or shared with the State party.
submitted-by = Submitted by
confidential-mark = CONFIDENTIAL
# The page footer: "3 of 12".
page-of = { $page } of { $total }

## Headings and labels of the report.

contents = Contents
about-organisations = { $plural ->
    [yes] About the submitting organisations
   *[no] About the submitting organisation
}
executive-summary = Executive summary
main-recommendations = Main recommendations
follows-up = Follows up { $citation }
in-our-view = in our view: { $status ->
    [yes] implemented
    [partly] partly implemented
   *[no] not implemented
}
suggested-questions = Suggested questions to the State party
recommendations = Recommendations
recommendations-intro = { $upr ->
    [yes] We suggest that reviewing States recommend that { $state }:
   *[no] We recommend that the Committee urge the State party to:
}
consolidated-recommendations = Consolidated list of recommendations
column-number = No.
column-recommendation = Recommendation
column-finding = Finding
sources = Sources
