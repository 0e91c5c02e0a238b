# Amicus: الكلمات الثابتة في التقرير باللغة العربية.
#
# كل سطر على الشكل `المعرّف = النص`. يملأ Amicus ما بين `{ $… }`، وتختار الصيغة
# `{ $x -> [a] … *[b] … }` بين عبارات (المعلَّمة بنجمة هي الافتراضية). احتفظوا بكل معرّف
# وغيّروا النص وحده. أسماء اللجان والمعاهدات بصيغتها الرسمية في الأمم المتحدة.

## اللجان والمعاهدات.

committee-name = { $code ->
    [CCPR] اللجنة المعنية بحقوق الإنسان
    [CAT] لجنة مناهضة التعذيب
    [CERD] لجنة القضاء على التمييز العنصري
    [CEDAW] اللجنة المعنية بالقضاء على التمييز ضد المرأة
    [CRC] لجنة حقوق الطفل
    [CMW] اللجنة المعنية بحماية حقوق جميع العمال المهاجرين وأفراد أسرهم
    [CESCR] اللجنة المعنية بالحقوق الاقتصادية والاجتماعية والثقافية
    [CRPD] اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة
    [CED] اللجنة المعنية بحالات الاختفاء القسري
   *[UPR] الاستعراض الدوري الشامل
}
committee-to = { $code ->
    [UPR] في إطار { committee-name }
   *[other] إلى { committee-name }
}
treaty-name = { $code ->
    [CCPR] العهد الدولي الخاص بالحقوق المدنية والسياسية
    [CAT] اتفاقية مناهضة التعذيب وغيره من ضروب المعاملة أو العقوبة القاسية أو اللاإنسانية أو المهينة
    [CERD] الاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري
    [CEDAW] اتفاقية القضاء على جميع أشكال التمييز ضد المرأة
    [CRC] اتفاقية حقوق الطفل
    [CMW] الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم
    [CESCR] العهد الدولي الخاص بالحقوق الاقتصادية والاجتماعية والثقافية
    [CRPD] اتفاقية حقوق الأشخاص ذوي الإعاقة
    [CED] الاتفاقية الدولية لحماية جميع الأشخاص من الاختفاء القسري
   *[UPR] ميثاق الأمم المتحدة والإعلان العالمي لحقوق الإنسان
}
treaty-of = من { treaty-name }

## التواريخ (أسماء الشهور كما تكتبها وثائق الأمم المتحدة).

month = { $month ->
    [1] كانون الثاني/يناير
    [2] شباط/فبراير
    [3] آذار/مارس
    [4] نيسان/أبريل
    [5] أيار/مايو
    [6] حزيران/يونيه
    [7] تموز/يوليه
    [8] آب/أغسطس
    [9] أيلول/سبتمبر
    [10] تشرين الأول/أكتوبر
    [11] تشرين الثاني/نوفمبر
   *[12] كانون الأول/ديسمبر
}
date = { $day } { month } { $year }
date-without-year = { $day } { month }
date-range-days = من { $start-day } إلى { $day } { month } { $year }
date-range = من { $start } إلى { $end }
date-range-within-year = { date-range }

## الأعداد والقوائم.

ordinal = { $n }
# عناصر القائمة كلها بالواو: "المواد 2 و9 و14".
list-comma = {" و"}
list-pair = { $first } و{ $last }
colon = {":"}
citation-comma = {"، "}
citation-end = {"."}
note-above = { $citation }، المرجع السابق، الحاشية{"\u00A0"}{ $n }.
note-ibid = المرجع نفسه.
paren = {" "}({ $what })
accessed = تاريخ الاطلاع: { $date }
# $n is how many items the list has: one, two (the dual) or more.
articles = { $n ->
    [one] المادة { $list }
    [two] المادتان { $list }
   *[other] المواد { $list }
}
article-item = { $para ->
    [none] { $article }
   *[other] { $article } ({ $para })
}{ $letter ->
    [none] {""}
   *[other] {" "}({ $letter })
}
articles-short = { $n ->
    [one] المادة { $list }
    [two] المادتان { $list }
   *[other] المواد { $list }
}
paragraphs-short = { $n ->
    [one] الفقرة { $list }
    [two] الفقرتان { $list }
   *[other] الفقرات { $list }
}

