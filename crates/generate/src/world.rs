//! The fictional world the reports describe: two countries, their cities, courts and criminal
//! codes, the organisations that publish, and a pool of people with one case history each.
//!
//! Everything is drawn from a seeded generator, so one seed gives one world.

use crate::rng::Rng;
use std::collections::HashSet;

/// How the people of a country are named.
pub(crate) struct NameStyle {
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    pub prefixes: &'static [&'static str],
    pub middles: &'static [&'static str],
    /// (masculine, feminine) surname endings.
    pub endings: &'static [(&'static str, &'static str)],
}

/// A fictional country.
pub(crate) struct Country {
    pub name: &'static str,
    pub formal: &'static str,
    /// (city, its districts).
    pub cities: &'static [(&'static str, &'static [&'static str])],
    pub security: &'static str,
    pub ministry: &'static str,
    /// (article, what it punishes).
    pub articles: &'static [(&'static str, &'static str)],
    pub style: NameStyle,
    pub movements: &'static [&'static str],
}

pub(crate) const COUNTRIES: [Country; 2] = [
    Country {
        name: "Tarsaly",
        formal: "the Republic of Tarsaly",
        cities: &[
            ("Kemir", &["Koktal", "Almaly", "Baiterek"]),
            ("Shulan", &["Yessil", "Saryarka"]),
            ("Ordabay", &["Central", "Zhailau"]),
            ("Zhelkent", &["Karasu", "Orken"]),
            ("Tulkara", &["Tulkara"]),
            ("Sarybel", &["Sarybel"]),
            ("Kokzhar", &["Northern", "Southern"]),
            ("Uzynbel", &["Uzynbel"]),
        ],
        security: "National Security Committee",
        ministry: "Ministry of Information",
        articles: &[
            ("174", "inciting social discord"),
            ("274", "disseminating knowingly false information"),
            ("179", "public calls for the violent seizure of power"),
            (
                "405",
                "participating in the activities of a banned extremist organisation",
            ),
            (
                "400",
                "violating the procedure for organising peaceful assemblies",
            ),
            ("272", "organising mass riots"),
            ("378", "insulting a representative of the authorities"),
            ("190", "fraud"),
        ],
        style: NameStyle {
            male: &[
                "Nurlan", "Yerzhan", "Askhat", "Timur", "Dauren", "Marat", "Serik", "Bolat",
                "Kairat", "Arman", "Daniyar", "Yerlan", "Azamat", "Ruslan", "Berik", "Galym",
                "Zhanibek", "Almas", "Olzhas", "Nurbek", "Talgat", "Rustam", "Baurzhan", "Erbol",
                "Sanzhar", "Kanat", "Murat", "Adil", "Zhandos", "Ilyas",
            ],
            female: &[
                "Aigerim",
                "Gulnara",
                "Aliya",
                "Zhanar",
                "Saltanat",
                "Dinara",
                "Asel",
                "Madina",
                "Aizhan",
                "Kamila",
                "Gaukhar",
                "Ainur",
                "Botagoz",
                "Saule",
                "Zarina",
                "Laura",
                "Dana",
                "Akmaral",
                "Meruert",
                "Togzhan",
                "Nazira",
                "Raushan",
                "Symbat",
                "Aruzhan",
                "Zhuldyz",
                "Elmira",
                "Bayan",
                "Indira",
                "Moldir",
                "Karlygash",
            ],
            prefixes: &[
                "Abyl", "Akhan", "Almat", "Aysar", "Bakhyt", "Baytor", "Dzhan", "Ermek", "Ibray",
                "Iskak", "Kalyk", "Karab", "Kasym", "Khalyk", "Kozhan", "Kuandyk", "Mukhtar",
                "Nurgal", "Ordan", "Omarkh", "Rakhym", "Sagyn", "Sarsen", "Serik", "Shaim",
                "Tasbol", "Temir", "Tokhtar", "Tursyn", "Ualikh", "Yerbol", "Zhakhan", "Zhantor",
                "Zhumag", "Bayzak", "Doskey", "Kenzhe", "Mirzakh", "Orazk", "Sypat",
            ],
            middles: &[
                "", "al", "ay", "en", "ek", "ir", "ul", "as", "ar", "im", "az", "yk",
            ],
            endings: &[
                ("ov", "ova"),
                ("ev", "eva"),
                ("bayev", "bayeva"),
                ("in", "ina"),
                ("yev", "yeva"),
            ],
        },
        movements: &[
            "Democratic Choice of Tarsaly",
            "Tarsaly Youth Initiative",
            "Alga Tarsaly",
            "Free Steppe Movement",
        ],
    },
    Country {
        name: "Velmora",
        formal: "Velmora",
        cities: &[
            ("Dravisk", &["Leninsky", "Zarechny", "Oktyabrsky"]),
            ("Ostrel", &["Central", "Pervomaisky"]),
            ("Merovka", &["Merovka"]),
            ("Kalvara", &["Kalvara"]),
            ("Brensk", &["Sovetsky", "Zavodskoy"]),
            ("Zolotets", &["Zolotets"]),
        ],
        security: "State Security Service",
        ministry: "Ministry of Internal Affairs",
        articles: &[
            (
                "207.3",
                "spreading knowingly false information about the armed forces",
            ),
            ("280", "public calls for extremist activity"),
            ("212", "participating in mass riots"),
            (
                "318",
                "using violence against a representative of the authorities",
            ),
            ("275", "high treason"),
            (
                "284.1",
                "organising the activities of an undesirable organisation",
            ),
            ("330.1", "evading the duties of a foreign agent"),
        ],
        style: NameStyle {
            male: &[
                "Vladimir", "Pavel", "Andrei", "Oleg", "Dmitry", "Sergei", "Mikhail", "Yuri",
                "Alexei", "Igor", "Nikolai", "Roman", "Stepan", "Fyodor", "Anton", "Grigory",
                "Arseny", "Kirill", "Leonid", "Maxim",
            ],
            female: &[
                "Irina", "Natalia", "Olga", "Yelena", "Tatiana", "Svetlana", "Marina", "Anna",
                "Daria", "Ksenia", "Yulia", "Vera", "Lyudmila", "Polina", "Sofia", "Yevgenia",
                "Alina", "Nadezhda", "Galina", "Zoya",
            ],
            prefixes: &[
                "Brod", "Chern", "Dragom", "Gorel", "Khval", "Krasn", "Lebed", "Miron", "Novik",
                "Orekh", "Pastukh", "Rybal", "Smolen", "Tikhon", "Veresh", "Zhdan", "Kozh",
                "Sokolk", "Gluk", "Yarosh", "Dubrov", "Selez", "Pryakh", "Zaits", "Kolyv",
            ],
            middles: &["", "an", "en", "ich", "osh", "yak", "ets"],
            endings: &[
                ("ov", "ova"),
                ("sky", "skaya"),
                ("in", "ina"),
                ("ev", "eva"),
            ],
        },
        movements: &[
            "Free Velmora",
            "Velmora Anti-War Committee",
            "Open Dravisk",
            "Citizens' Watch of Velmora",
        ],
    },
];

