//! The small word lists the ranking relies on, per language: stop words, concept groups
//! (words that count as the same idea), and the words that tell a recommendation paragraph
//! from a concern.
//!
//! These are data, kept short and readable so that an advocate or a maintainer can see why two
//! texts matched and add a missing word. Words are written in lower case. Stop words may be
//! written with or without accents (they are compared folded); concept words must be written
//! as a text would spell them, accents included, because they go through the same stemmer as
//! the text (the French stemmer cuts "réfugiés" and "refugies" differently).
//!
//! How the lists were made: the stop words are common function words plus the boilerplate of
//! concluding observations ("the State party should ensure …") and of NGO recommendations
//! ("urge the Committee to remind …"), which says nothing about the subject. The concept groups
//! are the synonyms that human-rights texts use for the same protection (an NGO writes
//! "compensation", the committee "reparation"). The Spanish table mirrors the English and
//! French concepts one for one and adds none of its own (see `docs/suggest-accuracy.md`).

use super::Lang;

// The lists are kept as plain text rather than Rust arrays so that they read as a table (and
// rustfmt does not put every word on a line of its own).

/// Function words ("the", "of", "which"), per language. They also serve to guess a text's
/// language.
pub(super) fn function_words(lang: Lang) -> impl Iterator<Item = &'static str> {
    match lang {
        Lang::En => EN_FUNCTION,
        Lang::Fr => FR_FUNCTION,
        Lang::Es => ES_FUNCTION,
    }
    .split_whitespace()
}

/// The boilerplate of concluding observations and of recommendations addressed to a committee
/// ("the State party should ensure", "urge the Committee to remind"), per language.
pub(super) fn boilerplate_words(lang: Lang) -> impl Iterator<Item = &'static str> {
    match lang {
        Lang::En => EN_BOILERPLATE,
        Lang::Fr => FR_BOILERPLATE,
        Lang::Es => ES_BOILERPLATE,
    }
    .split_whitespace()
}

/// Groups of words or short phrases that mean the same thing for ranking, per language, as
/// (group name, members). The name is the concept's key, never shown.
pub(super) fn concepts(lang: Lang) -> Vec<(&'static str, Vec<String>)> {
    let table = match lang {
        Lang::En => EN_CONCEPTS,
        Lang::Fr => FR_CONCEPTS,
        Lang::Es => ES_CONCEPTS,
    };
    // (name, the members' text, lines joined): a phrase may run on to the next line.
    let mut groups: Vec<(&'static str, String)> = Vec::new();
    for line in table.lines() {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        // A group starts at the table's indentation; deeper lines continue the previous one.
        let starts_group = line.len() - line.trim_start().len() == 4;
        match (starts_group, text.split_once(':'), groups.last_mut()) {
            (true, Some((name, rest)), _) => groups.push((name.trim(), rest.to_string())),
            (_, _, Some((_, members))) => {
                members.push(' ');
                members.push_str(text);
            }
            _ => {}
        }
    }
    groups
        .into_iter()
        .map(|(name, members)| {
            let list = members.split(',').map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "));
            (name, list.filter(|m| !m.is_empty()).collect())
        })
        .collect()
}

/// Phrases that say nothing about the subject, whose words are dropped where the phrase occurs
/// ("in order to", so that "order" does not meet "court order"; "a fin de", "afin de").
pub(super) fn phrase_stops(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "in order to",
            "with a view to",
            "in particular",
            "as well as",
            "inter alia",
            "such as",
            "in line with",
            "in accordance with",
            "in the light of",
            "bearing in mind",
            "with regard to",
            "step up",
            "take all necessary measures",
            "all forms of",
            "all types of",
        ],
        Lang::Fr => &[
            "afin de",
            "en vue de",
            "ainsi que",
            "en particulier",
            "conformément à",
            "compte tenu de",
            "toutes les formes de",
            "tous types de",
            "à cet égard",
        ],
        Lang::Es => &[
            "a fin de",
            "con el fin de",
            "con el objetivo de",
            "a través de",
            "así como",
            "en particular",
            "de conformidad con",
            "teniendo en cuenta",
            "llevar a cabo",
            "todas las formas de",
            "todo tipo de",
            "a tal efecto",
            "se trata de",
        ],
    }
}

