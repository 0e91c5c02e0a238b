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

## Números y listas.

# «144º período de sesiones», como en los documentos de las Naciones Unidas.
ordinal = { $n }º
list-and = y
articles = { $plural ->
    [yes] Artículos { $list }
   *[no] Artículo { $list }
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
