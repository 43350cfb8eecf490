//! The slot lists the templates are filled from: border theatres with their places,
//! forces, armed groups and organisations; name pools; outlets.
//!
//! Places, states, organisations and armed groups are real; every person is invented by
//! combining a given name and a family name from the pools below, and every outlet is
//! fictional (its domain ends in `.example`).

/// What a report is about; decides which lead, detail and quote templates are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Topic {
    /// Armed clash or attack near the border, with casualty figures.
    Clash,
    /// One state accuses another of sheltering or backing an armed group.
    Accusation,
    /// Drugs or weapons seized from smugglers.
    Seizure,
    /// Refugee flows, returns and deportations.
    Refugees,
    /// Military exercises near the border.
    Exercise,
    /// Meetings, summits and talks on regional security.
    Meeting,
    /// Arrests of suspected militants or recruiters.
    Arrest,
    /// Officials warn about the strength of armed groups.
    Warning,
    /// Disputes over shared rivers and canals.
    Water,
}

/// A town with the phrase for its region and the region's short name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub(crate) town: &'static str,
    /// Ready to follow "in": "Khatlon region", "Kunduz province".
    pub(crate) region: &'static str,
    /// "Khatlon", "Kunduz".
    pub(crate) short: &'static str,
}

const fn p(town: &'static str, region: &'static str, short: &'static str) -> Place {
    Place {
        town,
        region,
        short,
    }
}

/// An armed group: its full name (first mention) and its short name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group {
    pub(crate) long: &'static str,
    pub(crate) short: &'static str,
}

const fn g(long: &'static str, short: &'static str) -> Group {
    Group { long, short }
}

/// An organisation: full name, short name, the city it meets in, and the role of its officials.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Org {
    pub(crate) long: &'static str,
    pub(crate) short: &'static str,
    pub(crate) cities: &'static [&'static str],
    /// Who sits at its meetings, as a list: "Russia, Belarus, …".
    pub(crate) members: &'static str,
    /// Pre-modifier roles: "CSTO Joint Staff deputy chief".
    pub(crate) roles: &'static [&'static str],
    pub(crate) names: Names,
}

/// Pools of given names and family names of one nationality.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Names {
    pub(crate) given: &'static [&'static str],
    pub(crate) given_f: &'static [&'static str],
    pub(crate) family: &'static [&'static str],
}

/// A speaker role: pre-modifier ("border troops spokesman"), the rank or title before the
/// name (may be empty), and what to call the speaker once named ("the spokesman").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Role {
    pub(crate) role: &'static str,
    pub(crate) rank: &'static str,
    pub(crate) generic: &'static str,
}

const fn r(role: &'static str, rank: &'static str, generic: &'static str) -> Role {
    Role {
        role,
        rank,
        generic,
    }
}

/// One border theatre: a state facing a neighbour, with everything a report about it needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Theatre {
    pub(crate) country: &'static str,
    pub(crate) adj: &'static str,
    pub(crate) capital: &'static str,
    pub(crate) other: &'static str,
    pub(crate) other_adj: &'static str,
    pub(crate) home: &'static [Place],
    pub(crate) away: &'static [Place],
    pub(crate) crossings: &'static [&'static str],
    pub(crate) frontier: &'static str,
    pub(crate) border: &'static str,
    pub(crate) force: &'static str,
    pub(crate) force_body: &'static str,
    pub(crate) agency: &'static str,
    pub(crate) ministry: &'static str,
    pub(crate) drug_agency: &'static str,
    pub(crate) groups: &'static [Group],
    /// The authority on the other side, short ("the Taliban") and long.
    pub(crate) auth: &'static str,
    pub(crate) auth_long: &'static str,
    pub(crate) orgs: &'static [Org],
    pub(crate) ex_forces: &'static [&'static str],
    pub(crate) ex_names: &'static [&'static str],
    pub(crate) river: &'static str,
    pub(crate) water_project: &'static str,
    pub(crate) since: &'static [&'static str],
    pub(crate) names: Names,
    pub(crate) away_names: Names,
    /// Home security officials (the main speaker).
    pub(crate) sp_roles: &'static [Role],
    /// Home political officials (ministers, governors).
    pub(crate) sp2_roles: &'static [Role],
    /// Officials of the other side.
    pub(crate) den_roles: &'static [Role],
    /// Per-day scale of refugee movements: low and high.
    pub(crate) flow: (u32, u32),
    pub(crate) topics: &'static [Topic],
    /// Background sentences (templates) specific to this theatre.
    pub(crate) background: &'static [&'static str],
}

pub(crate) const TAJIK: Names = Names {
    given: &[
        "Farrukh",
        "Rustam",
        "Davlat",
        "Saidmurod",
        "Firuz",
        "Jamshed",
        "Shuhrat",
        "Umed",
        "Khurshed",
        "Ismoil",
        "Abdullo",
        "Nozim",
        "Parviz",
        "Sherali",
        "Bakhtovar",
    ],
    given_f: &[
        "Dilnoza", "Manizha", "Zarina", "Shahlo", "Gulnora", "Nigina",
    ],
    family: &[
        "Nazarov",
        "Mirzoev",
        "Rahimzoda",
        "Karimzoda",
        "Sharifzoda",
        "Saidov",
        "Davlatov",
        "Kurbonov",
        "Ashurov",
        "Nematzoda",
        "Odinaev",
        "Safarov",
        "Jurazoda",
        "Qodirov",
    ],
};