/// Words whose Snowball stem would meet an unrelated word's, with the stem to use instead, as
/// (stem, the forms that take it): "universal" and "universities" both stem to `univers`.
pub(super) fn stem_overrides(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[
            ("universal=", "universal universally universality"),
            ("university=", "university universities"),
            ("organization=", "organization organizations organisation organisations"),
            ("organ=", "organ organs"),
            ("publication=", "publication publications"),
            ("nationality=", "nationality nationalities"),
            ("generation=", "generation generations"),
        ],
        Lang::Fr => &[
            ("organisation=", "organisation organisations"),
            ("universite=", "université universités"),
            ("traite=", "traite"),
            ("traitement=", "traitement traitements"),
        ],
        Lang::Es => &[
            ("trata=", "trata"),
            ("tratamiento=", "tratamiento tratamientos"),
            ("universidad=", "universidad universidades universitario universitaria universitarios"),
            ("organizacion=", "organización organizaciones"),
            ("organo=", "órgano órganos"),
        ],
    }
}

/// Prefixes that negate the word they start: the rest of the word counts too, a little
/// ("unemployment" says something about "employment"; "desigualdad" about "igualdad").
pub(super) fn negating_prefixes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["un", "non"],
        Lang::Fr => &["des", "non"],
        Lang::Es => &["des", "no"],
    }
}

/// English function words.
const EN_FUNCTION: &str = "
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either every
    few for from further had has have having he her here hers him his how i if in into is it its
    itself least may might more most much must my no non nor not of off on once one only or
    other others our out over own per same shall she so some such than that the their theirs
    them themselves then there these they this those through to too under until up upon very was
    we were what when where whether which while who whom why will with within without would you
    your s
";

/// English boilerplate of concluding observations and of recommendations to a committee.
const EN_BOILERPLATE: &str = "
    state states party parties committee should ensure ensures ensuring take takes taking
    measure measures necessary including include includes particular particularly recommend
    recommends recommended recommendation recommendations urge urges call calls encourage
    encourages invite invites request requests concern concerned concerns note notes noting
    regret regrets welcome welcomes remind demand ask efforts steps inter alia regard regarding
    relevant appropriate continue undertake
    redouble intensify strengthen strengthened strengthening promote promoting pursue consider
    expedite accelerate especially specifically additional necessary effective effectively
    further all forms types kind aim aimed view country
    allow allows allowed enable enables let lets make makes give gives
";

/// French function words (written without accents: they are compared folded).
const FR_FUNCTION: &str = "
    a au aux avec ce ces cet cette d dans de des du elle elles en entre et etre eux il ils je l
    la le les leur leurs lui m ma mais me meme memes mes n ne ni non nos notre nous on ont ou
    par pas pour qu que qui s sa sans se ses son sont sur ta te tes toi ton tous tout toute
    toutes tu un une vos votre vous y est sera seront soit soient ete afin ainsi aussi autre
    autres dont lors sous vers si plus tres toujours
";

/// French boilerplate.
const FR_BOILERPLATE: &str = "
    etat etats partie parties comite devrait devraient doit doivent veiller veille prendre
    mesure mesures necessaire necessaires notamment recommande recommandation recommandations
    recommander engage exhorte invite prie demande demander preoccupe preoccupee preoccupes
    preoccupation regrette note salue accueille rappeler efforts particulier egard poursuivre
    redoubler intensifier renforcer promouvoir garantir assurer prendre adopter continuer
    notamment afin formes types pays
    permettre permette permettent faire donner
";

/// Spanish function words (written without accents: they are compared folded).
const ES_FUNCTION: &str = "
    a al ante con contra cual cuales de del desde donde durante e el ella ellas ellos en entre
    es esa esas ese eso esos esta estas este esto estos fue fueron ha han hasta la las le les lo
    los mas mismo muy ni no o para pero por que quien se sea sean ser si sin sobre son su sus
    tambien todo todos toda todas u un una uno unos unas y ya otro otros otra otras cada
";

/// Spanish boilerplate.
const ES_BOILERPLATE: &str = "
    estado estados parte partes comite debe deben deberia deberian velar adoptar medida medidas
    necesarias necesario incluido incluida incluidos incluidas particular recomienda
    recomendacion recomendaciones insta alienta invita solicita pide preocupa preocupacion
    preocupado lamenta observa acoge satisfaccion asegurar esfuerzos respecto
    mediante redoblar fomentar promover garantizar garantice seguir proseguir continuar
    intensificar reforzar fortalecer fortalezca adopte vele asegure tomar realizar especialmente
    forma formas tipo tipos fin objetivo pais traves
    permitir permita permitan hacer haga dar
