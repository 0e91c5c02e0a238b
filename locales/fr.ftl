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

## Nombres et listes.

# « 144e session », « 1re session ».
ordinal = { $n ->
    [1] 1re
   *[other] { $n }e
}
list-and = et
articles = { $plural ->
    [yes] Articles { $list }
   *[no] Article { $list }
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
column-number = N°
column-recommendation = Recommandation
column-finding = Constat
sources = Sources
