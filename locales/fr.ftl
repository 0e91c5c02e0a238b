# Amicus : les mots fixes d’un rapport, en français.
#
# Chaque ligne : `identifiant = texte`. `{ $nom }` est rempli par Amicus ; `{ $x -> [a] … *[b] … }`
# choisit une formulation (celle marquée d’une étoile est la formulation par défaut). Gardez
# chaque identifiant ; ne changez que le texte. Les espaces avant « : ; ! ? » sont insécables.

## Comités et traités, dans la terminologie de l’ONU.

committee-name = { $code ->
    [CCPR] Comité des droits de l’homme
    [CAT] Comité contre la torture
    [CERD] Comité pour l’élimination de la discrimination raciale
    [CEDAW] Comité pour l’élimination de la discrimination à l’égard des femmes
    [CRC] Comité des droits de l’enfant
    [CMW] Comité pour la protection des droits de tous les travailleurs migrants et des membres de leur famille
    [CESCR] Comité des droits économiques, sociaux et culturels
    [CRPD] Comité des droits des personnes handicapées
    [CED] Comité des disparitions forcées
   *[UPR] Examen périodique universel
}
committee-to = { $code ->
    [UPR] à l’{ committee-name }
   *[other] au { committee-name }
}
treaty-name = { $code ->
    [CCPR] Pacte international relatif aux droits civils et politiques
    [CAT] Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants
    [CERD] Convention internationale sur l’élimination de toutes les formes de discrimination raciale
    [CEDAW] Convention sur l’élimination de toutes les formes de discrimination à l’égard des femmes
    [CRC] Convention relative aux droits de l’enfant
    [CMW] Convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille
    [CESCR] Pacte international relatif aux droits économiques, sociaux et culturels
    [CRPD] Convention relative aux droits des personnes handicapées
    [CED] Convention internationale pour la protection de toutes les personnes contre les disparitions forcées
   *[UPR] Charte des Nations Unies et Déclaration universelle des droits de l’homme
}
treaty-of = { $code ->
    [CCPR] du { treaty-name }
    [CESCR] du { treaty-name }
    [UPR] de la { treaty-name }
   *[other] de la { treaty-name }
}

## Dates.

month = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
date = { $day ->
    [1] 1er
   *[other] { $day }
} { month } { $year }
date-without-year = { $day ->
    [1] 1er
   *[other] { $day }
} { month }
date-range-days = { $start-day ->
    [1] 1er
   *[other] { $start-day }
}–{ $day } { month } { $year }
date-range = { $start } – { $end }
date-range-within-year = { date-range }

## Nombres et listes.

# « 144e session », « 1re session ».
ordinal = { $n ->
    [1] 1re
   *[other] { $n }e
}
list-comma = {", "}
list-pair = { $first } et { $last }
colon = {"\u00A0:"}
citation-comma = {", "}
citation-end = {"."}
note-above = { $citation }, supra note{"\u00A0"}{ $n }.
note-ibid = Ibid.
paren = {" "}({ $what })
accessed = consulté le { $date }
articles = { $plural ->
    [yes] Articles { $list }
   *[no] Article { $list }
}
article-item = { $para ->
    [none] { $article }{ $letter ->
        [none] {""}
       *[other] {" "}{ $letter })
    }
   *[other] { $article } (par. { $para }{ $letter ->
        [none] {""}
       *[other] {" "}{ $letter })
    })
}
articles-short = art. { $list }
paragraphs-short = par. { $list }

## La page de couverture.

cover-kicker = { $joint ->
    [yes] Contribution conjointe { committee-to }
   *[no] Contribution { committee-to }
}
cover-session = { ordinal } session
short-title = { $state } · { $code } { cover-session }
stage-loi = Pour la liste de points — État partie : { $state }
stage-loipr = Pour la liste de points établie avant la soumission du rapport — État partie : { $state }
stage-review = Pour l’examen de l’État partie : { $state }
stage-follow-up = Informations de suivi — État partie : { $state }
statement-public = La présente contribution est publique. { $upr ->
    [yes] Le Haut-Commissariat
   *[no] Le Comité
} peut la publier sur sa page Web et la communiquer à l’État partie.
statement-confidential = CONFIDENTIEL. La présente contribution est destinée aux seuls membres du Comité. Elle ne doit être ni publiée ni communiquée à l’État partie.
submitted-by = Présenté par
confidential-mark = CONFIDENTIEL
page-of = { $page } sur { $total }