";

/// English concept groups: `name: word, word, phrase`, one group per line (continued lines are indented further).
const EN_CONCEPTS: &str = "
    removal: refoulement, non-refoulement, refouled, expel, expelled, expulsion, extradite,
             extradited, extradition, deport, deported, deportation, return, returned, removal,
             pushback, pushbacks, push back, pushed back, send back, sent back
    reparation: reparation, reparations, redress, compensation, compensate, compensated,
                indemnify, indemnification
    detention: detention, detain, detained, detainee, detainees, custody, custodial, deprivation
               of liberty, deprived of their liberty, lock up, locking up, locked up,
               confinement
    prison: prison, prisons, prisoner, prisoners, jail, jails, penitentiary, incarceration,
            imprisonment, inmate, inmates
    asylum: asylum, asylum-seeker, asylum-seekers, refugee, refugees, international protection
    ill-treatment: torture, tortured, ill-treatment, ill-treated, mistreatment, maltreatment,
                   abuse, brutality, beatings
    accountability: prosecute, prosecuted, prosecution, punish, punished, sanction, sanctioned,
                    accountable, accountability, brought to justice, bring to justice
    lawyer: lawyer, lawyers, counsel, attorney, legal assistance, legal aid
    child: child, children, minor, minors, juvenile, juveniles
    data: statistics, data, figures, disaggregated, broken down
    border: border, borders, frontier, entry point, entry points, border crossing, border
            crossings
    medical: doctor, doctors, physician, medical, pathologist, forensic
    police: police, policing, law enforcement, gendarmerie, police station, police stations
    protest: protest, protests, protester, protesters, demonstration, demonstrations,
             demonstrator, demonstrators, rally
    defamation: defamation, libel, slander, insult
    defender: defender, defenders, activist, activists
    isolation: solitary confinement, isolation
    eviction: eviction, evictions, evict, evicted
    stateless: stateless, statelessness
    migrant: migrant, migrants, foreigner, foreigners, non-national, non-nationals, non-citizen,
             non-citizens, alien, aliens, foreign nationals
    participation: participation, participate, participating, voice, voices, be heard, express
                   their views, express their opinion, have their say
    employment: employment, unemployment, employed, unemployed, job, jobs, labour market, labor
                market, hiring
    scholarship: scholarship, scholarships, grant, grants, bursary, bursaries, financial support,
                 financial assistance
    dropout: dropout, dropouts, drop out, dropping out, leave school, leaving school, early school
             leaving
    awareness: awareness, awareness-raising, raise awareness, raising awareness, sensitization,
               sensitisation, sensitize, sensitise
    drugs: drug, drugs, narcotic, narcotics, drug use, substance abuse
    disability: disability, disabilities, disabled
    gender-equality: gender equality, gender equity, equality between women and men, equality
                     between men and women
    trafficking: trafficking, trafficked, trafficking in persons, human trafficking
    psychological: psychological, psychosocial, mental health
    suicide: suicide, suicides, suicidal
    youth: young people, youth, youths, adolescent, adolescents, teenager, teenagers
    corporal: corporal punishment, physical violence, physical punishment, beating children
    complaint: complaint, complaints, reporting centres, reporting centers, report abuse
    african-descent: afro-descendant, afro-descendants, people of african descent, persons of
                     african descent, of african descent, afrodescendant, afrodescendants
    racism: racism, racist, racial
    media: media, mass media, television, newspapers, press, radio
    restraint: restraint, restraints, physical restraint, chemical restraint, mechanical
               restraint, fixation, strapping, strapped, belt restraint
    forced-treatment: forced treatment, involuntary treatment, compulsory treatment, coercive
                      treatment, forced medication, treatment without consent, coercion,
                      coercive measures, coercive practices
    involuntary-placement: involuntary hospitalization, involuntary hospitalisation, forced
                           hospitalization, forced hospitalisation, involuntary admission,
                           compulsory admission, involuntary placement, involuntary
                           commitment, psychiatric commitment, forced institutionalization,
                           forced institutionalisation
    assistive: assistive device, assistive devices, assistive technology, assistive
               technologies, mobility aid, mobility aids, hearing aid, hearing aids, wheelchair,
               wheelchairs, prosthesis, prostheses, prosthetic, prosthetics
    emergency: emergency, emergencies, disaster, disasters, flood, floods, flooding,
               earthquake, earthquakes, hurricane, hurricanes, wildfire, wildfires, heat wave,
               heatwave, evacuation, evacuate, evacuated, situations of risk
    armed-conflict: armed conflict, armed conflicts, war, wars, bombing, bombings,
                    bombardment, airstrike, airstrikes, air strikes, hostilities, military
                    operations
    guardianship: guardianship, guardian, guardians, legal guardian, wardship, curatorship,
                  substitute decision-making, substituted decision-making
    incapacity: legal capacity, incapacity, incapable, incapacitated, incapacitation, declared
                incompetent, interdiction
    pupil: pupil, pupils, student, students, learner, learners, schoolchildren
    special-school: special school, special schools, special education, segregated education,
                    segregated schools, segregated school, special classes, special class,
                    special schooling
    mainstream-school: mainstream school, mainstream schools, regular school, regular schools,
                       ordinary school, ordinary schools, local school, inclusive education,
                       mainstream education, general education system
    residential: institution, institutions, institutional settings, care home, care homes,
                 group home, group homes, residential facility, residential facilities,
                 residential institution, residential institutions, nursing home, nursing
                 homes, long-term care, residential care
    personal-assistance: personal assistance, personal assistant, personal assistants,
                         personal budget, personal budgets
    sign-language: sign language, sign languages, signing
    easy-read: easy read, easy-read, easy language, easy to read, plain language, simplified
               language
    vote: vote, voting, right to vote, polling station, polling stations, ballot, ballots,
          electoral
    sterilization: sterilisation, sterilization, sterilised, sterilized, sterilise, sterilize
    benefit: pension, pensions, disability allowance, disability allowances, disability benefit,
             disability benefits, social assistance, cash transfer, cash transfers, voucher,
             vouchers
    wage: wage, wages, salary, salaries, remuneration, minimum wage
    workshop: sheltered workshop, sheltered workshops, sheltered employment, segregated
              employment, workshops
    shelter: shelter, shelters, refuge, refuges, safe house, safe houses
    psychiatric: psychiatric, psychiatry, psychiatrist, psychiatrists
    hospital: hospital, hospitals, clinic, clinics, health-care facilities, health facilities
    citizenship: citizenship, naturalization, naturalisation, nationality
    death-penalty: death penalty, capital punishment, execution, executions, sentenced to death,
                   death sentence, death sentences
    domestic-violence: domestic violence, gender-based violence, violence against women,
                       intimate partner violence, family violence
