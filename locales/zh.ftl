# Amicus：报告中固定用语的中文文本。
#
# 每行为“消息标识 = 文本”。`{ $名称 }` 由 Amicus 填入；`{ $x -> [a] … *[b] … }` 用于选择措辞
# （带星号的为默认）。请保留每个标识，只修改文本。委员会和条约名称采用联合国中文正式译名。

## 委员会和条约。

committee-name = { $code ->
    [CCPR] 人权事务委员会
    [CAT] 禁止酷刑委员会
    [CERD] 消除种族歧视委员会
    [CEDAW] 消除对妇女歧视委员会
    [CRC] 儿童权利委员会
    [CMW] 保护所有移徙工人及其家庭成员权利委员会
    [CESCR] 经济、社会及文化权利委员会
    [CRPD] 残疾人权利委员会
    [CED] 强迫失踪问题委员会
   *[UPR] 普遍定期审议
}
committee-to = { $code ->
    [UPR] 为{ committee-name }
   *[other] 提交{ committee-name }
}
treaty-name = { $code ->
    [CCPR] 《公民权利和政治权利国际公约》
    [CAT] 《禁止酷刑和其他残忍、不人道或有辱人格的待遇或处罚公约》
    [CERD] 《消除一切形式种族歧视国际公约》
    [CEDAW] 《消除对妇女一切形式歧视公约》
    [CRC] 《儿童权利公约》
    [CMW] 《保护所有移徙工人及其家庭成员权利国际公约》
    [CESCR] 《经济社会文化权利国际公约》
    [CRPD] 《残疾人权利公约》
    [CED] 《保护所有人免遭强迫失踪国际公约》
   *[UPR] 《联合国宪章》和《世界人权宣言》
}
treaty-of = （{ treaty-name }）

## 日期。

month = { $month }月
date = { $year }年{ $month }月{ $day }日
date-without-year = { $month }月{ $day }日
date-range-days = { $year }年{ $month }月{ $start-day }日至{ $day }日
date-range = { $start }至{ $end }
date-range-within-year = { $year }年{ $start }至{ $end-short }

## 数字和列举。

ordinal = 第{ $n }届
list-comma = 、
list-pair = { $first }和{ $last }
colon = {"："}
citation-comma = {"，"}
citation-end = {"。"}
note-above = { $citation }，前注{ $n }。
note-ibid = 同上。
paren = （{ $what }）
accessed = 访问日期：{ $date }
articles = { $any-para ->
    [yes] { $list }
   *[no] { $list }条
}
# 第4条第3款; in a list naming a paragraph every article carries its own 条.
article-item = { $para ->
    [none] { $letter ->
        [none] { $any-para ->
            [yes] { $article }条
           *[no] { $article }
        }
       *[other] { $article }条({ $letter })项
    }
   *[other] { $article }条第{ $para }款{ $letter ->
        [none] {""}
       *[other] ({ $letter })项
    }
}
articles-short = { $any-para ->
    [yes] { $list }
   *[no] { $list }条
}
paragraphs-short = { $list }段

## 封面。

cover-kicker = { $joint ->
    [yes] { committee-to }的联合材料
   *[no] { committee-to }的材料
}
cover-session = { ordinal }会议
short-title = { $state } · { $code } { cover-session }
stage-loi = 供拟订关于{ $state }的问题清单之用
stage-loipr = 供拟订关于{ $state }的报告前问题清单之用
stage-review = 供审议{ $state }的报告之用
stage-follow-up = 关于{ $state }的后续资料
statement-public = 本材料可以公开。{ $upr ->
    [yes] 人权高专办
   *[no] 委员会
}可在其网页上发布本材料，并可将其转交缔约国。
statement-confidential = 机密。本材料仅供委员会委员阅览，不得公布，也不得转交缔约国。
submitted-by = 提交方
confidential-mark = 机密
page-of = 第{ $page }页，共{ $total }页

## 报告的标题和标签。

contents = 目录
about-organisations = { $plural ->
    [yes] 提交组织简介
   *[no] 提交组织简介
}
executive-summary = 内容提要
main-recommendations = 主要建议
follows-up = 跟进{ $citation }
in-our-view = 我们认为：{ $status ->
    [yes] 已落实
    [partly] 部分落实
   *[no] 未落实
}
suggested-questions = 建议向缔约国提出的问题
recommendations = 建议
recommendations-intro = { $upr ->
    [yes] 我们建议参与审议的国家向{ $state }提出以下建议：
   *[no] 我们建议委员会敦促缔约国：
}
consolidated-recommendations = 建议汇总
column-number = 编号
column-recommendation = 建议
column-finding = 问题
sources = 资料来源