## Titres et mentions du rapport.

contents = Table des matières
about-organisations = { $plural ->
    [yes] Présentation des organisations auteurs
   *[no] Présentation de l’organisation auteur
}
executive-summary = Résumé
main-recommendations = Principales recommandations
follows-up = Fait suite à { $citation }
in-our-view = selon nous : { $status ->
    [yes] mise en œuvre
    [partly] partiellement mise en œuvre
   *[no] non mise en œuvre
}
suggested-questions = Questions proposées à l’État partie
recommendations = Recommandations
recommendations-intro = { $upr ->
    [yes] Nous suggérons que les États participant à l’examen recommandent à l’État examiné de :
   *[no] Nous recommandons que le Comité exhorte l’État partie à :
}
consolidated-recommendations = Liste récapitulative des recommandations
column-number = Nᵒ
column-recommendation = Recommandation
column-finding = Constat
sources = Sources

## La note de suivi (`amicus brief`).

date-month-year = { month } { $year }
# Un nombre de recommandations (ou de demandes, féminin aussi) en lettres jusqu’à vingt.
count = { $n ->
    [0] aucune
    [1] une
    [2] deux
    [3] trois
    [4] quatre
    [5] cinq
    [6] six
    [7] sept
    [8] huit
    [9] neuf
    [10] dix
    [11] onze
    [12] douze
    [13] treize
    [14] quatorze
    [15] quinze
    [16] seize
    [17] dix-sept
    [18] dix-huit
    [19] dix-neuf
    [20] vingt
   *[other] { $n }
}
brief-kind = Note de suivi
brief-committee = { $code ->
    [UPR] { committee-name }
   *[other] { committee-name } ({ $code })
}
brief-kicker = { brief-kind } · { brief-committee } · { $state }
brief-short-title = { brief-kind } · { $state } · { $symbol }
brief-dek = Observations finales { $code ->
    [UPR] de l’{ committee-name }
   *[other] du { committee-name }
} – { $state } : ce qu’elles retiennent des recommandations de notre { $joint ->
    [yes] contribution conjointe
   *[no] contribution
}
brief-description = Observations finales { $code ->
    [UPR] de l’{ committee-name }
   *[other] du { committee-name }
} – { $state } ({ $symbol }) : ce qu’elles retiennent des recommandations de { $authors }.
brief-submission = La présente note fait suite à notre { $joint ->
    [yes] contribution conjointe
   *[no] contribution
} « { $title } » { $code ->
    [UPR] à l’{ committee-name }
   *[other] au { committee-name } ({ $code })
} pour sa { ordinal } session, datée du { $date }.
co-named = { $title } ({ $symbol })
co-unnamed = Les observations finales { $symbol }
co-description = { $named }, adoptées par le { committee-name }{ $has-adopted ->
    [yes] {" "}le { $adopted }
   *[no] {""}
}{ $has-session ->
    [yes] {" "}à sa { ordinal } session
   *[no] {""}
}{ $has-published ->
    [yes] {" "}et datées du { $published }
   *[no] {""}
}.

## Titres et mentions de la note.

brief-key-results = Principaux résultats
brief-introduction = Introduction
brief-context = Contexte
brief-recommendations = Nos recommandations et les observations finales
brief-unaddressed = Questions non traitées
brief-follow-up = Ce que le Comité a retenu en priorité
brief-asks = Nos demandes
brief-conclusion = Conclusion
brief-annex = Annexe : recommandations et observations finales
brief-summary-caption = Nos recommandations par constat, et la mesure dans laquelle les observations finales les reprennent
brief-all-recommendations = Ensemble des recommandations
brief-column-finding = Constat
brief-column-made = Formulées
brief-column-paragraphs = Paragraphes
brief-column-paragraphs-short = Par.
brief-column-status = Statut
brief-column-grade = Note
brief-column-count = { $status ->
    [fully] Reprises intégralement
    [partially] Reprises en partie
    [not-reflected] Non reprises
   *[pending] Pas encore évaluées
}
brief-our-recommendation = Notre recommandation
brief-concluding-observations = Observations finales
brief-assessment = Évaluation
brief-quoted-above-under = Cité plus haut, sous
brief-ods-link = Le document dans le Système de diffusion électronique des documents de l’ONU
brief-published = Publié par { $byline }, le { $date }. Réalisé avec { $generator }.

## Dans quelle mesure les observations finales reprennent une recommandation.

