//! The vocabulary of the synthetic concluding observations: subject headings with concerns
//! (noun phrases) and recommendations (verb phrases), written for these tests. `{T}` stands
//! for the treaty's short name ("Covenant", "Convention").

/// One subject of concern.
pub(crate) struct Topic {
    /// The subject heading.
    pub heading: &'static str,
    /// Concerns, as noun phrases that follow "The Committee is concerned about".
    pub issues: &'static [&'static str],
    /// Recommendations, as verb phrases that follow "The State party should".
    pub recs: &'static [&'static str],
}

/// Subjects used by the treaty-body styles; each style takes its own slice.
pub(crate) const TOPICS: &[Topic] = &[
    Topic {
        heading: "Constitutional and legal framework within which the {T} is implemented",
        issues: &[
            "the limited number of cases in which the domestic courts have referred to the provisions of the {T}, and the scarce awareness of those provisions among judges, prosecutors and lawyers",
            "the absence of a procedure for giving effect to the Views adopted by the Committee under the Optional Protocol, several of which remain unimplemented",
            "the lack of clarity on the status of the {T} in the domestic legal order following the constitutional amendments adopted during the reporting period",
        ],
        recs: &[
            "ensure that all provisions of the {T} are given full effect in the domestic legal order and that domestic legislation is interpreted in conformity with them",
            "establish a dedicated procedure for examining and implementing the Views of the Committee, with clear responsibilities and time frames",
            "provide regular training on the {T} and its application to judges, prosecutors, lawyers and law enforcement officials",
            "raise awareness of the {T} among the public, including in the minority languages spoken in the country",
        ],
    },
    Topic {
        heading: "National human rights institution",
        issues: &[
            "the insufficient independence of the Office of the Commissioner for Human Rights, whose head is appointed by the executive without a transparent and participatory selection process",
            "the limited financial and human resources allocated to the national human rights institution and the absence of regional offices outside the capital",
            "the fact that the national human rights institution has not yet applied for accreditation with the Global Alliance of National Human Rights Institutions",
        ],
        recs: &[
            "bring the legal framework of the national human rights institution into full conformity with the principles relating to the status of national institutions for the promotion and protection of human rights",
            "ensure a clear, transparent and participatory selection and appointment process for the head of the institution",
            "allocate sufficient financial and human resources to the institution so that it can discharge its mandate effectively throughout the territory",
        ],
    },
    Topic {
        heading: "Non-discrimination",
        issues: &[
            "the absence of comprehensive anti-discrimination legislation that defines direct and indirect discrimination and covers all the grounds prohibited under the {T}",
            "reports of discrimination against persons belonging to ethnic and religious minorities in access to employment, housing and public services",
            "the lack of effective remedies for victims of discrimination and the very small number of complaints that have been examined by the courts",
        ],
        recs: &[
            "adopt comprehensive anti-discrimination legislation that prohibits direct, indirect and multiple discrimination on all the grounds prohibited under the {T}",
            "ensure that victims of discrimination have access to effective remedies, including compensation, and that complaints are investigated promptly",
            "collect data disaggregated by the grounds of discrimination in order to assess the effectiveness of the measures taken",
            "conduct awareness-raising campaigns to combat prejudice and stereotypes against minority groups",
        ],
    },
    Topic {
        heading: "Violence against women, including domestic violence",
        issues: &[
            "the high prevalence of gender-based violence against women, including domestic violence, and the decriminalization of certain forms of domestic violence in recent legislative amendments",
            "the insufficient number of shelters for victims, in particular in rural areas, and the practice of encouraging reconciliation between victims and perpetrators",
            "the low rates of prosecution and conviction of perpetrators and the lenient sentences imposed in the cases that reach the courts",
        ],
        recs: &[
            "criminalize all forms of domestic violence and ensure that cases are promptly and thoroughly investigated, that perpetrators are prosecuted and, if convicted, punished with appropriate sanctions",
            "discontinue the practice of promoting reconciliation procedures in cases of domestic violence",
            "ensure that victims have access to effective remedies and protection, including a sufficient number of adequately funded shelters throughout the country",
            "provide systematic training to police officers, prosecutors and judges on the handling of cases of gender-based violence",
        ],
    },
    Topic {
        heading: "Right to life and use of force by law enforcement officials",
        issues: &[
            "reports of excessive use of force, including lethal force, by law enforcement officials during the events of last year, which resulted in the deaths of at least 230 persons",
            "the lack of transparency of the investigations into those deaths and the absence of information on the number of officials who have been prosecuted and convicted",
            "the broad grounds on which the legislation permits the use of firearms, which do not appear to be limited to situations of imminent threat to life",
        ],
        recs: &[
            "ensure that all allegations of excessive use of force are investigated promptly, thoroughly and impartially by an independent body, and that perpetrators are held to account",
            "bring the legislation on the use of force and firearms into line with the {T} and with the Basic Principles on the Use of Force and Firearms by Law Enforcement Officials",
            "provide victims and their families with full reparation and access to information on the progress of the investigations",
        ],
    },
    Topic {
        heading: "Torture and ill-treatment",
        issues: &[
            "persistent reports of torture and ill-treatment by law enforcement officials, in particular to extract confessions during the first hours of deprivation of liberty",
            "the small number of prosecutions for torture compared with the number of complaints received, and the frequent reclassification of torture as a lesser offence such as abuse of power",
            "the absence of a fully independent mechanism for the investigation of complaints of torture, since such complaints are examined by the same bodies whose officials are accused",
        ],
        recs: &[
            "ensure that all allegations of torture and ill-treatment are promptly and impartially investigated by an independent body, that perpetrators are prosecuted and that penalties are commensurate with the gravity of the offence",
            "ensure that confessions obtained through coercion are never admitted as evidence, and that the burden of proving that a confession was made freely rests on the prosecution",
            "ensure that victims of torture and ill-treatment have access to full reparation, including rehabilitation and adequate compensation",
            "strengthen the training of judges, prosecutors, law enforcement officials and forensic personnel on international standards on interviewing and the documentation of torture",
        ],
    },
    Topic {
        heading: "Liberty and security of person",
        issues: &[
            "reports that persons deprived of their liberty are not always afforded all legal safeguards from the very outset of their detention, including access to a lawyer of their choice",
            "the length of the period of police custody before a person is brought before a judge, which may reach 72 hours",
            "the frequent use of pretrial detention and the limited use of alternatives to detention",
        ],
        recs: &[
            "ensure that all persons deprived of their liberty are afforded, in law and in practice, all fundamental legal safeguards from the outset of their deprivation of liberty",
            "ensure that anyone arrested or detained on a criminal charge is brought before a judge within 48 hours",
            "ensure that pretrial detention is an exceptional measure, reasonable and necessary in the light of the individual circumstances, and that alternatives to detention are used",
        ],
    },
    Topic {
        heading: "Conditions of detention",
        issues: &[
            "overcrowding and poor material conditions in several places of detention, including inadequate sanitation, ventilation and access to health care",
            "the high number of deaths in custody and the lack of information on the investigations conducted into those deaths",
            "the restrictions placed on the access of the national preventive mechanism to certain places of detention",
        ],
        recs: &[
            "intensify its efforts to improve conditions of detention, in particular by reducing overcrowding and ensuring adequate health care, in line with the United Nations Standard Minimum Rules for the Treatment of Prisoners",
            "ensure that every death in custody is promptly and impartially investigated and that the results are made public",
            "guarantee the national preventive mechanism unannounced and unrestricted access to all places of deprivation of liberty",
        ],
    },
    Topic {
        heading: "Non-refoulement",
        issues: &[
            "reports of the extradition and expulsion of persons to countries where they faced a real risk of torture, often on the basis of agreements concluded within regional organizations",
            "the absence of an effective procedure for assessing the risk of torture before an extradition or expulsion, and the absence of a suspensive appeal",
            "the reliance on diplomatic assurances in cases of extradition to States where torture is reported to be widespread",
        ],
        recs: &[
            "strictly observe the principle of non-refoulement and ensure that no person is extradited, expelled or otherwise returned to a country where there are substantial grounds for believing that he or she would be at risk of irreparable harm",
            "ensure that all persons facing extradition or expulsion have access to an individual risk assessment and to an appeal with suspensive effect",
            "refrain from relying on diplomatic assurances where there is a real risk of torture",
            "ensure that obligations under the {T} prevail over bilateral and regional agreements on extradition",
        ],
    },
    Topic {
        heading: "Refugees and asylum-seekers",
        issues: &[
            "the restrictive interpretation of the refugee definition in the legislation, which excludes persons persecuted in their country of origin for their religious beliefs",
            "reports that asylum-seekers are denied access to the territory and to asylum procedures at border crossing points, in particular at airports",
            "the low recognition rate of refugee status and the short time limits for lodging an appeal against a negative decision",
        ],
        recs: &[
            "amend the legislation on refugees to bring the refugee definition into line with international standards",
            "ensure unhindered access to fair and efficient asylum procedures for all persons seeking international protection, including at all border crossing points",
            "ensure that appeals against negative decisions have suspensive effect and that the time limits for lodging them are reasonable",
        ],
    },
    Topic {
        heading: "Elimination of slavery, servitude and forced labour, and trafficking in persons, including of migrant workers and their children",
        issues: &[
            "reports that the State party remains a country of origin, transit and destination for trafficking in persons, in particular for the purposes of forced labour and sexual exploitation",
            "the low number of investigations and convictions in trafficking cases and the insufficient identification of victims among migrant workers",
            "the lack of specialized assistance and protection for victims, including shelters and access to legal aid",
        ],
        recs: &[
            "step up its efforts to prevent and combat trafficking in persons, including by strengthening the early identification and referral of victims",
            "ensure that all cases of trafficking are investigated, that perpetrators are prosecuted and, if convicted, punished with appropriate sanctions",
            "provide victims with adequate protection, assistance and reparation, including shelters, medical and psychological care and legal aid",
        ],
    },
    Topic {
        heading: "Independence of the judiciary and right to a fair trial",
        issues: &[
            "the significant role of the executive in the selection, appointment, promotion and dismissal of judges, which undermines the independence of the judiciary",
            "reports of pressure on lawyers who represent persons accused of political offences, including disbarment and criminal prosecution",
            "the low rate of acquittals in criminal cases, which may indicate that the principle of equality of arms is not respected",
        ],
        recs: &[
            "safeguard, in law and in practice, the full independence and impartiality of the judiciary, including by ensuring that the procedures for selecting, appointing, promoting and dismissing judges are transparent and based on objective criteria",
            "ensure that lawyers can carry out their work without undue interference, harassment or reprisals",
            "ensure that all fair trial guarantees are respected in practice, including the principle of equality of arms",
        ],
    },
    Topic {
        heading: "Freedom of conscience and religious belief",
        issues: &[
            "the restrictive provisions of the law on religious activity, including the compulsory registration of religious associations and the prohibition of unregistered religious activity",
            "reports of the prosecution of individuals for holding religious services in private homes and for distributing religious literature without prior approval",
        ],
        recs: &[
            "bring the legislation on religious activity into line with the {T}, with a view to removing the compulsory registration of religious associations",
            "refrain from prosecuting individuals for the peaceful exercise of their freedom of religion or belief",
            "recognize the right to conscientious objection to military service and provide for alternative service of a civilian nature",
        ],
    },
    Topic {
        heading: "Freedom of expression",
        issues: &[
            "the criminalization of defamation and insult and the use of vaguely defined offences, such as the dissemination of false information, to prosecute journalists and bloggers",
            "reports of the blocking of websites and social media platforms and of the shutdown of Internet access during protests",
            "reports of harassment, intimidation and physical attacks against journalists, human rights defenders and activists",
        ],
        recs: &[
            "consider decriminalizing defamation and, in any case, restrict the application of criminal law to the most serious cases",
            "revise the vaguely defined offences that are used to restrict freedom of expression, so that any restriction complies with the strict requirements of the {T}",
            "refrain from blocking websites and shutting down Internet access, except in conditions that are strictly necessary and proportionate",
            "take all measures necessary to protect journalists and human rights defenders against harassment and attacks, and ensure that such acts are investigated",
        ],
    },
    Topic {
        heading: "Freedom of peaceful assembly",
        issues: &[
            "the requirement to notify the authorities of assemblies well in advance, the designation of specific places where assemblies may be held and the dispersal of spontaneous assemblies",
            "reports of the arbitrary detention of participants in peaceful assemblies and of the imposition of administrative penalties on them",
        ],
        recs: &[
            "bring the legislation on assemblies into line with the {T}, ensuring that any restriction complies with the principles of legality, necessity and proportionality",
            "refrain from detaining and penalizing persons for their participation in peaceful assemblies",
            "ensure that law enforcement officials receive training on the policing of assemblies",
        ],
    },
    Topic {
        heading: "Freedom of association",
        issues: &[
            "the burdensome registration requirements and reporting obligations imposed on non-governmental organizations, in particular those receiving funding from abroad",
            "the refusal to register certain political parties and trade unions on formal grounds",
        ],
        recs: &[
            "revise the legislation on public associations to ensure that registration and reporting requirements do not unduly restrict the activities of non-governmental organizations",
            "ensure that political parties and trade unions can be registered and operate freely",
        ],
    },
    Topic {
        heading: "Participation in public affairs",
        issues: &[
            "the restrictions on the right to stand for election, including residence requirements and the exclusion of persons with criminal records irrespective of the offence",
            "reports of irregularities during the most recent elections, including ballot stuffing and pressure on public sector employees to vote",
        ],
        recs: &[
            "review the restrictions on the right to stand for election to ensure that they are based on objective and reasonable criteria",
            "ensure that elections are free and fair and that allegations of irregularities are investigated",
        ],
    },
    Topic {
        heading: "Rights of persons belonging to minorities",
        issues: &[
            "reports of the declining opportunities for education in minority languages and of the under-representation of minorities in public administration",
            "the outbreak of intercommunal violence in the southern districts and the insufficient measures taken to prevent its recurrence",
        ],
        recs: &[
            "ensure adequate opportunities for education in minority languages",
            "take measures to increase the representation of minorities in public administration and in elected bodies",
            "investigate the intercommunal violence and address its root causes through dialogue with the communities concerned",
        ],
    },
    Topic {
        heading: "Statelessness",
        issues: &[
            "the large number of stateless persons and persons with undetermined nationality, many of whom lack identity documents and access to basic services",
            "the absence of a statelessness determination procedure and of safeguards against statelessness at birth",
        ],
        recs: &[
            "establish a fair and efficient statelessness determination procedure",
            "ensure that every child born in its territory who would otherwise be stateless acquires a nationality",
            "consider acceding to the Convention relating to the Status of Stateless Persons and the Convention on the Reduction of Statelessness",
        ],
    },
    Topic {
        heading: "Migrant workers",
        issues: &[
            "reports of large-scale raids against migrant workers, followed by detention and expulsion without an individual assessment of their situation",
            "the situation of migrant workers employed without formal contracts, who are exposed to the withholding of wages and the confiscation of their passports",
        ],
        recs: &[
            "ensure that migrant workers are not detained or expelled without an individual assessment and without access to legal remedies",
            "strengthen labour inspections in the sectors where migrant workers are employed and ensure that employers who confiscate passports or withhold wages are held to account",
            "facilitate the regularization of the status of migrant workers",
        ],
    },
    Topic {
        heading: "Juvenile justice",
        issues: &[
            "the low minimum age of criminal responsibility for certain offences and the frequent placement of children in pretrial detention",
            "reports that children in conflict with the law are interviewed by the police without the presence of a lawyer or a parent",
        ],
        recs: &[
            "raise the minimum age of criminal responsibility to at least 14 years for all offences",
            "ensure that the detention of children is used only as a measure of last resort and for the shortest possible period of time",
            "ensure that children in conflict with the law are provided with qualified and independent legal aid from the outset of the proceedings",
        ],
    },
    Topic {
        heading: "Counter-terrorism and extremism",
        issues: &[
            "the broad and vague definitions of terrorism and extremism in the legislation, which have been used to prosecute members of religious groups and political opponents",
            "the lack of judicial oversight of the inclusion of individuals and organizations in the list of extremist organizations",
        ],
        recs: &[
            "revise the definitions of terrorism and extremism so that they are precise and comply with the principles of legal certainty and predictability",
            "ensure that the inclusion of individuals and organizations in lists of extremist organizations is subject to judicial review",
        ],
    },
    Topic {
        heading: "Data on ethnic composition of the population",
        issues: &[
            "the lack of up-to-date statistical data on the ethnic composition of the population and on the enjoyment of economic and social rights by the different ethnic groups",
            "the absence of indicators with which to assess progress in the implementation of the {T}",
        ],
        recs: &[
            "collect and publish reliable statistical data on the ethnic composition of the population, based on self-identification",
            "develop indicators to assess the enjoyment of rights by the different ethnic groups",
        ],
    },
    Topic {
        heading: "Racist hate speech and hate crimes",
        issues: &[
            "the persistence of racist hate speech, in particular on social media and in statements by public figures, targeting ethnic minorities and migrants",
            "the small number of investigations into racially motivated crimes and the absence of aggravating circumstances for racist motives in the criminal law",
        ],
        recs: &[
            "adopt legislation that criminalizes racist hate speech in accordance with the {T}",
            "ensure that racist motives are treated as an aggravating circumstance for all offences",
            "ensure that all racist hate crimes are registered, investigated and prosecuted",
            "condemn racist statements by public figures and take measures to combat racist hate speech online",
        ],
    },
];