pub(crate) const UZBEK: Names = Names {
    given: &[
        "Sherzod",
        "Bakhtiyor",
        "Ulugbek",
        "Jasur",
        "Otabek",
        "Akmal",
        "Dilshod",
        "Zafar",
        "Farhod",
        "Sardor",
        "Anvar",
    ],
    given_f: &["Nodira", "Malika", "Gulnara", "Feruza", "Kamola"],
    family: &[
        "Tursunov",
        "Ergashev",
        "Yusupov",
        "Khodjaev",
        "Rakhimov",
        "Nurmatov",
        "Sultanov",
        "Ismoilov",
        "Kholmatov",
        "Jurayev",
        "Qosimov",
    ],
};

pub(crate) const TURKMEN: Names = Names {
    given: &[
        "Myrat",
        "Batyr",
        "Annageldi",
        "Maksat",
        "Rovshen",
        "Dovlet",
        "Begench",
        "Yazmyrat",
    ],
    given_f: &["Ogulgerek", "Maya", "Jeren", "Bahar"],
    family: &[
        "Annayev", "Geldiyev", "Orazov", "Atayev", "Durdyyev", "Hojamov", "Charyyev", "Saparov",
        "Gurbanov",
    ],
};

pub(crate) const KYRGYZ: Names = Names {
    given: &[
        "Almazbek",
        "Nurlan",
        "Talant",
        "Kubanychbek",
        "Azamat",
        "Bakyt",
        "Emil",
        "Marat",
        "Ulan",
    ],
    given_f: &["Aizhan", "Gulzat", "Nazgul", "Cholpon"],
    family: &[
        "Toktosunov",
        "Abdyldaev",
        "Asanov",
        "Osmonov",
        "Sydykov",
        "Zhumabaev",
        "Usenov",
        "Mamytov",
        "Toktogulov",
    ],
};

pub(crate) const PAKISTANI: Names = Names {
    given: &[
        "Irfanullah",
        "Tariq",
        "Asad",
        "Noor",
        "Kamran",
        "Bilal",
        "Faisal",
        "Saeed",
        "Naveed",
        "Amjad",
        "Zahid",
        "Shahzad",
        "Sajjad",
        "Waqar",
    ],
    given_f: &["Sana", "Ayesha", "Mehwish", "Rabia", "Saima"],
    family: &[
        "Wazir",
        "Khattak",
        "Afridi",
        "Shinwari",
        "Yousafzai",
        "Qureshi",
        "Baloch",
        "Marwat",
        "Bangash",
        "Durrani",
        "Mengal",
        "Kakar",
        "Orakzai",
    ],
};

pub(crate) const AFGHAN: Names = Names {
    given: &[
        "Mawlawi Abdul Wadood",
        "Mawlawi Hamidullah",
        "Mawlawi Nasrullah",
        "Mufti Saifullah",
        "Mawlawi Abdul Rauf",
        "Qari Fazlurrahman",
        "Mawlawi Abdul Haq",
        "Mufti Nasir Ahmad",
        "Qari Mohammad Yousuf",
        "Mawlawi Ahmadullah",
        "Mullah Rahmatullah",
        "Mawlawi Abdul Samad",
        "Qari Habibullah",
    ],
    given_f: &["Zarmina", "Khadija", "Mariam", "Fereshta", "Shabnam"],
    family: &[
        "Sahil", "Arsalan", "Zaranji", "Haqyar", "Ghori", "Badghisi", "Kunari", "Rahmani", "Wafa",
        "Shakir", "Hamdard", "Nazari", "Samim", "Faizani",
    ],
};

pub(crate) const IRANIAN: Names = Names {
    given: &[
        "Mohammad Hossein",
        "Hamid Reza",
        "Mehdi",
        "Ali Akbar",
        "Kamran",
        "Reza",
        "Majid",
        "Morteza",
        "Abbas",
        "Saeed",
        "Hassan",
    ],
    given_f: &["Maryam", "Leila", "Narges", "Zahra", "Shirin"],
    family: &[
        "Kiani",
        "Yazdani",
        "Farahani",
        "Dehqani",
        "Tavakoli",
        "Moradi",
        "Sharifi",
        "Nouri",
        "Ghorbani",
        "Rostami",
        "Bakhtiari",
        "Amini",
    ],
};

pub(crate) const RUSSIAN: Names = Names {
    given: &[
        "Viktor", "Sergei", "Andrei", "Oleg", "Dmitry", "Igor", "Alexei", "Pavel", "Nikolai",
    ],
    given_f: &["Elena", "Natalya", "Olga", "Irina"],
    family: &[
        "Palamarchuk",
        "Voronin",
        "Gusev",
        "Zaitsev",
        "Orlov",
        "Fedotov",
        "Korolyov",
        "Shatalov",
        "Rudenko",
    ],
};