## صفحة الغلاف.

cover-kicker = { $joint ->
    [yes] تقرير مشترك مقدم { committee-to }
   *[no] تقرير مقدم { committee-to }
}
cover-session = الدورة { $n }
short-title = { $state } · { $code } · { cover-session }
stage-loi = لإعداد قائمة المسائل بشأن { $state }
stage-loipr = لإعداد قائمة المسائل المعدة قبل تقديم التقرير بشأن { $state }
stage-review = للنظر في تقرير { $state }
stage-follow-up = معلومات متابعة بشأن { $state }
statement-public = هذا التقرير علني. { $upr ->
    [yes] يجوز لمفوضية الأمم المتحدة السامية لحقوق الإنسان
   *[no] يجوز للجنة
} أن تنشره على صفحتها الشبكية وأن تحيله إلى الدولة الطرف.
statement-confidential = سري. هذا التقرير موجه إلى أعضاء اللجنة وحدهم، ولا يجوز نشره ولا إحالته إلى الدولة الطرف.
submitted-by = مقدم من
confidential-mark = سري
page-of = { $page } من { $total }

## عناوين التقرير وتسمياته.

contents = المحتويات
about-organisations = { $plural ->
    [yes] نبذة عن المنظمات المقدِّمة
   *[no] نبذة عن المنظمة المقدِّمة
}
executive-summary = موجز تنفيذي
main-recommendations = التوصيات الرئيسية
follows-up = متابعةً لما ورد في { $citation }
in-our-view = في رأينا: { $status ->
    [yes] نُفذت
    [partly] نُفذت جزئياً
   *[no] لم تُنفذ
}
suggested-questions = أسئلة مقترح توجيهها إلى الدولة الطرف
recommendations = التوصيات
recommendations-intro = { $upr ->
    [yes] نقترح أن توصي الدول المشاركة في الاستعراض { $state } بما يلي:
   *[no] نوصي بأن تحث اللجنة الدولة الطرف على ما يلي:
}
consolidated-recommendations = قائمة موحدة بالتوصيات
column-number = الرقم
column-recommendation = التوصية
column-finding = المسألة
sources = المصادر

## مذكرة المتابعة (`amicus brief`).

date-month-year = { month } { $year }
# A number of recommendations (توصية) in words: the forms that stand for a feminine noun or
# come before its plural ("انعكست ثلاث منها", "ثلاث توصيات"); digits past twenty.
count = { $n ->
    [1] واحدة
    [2] اثنتان
    [3] ثلاث
    [4] أربع
    [5] خمس
    [6] ست
    [7] سبع
    [8] ثماني
    [9] تسع
    [10] عشر
    [11] إحدى عشرة
    [12] اثنتا عشرة
    [13] ثلاث عشرة
    [14] أربع عشرة
    [15] خمس عشرة
    [16] ست عشرة
    [17] سبع عشرة
    [18] ثماني عشرة
    [19] تسع عشرة
    [20] عشرون
   *[other] { $n }
}
brief-kind = مذكرة متابعة
brief-committee = { $code ->
    [UPR] { committee-name }
   *[other] { committee-name } ({ $code })
}
brief-kicker = { brief-kind } · { brief-committee } · { $state }
brief-short-title = { brief-kind } · { $state } · { $symbol }
brief-dek = مدى انعكاس توصيات { $joint ->
    [yes] تقريرنا المشترك
   *[no] تقريرنا
} في الملاحظات الختامية الصادرة عن { committee-name } بشأن { $state }
brief-description = مدى انعكاس توصيات { $authors } في الملاحظات الختامية الصادرة عن { committee-name } بشأن { $state } ({ $symbol }).
brief-submission = تتابع هذه المذكرة { $joint ->
    [yes] تقريرنا المشترك
   *[no] تقريرنا
} «{ $title }» المقدم إلى { brief-committee } لدورتها { $n }، المؤرخ { $date }.
co-named = { $title } ({ $symbol })
co-unnamed = الملاحظات الختامية { $symbol }
co-description = { $named }، التي اعتمدتها { committee-name }{ $has-adopted ->
    [yes] {" "}في { $adopted }
   *[no] {""}
}{ $has-session ->
    [yes] {" "}في دورتها { $n }
   *[no] {""}
}{ $has-published ->
    [yes] {" "}والمؤرخة { $published }
   *[no] {""}
}.

