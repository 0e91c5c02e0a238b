# Amicus: las palabras fijas de un informe, en español.
#
# Cada línea: `identificador = texto`. `{ $nombre }` lo completa Amicus; `{ $x -> [a] … *[b] … }`
# elige una redacción (la marcada con asterisco es la predeterminada). Conserve cada
# identificador; cambie solo el texto.

## Comités y tratados, con la terminología de las Naciones Unidas.

committee-name = { $code ->
    [CCPR] Comité de Derechos Humanos
    [CAT] Comité contra la Tortura
    [CERD] Comité para la Eliminación de la Discriminación Racial
    [CEDAW] Comité para la Eliminación de la Discriminación contra la Mujer
    [CRC] Comité de los Derechos del Niño
    [CMW] Comité de Protección de los Derechos de Todos los Trabajadores Migratorios y de Sus Familiares
    [CESCR] Comité de Derechos Económicos, Sociales y Culturales
    [CRPD] Comité sobre los Derechos de las Personas con Discapacidad
    [CED] Comité contra la Desaparición Forzada
   *[UPR] Examen Periódico Universal
}
committee-to = al { committee-name }
treaty-name = { $code ->
    [CCPR] Pacto Internacional de Derechos Civiles y Políticos
    [CAT] Convención contra la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes
    [CERD] Convención Internacional sobre la Eliminación de Todas las Formas de Discriminación Racial
    [CEDAW] Convención sobre la Eliminación de Todas las Formas de Discriminación contra la Mujer
    [CRC] Convención sobre los Derechos del Niño
    [CMW] Convención Internacional sobre la Protección de los Derechos de Todos los Trabajadores Migratorios y de Sus Familiares
    [CESCR] Pacto Internacional de Derechos Económicos, Sociales y Culturales
    [CRPD] Convención sobre los Derechos de las Personas con Discapacidad
    [CED] Convención Internacional para la Protección de Todas las Personas contra las Desapariciones Forzadas
   *[UPR] Carta de las Naciones Unidas y Declaración Universal de Derechos Humanos
}
treaty-of = { $code ->
    [CCPR] del { treaty-name }
    [CESCR] del { treaty-name }
   *[other] de la { treaty-name }
}

## Fechas.

month = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
date = { $day } de { month } de { $year }
date-without-year = { $day } de { month }
date-range-days = { $start-day }–{ $day } de { month } de { $year }
date-range = { $start } – { $end }
date-range-within-year = { date-range }

## Números y listas.

# «144º período de sesiones», como en los documentos de las Naciones Unidas.
ordinal = { $n }º
list-comma = {", "}
list-pair = { $first } y { $last }
colon = {":"}
citation-comma = {", "}
citation-end = {"."}
note-above = { $citation }, supra nota{"\u00A0"}{ $n }.
note-ibid = Ibid.
paren = {" "}({ $what })
accessed = consultado el { $date }
articles = { $plural ->
    [yes] Artículos { $list }
   *[no] Artículo { $list }
}
article-item = { $para ->
    [none] { $article }{ $letter ->
        [none] {""}
       *[other] {" "}{ $letter })
    }
   *[other] { $article } (párr. { $para }{ $letter ->
        [none] {""}
       *[other] {" "}{ $letter })
    })
}
articles-short = { $plural ->
    [yes] arts. { $list }
   *[no] art. { $list }
}
paragraphs-short = { $plural ->
    [yes] párrs. { $list }
   *[no] párr. { $list }
}

## La portada.

cover-kicker = { $joint ->
    [yes] Contribución conjunta { committee-to }
   *[no] Contribución { committee-to }
}
cover-session = { ordinal } período de sesiones
short-title = { $state } · { $code } { cover-session }
stage-loi = Para la lista de cuestiones sobre { $state }
stage-loipr = Para la lista de cuestiones previa a la presentación del informe sobre { $state }
stage-review = Para el examen de { $state }
stage-follow-up = Información de seguimiento sobre { $state }
statement-public = La presente contribución es pública. { $upr ->
    [yes] La Oficina del Alto Comisionado
   *[no] El Comité
} puede publicarla en su página web y compartirla con el Estado parte.
statement-confidential = CONFIDENCIAL. La presente contribución está destinada exclusivamente a los miembros del Comité. No debe publicarse ni compartirse con el Estado parte.
submitted-by = Presentado por
confidential-mark = CONFIDENCIAL
page-of = { $page } de { $total }