pub(crate) const KAZAKH: Names = Names {
    given: &[
        "Yerlan", "Nurlan", "Serik", "Daniyar", "Asset", "Berik", "Timur",
    ],
    given_f: &["Aigerim", "Dana", "Saule", "Elena"],
    family: &[
        "Dzhaksybekov",
        "Baimukhanov",
        "Seitkali",
        "Omarov",
        "Zhakupov",
        "Tuleuov",
        "Sadykov",
    ],
};

pub(crate) const INTERNATIONAL: Names = Names {
    given: &[
        "Martin", "Thomas", "Jonas", "Pietro", "Daniel", "Henrik", "Lukas", "Marco", "Samuel",
    ],
    given_f: &[
        "Anna", "Claire", "Ingrid", "Sofia", "Helena", "Marta", "Laura", "Katrin",
    ],
    family: &[
        "Lindqvist",
        "Moretti",
        "Keller",
        "Duarte",
        "Brennan",
        "Halvorsen",
        "Novak",
        "Laurent",
        "Visser",
        "Castellano",
    ],
};

const CSTO: Org = Org {
    long: "the Collective Security Treaty Organization (CSTO)",
    short: "the CSTO",
    cities: &["Moscow", "Dushanbe", "Bishkek", "Minsk", "Astana"],
    members: "Russia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan",
    roles: &[
        "CSTO Joint Staff deputy chief",
        "CSTO deputy secretary general",
        "CSTO Joint Staff operations chief",
    ],
    names: RUSSIAN,
};

const SCO: Org = Org {
    long: "the Shanghai Cooperation Organisation (SCO)",
    short: "the SCO",
    cities: &["Tashkent", "Astana", "Beijing", "Islamabad", "Bishkek"],
    members:
        "China, Russia, India, Pakistan, Iran, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan",
    roles: &[
        "SCO Regional Anti-Terrorist Structure director",
        "SCO deputy secretary general",
    ],
    names: KAZAKH,
};

pub(crate) const UNHCR: Org = Org {
    long: "the U.N. refugee agency (UNHCR)",
    short: "UNHCR",
    cities: &["Geneva", "Kabul", "Islamabad", "Tehran"],
    members: "Afghanistan's neighbours and the main donor countries",
    roles: &[
        "UNHCR deputy representative",
        "UNHCR emergency coordinator",
        "UNHCR spokesperson",
    ],
    names: INTERNATIONAL,
};

pub(crate) const UNODC: Org = Org {
    long: "the U.N. Office on Drugs and Crime (UNODC)",
    short: "UNODC",
    cities: &["Vienna", "Tashkent", "Kabul"],
    members: "Iran, Pakistan and the Central Asian states",
    roles: &[
        "UNODC regional representative",
        "UNODC programme coordinator",
    ],
    names: INTERNATIONAL,
};

const OSCE: Org = Org {
    long: "the Organization for Security and Co-operation in Europe (OSCE)",
    short: "the OSCE",
    cities: &["Vienna", "Dushanbe", "Ashgabat"],
    members: "the five Central Asian states and several European governments",
    roles: &[
        "OSCE border management adviser",
        "OSCE programme office head",
    ],
    names: INTERNATIONAL,
};

const UN: Org = Org {
    long: "the United Nations (U.N.)",
    short: "the U.N.",
    cities: &["New York", "Geneva", "Ashgabat"],
    members: "Afghanistan's six neighbours, Russia and the United States",
    roles: &["U.N. regional envoy", "U.N. political affairs officer"],
    names: INTERNATIONAL,
};

const TALIBAN_ROLES: &[Role] = &[
    r("Taliban deputy spokesman", "", "the spokesman"),
    r("Taliban provincial police spokesman", "", "the spokesman"),
    r("Taliban border forces commander", "", "the commander"),
    r("Taliban defence ministry spokesman", "", "the spokesman"),
    r("Taliban foreign ministry spokesman", "", "the spokesman"),
    r("Taliban-appointed district governor", "", "the governor"),
];

const ISKP: Group = g("Islamic State Khorasan Province (ISKP)", "ISKP");
const ISIS_K: Group = g("the Islamic State's Khorasan branch (ISIS-K)", "ISIS-K");
const ANSARULLAH: Group = g("Jamaat Ansarullah", "Ansarullah");
const TTP: Group = g("the Tehrik-i-Taliban Pakistan (TTP)", "the TTP");
const JAISH: Group = g("Jaish al-Adl", "Jaish al-Adl");
const IMU: Group = g("the Islamic Movement of Uzbekistan (IMU)", "the IMU");
const KIB: Group = g("Katibat Imam al-Bukhari", "Katibat Imam al-Bukhari");
const AQ: Group = g("Al-Qaeda", "Al-Qaeda");

use Topic::*;