## عناوين المذكرة وتسمياتها.

brief-key-results = النتائج الرئيسية
brief-introduction = مقدمة
brief-context = السياق
brief-recommendations = توصياتنا والملاحظات الختامية
brief-unaddressed = مسائل لم تُتناول
brief-follow-up = ما أبرزته اللجنة
brief-asks = مطالبنا
brief-conclusion = خاتمة
brief-annex = المرفق: التوصيات والملاحظات الختامية
brief-summary-caption = توصياتنا حسب المسألة، ومدى انعكاسها في الملاحظات الختامية
brief-all-recommendations = جميع التوصيات
brief-column-finding = المسألة
brief-column-made = المقدَّمة
brief-column-paragraphs = الفقرات
brief-column-paragraphs-short = الفقرات
brief-column-status = الحالة
brief-column-grade = التقدير
brief-column-count = { $status ->
    [fully] انعكست كلياً
    [partially] انعكست جزئياً
    [not-reflected] لم تنعكس
   *[pending] لم تُقيَّم بعد
}
brief-our-recommendation = توصيتنا
brief-concluding-observations = الملاحظات الختامية
brief-assessment = التقييم
brief-quoted-above-under = اقتُبس أعلاه، تحت
brief-ods-link = الوثيقة في نظام الوثائق الرسمية للأمم المتحدة
brief-published = نشرتها { $byline } في { $date }. أُعدت باستخدام { $generator }.

## مدى انعكاس التوصية في الملاحظات الختامية.

brief-status = { $status ->
    [fully] انعكست كلياً
    [partially] انعكست جزئياً
    [not-reflected] لم تنعكس
   *[pending] لم تُقيَّم بعد
}
brief-figure = { $status ->
    [made] توصيات مقدَّمة
    [fully] انعكست كلياً
    [partially] انعكست جزئياً
    [not-reflected] لم تنعكس
   *[pending] لم تُقيَّم بعد
}
brief-tally-part = { $status ->
    [fully] انعكست كلياً
    [partially] انعكست جزئياً
    [not-reflected] لم تنعكس
   *[pending] لم تُقيَّم بعد
}: { $count }
brief-tally = عدد التوصيات: { $count } ({ $parts })

## جمل المذكرة.