/// An organisation that publishes reports.
pub(crate) struct Publisher {
    pub name: &'static str,
    pub acronym: &'static str,
    pub kind: &'static str,
    /// The person quoted, and their post.
    pub spokesperson: (&'static str, &'static str),
}

pub(crate) const PUBLISHERS: &[Publisher] = &[
    Publisher {
        name: "Tarsaly Bureau for Human Rights",
        acronym: "TBHR",
        kind: "PRESS RELEASE",
        spokesperson: ("Saltanat Orynbasarova", "director"),
    },
    Publisher {
        name: "Steppe Rights Watch",
        acronym: "SRW",
        kind: "PUBLIC STATEMENT",
        spokesperson: ("Clara Vennholm", "Central Asia director"),
    },
    Publisher {
        name: "Press Freedom Monitor",
        acronym: "PFM",
        kind: "PRESS RELEASE",
        spokesperson: ("Jonas Ekdahl", "programme coordinator"),
    },
    Publisher {
        name: "Caspian Advocacy and Rights Alliance",
        acronym: "CARA",
        kind: "URGENT ACTION",
        spokesperson: ("Mirela Dontsova", "executive director"),
    },
    Publisher {
        name: "Open Courts Initiative",
        acronym: "OCI",
        kind: "TRIAL MONITORING NOTE",
        spokesperson: ("Hendrik Lauwers", "head of trial monitoring"),
    },
    Publisher {
        name: "Committee for Detained Journalists",
        acronym: "CDJ",
        kind: "ALERT",
        spokesperson: ("Ottilie Marchand", "Europe and Central Asia coordinator"),
    },
    Publisher {
        name: "Free Assembly Watch",
        acronym: "FAW",
        kind: "PRESS RELEASE",
        spokesperson: ("Teodor Brannlund", "research director"),
    },
    Publisher {
        name: "International Monitor for Fair Trials",
        acronym: "IMFT",
        kind: "STATEMENT",
        spokesperson: ("Aurelie Castagnet", "legal adviser"),
    },
    Publisher {
        name: "Centre for Civic Freedoms",
        acronym: "CCF",
        kind: "NEWS",
        spokesperson: ("Benedikt Harrow", "senior researcher"),
    },
    Publisher {
        name: "Velmora Helsinki Group",
        acronym: "VHG",
        kind: "STATEMENT",
        spokesperson: ("Lidiya Orlanova", "chair"),
    },
    Publisher {
        name: "Northern Lawyers' Collective",
        acronym: "NLC",
        kind: "PRESS RELEASE",
        spokesperson: ("Maarten Oosterveld", "coordinator"),
    },
    Publisher {
        name: "Coalition Against Torture in Custody",
        acronym: "CATC",
        kind: "URGENT APPEAL",
        spokesperson: ("Philippa Rendell", "advocacy director"),
    },
];