/// All theatres. Weights are given by repetition in [`THEATRE_WEIGHTS`].
pub(crate) const THEATRES: &[Theatre] = &[
    // 0: Tajikistan – Afghanistan
    Theatre {
        country: "Tajikistan",
        adj: "Tajik",
        capital: "Dushanbe",
        other: "Afghanistan",
        other_adj: "Afghan",
        home: &[
            p("Panj", "Khatlon region", "Khatlon"),
            p("Shamsiddin Shohin", "Khatlon region", "Khatlon"),
            p("Farkhor", "Khatlon region", "Khatlon"),
            p("Jaloliddini Balkhi", "Khatlon region", "Khatlon"),
            p("Hamadoni", "Khatlon region", "Khatlon"),
            p("Ishkashim", "the Gorno-Badakhshan Autonomous Region", "GBAO"),
            p("Khorog", "the Gorno-Badakhshan Autonomous Region", "GBAO"),
            p("Darvaz", "the Gorno-Badakhshan Autonomous Region", "GBAO"),
            p("Vanj", "the Gorno-Badakhshan Autonomous Region", "GBAO"),
        ],
        away: &[
            p("Imam Sahib", "Kunduz province", "Kunduz"),
            p("Dasht-e Archi", "Kunduz province", "Kunduz"),
            p("Qala-i-Zal", "Kunduz province", "Kunduz"),
            p("Khwahan", "Badakhshan province", "Badakhshan"),
            p("Shighnan", "Badakhshan province", "Badakhshan"),
            p("Darqad", "Takhar province", "Takhar"),
            p("Yangi Qala", "Takhar province", "Takhar"),
        ],
        crossings: &["Panji Poyon", "Nizhny Panj", "the Tem bridge near Khorog", "Ishkashim"],
        frontier: "the Panj river",
        border: "the Tajik-Afghan border",
        force: "Tajik border guards",
        force_body: "the border troops of the State Committee for National Security",
        agency: "the State Committee for National Security",
        ministry: "the Interior Ministry",
        drug_agency: "the Drug Control Agency",
        groups: &[ANSARULLAH, ISKP, ISIS_K, AQ],
        auth: "the Taliban",
        auth_long: "the Taliban administration in Kabul",
        orgs: &[CSTO, CSTO, OSCE, UNODC, SCO],
        ex_forces: &[
            "Tajik troops and units of Russia's 201st military base",
            "troops from CSTO member states",
            "Tajik border guards and special forces",
        ],
        ex_names: &["Rubezh", "Echelon", "Cobalt", "Interaction", "Search"],
        river: "the Amu Darya",
        water_project: "the Qosh Tepa canal",
        since: &[
            "since the Taliban returned to power in August 2021",
            "since August 2021",
            "since the fall of the previous Afghan government",
        ],
        names: TAJIK,
        away_names: AFGHAN,
        sp_roles: &[
            r("border troops spokesman", "Col.", "the spokesman"),
            r("border detachment commander", "Lt. Col.", "the commander"),
            r("State Committee for National Security deputy chairman", "Maj. Gen.", "the general"),
            r("Khatlon regional border chief", "Col.", "the colonel"),
        ],
        sp2_roles: &[
            r("Foreign Minister", "", "the minister"),
            r("Deputy Interior Minister", "", "the deputy minister"),
            r("Security Council secretary", "", "the secretary"),
            r("regional governor", "", "the governor"),
        ],
        den_roles: TALIBAN_ROLES,
        flow: (20, 180),
        topics: &[Clash, Clash, Seizure, Seizure, Refugees, Exercise, Meeting, Arrest, Warning, Warning, Accusation],
        background: &[
            "{country} shares a border of about 1,344 kilometres with {other}, much of it along {frontier} and through high mountains that are hard to patrol in winter.",
            "Russia keeps its 201st military base in {country}, with garrisons in Dushanbe and Bokhtar, and has said it would help defend the border if the situation deteriorated.",
            "{country} has not recognised the Taliban government and has been among its sharpest critics in Central Asia, although trade and electricity exports have continued.",
            "Tajik officials have long said that militants of Central Asian origin, including members of {group}, are present in the Afghan provinces of Badakhshan, Takhar and Kunduz.",
            "The CSTO has held several exercises near the Afghan border {past}.",
            "The CSTO agreed in 2023 to finance a programme to strengthen sections of the Tajik-Afghan border, including new outposts in Khatlon and in Gorno-Badakhshan.",
        ],
    },
    // 1: Pakistan – Afghanistan
    Theatre {
        country: "Pakistan",
        adj: "Pakistani",
        capital: "Islamabad",
        other: "Afghanistan",
        other_adj: "Afghan",
        home: &[
            p("Landi Kotal", "the Khyber district", "Khyber"),
            p("Bajaur", "Khyber Pakhtunkhwa province", "Khyber Pakhtunkhwa"),
            p("Miranshah", "the North Waziristan district", "North Waziristan"),
            p("Parachinar", "the Kurram district", "Kurram"),
            p("Lakki Marwat", "Khyber Pakhtunkhwa province", "Khyber Pakhtunkhwa"),
            p("Bannu", "Khyber Pakhtunkhwa province", "Khyber Pakhtunkhwa"),
            p("Dera Ismail Khan", "Khyber Pakhtunkhwa province", "Khyber Pakhtunkhwa"),
            p("Chaman", "Balochistan province", "Balochistan"),
            p("Zhob", "Balochistan province", "Balochistan"),
        ],
        away: &[
            p("Spin Boldak", "Kandahar province", "Kandahar"),
            p("Dangam", "Kunar province", "Kunar"),
            p("Asadabad", "Kunar province", "Kunar"),
            p("Momand Dara", "Nangarhar province", "Nangarhar"),
            p("Barmal", "Paktika province", "Paktika"),
            p("Gurbuz", "Khost province", "Khost"),
        ],
        crossings: &["Torkham", "Chaman", "Ghulam Khan", "Angoor Adda", "Kharlachi"],
        frontier: "the Durand Line",
        border: "the Pakistan-Afghanistan border",
        force: "Pakistani security forces",
        force_body: "the Frontier Corps",
        agency: "the Counter-Terrorism Department",
        ministry: "the Interior Ministry",
        drug_agency: "the Anti-Narcotics Force",
        groups: &[TTP, TTP, ISKP],
        auth: "the Taliban",
        auth_long: "the Taliban administration in Kabul",
        orgs: &[UNHCR, UN, SCO],
        ex_forces: &[
            "Pakistani army and Frontier Corps units",
            "troops of the Pakistani army's XI Corps",
        ],
        ex_names: &["Sentinel", "Al-Mizan", "Border Shield"],
        river: "the Kunar river",
        water_project: "a planned dam on the Kunar river",
        since: &[
            "since the Taliban returned to power in Kabul in August 2021",
            "since August 2021",
            "since the Taliban takeover",
        ],
        names: PAKISTANI,
        away_names: AFGHAN,
        sp_roles: &[
            r("district police chief", "", "the police chief"),
            r("Frontier Corps spokesman", "Lt. Col.", "the spokesman"),
            r("provincial home secretary", "", "the official"),
            r("Counter-Terrorism Department head", "", "the official"),
        ],
        sp2_roles: &[
            r("Interior Minister", "", "the minister"),
            r("provincial chief minister", "", "the chief minister"),
            r("Khyber Pakhtunkhwa government spokesman", "", "the spokesman"),
            r("deputy commissioner", "", "the deputy commissioner"),
        ],
        den_roles: TALIBAN_ROLES,
        flow: (800, 9000),
        topics: &[Clash, Clash, Accusation, Accusation, Refugees, Refugees, Seizure, Meeting, Warning, Arrest, Water],
        background: &[
            "Pakistan has fenced most of the roughly 2,600-kilometre border, which no Afghan government, including the Taliban, has formally recognised.",
            "Pakistani officials say militant attacks in the country have risen sharply {since}, and accuse Kabul of letting {group} use Afghan soil.",
            "The Taliban deny sheltering the TTP and say Pakistan's security problems are its own, although the two movements share an ideology and fought side by side for years.",
            "Torkham and Chaman, the two main crossings, have been closed repeatedly {past} because of disputes over fencing, new posts and travel documents.",
            "Pakistan began expelling undocumented Afghans in late 2023, and hundreds of thousands have since returned to {other}, many of them to provinces they had never lived in.",
        ],
    },
    // 2: Iran – Afghanistan
    Theatre {
        country: "Iran",
        adj: "Iranian",
        capital: "Tehran",
        other: "Afghanistan",
        other_adj: "Afghan",
        home: &[
            p("Zabol", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Zahedan", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Hirmand", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Taybad", "Razavi Khorasan province", "Razavi Khorasan"),
            p("Dogharoun", "Razavi Khorasan province", "Razavi Khorasan"),
            p("Mashhad", "Razavi Khorasan province", "Razavi Khorasan"),
            p("Birjand", "South Khorasan province", "South Khorasan"),
        ],
        away: &[
            p("Islam Qala", "Herat province", "Herat"),
            p("Kohsan", "Herat province", "Herat"),
            p("Zaranj", "Nimroz province", "Nimroz"),
            p("Kang", "Nimroz province", "Nimroz"),
            p("Anar Dara", "Farah province", "Farah"),
        ],
        crossings: &["Islam Qala", "Milak", "Dogharoun", "Mahirud"],
        frontier: "the border",
        border: "the Iran-Afghanistan border",
        force: "Iranian border guards",
        force_body: "the border guard command",
        agency: "the Ministry of Intelligence",
        ministry: "the Interior Ministry",
        drug_agency: "the anti-narcotics police",
        groups: &[JAISH, ISKP, ISIS_K],
        auth: "the Taliban",
        auth_long: "the Taliban administration in Kabul",
        orgs: &[UNHCR, UNODC, UN],
        ex_forces: &[
            "army ground forces and Revolutionary Guards units",
            "border guard and army units",
        ],
        ex_names: &["Eastern Shield", "Martyrs of Security", "Zolfaghar"],
        river: "the Helmand",
        water_project: "the Kamal Khan dam",
        since: &[
            "since the Taliban returned to power in August 2021",
            "since August 2021",
            "since the Taliban takeover",
        ],
        names: IRANIAN,
        away_names: AFGHAN,
        sp_roles: &[
            r("provincial border guard commander", "Brig. Gen.", "the commander"),
            r("deputy governor for security affairs", "", "the deputy governor"),
            r("provincial police chief", "Brig. Gen.", "the police chief"),
        ],
        sp2_roles: &[
            r("Deputy Interior Minister", "", "the deputy minister"),
            r("Foreign Ministry spokesman", "", "the spokesman"),
            r("Energy Ministry water official", "", "the official"),
        ],
        den_roles: TALIBAN_ROLES,
        flow: (1200, 6000),
        topics: &[Clash, Refugees, Refugees, Seizure, Seizure, Water, Water, Accusation, Meeting],
        background: &[
            "Under a 1973 treaty, Afghanistan is meant to deliver 820 million cubic metres of water from {river} to Iran each year, an amount Tehran says it has not received for years.",
            "Iran hosts several million Afghans and has stepped up deportations {past}, sending most of them back through Islam Qala and Milak.",
            "Iranian officials say their country seizes hundreds of tonnes of drugs a year, most of it smuggled from {other}, and that thousands of police officers have died fighting traffickers since 1979.",
            "Iran has been building walls and trenches along parts of its roughly 920-kilometre border with {other} to stop smugglers and irregular migrants.",
        ],
    },
    // 3: Iran – Pakistan
    Theatre {
        country: "Iran",
        adj: "Iranian",
        capital: "Tehran",
        other: "Pakistan",
        other_adj: "Pakistani",
        home: &[
            p("Saravan", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Rask", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Mirjaveh", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Khash", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
            p("Chabahar", "Sistan and Baluchestan province", "Sistan and Baluchestan"),
        ],
        away: &[
            p("Panjgur", "Balochistan province", "Balochistan"),
            p("Kech", "Balochistan province", "Balochistan"),
            p("Mashkel", "Balochistan province", "Balochistan"),
            p("Taftan", "Balochistan province", "Balochistan"),
        ],
        crossings: &["Taftan", "Mirjaveh", "Gabd-Rimdan"],
        frontier: "the border",
        border: "the Iran-Pakistan border",
        force: "Iranian border guards",
        force_body: "the border guard command",
        agency: "the Ministry of Intelligence",
        ministry: "the Interior Ministry",
        drug_agency: "the anti-narcotics police",
        groups: &[JAISH, JAISH, ISKP],
        auth: "Pakistan",
        auth_long: "the government in Islamabad",
        orgs: &[UN, SCO],
        ex_forces: &["border guard and Revolutionary Guards ground units"],
        ex_names: &["Eastern Shield"],
        river: "the Mashkel river",
        water_project: "a dam on the Mashkel river",
        since: &[
            "since the tit-for-tat strikes of January 2024",
            "over the past decade",
        ],
        names: IRANIAN,
        away_names: PAKISTANI,
        sp_roles: &[
            r("provincial border guard commander", "Brig. Gen.", "the commander"),
            r("deputy governor for security affairs", "", "the deputy governor"),
            r("provincial police chief", "Brig. Gen.", "the police chief"),
        ],
        sp2_roles: &[
            r("Deputy Interior Minister", "", "the deputy minister"),
            r("Foreign Ministry spokesman", "", "the spokesman"),
        ],
        den_roles: &[
            r("Pakistani Foreign Office spokesperson", "", "the spokesperson"),
            r("Balochistan government spokesman", "", "the spokesman"),
            r("Frontier Corps Balochistan spokesman", "Lt. Col.", "the spokesman"),
        ],
        flow: (50, 400),
        topics: &[Clash, Clash, Accusation, Accusation, Seizure, Meeting],
        background: &[
            "In January 2024, Iran and Pakistan carried out missile and drone strikes on each other's territory, each saying it was targeting militants, before agreeing to de-escalate.",
            "{group} says it fights for the rights of the Baluch minority; Iran calls it a terrorist group and says it operates from Pakistani soil.",
            "Sistan and Baluchestan, one of Iran's poorest provinces, borders both Pakistan and Afghanistan and is a transit route for drugs and fuel.",
        ],
    },
    // 4: Uzbekistan – Afghanistan
    Theatre {
        country: "Uzbekistan",
        adj: "Uzbek",
        capital: "Tashkent",
        other: "Afghanistan",
        other_adj: "Afghan",
        home: &[
            p("Termez", "Surkhandarya region", "Surkhandarya"),
            p("Angor", "Surkhandarya region", "Surkhandarya"),
            p("Sherabad", "Surkhandarya region", "Surkhandarya"),
            p("Muzrabot", "Surkhandarya region", "Surkhandarya"),
        ],
        away: &[
            p("Hairatan", "Balkh province", "Balkh"),
            p("Kaldar", "Balkh province", "Balkh"),
            p("Mazar-i-Sharif", "Balkh province", "Balkh"),
            p("Shortepa", "Balkh province", "Balkh"),
        ],
        crossings: &["the Termez–Hairatan bridge", "the Friendship Bridge", "Hairatan"],
        frontier: "the Amu Darya",
        border: "the Uzbek-Afghan border",
        force: "Uzbek border troops",
        force_body: "the Border Troops of the State Security Service",
        agency: "the State Security Service",
        ministry: "the Interior Ministry",
        drug_agency: "the national drug control centre",
        groups: &[ISKP, IMU, KIB],
        auth: "the Taliban",
        auth_long: "the Taliban administration in Kabul",
        orgs: &[SCO, SCO, UN, UNODC],
        ex_forces: &[
            "Uzbek and Russian servicemen",
            "Uzbek and Chinese special forces",
            "Uzbek motorised infantry and border troops",
        ],
        ex_names: &["South Antiterror", "Cooperation", "Friendship"],
        river: "the Amu Darya",
        water_project: "the Qosh Tepa canal",
        since: &[
            "since the Taliban returned to power in August 2021",
            "since August 2021",
        ],
        names: UZBEK,
        away_names: AFGHAN,
        sp_roles: &[
            r("State Security Service spokesman", "Col.", "the spokesman"),
            r("Surkhandarya border detachment commander", "Col.", "the commander"),
            r("Defence Ministry spokesman", "Lt. Col.", "the spokesman"),
        ],
        sp2_roles: &[
            r("Deputy Water Resources Minister", "", "the deputy minister"),
            r("Deputy Foreign Minister", "", "the deputy minister"),
            r("Surkhandarya regional governor", "", "the governor"),
        ],
        den_roles: TALIBAN_ROLES,
        flow: (10, 80),
        topics: &[Exercise, Exercise, Meeting, Water, Water, Seizure, Warning, Arrest],
        background: &[
            "The bridge between Termez and Hairatan, built in 1982, is the only crossing between Uzbekistan and Afghanistan and carries both road and rail traffic.",
            "Uzbekistan left the CSTO in 2012 but holds regular bilateral exercises with Russia and China.",
            "Tashkent has developed working ties with the Taliban administration, expanding trade and transit projects, including a planned railway across Afghanistan to Pakistan's ports.",
            "In 2022, rockets fired from the Afghan side landed in Termez without causing casualties; ISKP claimed them and the Taliban denied they came from Afghanistan.",
        ],
    },
    // 5: Turkmenistan – Afghanistan
    Theatre {
        country: "Turkmenistan",
        adj: "Turkmen",
        capital: "Ashgabat",
        other: "Afghanistan",
        other_adj: "Afghan",
        home: &[
            p("Serhetabat", "Mary province", "Mary"),
            p("Tagtabazar", "Mary province", "Mary"),
            p("Imam Nazar", "Lebap province", "Lebap"),
            p("Kerki", "Lebap province", "Lebap"),
        ],
        away: &[
            p("Torghundi", "Herat province", "Herat"),
            p("Bala Murghab", "Badghis province", "Badghis"),
            p("Aqina", "Faryab province", "Faryab"),
            p("Qaisar", "Faryab province", "Faryab"),
        ],
        crossings: &["Serhetabat–Torghundi", "Imam Nazar–Aqina"],
        frontier: "the border",
        border: "the Turkmen-Afghan border",
        force: "Turkmen border guards",
        force_body: "the State Border Service",
        agency: "the Ministry of National Security",
        ministry: "the Interior Ministry",
        drug_agency: "the State Service for Combating Drugs",
        groups: &[ISKP, IMU],
        auth: "the Taliban",
        auth_long: "the Taliban administration in Kabul",
        orgs: &[UN, UN, OSCE],
        ex_forces: &["Turkmen army and border units"],
        ex_names: &["Serhet", "Galkan"],
        river: "the Amu Darya",
        water_project: "the Qosh Tepa canal",
        since: &["since August 2021", "since the Taliban takeover"],
        names: TURKMEN,
        away_names: AFGHAN,
        sp_roles: &[
            r("State Border Service official", "", "the official"),
            r("Mary province border commander", "Col.", "the commander"),
        ],
        sp2_roles: &[
            r("Deputy Foreign Minister", "", "the deputy minister"),
            r("Lebap province deputy governor", "", "the deputy governor"),
        ],
        den_roles: TALIBAN_ROLES,
        flow: (5, 40),
        topics: &[Clash, Water, Water, Meeting, Meeting, Seizure],
        background: &[
            "Turkmenistan, which calls its foreign policy one of positive neutrality, has kept open channels with the Taliban and continues to sell electricity to {other}.",
            "The TAPI gas pipeline, meant to carry Turkmen gas through Herat and Kandahar to Pakistan and India, has been delayed for decades by insecurity in {other}.",
            "Much of the roughly 800-kilometre Turkmen-Afghan border runs through desert that analysts say is thinly guarded.",
        ],
    },
    // 6: Kyrgyzstan (no border with Afghanistan; a transit and recruitment theatre)
    Theatre {
        country: "Kyrgyzstan",
        adj: "Kyrgyz",
        capital: "Bishkek",
        other: "Afghanistan",
        other_adj: "Afghan",
        home: &[
            p("Batken", "Batken region", "Batken"),
            p("Osh", "Osh region", "Osh"),
            p("Jalal-Abad", "Jalal-Abad region", "Jalal-Abad"),
            p("Kara-Suu", "Osh region", "Osh"),
            p("Isfana", "Batken region", "Batken"),
        ],
        away: &[
            p("Imam Sahib", "Kunduz province", "Kunduz"),
            p("Faizabad", "Badakhshan province", "Badakhshan"),
            p("Taloqan", "Takhar province", "Takhar"),
        ],
        crossings: &["the Tajik-Afghan border"],
        frontier: "the Tajik-Afghan border",
        border: "the CSTO's southern borders",
        force: "Kyrgyz security forces",
        force_body: "the Border Service",
        agency: "the State Committee for National Security (GKNB)",
        ministry: "the Interior Ministry",
        drug_agency: "the Interior Ministry's drug control service",
        groups: &[ISKP, IMU, KIB],
        auth: "the Taliban",
        auth_long: "the Taliban administration in Kabul",
        orgs: &[CSTO, CSTO, SCO],
        ex_forces: &[
            "troops from CSTO member states",
            "Kyrgyz and Russian servicemen from the Kant air base",
        ],
        ex_names: &["Rubezh", "Poisk", "Cooperation"],
        river: "the Syr Darya",
        water_project: "the Kambarata dam",
        since: &["since August 2021", "since the Taliban takeover"],
        names: KYRGYZ,
        away_names: AFGHAN,
        sp_roles: &[
            r("GKNB spokesman", "Col.", "the spokesman"),
            r("Batken garrison commander", "Maj. Gen.", "the general"),
        ],
        sp2_roles: &[
            r("Security Council secretary", "", "the secretary"),
            r("Defence Ministry spokesman", "", "the spokesman"),
        ],
        den_roles: TALIBAN_ROLES,
        flow: (1, 10),
        topics: &[Arrest, Arrest, Exercise, Meeting, Warning],
        background: &[
            "In 1999 and 2000, fighters of the Islamic Movement of Uzbekistan crossed from Tajikistan into Batken and took hostages, an episode that still shapes the thinking of Kyrgyz commanders.",
            "Kyrgyzstan does not border Afghanistan, but officials say militants and drugs reach the Fergana valley through Tajikistan.",
            "The CSTO has held several exercises near the Afghan border {past}, some of them in Batken.",
            "Russia keeps an air base at Kant, near Bishkek, as part of the CSTO's collective rapid reaction forces.",
        ],
    },
];

/// Theatre indices, repeated to weight the draw toward the busier borders.
pub(crate) const THEATRE_WEIGHTS: &[usize] = &[0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 4, 5, 6];

/// A fictional outlet: name and the host of its `.example` site.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outlet {
    pub(crate) name: &'static str,
    pub(crate) host: &'static str,
}

const fn o(name: &'static str, host: &'static str) -> Outlet {
    Outlet { name, host }
}

pub(crate) const OUTLETS: &[Outlet] = &[
    o("Pamir Courier", "pamircourier.example"),
    o("Frontier Ledger", "frontierledger.example"),
    o("Steppe Monitor", "steppemonitor.example"),
    o("Indus Wire", "induswire.example"),
    o("Regional Wire", "regionalwire.example"),
    o("Zagros Dispatch", "zagrosdispatch.example"),
    o("The Oxus Review", "oxusreview.example"),
    o("Kabul Observer", "kabulobserver.example"),
    o("Caspian Herald", "caspianherald.example"),
    o("Khorasan Post", "khorasanpost.example"),
    o("Quetta Chronicle", "quettachronicle.example"),
    o("Border Watch", "borderwatch.example"),
    o("Hindu Kush Herald", "hindukushherald.example"),
    o("Karakum Observer", "karakumobserver.example"),
    o("Tien Shan Reporter", "tienshanreporter.example"),
    o("Silk Road Bulletin", "silkroadbulletin.example"),
];

pub(crate) const DRUGS: &[&str] = &["heroin", "hashish", "opium", "methamphetamine", "raw opium"];

pub(crate) const ANALYST_PLACES: &[&str] = &[
    "a research centre in {capital}",
    "a university in {capital}",
    "a think tank in {capital}",
    "an independent research group",
    "a regional security institute",
];

pub(crate) const RESIDENT_KINDS: &[&str] = &[
    "a resident of {town} who asked not to be named",
    "a shopkeeper in {town}",
    "a farmer from a village near {town}",
    "a driver waiting at {crossing}",
    "a teacher in {town}",
];

pub(crate) const AID_KINDS: &[&str] = &[
    "an aid worker at {crossing}",
    "a nurse at a mobile clinic near {crossing}",
    "a staff member of a local charity in {town}",
];