## 后续简报（`amicus brief`）。

date-month-year = { $year }年{ $month }月
count = { $n }
brief-kind = 后续简报
brief-committee = { $code ->
    [UPR] { committee-name }
   *[other] { committee-name }（{ $code }）
}
brief-kicker = { brief-kind } · { brief-committee } · { $state }
brief-short-title = { brief-kind } · { $state } · { $symbol }
brief-dek = { committee-name }关于{ $state }的结论性意见如何反映我们{ $joint ->
    [yes] 联合材料
   *[no] 材料
}中的建议
brief-description = { committee-name }关于{ $state }的结论性意见（{ $symbol }）如何反映{ $authors }的建议。
brief-submission = 本简报是对我们为{ brief-committee }{ ordinal }会议提交的{ $joint ->
    [yes] 联合材料
   *[no] 材料
}“{ $title }”（{ $date }）的跟进。
co-named = { $title }（{ $symbol }）
co-unnamed = 结论性意见{ $symbol }
co-description = { $named }，由{ committee-name }{ $has-adopted ->
    [yes] 于{ $adopted }
   *[no] {""}
}{ $has-session ->
    [yes] 在其{ ordinal }会议上
   *[no] {""}
}通过{ $has-published ->
    [yes] ，文件日期为{ $published }
   *[no] {""}
}。

## 简报的标题和标签。

brief-key-results = 主要结果
brief-introduction = 导言
brief-context = 背景
brief-recommendations = 我们的建议与结论性意见
brief-unaddressed = 未涉及的问题
brief-follow-up = 委员会特别指出的事项
brief-asks = 我们的请求
brief-conclusion = 结论
brief-annex = 附件：建议与结论性意见
brief-summary-caption = 按问题列出的我们的建议，以及结论性意见对其反映的程度
brief-all-recommendations = 全部建议
brief-column-finding = 问题
brief-column-made = 提出
brief-column-paragraphs = 段落
brief-column-paragraphs-short = 段
brief-column-status = 状况
brief-column-grade = 评级
brief-column-count = { $status ->
    [fully] 完全反映
    [partially] 部分反映
    [not-reflected] 未反映
   *[pending] 尚未评估
}
brief-our-recommendation = 我们的建议
brief-concluding-observations = 结论性意见
brief-assessment = 评估
brief-quoted-above-under = 已在上文引用，见
brief-ods-link = 联合国正式文件系统中的该文件
brief-published = 由{ $byline }于{ $date }发布。使用{ $generator }制作。

## 结论性意见对建议的反映程度。

brief-status = { $status ->
    [fully] 完全反映
    [partially] 部分反映
    [not-reflected] 未反映
   *[pending] 尚未评估
}
brief-figure = { $status ->
    [made] 项建议
    [fully] 项完全反映
    [partially] 项部分反映
    [not-reflected] 项未反映
   *[pending] 项尚未评估
}
brief-tally-part = { $status ->
    [fully] 完全反映
    [partially] 部分反映
    [not-reflected] 未反映
   *[pending] 尚未评估
}{ $count }项
brief-tally = 建议{ $count }项：{ $parts }

## 简报中的句子。