/// What a person does, which is why they were targeted.
#[derive(Clone, Copy)]
pub(crate) enum Role {
    Journalist,
    Activist,
    Defender,
    Blogger,
    Unionist,
}

/// A person's name as parts, so spellings can vary.
#[derive(Clone)]
pub(crate) struct PersonName {
    pub first: &'static str,
    pub root: String,
    pub country: usize,
    pub ending: usize,
    pub female: bool,
}

impl PersonName {
    /// The surname as the person's own documents spell it.
    pub fn surname(&self) -> String {
        let (m, f) = COUNTRIES[self.country].style.endings[self.ending];
        format!("{}{}", self.root, if self.female { f } else { m })
    }

    /// The full name, canonical or in the transliteration variant.
    pub fn full(&self, variant: bool) -> String {
        if variant {
            format!(
                "{} {}",
                first_variant(self.first),
                surname_variant(&self.surname())
            )
        } else {
            format!("{} {}", self.first, self.surname())
        }
    }

    /// The surname, canonical or in the transliteration variant.
    pub fn surname_as(&self, variant: bool) -> String {
        if variant {
            surname_variant(&self.surname())
        } else {
            self.surname()
        }
    }

    /// The same surname in the other gender's form, for a relative.
    pub fn relative(&self, first: &'static str) -> PersonName {
        PersonName {
            first,
            root: self.root.clone(),
            country: self.country,
            ending: self.ending,
            female: !self.female,
        }
    }
}