brief-summary-none = لم يتضمن التقرير أي توصية.
brief-summary-unassessed = عدد توصياتنا { $count }، ولم يُقيَّم أي منها بعد في ضوء الملاحظات الختامية.
brief-summary = من بين توصياتنا، وعددها { $made-count }، { $verbs } في الملاحظات الختامية.
brief-reflect-fully = انعكست { $count } منها كلياً
brief-reflect-partially = انعكست { $count } منها جزئياً
brief-reflect-both = انعكست { $fully } منها كلياً و{ $partially } جزئياً
brief-reflect-not = لم تنعكس { $count } منها
brief-reflect-and-not = { $reflect }، و{ $not }
brief-draft = مسودة
brief-draft-note = ليست للنشر: { $what }.
brief-draft-not-assessed = { $n ->
    [one] لم تُقيَّم بعد توصية واحدة
    [two] لم تُقيَّم بعد توصيتان
    [few] لم تُقيَّم بعد { $count } توصيات
   *[other] لم تُقيَّم بعد { $count } توصية
}
brief-draft-unreviewed = { $n ->
    [one] مدخل واحد اقتراح آلي لم يراجعه أحد
    [two] مدخلان اقتراحان آليان لم يراجعهما أحد
    [few] { $n } مدخلات اقتراحات آلية لم يراجعها أحد
   *[other] { $n } مدخلاً اقتراحات آلية لم يراجعها أحد
}
brief-draft-no-follow-up = التوصيات المختارة لإجراء المتابعة غير معروفة
brief-summary-pending = ولم يُقيَّم بعد: { $count }.
brief-left-out = توصيات لم تأخذ بها الملاحظات الختامية، وترد تحت «{ brief-unaddressed }»:
brief-no-quote = { $status ->
    [not-reflected] لم تأخذ الملاحظات الختامية بهذه التوصية.
    [pending] لم تُقيَّم بعد في ضوء الملاحظات الختامية.
   *[other] لم يُستشهد بأي فقرة من الملاحظات الختامية.
}
brief-selected = اختيرت لإجراء المتابعة ({ $paragraphs }).
brief-selected-urgent = من التوصيات التي دعت اللجنة إلى اتخاذ تدابير عاجلة بشأنها ({ $paragraphs }).
brief-selected-by = اختيرت لإجراء المتابعة ({ $paragraphs })؛ وعلى الدولة الطرف أن تقدم معلومات عنها بحلول { $date }.
brief-importance-note = من التوصيات التي أكدت اللجنة أهميتها الخاصة ({ $paragraphs }).
# The previous review: a recommendation the Committee had made already (a paragraph cited
# says it repeats or recalls it), and the earlier recommendations the findings followed up.
brief-earlier = سبق أن أوصت بها اللجنة في { $citation }: ولم تتخذ الدولة الطرف إجراءً بشأنها.
brief-previous = الاستعراض السابق
brief-previous-intro = تابع تقريرنا الموازي هذه التوصيات الصادرة عن الاستعراض السابق للجنة. ويُبيَّن لكل منها ما إذا كانت الملاحظات الختامية الجديدة ({ $symbol }) تكررها أو تشير إليها، وفقاً لإحالاتها هي:
brief-previous-implemented = { $implemented ->
    [yes] نُفِّذت، في رأينا
    [partly] نُفِّذت جزئياً، في رأينا
   *[no] لم تُنفَّذ، في رأينا
 }