brief-summary-none = 该材料未提出任何建议。
brief-summary-unassessed = 我们提出了{ $count }项建议，尚未对照结论性意见进行评估。
brief-summary = 在我们的{ $made-count }项建议中，结论性意见{ $verbs }。
brief-reflect-fully = 完全反映了{ $count }项
brief-reflect-partially = 部分反映了{ $count }项
brief-reflect-both = 完全反映了{ $fully }项，部分反映了{ $partially }项
brief-reflect-not = 未反映{ $count }项
brief-reflect-and-not = { $reflect }，{ $not }
brief-draft = 草稿
brief-draft-note = 不得发布：{ $what }。
brief-draft-not-assessed = 有{ $count }项建议尚未评估
brief-draft-unreviewed = 有{ $count }个条目是无人审核的自动建议
brief-draft-no-follow-up = 后续程序选定的建议尚不清楚
brief-summary-pending = 另有{ $count }项尚未评估。
brief-left-out = 结论性意见未采纳、列于“{ brief-unaddressed }”之下的建议：
brief-no-quote = { $status ->
    [not-reflected] 结论性意见未采纳这项建议。
    [pending] 尚未对照结论性意见进行评估。
   *[other] 未引用结论性意见的任何段落。
}
brief-selected = 已被选入后续程序（{ $paragraphs }）。
brief-selected-urgent = 属于委员会要求采取紧急措施的建议（{ $paragraphs }）。
brief-selected-by = 已被选入后续程序（{ $paragraphs }）；缔约国须在{ $date }之前就此提交报告。
brief-importance-note = 属于委员会特别强调其重要性的建议（{ $paragraphs }）。
# The previous review: a recommendation the Committee had made already (a paragraph cited
# says it repeats or recalls it), and the earlier recommendations the findings followed up.
brief-earlier = 委员会此前已在{ $citation }中提出这项建议：缔约国未采取行动。
brief-previous = 上一次审议
brief-previous-intro = 我们的影子报告跟进了委员会上一次审议提出的以下建议。根据新的结论性意见（{ $symbol }）本身的引注，逐项说明其是否重申或回顾了这些建议：
brief-previous-implemented = { $implemented ->
    [yes] 我们认为已落实
    [partly] 我们认为已部分落实
   *[no] 我们认为未落实
 }
brief-previous-repeated = 已重申或回顾：{ $paragraphs }。
brief-previous-dropped = 新的结论性意见中没有任何段落引用这项建议。
# Our suggested questions and the list of issues (loi-assessment.yaml).
brief-questions = 我们建议的问题与问题清单
brief-questions-intro = { $symbol ->
    [none] 审议之前，我们的调查结果为委员会的问题清单建议了问题。逐项列出清单中提出该问题的段落及其程度：
   *[other] 审议之前，我们的调查结果为委员会的问题清单（{ $symbol }）建议了问题。逐项列出清单中提出该问题的段落及其程度：
}
brief-questions-fully = 已提出：{ $paragraphs }。
brief-questions-partly = 部分提出：{ $paragraphs }。
brief-questions-not-asked = 未提出。
brief-questions-pending = 尚未确定。
brief-draft-questions = 有{ $count }个建议的问题尚未与问题清单核对
brief-quote-kind = { $excerpt ->
    [yes] { $kind ->
        [recommendation] 建议摘录，
        [concern] 关切摘录，
        [positive-aspect] 积极方面摘录，
       *[none] 摘录，
    }
   *[no] { $kind ->
        [recommendation] 建议，
        [concern] 关切，
        [positive-aspect] 积极方面，
       *[none] {""}
    }
}{ $items ->
    [one] 第{ $paragraph }段{ $letters }项
    [many] 第{ $paragraph }段{ $letters }项
   *[none] 第{ $paragraph }段
}
brief-quote-missing = 本简报所用的结论性意见中没有所引用的文本（{ $paragraphs }）。
brief-quoted-above = 已在上文引用：{ $list }。
brief-quoted-under = （{ $letter }）项见{ $label }
brief-grade-scale = 落实情况（{ committee-name }后续评级）
# 人权事务委员会的后续评级（Amicus 的译文）。
grade-ccpr = { $grade ->
    [A] 答复/行动基本令人满意
    [B] 答复/行动部分令人满意
    [C] 答复/行动不令人满意
    [D] 未与委员会合作
   *[E] 所提供的资料或所采取的措施与建议背道而驰或表明拒绝接受建议
}
grade-ced = { $grade ->
    [A] 令人满意
    [B] 部分令人满意
    [C] 不令人满意
   *[D] 未答复
}
brief-unaddressed-some = 在我们的{ $made-count }项建议中，结论性意见未采纳{ $count }项：
brief-unaddressed-pending = 在迄今已评估的建议中，没有一项被结论性意见遗漏；另有{ $count }项尚未评估。
brief-unaddressed-none = 结论性意见至少部分采纳了我们提出的每一项建议。
brief-follow-up-unknown = 本简报所用的结论性意见不包括关于后续行动的段落，因此本简报无法说明委员会为后续程序选择了哪些建议，也无法说明{ $state }须在何时就此提交报告。
brief-follow-up-opening = { $paragraph ->
    [0] 委员会在结论性意见中
   *[other] 委员会在结论性意见第{ $paragraph }段中
}
brief-follow-up-none = { brief-follow-up-opening }没有为后续程序选择任何建议。
brief-follow-up-urgent = { brief-follow-up-opening }提请{ $state }注意需要采取紧急措施的建议（{ $paragraphs }）。
brief-follow-up-asked = { brief-follow-up-opening }请{ $state }提供资料，说明建议（{ $paragraphs }）的落实情况。
brief-follow-up-asked-by = { brief-follow-up-opening }请{ $state }在{ $date }之前提供资料，说明建议（{ $paragraphs }）的落实情况。
brief-none-of-ours = 不涉及我们的建议
brief-importance = { $paragraph ->
    [0] 委员会
   *[other] 委员会在第{ $paragraph }段中
}提请{ $state }注意建议（{ $paragraphs }）的特别重要性，并请其在下次定期报告中提供详细资料。
brief-touched-none = { $urgent ->
    [yes] 要求采取紧急措施的段落
   *[no] 被选入后续程序的段落
}没有反映我们的任何建议。
brief-touched = { $urgent ->
    [yes] 要求采取紧急措施的段落
   *[no] 被选入后续程序的段落
}反映了我们的{ $count }项建议：{ $list }。
brief-next-report = 委员会期待{ $state }{ $when ->
    [year] 在{ $date }年
   *[day] 在{ $date }之前
}提交下次定期报告。
brief-annex-follow-up = 后续程序：{ $paragraphs }
brief-annex-urgent = 紧急措施：{ $paragraphs }
brief-annex-importance = 特别重要：{ $paragraphs }
brief-annex-caption = 我们的建议、{ $symbol }中反映这些建议的段落及其反映程度（两者的文本见简报正文）
brief-headline = { $kind ->
    [fully] 完全采纳
    [partially] 部分采纳
    [not-reflected] 未采纳
    [follow-up] 选入后续程序
    [urgent] 紧急措施
    [importance] 特别重要
    [pending] 尚未评估
   *[asks] 我们的请求
}
brief-headline-due = { $paragraphs }，报告须在{ $date }之前提交
brief-headline-none-ours = { $what }；其中没有我们的建议。
brief-headline-ours = { $what }。其中包括我们的建议：
brief-headline-asks = 向{ $state }提出{ $count }项，向{ committee-name }提出{ $committee-count }项。
brief-by-follow-up-date = 在{ $date }之前（后续程序期限）
brief-by-follow-up = 在后续程序期限之前
brief-by = 在{ $date }之前
brief-asks-intro = 我们请求：
brief-asks-intro-deadline = 委员会请{ $state }在{ $date }之前就选入后续程序的段落提交报告。为此，并在此之外，我们请求：
brief-asks-of-state = 向{ $state }
brief-asks-of-committee = 向{ committee-name }