brief-status = { $status ->
    [fully] Reprise intégralement
    [partially] Reprise en partie
    [not-reflected] Non reprise
   *[pending] Pas encore évaluée
}
brief-figure = { $status ->
    [made] { $n ->
        [one] recommandation formulée
       *[other] recommandations formulées
    }
    [fully] { $n ->
        [one] reprise intégralement
       *[other] reprises intégralement
    }
    [partially] { $n ->
        [one] reprise en partie
       *[other] reprises en partie
    }
    [not-reflected] { $n ->
        [one] non reprise
       *[other] non reprises
    }
   *[pending] { $n ->
        [one] pas encore évaluée
       *[other] pas encore évaluées
    }
}
brief-tally-part = { $count } { $status ->
    [fully] { $n ->
        [one] reprise intégralement
       *[other] reprises intégralement
    }
    [partially] { $n ->
        [one] reprise en partie
       *[other] reprises en partie
    }
    [not-reflected] { $n ->
        [one] non reprise
       *[other] non reprises
    }
   *[pending] { $n ->
        [one] pas encore évaluée
       *[other] pas encore évaluées
    }
}
brief-tally = { $count } { $n ->
    [one] recommandation
   *[other] recommandations
} : { $parts }

## Les phrases de la note.

brief-summary-none = La contribution ne formulait aucune recommandation.
brief-summary-unassessed = { $n ->
    [one] Nous avons formulé une recommandation ; elle n’a pas encore été évaluée au regard des observations finales.
   *[other] Nous avons formulé { $count } recommandations ; aucune n’a encore été évaluée au regard des observations finales.
}
brief-summary = { $made ->
    [one] Sur notre seule recommandation
   *[other] Sur nos { $made-count } recommandations
}, les observations finales { $verbs }.
brief-reflect-fully = en reprennent { $count } intégralement
brief-reflect-partially = en reprennent { $count } en partie
brief-reflect-both = en reprennent { $fully } intégralement et { $partially } en partie
brief-reflect-not = n’en reprennent pas { $count }
brief-reflect-and-not = { $reflect }, et { $not }
brief-draft = PROJET
brief-draft-note = À ne pas publier : { $what }.
brief-draft-not-assessed = { $count } { $n ->
    [one] recommandation n’est pas encore évaluée
   *[other] recommandations ne sont pas encore évaluées
}
brief-draft-unreviewed = { $count } { $n ->
    [one] entrée est une suggestion automatique que personne n’a vérifiée
   *[other] entrées sont des suggestions automatiques que personne n’a vérifiées
}
brief-draft-no-follow-up = les recommandations retenues pour la procédure de suivi ne sont pas connues
brief-summary-pending = { $count } { $n ->
    [one] n’a pas encore été évaluée
   *[other] n’ont pas encore été évaluées
}.
brief-left-out = { $n ->
    [one] Recommandation non reprise
   *[other] Recommandations non reprises
} dans les observations finales (voir « { brief-unaddressed } ») :
brief-no-quote = { $status ->
    [not-reflected] Les observations finales ne reprennent pas cette recommandation.
    [pending] Pas encore évaluée au regard des observations finales.
   *[other] Aucun paragraphe des observations finales n’est cité.
}
brief-selected = Retenue pour la procédure de suivi ({ $paragraphs }).
brief-selected-urgent = Parmi les recommandations appelant des mesures urgentes selon le Comité ({ $paragraphs }).
brief-selected-by = Retenue pour la procédure de suivi ({ $paragraphs }) ; l’État partie doit en rendre compte d’ici au { $date }.
brief-importance-note = Fait partie des recommandations dont le Comité a souligné l’importance particulière ({ $paragraphs }).
# The previous review: a recommendation the Committee had made already (a paragraph cited
# says it repeats or recalls it), and the earlier recommendations the findings followed up.
brief-earlier = Le Comité l’avait déjà recommandé dans { $citation } : l’État partie n’y a pas donné suite.
brief-previous = L’examen précédent
brief-previous-intro = Notre rapport parallèle assurait le suivi de ces recommandations de l’examen précédent du Comité. Pour chacune, si les nouvelles observations finales ({ $symbol }) la réitèrent ou la rappellent, d’après leurs propres renvois :
brief-previous-implemented = { $implemented ->
    [yes] mise en œuvre, selon nous
    [partly] partiellement mise en œuvre, selon nous
   *[no] non mise en œuvre, selon nous
 }