## Títulos y menciones del informe.

contents = Índice
about-organisations = { $plural ->
    [yes] Acerca de las organizaciones autoras
   *[no] Acerca de la organización autora
}
executive-summary = Resumen ejecutivo
main-recommendations = Recomendaciones principales
follows-up = Seguimiento de { $citation }
in-our-view = a nuestro juicio: { $status ->
    [yes] aplicada
    [partly] parcialmente aplicada
   *[no] no aplicada
}
suggested-questions = Preguntas sugeridas al Estado parte
recommendations = Recomendaciones
recommendations-intro = { $upr ->
    [yes] Sugerimos que los Estados examinadores recomienden a { $state }:
   *[no] Recomendamos que el Comité inste al Estado parte a:
}
consolidated-recommendations = Lista consolidada de recomendaciones
column-number = N.º
column-recommendation = Recomendación
column-finding = Constatación
sources = Fuentes

## La nota de seguimiento (`amicus brief`).

date-month-year = { month } de { $year }
# Un número de recomendaciones (o de peticiones, también femenino) en letras hasta veinte.
count = { $n ->
    [0] ninguna
    [1] una
    [2] dos
    [3] tres
    [4] cuatro
    [5] cinco
    [6] seis
    [7] siete
    [8] ocho
    [9] nueve
    [10] diez
    [11] once
    [12] doce
    [13] trece
    [14] catorce
    [15] quince
    [16] dieciséis
    [17] diecisiete
    [18] dieciocho
    [19] diecinueve
    [20] veinte
   *[other] { $n }
}
brief-kind = Nota de seguimiento
brief-committee = { $code ->
    [UPR] { committee-name }
   *[other] { committee-name } ({ $code })
}
brief-kicker = { brief-kind } · { brief-committee } · { $state }
brief-short-title = { brief-kind } · { $state } · { $symbol }
brief-dek = Cómo recogen las observaciones finales del { committee-name } sobre { $state } las recomendaciones de nuestra { $joint ->
    [yes] contribución conjunta
   *[no] contribución
}
brief-description = Cómo recogen las observaciones finales del { committee-name } sobre { $state } ({ $symbol }) las recomendaciones de { $authors }.
brief-submission = Esta nota da seguimiento a nuestra { $joint ->
    [yes] contribución conjunta
   *[no] contribución
} “{ $title }” { $code ->
    [UPR] al { committee-name }
   *[other] al { committee-name } ({ $code })
} para su { ordinal } período de sesiones, de fecha { $date }.
co-named = { $title } ({ $symbol })
co-unnamed = Las observaciones finales { $symbol }
co-description = { $named }, aprobadas por el { committee-name }{ $has-adopted ->
    [yes] {" "}el { $adopted }
   *[no] {""}
}{ $has-session ->
    [yes] {" "}en su { ordinal } período de sesiones
   *[no] {""}
}{ $has-published ->
    [yes] {" "}y de fecha { $published }
   *[no] {""}
}.

## Títulos y menciones de la nota.

brief-key-results = Resultados principales
brief-introduction = Introducción
brief-context = Contexto
brief-recommendations = Nuestras recomendaciones y las observaciones finales
brief-unaddressed = Cuestiones no abordadas
brief-follow-up = Lo que el Comité destacó
brief-asks = Lo que pedimos
brief-conclusion = Conclusión
brief-annex = Anexo: recomendaciones y observaciones finales
brief-summary-caption = Nuestras recomendaciones por constatación, y en qué medida las recogen las observaciones finales
brief-all-recommendations = Todas las recomendaciones
brief-column-finding = Constatación
brief-column-made = Formuladas
brief-column-paragraphs = Párrafos
brief-column-paragraphs-short = Párrs.
brief-column-status = Estado
brief-column-grade = Calificación
brief-column-count = { $status ->
    [fully] Recogidas plenamente
    [partially] Recogidas parcialmente
    [not-reflected] No recogidas
   *[pending] Aún no evaluadas
}
brief-our-recommendation = Nuestra recomendación
brief-concluding-observations = Observaciones finales
brief-assessment = Evaluación
brief-quoted-above-under = Citado más arriba, en
brief-ods-link = El documento en el Sistema de Archivo de Documentos de las Naciones Unidas
brief-published = Publicado por { $byline }, { $date }. Elaborado con { $generator }.

## En qué medida las observaciones finales recogen una recomendación.