/// First names' other romanisations.
fn first_variant(first: &'static str) -> &'static str {
    match first {
        "Yerzhan" => "Erzhan",
        "Yerlan" => "Erlan",
        "Yerbol" => "Erbol",
        "Aigerim" => "Aygerim",
        "Zhanar" => "Janar",
        "Askhat" => "Askat",
        "Aliya" => "Aliia",
        "Gaukhar" => "Gauhar",
        "Alexei" => "Aleksei",
        "Yuri" => "Yury",
        "Natalia" => "Natalya",
        "Yelena" => "Elena",
        "Tatiana" => "Tatyana",
        "Dmitry" => "Dmitri",
        "Sergei" => "Sergey",
        "Fyodor" => "Fedor",
        "Yulia" => "Yuliya",
        "Ksenia" => "Kseniya",
        "Yevgenia" => "Evgenia",
        "Grigory" => "Grigoriy",
        other => other,
    }
}

/// The surname as another transliteration system writes it (Temirbayev/Temirbaev,
/// Kozhanov/Kojanov, Khalykov/Halykov); the surname itself when no rule applies.
fn surname_variant(surname: &str) -> String {
    const RULES: [(&str, &str); 8] = [
        ("bayev", "baev"),
        ("yev", "iev"),
        ("kh", "h"),
        ("zh", "j"),
        ("ay", "ai"),
        ("ky", "ki"),
        ("yk", "ik"),
        ("ts", "tz"),
    ];
    let lower = surname.to_lowercase();
    for (from, to) in RULES {
        if let Some(pos) = lower.find(from) {
            let mut out = String::with_capacity(surname.len());
            out.push_str(&surname[..pos]);
            // Keep the capital of a rule applied at the start (Khalykov → Halykov).
            if pos == 0 {
                let mut c = to.chars();
                if let Some(first) = c.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(to);
            }
            out.push_str(&surname[pos + from.len()..]);
            return out;
        }
    }
    surname.to_string()
}

/// One person's case, every date as days since 1970-01-01.
pub(crate) struct Case {
    pub arrest: i64,
    pub charged: i64,
    pub articles: Vec<usize>,
    pub trial: i64,
    pub verdict: i64,
    pub sentence_months: u32,
    pub requested_months: u32,
    pub appeal: i64,
    /// Months taken off on appeal (0: upheld).
    pub appeal_cut: u32,
    pub release: i64,
    pub torture: i64,
}

/// A person whose case the reports follow.
pub(crate) struct Person {
    pub id: usize,
    pub name: PersonName,
    pub age: u32,
    pub role: Role,
    pub city: usize,
    /// The newspaper, movement or group they work for.
    pub affiliation: String,
    /// Spouse or sibling, with the other gender's form of the surname: a different person.
    pub relative: PersonName,
    pub relative_kind: &'static str,
    pub lawyer: usize,
    pub judge: usize,
    pub case: Case,
}

/// A protest broken up with deaths, reported by several organisations with different counts.
pub(crate) struct Incident {
    pub country: usize,
    pub city: usize,
    pub day: i64,
    pub grievance: &'static str,
    pub killed: u32,
    pub injured: u32,
    pub detained: u32,
}

/// Everything the reports are about.
pub(crate) struct World {
    pub people: Vec<Person>,
    pub lawyers: Vec<PersonName>,
    pub judges: Vec<PersonName>,
    pub incidents: Vec<Incident>,
}

/// Days since 1970-01-01 of a civil date.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of days since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

struct NamePool<'a> {
    rng: &'a mut Rng,
    used: HashSet<(usize, String, &'static str)>,
}

impl NamePool<'_> {
    /// A name no one else in the world has (same first name, surname and country).
    fn fresh(&mut self, country: usize, female: bool) -> PersonName {
        let style = &COUNTRIES[country].style;
        loop {
            let root = format!(
                "{}{}",
                self.rng.pick(style.prefixes),
                self.rng.pick(style.middles)
            );
            let first = *self
                .rng
                .pick(if female { style.female } else { style.male });
            let mut ending = self.rng.below(style.endings.len());
            // "Kuandykay" + "yev" would read "Kuandykayyev".
            if root.ends_with('y') && style.endings[ending].0.starts_with('y') {
                ending = 0;
            }
            let name = PersonName {
                first,
                root,
                country,
                ending,
                female,
            };
            if self.used.insert((country, name.surname(), first)) {
                return name;
            }
        }
    }
}

/// What protesters protest against.
const GRIEVANCES: [&str; 6] = [
    "a sharp rise in fuel prices",
    "the results of the parliamentary election",
    "unpaid wages at the local plant",
    "the arrest of a popular local journalist",
    "plans to demolish a residential district",
    "a new law restricting public gatherings",
];

/// Most people a world holds: the name space of each country holds several times more.
const MAX_PEOPLE: usize = 40_000;