brief-previous-repeated = Réitérée ou rappelée : { $paragraphs }.
brief-previous-dropped = Aucun paragraphe des nouvelles observations finales ne la cite.
# Our suggested questions and the list of issues (loi-assessment.yaml).
brief-questions = Nos questions proposées et la liste de points
brief-questions-intro = { $symbol ->
    [none] Avant l’examen, nos constatations proposaient des questions pour la liste de points du Comité. Pour chacune, les paragraphes de la liste qui la posent, et dans quelle mesure :
   *[other] Avant l’examen, nos constatations proposaient des questions pour la liste de points du Comité ({ $symbol }). Pour chacune, les paragraphes de la liste qui la posent, et dans quelle mesure :
}
brief-questions-fully = Posée : { $paragraphs }.
brief-questions-partly = Posée en partie : { $paragraphs }.
brief-questions-not-asked = Non posée.
brief-questions-pending = Pas encore tranché.
brief-draft-questions = { $count } { $n ->
    [one] question proposée n’est pas encore rapprochée
   *[other] questions proposées ne sont pas encore rapprochées
} de la liste de points
brief-quote-kind = { $excerpt ->
    [yes] { $kind ->
        [recommendation] Extrait d’une recommandation,
        [concern] Extrait d’une préoccupation,
        [positive-aspect] Extrait d’un aspect positif,
       *[none] Extrait,
    }
   *[no] { $kind ->
        [recommendation] Recommandation,
        [concern] Préoccupation,
        [positive-aspect] Aspect positif,
       *[none] {""}
    }
} { $items ->
    [one] alinéa { $letters } du par. { $paragraph }
    [many] alinéas { $letters } du par. { $paragraph }
   *[none] par. { $paragraph }
}
brief-quote-missing = Le texte cité ({ $paragraphs }) ne figure pas dans les observations finales utilisées pour la présente note.
brief-quoted-above = Déjà cité plus haut : { $list }.
brief-quoted-under = { $letter }) sous { $label }
brief-grade-scale = Mise en œuvre (note de suivi { $code ->
    [UPR] de l’{ committee-name }
   *[other] du { committee-name }
})
# Les notes de suivi du Comité des droits de l’homme, dans sa formulation (CCPR/C/133/3).
grade-ccpr = { $grade ->
    [A] Réponse ou mesure satisfaisante dans l’ensemble
    [B] Réponse ou mesure partiellement satisfaisante
    [C] Réponse ou mesure insatisfaisante
    [D] Absence de coopération avec le Comité
   *[E] Les informations fournies ou les mesures prises sont contraires aux recommandations ou traduisent leur rejet
}
grade-ced = { $grade ->
    [A] Satisfaisante
    [B] Partiellement satisfaisante
    [C] Non satisfaisante
   *[D] Absence de réponse
}
brief-unaddressed-some = Les observations finales ne reprennent pas { $count } de nos { $made-count } { $made ->
    [one] recommandation
   *[other] recommandations
} :
brief-unaddressed-pending = Aucune des recommandations évaluées à ce jour n’a été laissée de côté par les observations finales ; { $count } { $n ->
    [one] n’a pas encore été évaluée
   *[other] n’ont pas encore été évaluées
}.
brief-unaddressed-none = Les observations finales reprennent, au moins en partie, chacune de nos recommandations.
brief-follow-up-unknown = Les observations finales utilisées pour la présente note ne contiennent pas le paragraphe relatif au suivi ; la note ne peut donc pas indiquer quelles recommandations le Comité a retenues pour sa procédure de suivi, ni dans quel délai l’État partie ({ $state }) doit en rendre compte.
brief-follow-up-opening = { $paragraph ->
    [0] Dans ses observations finales, le Comité
   *[other] Au paragraphe { $paragraph } de ses observations finales, le Comité
}
brief-follow-up-none = { brief-follow-up-opening } n’a retenu aucune recommandation aux fins de sa procédure de suivi.
brief-follow-up-urgent = { brief-follow-up-opening } a appelé l’attention de l’État partie sur les recommandations qui appellent des mesures urgentes ({ $paragraphs }).
brief-follow-up-asked = { brief-follow-up-opening } a demandé à l’État partie de fournir des renseignements sur la mise en œuvre des recommandations formulées ({ $paragraphs }).
brief-follow-up-asked-by = { brief-follow-up-opening } a demandé à l’État partie de fournir, d’ici au { $date }, des renseignements sur la mise en œuvre des recommandations formulées ({ $paragraphs }).
brief-none-of-ours = Aucune de nos recommandations
brief-importance = { $paragraph ->
    [0] Le Comité
   *[other] Au paragraphe { $paragraph }, le Comité
} a appelé l’attention de l’État partie sur l’importance particulière des recommandations formulées ({ $paragraphs }) et lui a demandé de donner des renseignements détaillés à leur sujet dans son prochain rapport périodique.
brief-touched-none = Aucune de nos recommandations n’est reprise dans les paragraphes { $urgent ->
    [yes] appelant des mesures urgentes
   *[no] retenus pour le suivi
}.
brief-touched = { $count } de nos recommandations { $n ->
    [one] est reprise
   *[other] sont reprises
} dans les paragraphes { $urgent ->
    [yes] appelant des mesures urgentes
   *[no] retenus pour le suivi
} : { $list }.
brief-next-report = Le Comité attend le prochain rapport périodique de l’État partie { $when ->
    [year] en { $date }
   *[day] d’ici au { $date }
}.
brief-annex-follow-up = suivi : { $paragraphs }
brief-annex-urgent = mesures urgentes : { $paragraphs }
brief-annex-importance = importance particulière : { $paragraphs }
brief-annex-caption = Nos recommandations, les paragraphes du document { $symbol } qui les reprennent, et dans quelle mesure (le corps de la note cite les deux textes)
brief-headline = { $kind ->
    [fully] Reprises intégralement
    [partially] Reprises en partie
    [not-reflected] Laissées de côté
    [follow-up] Retenues pour le suivi
    [urgent] Mesures urgentes
    [importance] D’une importance particulière
    [pending] Pas encore évaluées
   *[asks] Nos demandes
}
brief-headline-due = { $paragraphs }, rapport attendu d’ici au { $date }
brief-headline-none-ours = { $what } ; aucune de nos recommandations n’y figure.
brief-headline-ours = { $what }. Parmi elles, les nôtres :
brief-headline-asks = { $count } à l’État partie, { $committee-count } { $code ->
    [UPR] à l’{ committee-name }
   *[other] au { committee-name }
}.
brief-by-follow-up-date = D’ici au { $date }, date limite du suivi
brief-by-follow-up = D’ici à la date limite du suivi
brief-by = D’ici au { $date }
brief-asks-intro = Nous demandons :
brief-asks-intro-deadline = Le Comité a demandé à l’État partie de rendre compte d’ici au { $date } de la suite donnée aux paragraphes retenus pour le suivi. À cette fin, et au-delà, nous demandons :
brief-asks-of-state = À l’État partie ({ $state })
brief-asks-of-committee = { $code ->
    [UPR] À l’{ committee-name }
   *[other] Au { committee-name }
}