brief-status = { $status ->
    [fully] Recogida plenamente
    [partially] Recogida parcialmente
    [not-reflected] No recogida
   *[pending] Aún no evaluada
}
brief-figure = { $status ->
    [made] { $n ->
        [one] recomendación formulada
       *[other] recomendaciones formuladas
    }
    [fully] { $n ->
        [one] recogida plenamente
       *[other] recogidas plenamente
    }
    [partially] { $n ->
        [one] recogida parcialmente
       *[other] recogidas parcialmente
    }
    [not-reflected] { $n ->
        [one] no recogida
       *[other] no recogidas
    }
   *[pending] { $n ->
        [one] aún no evaluada
       *[other] aún no evaluadas
    }
}
brief-tally-part = { $count } { $status ->
    [fully] { $n ->
        [one] recogida plenamente
       *[other] recogidas plenamente
    }
    [partially] { $n ->
        [one] recogida parcialmente
       *[other] recogidas parcialmente
    }
    [not-reflected] { $n ->
        [one] no recogida
       *[other] no recogidas
    }
   *[pending] { $n ->
        [one] aún no evaluada
       *[other] aún no evaluadas
    }
}
brief-tally = { $count } { $n ->
    [one] recomendación
   *[other] recomendaciones
}: { $parts }

## Las frases de la nota.

brief-summary-none = La contribución no formulaba ninguna recomendación.
brief-summary-unassessed = { $n ->
    [one] Formulamos una recomendación; aún no se ha evaluado con respecto a las observaciones finales.
   *[other] Formulamos { $count } recomendaciones; ninguna se ha evaluado aún con respecto a las observaciones finales.
}
brief-summary = { $made ->
    [one] De nuestra única recomendación
   *[other] De nuestras { $made-count } recomendaciones
}, las observaciones finales { $verbs }.
brief-reflect-fully = recogen { $count } plenamente
brief-reflect-partially = recogen { $count } parcialmente
brief-reflect-both = recogen { $fully } plenamente y { $partially } parcialmente
brief-reflect-not = no recogen { $count }
brief-reflect-and-not = { $reflect }, y { $not }
brief-draft = BORRADOR
brief-draft-note = No apto para publicación: { $what }.
brief-draft-not-assessed = { $count } { $n ->
    [one] recomendación aún no se ha evaluado
   *[other] recomendaciones aún no se han evaluado
}
brief-draft-unreviewed = { $count } { $n ->
    [one] entrada es una sugerencia automática que nadie ha revisado
   *[other] entradas son sugerencias automáticas que nadie ha revisado
}
brief-draft-no-follow-up = no se conocen las recomendaciones seleccionadas para el procedimiento de seguimiento
brief-summary-pending = { $count } { $n ->
    [one] aún no se ha evaluado
   *[other] aún no se han evaluado
}.
brief-left-out = { $n ->
    [one] Recomendación no recogida
   *[other] Recomendaciones no recogidas
} en las observaciones finales (véase “{ brief-unaddressed }”):
brief-no-quote = { $status ->
    [not-reflected] Las observaciones finales no recogen esta recomendación.
    [pending] Aún no evaluada con respecto a las observaciones finales.
   *[other] No se cita ningún párrafo de las observaciones finales.
}
brief-selected = Seleccionada para el procedimiento de seguimiento ({ $paragraphs }).
brief-selected-urgent = Entre las recomendaciones que, según el Comité, requieren medidas urgentes ({ $paragraphs }).
brief-selected-by = Seleccionada para el procedimiento de seguimiento ({ $paragraphs }); el Estado parte debe informar al respecto a más tardar el { $date }.
brief-importance-note = Figura entre las recomendaciones a las que el Comité atribuyó especial importancia ({ $paragraphs }).
# The previous review: a recommendation the Committee had made already (a paragraph cited
# says it repeats or recalls it), and the earlier recommendations the findings followed up.
brief-earlier = El Comité ya lo había recomendado en { $citation }: el Estado parte no le dio cumplimiento.
brief-previous = El examen anterior
brief-previous-intro = Nuestro informe alternativo daba seguimiento a estas recomendaciones del examen anterior del Comité. Para cada una, si las nuevas observaciones finales ({ $symbol }) la reiteran o la recuerdan, según sus propias referencias:
brief-previous-implemented = { $implemented ->
    [yes] aplicada, a nuestro juicio
    [partly] aplicada en parte, a nuestro juicio
   *[no] no aplicada, a nuestro juicio
 }