impl World {
    /// A world for `case_docs` case reports and `incident_docs` incident reports.
    pub fn new(seed: u64, case_docs: usize, incident_docs: usize) -> World {
        let mut rng = Rng::new(seed ^ 0x005E_ED0F_CA5E_F11E);
        // Five reports per case: one for each stage, from detention to release.
        let n_people = (case_docs / 5).clamp(1, MAX_PEOPLE);
        let mut pool = NamePool {
            rng: &mut rng,
            used: HashSet::new(),
        };
        let n_lawyers = (n_people / 12).clamp(2, 2_000);
        let lawyers: Vec<PersonName> = (0..n_lawyers)
            .map(|i| pool.fresh(i % 2, i % 3 == 0))
            .collect();
        let judges: Vec<PersonName> = (0..(n_people / 20).clamp(2, 1_000))
            .map(|i| pool.fresh(i % 2, i % 4 == 0))
            .collect();
        let mut people = Vec::with_capacity(n_people);
        for id in 0..n_people {
            // Two in three cases in Tarsaly.
            let country = usize::from(pool.rng.chance(1, 3));
            let female = pool.rng.chance(2, 5);
            let name = pool.fresh(country, female);
            let c = &COUNTRIES[country];
            let style = &c.style;
            let relative_female = !female;
            let relative_first = *pool.rng.pick(if relative_female {
                style.female
            } else {
                style.male
            });
            let relative = name.relative(relative_first);
            let relative_kind = match (female, pool.rng.below(2)) {
                (false, 0) => "wife",
                (true, 0) => "husband",
                (false, _) => "sister",
                (true, _) => "brother",
            };
            let rng = &mut *pool.rng;
            let city = rng.below(c.cities.len());
            let role = match rng.below(5) {
                0 => Role::Journalist,
                1 => Role::Activist,
                2 => Role::Defender,
                3 => Role::Blogger,
                _ => Role::Unionist,
            };
            let city_name = c.cities[city].0;
            let affiliation = match role {
                Role::Journalist => format!(
                    "{city_name} {}",
                    rng.pick(&["Courier", "Herald", "Observer", "Review", "Tribune", "Voice"])
                ),
                Role::Activist => rng.pick(c.movements).to_string(),
                Role::Defender => format!("{city_name} Human Rights Centre"),
                Role::Blogger => format!("the YouTube channel {city_name} Today"),
                Role::Unionist => format!(
                    "{city_name} {} Union",
                    rng.pick(&["Miners'", "Oil Workers'", "Teachers'", "Railway Workers'"])
                ),
            };
            let start = days_from_civil(2018, 1, 1);
            let arrest = start + rng.below(6 * 365) as i64;
            let charged = arrest + 1 + rng.below(3) as i64;
            let n_articles = 1 + usize::from(rng.chance(1, 2));
            let mut articles = Vec::new();
            while articles.len() < n_articles {
                let a = rng.below(c.articles.len());
                if !articles.contains(&a) {
                    articles.push(a);
                }
            }
            let trial = charged + 60 + rng.below(120) as i64;
            let verdict = trial + 14 + rng.below(60) as i64;
            let sentence_months = 6 * (2 + rng.below(18) as u32);
            let requested_months = sentence_months + 6 * rng.below(4) as u32;
            let appeal = verdict + 45 + rng.below(90) as i64;
            let appeal_cut = if rng.chance(1, 4) {
                6 * (1 + rng.below((sentence_months / 12) as usize) as u32)
            } else {
                0
            };
            let release = appeal + 120 + rng.below(900) as i64;
            let torture = arrest + 3 + rng.below(40) as i64;
            // Lawyers and judges alternate between the two countries: pick one of the person's.
            let lawyer = (rng.below(lawyers.len() / 2) * 2 + country).min(lawyers.len() - 1);
            let judge = (rng.below(judges.len() / 2) * 2 + country).min(judges.len() - 1);
            let age = 24 + rng.below(40) as u32;
            people.push(Person {
                id,
                name,
                age,
                role,
                city,
                affiliation,
                relative,
                relative_kind,
                lawyer,
                judge,
                case: Case {
                    arrest,
                    charged,
                    articles,
                    trial,
                    verdict,
                    sentence_months,
                    requested_months,
                    appeal,
                    appeal_cut: appeal_cut.min(sentence_months - 6),
                    release,
                    torture: torture.min(trial - 1),
                },
            });
        }
        let n_incidents = (incident_docs / 3).max(1);
        let incidents = (0..n_incidents)
            .map(|_| {
                let country = usize::from(rng.chance(1, 3));
                Incident {
                    country,
                    city: rng.below(COUNTRIES[country].cities.len()),
                    day: days_from_civil(2018, 1, 1) + rng.below(6 * 365) as i64,
                    grievance: GRIEVANCES[rng.below(GRIEVANCES.len())],
                    killed: 2 + rng.below(30) as u32,
                    injured: 10 + rng.below(150) as u32,
                    detained: 20 + rng.below(400) as u32,
                }
            })
            .collect();
        World {
            people,
            lawyers,
            judges,
            incidents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2023, 3, 14), (2024, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
    }

    #[test]
    fn variants_change_the_spelling_not_the_gender() {
        assert_eq!(surname_variant("Temirbayev"), "Temirbaev");
        assert_eq!(surname_variant("Khalykova"), "Halykova");
        assert_eq!(surname_variant("Kozhanov"), "Kojanov");
        assert_eq!(surname_variant("Sarsenov"), "Sarsenov");
    }

    #[test]
    fn relatives_have_the_other_form_of_the_surname() {
        let n = PersonName {
            first: "Nurlan",
            root: "Temir".into(),
            country: 0,
            ending: 0,
            female: false,
        };
        assert_eq!(n.full(false), "Nurlan Temirov");
        assert_eq!(n.relative("Gulnara").full(false), "Gulnara Temirova");
    }
}