/// A cluster of the CRC's concluding observations, with its subjects.
pub(crate) struct Cluster {
    /// The cluster title, e.g. "General measures of implementation (arts. 4, 42 and 44 (6))".
    pub title: &'static str,
    /// Its subjects.
    pub topics: &'static [Topic],
}

/// The CRC's clusters (titles as the CRC heads them) with subjects written for these tests.
pub(crate) const CLUSTERS: &[Cluster] = &[
    Cluster {
        title: "General measures of implementation (arts. 4, 42 and 44 (6))",
        topics: &[
            Topic {
                heading: "Legislation",
                issues: &[
                    "the slow progress in harmonizing domestic legislation with the {T}, in particular the provisions on the protection of children from all forms of violence",
                ],
                recs: &[
                    "complete the review of its legislation to ensure that it is fully in line with the principles and provisions of the {T}",
                    "ensure that the draft children’s code is adopted without delay and allocate sufficient resources for its implementation",
                ],
            },
            Topic {
                heading: "Allocation of resources",
                issues: &[
                    "the low share of the national budget allocated to child protection services and the absence of a budget tracking system from a child rights perspective",
                ],
                recs: &[
                    "conduct a comprehensive assessment of the budget needs for children and allocate adequate resources to the implementation of policies and programmes for children",
                    "establish a budget tracking system that makes it possible to monitor the allocation and use of resources for children",
                    "ensure transparent and participatory budgeting through public dialogue, including with children",
                ],
            },
            Topic {
                heading: "Data collection",
                issues: &[
                    "the lack of comprehensive data disaggregated by age, sex, disability, geographical location and socioeconomic background in all areas covered by the {T}",
                ],
                recs: &[
                    "improve its data collection system so that it covers all areas of the {T}, with data disaggregated by age, sex, disability, geographical location, ethnic origin and socioeconomic background",
                    "ensure that the data and indicators are shared among the ministries concerned and used for the formulation, monitoring and evaluation of policies",
                ],
            },
        ],
    },
    Cluster {
        title: "Definition of the child (art. 1)",
        topics: &[Topic {
            heading: "Minimum age of marriage",
            issues: &[
                "the exceptions that allow the marriage of children from the age of 16 years with the consent of a court, and the persistence of unregistered religious marriages involving girls",
            ],
            recs: &[
                "remove all exceptions that allow marriage under the age of 18 years and take measures to prevent unregistered marriages involving children",
            ],
        }],
    },
    Cluster {
        title: "General principles (arts. 2, 3, 6 and 12)",
        topics: &[
            Topic {
                heading: "Non-discrimination",
                issues: &[
                    "the persistent discrimination against children with disabilities, children belonging to minority groups, migrant children and children living in rural areas, in particular in access to education and health care",
                ],
                recs: &[
                    "adopt a comprehensive strategy to eliminate discrimination against children in disadvantaged situations",
                    "ensure that all children have equal access to education and health care, irrespective of their status or that of their parents",
                    "conduct public awareness campaigns to address negative social attitudes towards children with disabilities",
                ],
            },
            Topic {
                heading: "Respect for the views of the child",
                issues: &[
                    "the limited opportunities for children to express their views in judicial and administrative proceedings affecting them, and the lack of child-friendly complaint mechanisms",
                ],
                recs: &[
                    "ensure that the views of the child are given due weight in all judicial and administrative proceedings affecting them",
                    "establish child-friendly complaint mechanisms in schools and institutions",
                    "support the children’s parliament and ensure that it has a meaningful role in decision-making on issues affecting children",
                ],
            },
        ],
    },
    Cluster {
        title: "Civil rights and freedoms (arts. 7, 8 and 13–17)",
        topics: &[Topic {
            heading: "Birth registration and nationality",
            issues: &[
                "the difficulties faced by children of undocumented migrants and stateless parents in obtaining birth certificates, which prevents their access to basic services",
            ],
            recs: &[
                "ensure that all children born in the State party are registered immediately after birth, irrespective of the legal status of their parents",
                "ensure that every child born in the State party who would otherwise be stateless acquires a nationality",
            ],
        }],
    },
    Cluster {
        title: "Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)",
        topics: &[
            Topic {
                heading: "Corporal punishment",
                issues: &[
                    "the absence of an explicit prohibition of corporal punishment in all settings and the social acceptance of such punishment as a means of discipline",
                ],
                recs: &[
                    "explicitly prohibit corporal punishment in all settings, including in the home and in alternative care settings",
                    "promote positive, non-violent and participatory forms of child-rearing and discipline through awareness-raising programmes",
                ],
            },
            Topic {
                heading: "Abuse and neglect",
                issues: &[
                    "the high number of reported cases of abuse and neglect of children, the absence of a national database on such cases and the insufficient number of trained social workers",
                ],
                recs: &[
                    "establish a national database on all cases of violence against children and carry out a comprehensive assessment of the extent, causes and nature of such violence",
                    "strengthen awareness-raising and education programmes, with the involvement of children, in order to formulate a comprehensive strategy for preventing and combating child abuse",
                    "ensure that there is a sufficient number of trained social workers throughout the country",
                    "establish a free, round-the-clock helpline for children that is accessible throughout the country",
                    "ensure that professionals working with children are trained to identify and report cases of violence",
                    "ensure that cases of abuse are investigated promptly and that perpetrators are brought to justice",
                    "provide child victims with access to recovery and reintegration services",
                    "develop community-based programmes to prevent violence in the family",
                    "ensure that children who witness violence receive psychological support",
                    "evaluate the impact of the measures taken and publish the results",
                ],
            },
        ],
    },
    Cluster {
        title: "Family environment and alternative care (arts. 5, 9–11, 18 (1) and (2), 20, 21, 25 and 27 (4))",
        topics: &[Topic {
            heading: "Children deprived of a family environment",
            issues: &[
                "the large number of children living in residential institutions, many of whom have living parents, and the slow pace of the deinstitutionalization process",
            ],
            recs: &[
                "adopt a strategy for the deinstitutionalization of children, with a clear time frame and adequate resources",
                "strengthen family-based and community-based care for children who cannot stay with their families",
                "ensure adequate safeguards and clear criteria for determining whether a child should be placed in alternative care",
            ],
        }],
    },
    Cluster {
        title: "Children with disabilities (art. 23)",
        topics: &[Topic {
            heading: "Children with disabilities",
            issues: &[
                "the continued placement of children with disabilities in specialized institutions and separate schools, and the lack of reasonable accommodation in mainstream schools",
            ],
            recs: &[
                "adopt a human rights-based approach to disability and ensure the inclusion of children with disabilities in all areas of life",
                "develop inclusive education in mainstream schools, with trained specialist teachers and reasonable accommodation",
                "end the placement of children with disabilities in institutions",
            ],
        }],
    },
    Cluster {
        title: "Basic health and welfare (arts. 6, 18 (3), 24, 26, 27 (1)–(3) and 33)",
        topics: &[
            Topic {
                heading: "Health and health services",
                issues: &[
                    "the disparities in access to health services between urban and rural areas and the high rates of anaemia and stunting among young children",
                ],
                recs: &[
                    "ensure equal access to quality health services for all children, in particular in rural areas",
                    "address malnutrition among young children, including by promoting breastfeeding",
                ],
            },
            Topic {
                heading: "Mental health",
                issues: &[
                    "the high rate of suicide among adolescents and the insufficient availability of mental health services for children",
                ],
                recs: &[
                    "develop a national mental health policy for children and adolescents, with a focus on prevention",
                    "ensure the availability of community-based mental health services and trained professionals",
                ],
            },
        ],
    },
    Cluster {
        title: "Education, leisure and cultural activities (arts. 28–31)",
        topics: &[Topic {
            heading: "Education, including vocational training and guidance",
            issues: &[
                "the low enrolment of children in preschool education in rural areas and the high drop-out rates among children from low-income families",
            ],
            recs: &[
                "increase access to preschool education, in particular in rural areas",
                "address the causes of drop-out and provide support to children from low-income families",
                "improve the quality of education, including through the training of teachers",
            ],
        }],
    },
    Cluster {
        title: "Special protection measures (arts. 22, 30, 32, 33, 35, 36, 37 (b)–(d) and 38–40)",
        topics: &[
            Topic {
                heading: "Asylum-seeking, refugee and migrant children",
                issues: &[
                    "the detention of asylum-seeking and migrant children in immigration detention centres and the lack of procedures for the identification of unaccompanied children",
                ],
                recs: &[
                    "end the detention of children on the basis of their or their parents’ migration status",
                    "establish procedures for the early identification of unaccompanied and separated children and appoint guardians for them",
                ],
            },
            Topic {
                heading: "Administration of child justice",
                issues: &[
                    "the absence of a specialized child justice system and the placement of children in pretrial detention for long periods",
                ],
                recs: &[
                    "establish specialized child justice courts with adequate resources and trained judges",
                    "promote non-judicial measures, such as diversion and mediation, for children accused of criminal offences",
                    "ensure that detention is used as a measure of last resort and for the shortest possible period of time",
                ],
            },
        ],
    },
];