";

/// French concept groups, same layout.
const FR_CONCEPTS: &str = "
    removal: refoulement, non-refoulement, refoulé, refoulés, expulser, expulsion, expulsé,
             expulsés, extrader, extradition, extradé, éloignement, éloigner, renvoyer, renvoi,
             renvoyé, renvoyés, reconduite
    reparation: réparation, réparations, indemnisation, indemniser, dédommagement, dédommager
    detention: détention, détenu, détenus, détenue, détenues, rétention, enfermement, enfermer,
               garde à vue, privation de liberté
    prison: prison, prisons, carcéral, carcérale, pénitentiaire, incarcération, emprisonnement
    asylum: asile, réfugié, réfugiés, protection internationale
    ill-treatment: torture, torturé, torturée, torturés, mauvais traitements, sévices,
                   maltraitance
    accountability: poursuivre, poursuites, poursuivis, sanctionner, sanctionnés, sanction,
                    punir, traduire en justice
    lawyer: avocat, avocats, aide juridictionnelle, assistance juridique
    child: enfant, enfants, mineur, mineurs
    data: statistiques, données, chiffres, ventilées
    border: frontière, frontières, point d'entrée, points d'entrée
    medical: médecin, médecins, médical, médicale, légiste
    police: police, policier, policiers, policière, policières, forces de l'ordre, gendarmerie,
            maintien de l'ordre
    protest: manifestation, manifestations, manifestant, manifestants, rassemblement,
             rassemblements
    defamation: diffamation, injure, outrage
    defender: défenseurs des droits de l'homme, militant, militants
    isolation: isolement, quartier disciplinaire
    eviction: expulsion locative, évacuation, évacuations
    stateless: apatride, apatrides, apatridie
    migrant: migrant, migrants, étranger, étrangers, étrangère, étrangères, non-ressortissant,
             non-ressortissants
    participation: participation, participer, être entendus, être entendues, exprimer leur
                   opinion, exprimer leurs opinions, faire entendre leur voix
    employment: emploi, emplois, chômage, chômeurs, marché du travail, embauche
    scholarship: bourse, bourses, bourses d'études, aide financière, soutien financier
    dropout: décrochage, décrochage scolaire, abandon scolaire, déscolarisation
    awareness: sensibilisation, sensibiliser, prise de conscience
    drugs: drogue, drogues, stupéfiants, consommation de drogues
    disability: handicap, handicaps, handicapé, handicapés, handicapée, handicapées
    gender-equality: égalité des sexes, égalité des genres, égalité entre les femmes et les
                     hommes, égalité entre les hommes et les femmes
    trafficking: traite, traite des personnes, traite des êtres humains
    psychological: psychologique, psychologiques, psychosocial, psychosociale, santé mentale
    suicide: suicide, suicides
    youth: jeunes, jeunesse, adolescent, adolescents, adolescente, adolescentes
    corporal: châtiments corporels, violence physique, violences physiques
    complaint: plainte, plaintes, signalement, signalements
    african-descent: afrodescendant, afrodescendants, afro-descendant, afro-descendants,
                     d'ascendance africaine, personnes d'ascendance africaine
    racism: racisme, raciste, racistes, racial, raciale, raciales
    media: médias, télévision, presse, radio, journaux
    restraint: contention, contentions, contention physique, contention chimique, contention
               mécanique, sangle, sangles, attacher, attaché
    forced-treatment: traitement forcé, traitements forcés, traitement sans consentement,
                      traitements sans consentement, traitement involontaire, médication forcée,
                      soins sans consentement, coercition, mesures coercitives
    involuntary-placement: hospitalisation sans consentement, hospitalisation forcée,
                           hospitalisation involontaire, internement, internement forcé,
                           placement involontaire, placement forcé en institution,
                           institutionnalisation forcée
    assistive: aide technique, aides techniques, technologie d'assistance, technologies
               d'assistance, aide à la mobilité, aides à la mobilité, appareil auditif, appareils
               auditifs, prothèse auditive, prothèses auditives, fauteuil roulant, fauteuils
               roulants, prothèse, prothèses
    emergency: urgence, urgences, catastrophe, catastrophes, inondation, inondations, séisme,
               séismes, tremblement de terre, ouragan, ouragans, incendie, incendies, canicule,
               évacuation, évacuer, situations de risque
    armed-conflict: conflit armé, conflits armés, guerre, guerres, bombardement, bombardements,
                    frappe aérienne, frappes aériennes, hostilités, opérations militaires
    guardianship: tutelle, tuteur, tuteurs, curatelle, curateur, prise de décisions
                  substitutive, régimes de prise de décisions substitutive
    incapacity: capacité juridique, incapacité, incapable, incapables, interdiction judiciaire,
                interdiction, interdits
    pupil: élève, élèves, écolier, écoliers, étudiant, étudiants
    special-school: école spécialisée, écoles spécialisées, enseignement spécialisé, éducation
                    spécialisée, établissements d'enseignement spécialisé, éducation ségréguée,
                    enseignement ségrégué, classes spécialisées
    mainstream-school: école ordinaire, écoles ordinaires, enseignement ordinaire, éducation
                       inclusive, enseignement général, système éducatif général
    residential: institution, institutions, établissement, établissements, foyer, foyers,
                 maison de retraite, établissement résidentiel, établissements résidentiels,
                 soins de longue durée, long séjour
    personal-assistance: assistance personnelle, assistant personnel, assistants personnels,
                         aide personnelle, budget personnel
    sign-language: langue des signes, langues des signes
    easy-read: facile à lire, facile à lire et à comprendre, langage simplifié, langage clair
    vote: vote, voter, droit de vote, bureau de vote, bureaux de vote, scrutin, électoral,
          électorale
    sterilization: stérilisation, stérilisations, stérilisé, stérilisée, stérilisées, stériliser
    benefit: pension, pensions, allocation, allocations, prestation, prestations, aide sociale,
             transfert monétaire, transferts monétaires
    wage: salaire, salaires, rémunération, salaire minimum
    workshop: atelier protégé, ateliers protégés, emploi protégé, emploi ségrégué
    shelter: foyer d'accueil, foyers d'accueil, refuge, refuges, centre d'accueil, centres
             d'accueil, hébergement d'urgence
    psychiatric: psychiatrique, psychiatriques, psychiatrie, psychiatre, psychiatres
    hospital: hôpital, hôpitaux, clinique, cliniques, établissements de santé
    citizenship: citoyenneté, naturalisation, nationalité
    death-penalty: peine de mort, peine capitale, exécution, exécutions, condamné à mort,
                   condamnation à mort
    domestic-violence: violence domestique, violences domestiques, violence fondée sur le genre,
                       violence à l'égard des femmes, violence familiale, violences conjugales