brief-previous-repeated = Reiterada o recordada: { $paragraphs }.
brief-previous-dropped = Ningún párrafo de las nuevas observaciones finales la cita.
# Our suggested questions and the list of issues (loi-assessment.yaml).
brief-questions = Nuestras preguntas sugeridas y la lista de cuestiones
brief-questions-intro = { $symbol ->
    [none] Antes del examen, nuestras constataciones sugirieron preguntas para la lista de cuestiones del Comité. Para cada una, los párrafos de la lista que la plantean y en qué medida:
   *[other] Antes del examen, nuestras constataciones sugirieron preguntas para la lista de cuestiones del Comité ({ $symbol }). Para cada una, los párrafos de la lista que la plantean y en qué medida:
}
brief-questions-fully = Planteada: { $paragraphs }.
brief-questions-partly = Planteada en parte: { $paragraphs }.
brief-questions-not-asked = No planteada.
brief-questions-pending = Aún sin decidir.
brief-draft-questions = { $count } { $n ->
    [one] pregunta sugerida aún no se ha cotejado
   *[other] preguntas sugeridas aún no se han cotejado
} con la lista de cuestiones
brief-quote-kind = { $excerpt ->
    [yes] { $kind ->
        [recommendation] Extracto de una recomendación,
        [concern] Extracto de un motivo de preocupación,
        [positive-aspect] Extracto de un aspecto positivo,
       *[none] Extracto,
    }
   *[no] { $kind ->
        [recommendation] Recomendación,
        [concern] Motivo de preocupación,
        [positive-aspect] Aspecto positivo,
       *[none] {""}
    }
} { $items ->
    [one] apartado { $letters } del párr. { $paragraph }
    [many] apartados { $letters } del párr. { $paragraph }
   *[none] párr. { $paragraph }
}
brief-quote-missing = El texto citado ({ $paragraphs }) no figura en las observaciones finales utilizadas para esta nota.
brief-quoted-above = Citado más arriba: { $list }.
brief-quoted-under = { $letter }) en { $label }
brief-grade-scale = Aplicación (calificación de seguimiento del { committee-name })
# Las calificaciones de seguimiento del Comité de Derechos Humanos (traducción de Amicus de
# la escala publicada en inglés y en francés).
grade-ccpr = { $grade ->
    [A] Respuesta o medida satisfactoria en gran parte
    [B] Respuesta o medida parcialmente satisfactoria
    [C] Respuesta o medida no satisfactoria
    [D] Falta de cooperación con el Comité
   *[E] La información proporcionada o las medidas adoptadas son contrarias a las recomendaciones o reflejan su rechazo
}
grade-ced = { $grade ->
    [A] Satisfactoria
    [B] Parcialmente satisfactoria
    [C] No satisfactoria
   *[D] Sin respuesta
}
brief-unaddressed-some = Las observaciones finales no recogen { $count } de nuestras { $made-count } { $made ->
    [one] recomendación
   *[other] recomendaciones
}:
brief-unaddressed-pending = Ninguna de las recomendaciones evaluadas hasta ahora quedó fuera de las observaciones finales; { $count } { $n ->
    [one] aún no se ha evaluado
   *[other] aún no se han evaluado
}.
brief-unaddressed-none = Las observaciones finales recogen, al menos en parte, todas nuestras recomendaciones.
brief-follow-up-unknown = Las observaciones finales utilizadas para esta nota no incluyen el párrafo sobre el seguimiento, por lo que la nota no puede indicar qué recomendaciones seleccionó el Comité para su procedimiento de seguimiento ni en qué plazo debe informar { $state } al respecto.
brief-follow-up-opening = { $paragraph ->
    [0] En sus observaciones finales, el Comité
   *[other] En el párrafo { $paragraph } de sus observaciones finales, el Comité
}
brief-follow-up-none = { brief-follow-up-opening } no seleccionó ninguna recomendación para su procedimiento de seguimiento.
brief-follow-up-urgent = { brief-follow-up-opening } señaló a la atención de { $state } las recomendaciones que requieren medidas urgentes ({ $paragraphs }).
brief-follow-up-asked = { brief-follow-up-opening } pidió a { $state } que proporcionara información sobre la aplicación de las recomendaciones formuladas ({ $paragraphs }).
brief-follow-up-asked-by = { brief-follow-up-opening } pidió a { $state } que proporcionara, a más tardar el { $date }, información sobre la aplicación de las recomendaciones formuladas ({ $paragraphs }).
brief-none-of-ours = Ninguna de nuestras recomendaciones
brief-importance = { $paragraph ->
    [0] El Comité
   *[other] En el párrafo { $paragraph }, el Comité
} señaló a la atención de { $state } la especial importancia de las recomendaciones formuladas ({ $paragraphs }) y le pidió que en su próximo informe periódico proporcionara información detallada al respecto.
brief-touched-none = Ninguna de nuestras recomendaciones se recoge en los párrafos { $urgent ->
    [yes] que piden medidas urgentes
   *[no] seleccionados para el seguimiento
}.
brief-touched = { $count } de nuestras recomendaciones { $n ->
    [one] se recoge
   *[other] se recogen
} en los párrafos { $urgent ->
    [yes] que piden medidas urgentes
   *[no] seleccionados para el seguimiento
}: { $list }.
brief-next-report = El Comité espera el próximo informe periódico de { $state } { $when ->
    [year] en { $date }
   *[day] a más tardar el { $date }
}.
brief-annex-follow-up = seguimiento: { $paragraphs }
brief-annex-urgent = medidas urgentes: { $paragraphs }
brief-annex-importance = especial importancia: { $paragraphs }
brief-annex-caption = Nuestras recomendaciones, los párrafos del documento { $symbol } que las recogen y en qué medida (el cuerpo de esta nota cita ambos textos)
brief-headline = { $kind ->
    [fully] Recogidas plenamente
    [partially] Recogidas parcialmente
    [not-reflected] Quedaron fuera
    [follow-up] Seleccionadas para el seguimiento
    [urgent] Medidas urgentes
    [importance] De especial importancia
    [pending] Aún no evaluadas
   *[asks] Nuestras peticiones
}
brief-headline-due = { $paragraphs }, informe a más tardar el { $date }
brief-headline-none-ours = { $what }; ninguna de nuestras recomendaciones figura entre ellos.
brief-headline-ours = { $what }. Nuestras recomendaciones entre ellos:
brief-headline-asks = { $count } a { $state }, { $committee-count } al { committee-name }.
brief-by-follow-up-date = A más tardar el { $date }, plazo del seguimiento
brief-by-follow-up = En el plazo del seguimiento
brief-by = A más tardar el { $date }
brief-asks-intro = Pedimos:
brief-asks-intro-deadline = El Comité pidió a { $state } que informara a más tardar el { $date } sobre los párrafos seleccionados para el seguimiento. Con ese fin, y más allá, pedimos:
brief-asks-of-state = A { $state }
brief-asks-of-committee = Al { committee-name }