## 图、表、附件、缩略语和标志。

figure = 图
table = 表
# 表1：…, 图1：…, without a space, as Chinese sets it.
caption = { $word }{ $number }：{ $caption }
list-of-figures = 图目录
list-of-tables = 表目录
annex = 附件
methodology = 方法
abbreviations = 缩略语
logo-alt = { $name }的标志

# 列举中的每个编号前加“第”：第2、第9和第14条。
numbered-item = 第{ $item }
# 条约名称放在条款之前：《公约》第2和第9条。
finding-articles = { treaty-name }{ $articles }

## `check` 和 `build` 显示的字数（终端的其余信息仍为英文）。

words-limit = 字数：{ $counted }/{ $limit }（{ $code }限额）
words-limit-own = 字数：{ $counted }/{ $limit }（submission.yaml 中设定的限额）
words-no-limit = 字数：{ $counted }（未设限额）
words-no-committee = 字数：{ $counted }（无限额：无法识别委员会）
words-whole = 按印制的全文计
words-of-printed = 印制全文共{ $printed }
words-body = 正文{ $n }
words-footnotes = 脚注{ $n }
words-footnotes-not-counted = 脚注{ $n }（按 submission.yaml 的设定不计入）
words-repeated = 重复列出的建议{ $n }
words-sources = 资料来源清单{ $n }
words-cover = 封面、目录和标题{ $n }
words-cover-not-counted = 封面、目录和标题未计入（模板无法生成）
words-annexes = 附件{ $n }（不计入限额）
words-line = { $words }，{ $what }{ colon }{ $parts }
words-unread = ；未计入无法读取的{ $files }
pages = { $n }页