brief-previous-repeated = كُرِّرت أو أُشير إليها: { $paragraphs }.
brief-previous-dropped = لا تشير إليها أي فقرة من الملاحظات الختامية الجديدة.
# Our suggested questions and the list of issues (loi-assessment.yaml).
brief-questions = الأسئلة التي اقترحناها وقائمة المسائل
brief-questions-intro = { $symbol ->
    [none] قبل الاستعراض، اقترحت استنتاجاتنا أسئلة لقائمة المسائل التي أعدتها اللجنة. ويُبيَّن لكل منها فقرات القائمة التي تطرحه ومدى ذلك:
   *[other] قبل الاستعراض، اقترحت استنتاجاتنا أسئلة لقائمة المسائل التي أعدتها اللجنة ({ $symbol }). ويُبيَّن لكل منها فقرات القائمة التي تطرحه ومدى ذلك:
}
brief-questions-fully = طُرح: { $paragraphs }.
brief-questions-partly = طُرح جزئياً: { $paragraphs }.
brief-questions-not-asked = لم يُطرح.
brief-questions-pending = لم يُبتّ فيه بعد.
brief-draft-questions = { $n ->
    [one] سؤال مقترح واحد لم تتم مطابقته بعد مع قائمة المسائل
    [two] سؤالان مقترحان لم تتم مطابقتهما بعد مع قائمة المسائل
    [few] { $count } أسئلة مقترحة لم تتم مطابقتها بعد مع قائمة المسائل
   *[other] { $count } سؤالاً مقترحاً لم تتم مطابقتها بعد مع قائمة المسائل
}
brief-quote-kind = { $excerpt ->
    [yes] { $kind ->
        [recommendation] مقتطف من توصية،
        [concern] مقتطف من موضع قلق،
        [positive-aspect] مقتطف من جانب إيجابي،
       *[none] مقتطف،
    }
   *[no] { $kind ->
        [recommendation] توصية،
        [concern] موضع قلق،
        [positive-aspect] جانب إيجابي،
       *[none] {""}
    }
} { $items ->
    [one] البند { $letters } من الفقرة { $paragraph }
    [many] البنود { $letters } من الفقرة { $paragraph }
   *[none] الفقرة { $paragraph }
}
brief-quote-missing = النص المستشهد به ({ $paragraphs }) غير وارد في الملاحظات الختامية المستخدمة في هذه المذكرة.
brief-quoted-above = اقتُبس أعلاه: { $list }.
brief-quoted-under = ({ $letter }) تحت { $label }
brief-grade-scale = التنفيذ (تقدير المتابعة لدى { committee-name })
# تقديرات المتابعة لدى اللجنة المعنية بحقوق الإنسان (ترجمة Amicus).
grade-ccpr = { $grade ->
    [A] الرد أو الإجراء مرضٍ إلى حد كبير
    [B] الرد أو الإجراء مرضٍ جزئياً
    [C] الرد أو الإجراء غير مرضٍ
    [D] عدم التعاون مع اللجنة
   *[E] المعلومات المقدمة أو التدابير المتخذة تتعارض مع التوصيات أو تعكس رفضها
}
grade-ced = { $grade ->
    [A] مرضٍ
    [B] مرضٍ جزئياً
    [C] غير مرضٍ
   *[D] لم يرد رد
}
brief-unaddressed-some = من بين توصياتنا، وعددها { $made-count }، لم تأخذ الملاحظات الختامية بما عدده { $count }:
brief-unaddressed-pending = لم تُغفل الملاحظات الختامية أياً من التوصيات التي قُيّمت حتى الآن؛ ولم يُقيَّم بعد: { $count }.
brief-unaddressed-none = أخذت الملاحظات الختامية، جزئياً على الأقل، بكل توصية قدمناها.
brief-follow-up-unknown = لا تتضمن الملاحظات الختامية المستخدمة في هذه المذكرة فقرة المتابعة، ولذلك لا يمكن لهذه المذكرة أن تبين التوصيات التي اختارتها اللجنة لإجراء المتابعة، ولا الموعد الذي يجب أن تقدم فيه { $state } معلومات عنها.
brief-follow-up-opening = { $paragraph ->
    [0] في ملاحظاتها الختامية،
   *[other] في الفقرة { $paragraph } من ملاحظاتها الختامية،
}
brief-follow-up-none = { brief-follow-up-opening } لم تختر اللجنة أي توصية لإجراء المتابعة.
brief-follow-up-urgent = { brief-follow-up-opening } استرعت اللجنة انتباه { $state } إلى التوصيات التي تتطلب تدابير عاجلة ({ $paragraphs }).
brief-follow-up-asked = { brief-follow-up-opening } طلبت اللجنة إلى { $state } تقديم معلومات عن تنفيذ التوصيات ({ $paragraphs }).
brief-follow-up-asked-by = { brief-follow-up-opening } طلبت اللجنة إلى { $state } أن تقدم، بحلول { $date }، معلومات عن تنفيذ التوصيات ({ $paragraphs }).
brief-none-of-ours = لا تتصل بأي من توصياتنا
brief-importance = { $paragraph ->
    [0] استرعت اللجنة
   *[other] في الفقرة { $paragraph }، استرعت اللجنة
} انتباه { $state } إلى الأهمية الخاصة للتوصيات ({ $paragraphs })، وطلبت معلومات مفصلة عنها في التقرير الدوري المقبل.
brief-touched-none = لا تنعكس أي من توصياتنا في الفقرات { $urgent ->
    [yes] المتعلقة بالتدابير العاجلة
   *[no] المختارة للمتابعة
}.
brief-touched = تنعكس في الفقرات { $urgent ->
    [yes] المتعلقة بالتدابير العاجلة
   *[no] المختارة للمتابعة
} توصياتنا التالية ({ $count }): { $list }.
brief-next-report = تنتظر اللجنة أن تقدم { $state } تقريرها الدوري المقبل { $when ->
    [year] في عام { $date }
   *[day] بحلول { $date }
}.
brief-annex-follow-up = المتابعة: { $paragraphs }
brief-annex-urgent = تدابير عاجلة: { $paragraphs }
brief-annex-importance = أهمية خاصة: { $paragraphs }
brief-annex-caption = توصياتنا، وفقرات الوثيقة { $symbol } التي تعكسها، ومدى ذلك (يرد نص الاثنين في متن المذكرة)
brief-headline = { $kind ->
    [fully] أُخذ بها كلياً
    [partially] أُخذ بها جزئياً
    [not-reflected] أُغفلت
    [follow-up] اختيرت للمتابعة
    [urgent] تدابير عاجلة
    [importance] ذات أهمية خاصة
    [pending] لم تُقيَّم بعد
   *[asks] مطالبنا
}
brief-headline-due = { $paragraphs }، والتقرير مطلوب بحلول { $date }
brief-headline-none-ours = { $what }؛ ولا تنعكس فيها أي من توصياتنا.
brief-headline-ours = { $what }. ومن توصياتنا فيها:
# The asks (مطلب, masculine) counted with their noun.
brief-headline-asks = { $n ->
    [0] لا مطالب
    [1] مطلب واحد
    [2] مطلبان
    [3] ثلاثة مطالب
    [4] أربعة مطالب
    [5] خمسة مطالب
    [6] ستة مطالب
    [7] سبعة مطالب
    [8] ثمانية مطالب
    [9] تسعة مطالب
    [10] عشرة مطالب
   *[other] { $n } مطلباً
} إلى { $state }، و{ $committee-n ->
    [0] لا مطالب
    [1] مطلب واحد
    [2] مطلبان
    [3] ثلاثة مطالب
    [4] أربعة مطالب
    [5] خمسة مطالب
    [6] ستة مطالب
    [7] سبعة مطالب
    [8] ثمانية مطالب
    [9] تسعة مطالب
    [10] عشرة مطالب
   *[other] { $committee-n } مطلباً
} إلى { committee-name }.
brief-by-follow-up-date = بحلول { $date }، موعد المتابعة
brief-by-follow-up = بحلول موعد المتابعة
brief-by = بحلول { $date }
brief-asks-intro = نطالب بما يلي:
brief-asks-intro-deadline = طلبت اللجنة إلى { $state } أن تقدم بحلول { $date } معلومات عن الفقرات المختارة للمتابعة. ولهذا الغرض، وأبعد منه، نطالب بما يلي:
brief-asks-of-state = إلى { $state }
brief-asks-of-committee = إلى { committee-name }