";

/// Spanish concept groups, same layout: the English and French concepts, no others.
const ES_CONCEPTS: &str = "
    removal: devolución, devoluciones, no devolución, devolver, devuelta, devuelto, expulsión,
             expulsar, expulsada, expulsado, extradición, extraditar, extraditada, extraditado,
             deportación, deportar, deportado
    reparation: reparación, indemnización, indemnizar, resarcimiento
    detention: detención, detenido, detenidos, detenida, detenidas, privación de libertad,
               encerrar, encierro, custodia
    prison: prisión, cárcel, cárceles, carcelario, carcelaria, penitenciario, penitenciarios,
            encarcelamiento, reclusos
    asylum: asilo, refugiado, refugiados, protección internacional
    ill-treatment: tortura, torturado, torturada, malos tratos, maltrato
    accountability: enjuiciar, enjuiciamiento, sancionar, sanción, castigar, procesar, llevar
                    ante la justicia
    lawyer: abogado, abogados, asistencia jurídica, asistencia letrada
    child: niño, niños, niña, niñas, menor, menores
    data: estadísticas, datos, cifras, desglosados
    border: frontera, fronteras, punto de entrada, puntos de entrada
    medical: médico, médicos, médica, forense, forenses
    police: policía, policial, policiales, policiaco, policiacos, policíaco, policíacos,
            comisaría, comisarías, fuerzas de seguridad, fuerzas del orden
    protest: protesta, protestas, manifestación, manifestaciones, manifestante, manifestantes
    defamation: difamación, injuria, calumnia
    defender: defensores de derechos humanos, activista, activistas
    isolation: aislamiento, régimen de aislamiento
    eviction: desalojo, desalojos, desalojar
    stateless: apátrida, apátridas, apatridia
    migrant: migrante, migrantes, extranjero, extranjeros, extranjera, extranjeras, no
             nacionales
    participation: participación, participar, voces, ser escuchadas, ser escuchados, ser
                   escuchado, ser escuchada, expresar su opinión, opinar
    employment: empleo, empleos, desempleo, desempleados, mercado laboral, mercado de trabajo,
                puestos de trabajo, contratación
    scholarship: beca, becas, apoyo económico, ayuda económica, ayudas económicas
    dropout: abandono escolar, deserción escolar, deserción, abandonar la escuela
    awareness: concientización, concienciación, sensibilización, concientizar, concienciar,
               sensibilizar, toma de conciencia
    drugs: droga, drogas, estupefacientes, consumo de drogas
    disability: discapacidad, discapacidades
    gender-equality: igualdad de género, equidad de género, igualdad entre hombres y mujeres,
                     igualdad entre mujeres y hombres
    trafficking: trata, trata de personas, trata de seres humanos
    psychological: psicológico, psicológica, psicológicos, psicosocial, salud mental
    suicide: suicidio, suicidios
    youth: jóvenes, juventud, adolescente, adolescentes
    corporal: castigo corporal, castigos corporales, violencia física, violencia corporal
    complaint: denuncia, denuncias, centros de denuncia
    african-descent: afrodescendiente, afrodescendientes, personas afrodescendientes,
                     ascendencia africana
    racism: racismo, racista, racistas, racial, raciales
    media: medios de comunicación, televisión, prensa, radio, periódicos
    restraint: contención, contenciones, contención física, contención química, contención
               mecánica, sujeción, sujeciones, inmovilización, amarrar, atar
    forced-treatment: tratamiento forzoso, tratamientos forzosos, tratamiento involuntario,
                      tratamiento sin consentimiento, medicación forzosa, coerción, medidas
                      coercitivas, prácticas coercitivas
    involuntary-placement: internamiento involuntario, internamiento forzoso, hospitalización
                           involuntaria, hospitalización forzosa, ingreso involuntario,
                           institucionalización forzosa, internar
    assistive: ayuda técnica, ayudas técnicas, tecnología de apoyo, tecnologías de apoyo, ayuda
               para la movilidad, ayudas para la movilidad, audífono, audífonos, silla de ruedas,
               sillas de ruedas, prótesis, dispositivos de apoyo
    emergency: emergencia, emergencias, desastre, desastres, inundación, inundaciones,
               terremoto, terremotos, sismo, huracán, huracanes, incendio, incendios, ola de
               calor, evacuación, evacuar, situaciones de riesgo
    armed-conflict: conflicto armado, conflictos armados, guerra, guerras, bombardeo,
                    bombardeos, ataque aéreo, ataques aéreos, hostilidades, operaciones
                    militares
    guardianship: tutela, tutor, tutores, curatela, curador, sustitución en la adopción de
                  decisiones, regímenes de sustitución
    incapacity: capacidad jurídica, incapacidad, incapaz, incapaces, interdicción, declarados
                incapaces
    pupil: alumno, alumnos, alumna, alumnas, estudiante, estudiantes, escolares
    special-school: escuela especial, escuelas especiales, educación especial, institutos de
                    educación especial, educación segregada, escuelas segregadas, aulas
                    especiales, aulas separadas
    mainstream-school: escuela ordinaria, escuelas ordinarias, escuela regular, escuelas
                       regulares, educación inclusiva, sistema educativo general, educación
                       general
    residential: institución, instituciones, centro residencial, centros residenciales,
                 residencia, residencias, hogar de acogida, centros de acogida, cuidados de larga
                 duración
    personal-assistance: asistencia personal, asistente personal, asistentes personales,
                         presupuesto personal
    sign-language: lengua de señas, lenguas de señas, lengua de signos, lenguaje de señas
    easy-read: lectura fácil, lenguaje sencillo, lenguaje claro
    vote: voto, votar, derecho al voto, derecho de voto, colegio electoral, colegios
          electorales, local electoral, locales electorales, electoral
    sterilization: esterilización, esterilizaciones, esterilizada, esterilizadas, esterilizar,
                   esterilice
    benefit: pensión, pensiones, subsidio, subsidios, prestación, prestaciones, asistencia
             social, transferencia monetaria, transferencias monetarias, bono, bonos
    wage: salario, salarios, remuneración, sueldo, sueldos, salario mínimo
    workshop: taller protegido, talleres protegidos, empleo protegido, empleo segregado
    shelter: refugio, refugios, albergue, albergues, casa de acogida, casas de acogida, casas
             refugio
    psychiatric: psiquiátrico, psiquiátrica, psiquiátricos, psiquiátricas, psiquiatría,
                 psiquiatra
    hospital: hospital, hospitales, clínica, clínicas, establecimientos de salud
    citizenship: ciudadanía, naturalización, nacionalidad
    death-penalty: pena de muerte, pena capital, ejecución, ejecuciones, condenado a muerte,
                   condena a muerte
    domestic-violence: violencia doméstica, violencia de género, violencia contra la mujer,
                       violencia contra las mujeres, violencia intrafamiliar, violencia familiar
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_parse() {
        for lang in [Lang::En, Lang::Fr, Lang::Es] {
            let groups = concepts(lang);
            let names: Vec<&str> = groups.iter().map(|(n, _)| *n).collect();
            // The three languages have the same concepts.
            assert_eq!(names, concepts(Lang::En).iter().map(|(n, _)| *n).collect::<Vec<_>>());
            assert!(groups.iter().all(|(_, m)| m.len() >= 2), "{lang:?}");
            assert!(function_words(lang).count() > 50);
            assert!(boilerplate_words(lang).count() > 20);
        }
        let en = concepts(Lang::En);
        let removal = &en.iter().find(|(n, _)| *n == "removal").expect("removal").1;
        assert!(removal.iter().any(|m| m == "refoulement") && removal.iter().any(|m| m == "sent back"));
        let detention = &en.iter().find(|(n, _)| *n == "detention").expect("detention").1;
        assert!(detention.iter().any(|m| m == "deprivation of liberty"), "{detention:?}");
    }
}