## Figures, tableaux, annexes, abréviations et logos.

figure = Figure
table = Tableau
caption = { $word }{"\u00A0"}{ $number }{"\u00A0"}: { $caption }
list-of-figures = Liste des figures
list-of-tables = Liste des tableaux
annex = Annexe
methodology = Méthodologie
abbreviations = Sigles et abréviations
logo-alt = Logo de { $name }

numbered-item = { $item }
finding-articles = { $articles } { treaty-of }

## Le décompte des mots qu’affichent `check` et `build` (le reste du terminal reste en anglais).

words-limit = mots : { $counted } sur { $limit } (limite du { $code })
words-limit-own = mots : { $counted } sur { $limit } (limite fixée dans submission.yaml)
words-no-limit = mots : { $counted } (aucune limite fixée)
words-no-committee = mots : { $counted } (pas de limite : comité non reconnu)
words-whole = tout le document tel qu’il est imprimé
words-of-printed = sur { $printed } imprimés
words-body = corps du texte { $n }
words-footnotes = notes { $n }
words-footnotes-not-counted = notes { $n } (non comptées, comme le prévoit submission.yaml)
words-repeated = recommandations répétées { $n }
words-sources = liste des sources { $n }
words-cover = couverture, table des matières et titres { $n }
words-cover-not-counted = couverture, table des matières et titres non comptés (le modèle ne se compose pas)
words-annexes = annexes { $n } (hors limite)
words-line = { $words }, { $what }{ colon } { $parts }
words-unread =  ; sans compter { $files }, { $n ->
    [one] qui n’a pas pu être lu
   *[other] qui n’ont pas pu être lus
}
pages = { $n ->
    [one] { $n } page
   *[other] { $n } pages
}