## الأشكال والجداول والمرفقات والمختصرات والشعارات.

figure = الشكل
table = الجدول
caption = { $word }{"\u00A0"}{ $number }: { $caption }
list-of-figures = قائمة الأشكال
list-of-tables = قائمة الجداول
annex = المرفق
methodology = المنهجية
abbreviations = المختصرات
logo-alt = شعار { $name }

numbered-item = { $item }
finding-articles = { $articles } { treaty-of }

## عدد الكلمات الذي يعرضه `check` و`build` (تبقى بقية رسائل الطرفية بالإنكليزية).

words-limit = الكلمات: { $counted } من { $limit } (الحد الأقصى لدى { $code })
words-limit-own = الكلمات: { $counted } من { $limit } (حد محدد في submission.yaml)
words-no-limit = الكلمات: { $counted } (لم يحدَّد حد أقصى)
words-no-committee = الكلمات: { $counted } (لا حد أقصى: تعذر التعرف على اللجنة)
words-whole = الوثيقة كاملة كما تُطبع
words-of-printed = من أصل { $printed } كلمة مطبوعة
words-body = المتن { $n }
words-footnotes = الحواشي { $n }
words-footnotes-not-counted = الحواشي { $n } (لا تُحتسب، كما ينص submission.yaml)
words-repeated = التوصيات المكررة { $n }
words-sources = قائمة المصادر { $n }
words-cover = الغلاف والمحتويات والعناوين { $n }
words-cover-not-counted = الغلاف والمحتويات والعناوين غير محتسبة (تعذر إنشاء القالب)
words-annexes = المرفقات { $n } (لا تُحتسب ضمن الحد الأقصى)
words-line = { $words }، { $what }{ colon } { $parts }
words-unread = ؛ دون احتساب { $files }، إذ تعذرت قراءتها
pages = { $n ->
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $n } صفحات
   *[other] { $n } صفحة
}
