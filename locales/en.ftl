# Amicus: the fixed words of a report, in English.
#
# Each line is `message-id = text`. `{ $name }` is filled in by Amicus; `{ $x -> [a] … *[b] … }`
# chooses a wording (the starred one is the default). Keep every message id; change only the
# text. Amicus checks that every language has every message (see docs/languages.md).

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
# A period within one month: "1–5 July 2025" ($start-day is the first day, $day the last).
date-range-days = { $start-day }–{ $day } { month } { $year }
# A longer period: "23 June – 25 July 2025".
date-range = { $start } – { $end }
# Two dates of one year: "23 June – 25 July 2025"; $start and $end-short lack the year,
# $end has it, for languages that put the year first (Chinese: 2025年8月11日至9月5日).
date-range-within-year = { date-range }

## Numbers and lists.

# "144th" (session). English ordinal endings.
ordinal = { NUMBER($n, type: "ordinal") ->
    [one] { $n }st
    [two] { $n }nd
    [few] { $n }rd
   *[other] { $n }th
}
# A list: "2, 9 and 14" is "2" and "9" joined by list-comma, then list-pair with "14".
list-comma = {", "}
list-pair = { $first } and { $last }
# What comes after a label: ":" (French puts a no-break space before it).
colon = {":"}
# A source in a footnote: "Author, *Title*, Publisher, date. <url> (accessed …)".
citation-comma = {", "}
citation-end = {"."}
# A short citation after the first: "Kun.uz, 17 March 2025, above n 6."; "Ibid.".
note-above = { $citation }, above n{"\u00A0"}{ $n }.
note-ibid = Ibid.
# Amicus's own words in brackets: "(para. 34 (d))".
paren = {" "}({ $what })
accessed = accessed { $date }
# $plural is "yes" for more than one.
articles = { $plural ->
    [yes] Articles { $list }
   *[no] Article { $list }
}
# One article in a list of articles, or a paragraph of it: "4 (3)" for article 4, paragraph 3,
# as the UN's English documents cite it. $para is "none" for the whole article; $any-para
# is "yes" when some article of the list names a paragraph (`articles` and `articles-short`
# get it too).
article-item = { $para ->
    [none] { $article }
   *[other] { $article } ({ $para })
}{ $letter ->
    [none] {""}
   *[other] {" "}({ $letter })
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

## The follow-up brief (`amicus brief`).

# A month without a day: "March 2025".
date-month-year = { month } { $year }
# A count of recommendations (or of asks) in words, as the brief writes small numbers.
count = { $n ->
    [0] no
    [1] one
    [2] two
    [3] three
    [4] four
    [5] five
    [6] six
    [7] seven
    [8] eight
    [9] nine
    [10] ten
    [11] eleven
    [12] twelve
    [13] thirteen
    [14] fourteen
    [15] fifteen
    [16] sixteen
    [17] seventeen
    [18] eighteen
    [19] nineteen
    [20] twenty
   *[other] { $n }
}
brief-kind = Follow-up brief
# "Human Rights Committee (CCPR)"; the UPR has no code after it.
brief-committee = { $code ->
    [UPR] { committee-name }
   *[other] { committee-name } ({ $code })
}
brief-kicker = { brief-kind } · { brief-committee } · { $state }
brief-short-title = { brief-kind } · { $state } · { $symbol }
brief-dek = How the { committee-name }, in its concluding observations on { $state }, took up the recommendations of our { $joint ->
    [yes] joint submission
   *[no] submission
}
brief-description = How the { committee-name }, in its concluding observations on { $state } ({ $symbol }), took up the recommendations of { $authors }.
brief-submission = This brief follows up our { $joint ->
    [yes] joint submission
   *[no] submission
} “{ $title }” to the { brief-committee } for its { ordinal } session, dated { $date }.
# The concluding observations in one sentence: "CCPR/C/KAZ/CO/3, adopted by the Human Rights
# Committee on 11 July 2025 at its 144th session and dated 3 September 2025." $named is
# co-named or co-unnamed; each part is there when its $has-… is "yes".
co-named = { $title } ({ $symbol })
co-unnamed = The concluding observations { $symbol }
co-description = { $named }, adopted by the { committee-name }{ $has-adopted ->
    [yes] {" "}on { $adopted }
   *[no] {""}
}{ $has-session ->
    [yes] {" "}at its { ordinal } session
   *[no] {""}
}{ $has-published ->
    [yes] {" "}and dated { $published }
   *[no] {""}
}.

## The brief's headings and labels.

brief-key-results = Key results
brief-introduction = Introduction
brief-context = Context
brief-recommendations = Our recommendations and the concluding observations
brief-unaddressed = Unaddressed issues
brief-follow-up = What the Committee singled out
brief-asks = What we ask
brief-conclusion = Conclusion
brief-annex = Annex: recommendations and concluding observations
brief-summary-caption = Our recommendations by finding, and how far the concluding observations reflect them
brief-all-recommendations = All recommendations
brief-column-finding = Finding
brief-column-made = Made
brief-column-paragraphs = Paragraphs
brief-column-paragraphs-short = Paras.
brief-column-status = Status
brief-column-grade = Grade
# The headers of the table of counts, over numbers of recommendations.
brief-column-count = { $status ->
    [fully] Fully reflected
    [partially] Partially reflected
    [not-reflected] Not reflected
   *[pending] Not yet assessed
}
brief-our-recommendation = Our recommendation
brief-concluding-observations = Concluding observations
brief-assessment = Assessment
brief-quoted-above-under = Quoted above, under
brief-ods-link = The document in the UN Official Document System
brief-published = Published by { $byline }, { $date }. Made with { $generator }.

## How far the concluding observations reflect a recommendation.

# $status: fully, partially, not-reflected or pending.
brief-status = { $status ->
    [fully] Fully reflected
    [partially] Partially reflected
    [not-reflected] Not reflected
   *[pending] Not yet assessed
}
# The figures at the front: "9 recommendations made", "2 fully reflected"; $n is the figure.
brief-figure = { $status ->
    [made] recommendations made
    [fully] fully reflected
    [partially] partially reflected
    [not-reflected] not reflected
   *[pending] not yet assessed
}
# "one fully reflected", in a finding's tally; $count is $n in words.
brief-tally-part = { $count } { $status ->
    [fully] fully reflected
    [partially] partially reflected
    [not-reflected] not reflected
   *[pending] not yet assessed
}
# "Two recommendations: one fully reflected, one partially reflected".
brief-tally = { $count } { $n ->
    [one] recommendation
   *[other] recommendations
}: { $parts }

## The brief's sentences. $count is $n in words; $made-count is $made in words.

brief-summary-none = The submission made no recommendations.
brief-summary-unassessed = We made { $count } { $n ->
    [one] recommendation; it has not
   *[other] recommendations; none has
} been assessed against the concluding observations yet.
brief-summary = Of our { $made-count } { $made ->
    [one] recommendation
   *[other] recommendations
}, the concluding observations { $verbs }.
brief-reflect-fully = reflect { $count } fully
brief-reflect-partially = reflect { $count } partially
brief-reflect-both = reflect { $fully } fully and { $partially } partially
brief-reflect-not = do not reflect { $count }
brief-reflect-and-not = { $reflect }, and { $not }
brief-draft = DRAFT
brief-draft-note = Not for publication: { $what }.
brief-draft-not-assessed = { $count } { $n ->
    [one] recommendation is
   *[other] recommendations are
} not yet assessed
brief-draft-unreviewed = { $count } { $n ->
    [one] entry is a machine suggestion
   *[other] entries are machine suggestions
} that nobody has reviewed
brief-draft-no-follow-up = the recommendations selected for the follow-up procedure are not known
brief-summary-pending = { $count } { $n ->
    [one] has
   *[other] have
} not been assessed yet.
brief-left-out = Not taken up in the concluding observations, and set out under “{ brief-unaddressed }”: { $n ->
    [one] recommendation
   *[other] recommendations
}
brief-no-quote = { $status ->
    [not-reflected] The concluding observations do not take up this recommendation.
    [pending] Not yet assessed against the concluding observations.
   *[other] No paragraph of the concluding observations is cited.
}
brief-selected = Selected for the follow-up procedure ({ $paragraphs }).
brief-selected-urgent = Among the recommendations on which the Committee calls for urgent measures ({ $paragraphs }).
brief-selected-by = Selected for the follow-up procedure ({ $paragraphs }); the State party is to report on it by { $date }.
brief-importance-note = Among the recommendations the Committee singled out as of particular importance ({ $paragraphs }).
# The previous review: a recommendation the Committee had made already (a paragraph cited
# says it repeats or recalls it), and the earlier recommendations the findings followed up.
brief-earlier = Already recommended in { $citation }: the State did not act on it.
brief-previous = The previous review
brief-previous-intro = Our shadow report followed up these recommendations of the Committee’s previous review. For each, whether the new concluding observations ({ $symbol }) repeat or recall it, as their own citations show:
brief-previous-implemented = { $implemented ->
    [yes] implemented, in our view
    [partly] partly implemented, in our view
   *[no] not implemented, in our view
 }
brief-previous-repeated = Repeated or recalled: { $paragraphs }.
brief-previous-dropped = No paragraph of the new observations cites it.
# Our suggested questions and the list of issues (loi-assessment.yaml).
brief-questions = Our suggested questions and the list of issues
brief-questions-intro = { $symbol ->
    [none] Before the review, our findings suggested questions for the Committee’s list of issues. For each, the questions of the list that ask it, and how fully:
   *[other] Before the review, our findings suggested questions for the Committee’s list of issues ({ $symbol }). For each, the questions of the list that ask it, and how fully:
}
brief-questions-fully = Asked: { $paragraphs }.
brief-questions-partly = Asked in part: { $paragraphs }.
brief-questions-not-asked = Not asked.
brief-questions-pending = Not yet decided.
brief-draft-questions = { $count } { $n ->
    [one] suggested question is
   *[other] suggested questions are
} not yet matched with the list of issues
# What a quote is: "Recommendation, item (d) of para. 34", "Excerpt of a concern, para. 17".
# $kind: recommendation, concern, positive-aspect or none; $items: none (a whole paragraph),
# one or many; $letters: "(d)", "(c)–(d)".
brief-quote-kind = { $excerpt ->
    [yes] { $kind ->
        [recommendation] Excerpt of a recommendation,
        [concern] Excerpt of a concern,
        [positive-aspect] Excerpt of a positive aspect,
       *[none] Excerpt,
    }
   *[no] { $kind ->
        [recommendation] Recommendation,
        [concern] Concern,
        [positive-aspect] Positive aspect,
       *[none] {""}
    }
} { $items ->
    [one] item { $letters } of para. { $paragraph }
    [many] items { $letters } of para. { $paragraph }
   *[none] para. { $paragraph }
}
brief-quote-missing = The text of { $paragraphs } is not in the concluding observations used for this brief.
# "Quoted above: (c) under R4 and (d) under R5."
brief-quoted-above = Quoted above: { $list }.
brief-quoted-under = ({ $letter }) under { $label }
brief-grade-scale = Implementation ({ committee-name } follow-up grade)
# The CCPR's follow-up grades, in its own wording (its follow-up reports).
grade-ccpr = { $grade ->
    [A] Reply/action largely satisfactory
    [B] Reply/action partially satisfactory
    [C] Reply/action not satisfactory
    [D] No cooperation with the Committee
   *[E] Information or measures taken are contrary to or reflect rejection of the recommendation
}
grade-ced = { $grade ->
    [A] Satisfactory
    [B] Partially satisfactory
    [C] Not satisfactory
   *[D] No reply
}
brief-unaddressed-some = The concluding observations do not take up { $count } of our { $made-count } { $made ->
    [one] recommendation
   *[other] recommendations
}:
brief-unaddressed-pending = None of the recommendations assessed so far was left out of the concluding observations; { $count } { $n ->
    [one] has
   *[other] have
} not been assessed yet.
brief-unaddressed-none = The concluding observations take up, at least in part, every recommendation we made.
brief-follow-up-unknown = The concluding observations used for this brief do not include the follow-up paragraph, so this brief cannot say which recommendations the Committee selected for its follow-up procedure, or by when { $state } must report on them.
# $paragraph: the number of the follow-up paragraph, or 0 when it is not known.
brief-follow-up-opening = { $paragraph ->
    [0] In its concluding observations, the Committee
   *[other] In paragraph { $paragraph } of its concluding observations, the Committee
}
brief-follow-up-none = { brief-follow-up-opening } did not select any recommendation for its follow-up procedure.
brief-follow-up-urgent = { brief-follow-up-opening } drew { $state }’s attention to the recommendations in { $paragraphs }, on which urgent measures are needed.
brief-follow-up-asked = { brief-follow-up-opening } asked { $state } to provide information on the implementation of the recommendations in { $paragraphs }.
brief-follow-up-asked-by = { brief-follow-up-opening } asked { $state } to provide, by { $date }, information on the implementation of the recommendations in { $paragraphs }.
brief-none-of-ours = None of our recommendations
brief-importance = { $paragraph ->
    [0] The Committee
   *[other] In paragraph { $paragraph }, the Committee
} drew { $state }’s attention to the particular importance of the recommendations in { $paragraphs }, and asked for detailed information on them in the next periodic report.
brief-touched-none = None of our recommendations is reflected in the paragraphs { $urgent ->
    [yes] on urgent measures
   *[no] selected for follow-up
}.
brief-touched = { $count } of our recommendations { $n ->
    [one] is
   *[other] are
} reflected in the paragraphs { $urgent ->
    [yes] on urgent measures
   *[no] selected for follow-up
}: { $list }.
brief-next-report = The Committee expects { $state }’s next periodic report { $when ->
    [year] in { $date }
   *[day] by { $date }
}.
brief-annex-follow-up = follow-up: { $paragraphs }
brief-annex-urgent = urgent measures: { $paragraphs }
brief-annex-importance = particular importance: { $paragraphs }
brief-annex-caption = Our recommendations, the paragraphs of { $symbol } that reflect them, and how far (the body of this brief gives the text of both)
# The headlines of the key results.
brief-headline = { $kind ->
    [fully] Taken up in full
    [partially] Taken up in part
    [not-reflected] Left out
    [follow-up] Selected for follow-up
    [urgent] Urgent measures
    [importance] Of particular importance
    [pending] Not yet assessed
   *[asks] Our asks
}
brief-headline-due = { $paragraphs }, report due by { $date }
brief-headline-none-ours = { $what }; none of them reflects our recommendations.
brief-headline-ours = { $what }. Ours among them:
brief-headline-asks = { $count } to { $state }, { $committee-count } to the { committee-name }.
brief-by-follow-up-date = By { $date }, the follow-up deadline
brief-by-follow-up = By the follow-up deadline
brief-by = By { $date }
brief-asks-intro = We ask:
brief-asks-intro-deadline = The Committee asked { $state } to report on the paragraphs selected for follow-up by { $date }. To that end, and beyond it, we ask:
brief-asks-of-state = Of { $state }
brief-asks-of-committee = Of the { committee-name }

## Figures, tables, annexes, abbreviations and logos (cross-references, images and annexes).

figure = Figure
table = Table
# How a numbered caption begins: "Table 1: Counts". $word is "Table" or "Figure" above, $number the number.
caption = { $word }{"\u00A0"}{ $number }: { $caption }
list-of-figures = List of figures
list-of-tables = List of tables
annex = Annex
# The heading `amicus new` gives the section on how the information was gathered.
methodology = Methodology
abbreviations = Abbreviations
# The description of an organisation's logo on the cover, read by screen readers.
logo-alt = Logo of { $name }

## The word count `check` and `build` print (the rest of the terminal stays in English).
# One number of a list of articles or paragraphs ("9" in "Articles 2, 9 and 14"; Chinese
# writes 第 before each: 第2、第9和第14条).
numbered-item = { $item }
# A finding's articles and the treaty they are of: "Articles 2 and 9 of the Covenant".
finding-articles = { $articles } { treaty-of }

## $counted, $limit, $printed and $n are counts; $code is the committee's code.

words-limit = words: { $counted } of { $limit } ({ $code } limit)
words-limit-own = words: { $counted } of { $limit } (limit set in submission.yaml)
words-no-limit = words: { $counted } (no limit set)
words-no-committee = words: { $counted } (no limit: the committee is not recognised)
words-whole = the whole document as printed
words-of-printed = of { $printed } printed
words-body = body { $n }
words-footnotes = footnotes { $n }
words-footnotes-not-counted = footnotes { $n } (not counted, as submission.yaml says)
words-repeated = recommendations repeated { $n }
words-sources = list of sources { $n }
words-cover = cover, contents and headings { $n }
words-cover-not-counted = cover, contents and headings not counted (the template does not render)
words-annexes = annexes { $n } (not counted against the limit)
# "words: 4,780 of 10,000 (CCPR limit), the whole document as printed: body 3,274 · …";
# $words is the first part, $what the second, $parts the parts joined by " · ".
words-line = { $words }, { $what }{ colon } { $parts }
words-unread = ; not counting { $files }, which could not be read
# The pages of a PDF written ("12 pages").
pages = { $n ->
    [one] { $n } page
   *[other] { $n } pages
}