## Figuras, cuadros, anexos, siglas y logotipos.

figure = Figura
table = Cuadro
caption = { $word }{"\u00A0"}{ $number }: { $caption }
list-of-figures = Lista de figuras
list-of-tables = Lista de cuadros
annex = Anexo
methodology = Metodología
abbreviations = Siglas y abreviaturas
logo-alt = Logotipo de { $name }

numbered-item = { $item }
finding-articles = { $articles } { treaty-of }

## El recuento de palabras que muestran `check` y `build` (el resto de la terminal sigue en inglés).

words-limit = palabras: { $counted } de { $limit } (límite del { $code })
words-limit-own = palabras: { $counted } de { $limit } (límite fijado en submission.yaml)
words-no-limit = palabras: { $counted } (sin límite fijado)
words-no-committee = palabras: { $counted } (sin límite: no se reconoce el comité)
words-whole = todo el documento tal como se imprime
words-of-printed = de { $printed } impresas
words-body = cuerpo { $n }
words-footnotes = notas { $n }
words-footnotes-not-counted = notas { $n } (no se cuentan, según submission.yaml)
words-repeated = recomendaciones repetidas { $n }
words-sources = lista de fuentes { $n }
words-cover = portada, índice y títulos { $n }
words-cover-not-counted = portada, índice y títulos sin contar (la plantilla no se compone)
words-annexes = anexos { $n } (fuera del límite)
words-line = { $words }, { $what }{ colon } { $parts }
words-unread = ; sin contar { $files }, { $n ->
    [one] que no se pudo leer
   *[other] que no se pudieron leer
}
pages = { $n ->
    [one] { $n } página
   *[other] { $n } páginas
}
