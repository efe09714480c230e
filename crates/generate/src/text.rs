//! The reports themselves: one stage of one case, or one protest, as a publisher would write it.

use crate::rng::{mix, Rng};
use crate::world::{civil_from_days, Person, PersonName, Role, World, COUNTRIES, PUBLISHERS};
use crate::{Planted, PlantedEvent, PlantedPerson};
use std::fmt::Write;

/// One generated report.
#[derive(Debug, Clone)]
pub struct Document {
    /// File name (without folder).
    pub file_name: String,
    /// The report: title, publisher, dateline and paragraphs.
    pub text: String,
    /// What the report was made to say.
    pub planted: Planted,
}

/// Every ninth report is about a protest; the rest follow cases.
const INCIDENT_EVERY: usize = 9;

/// (case reports, incident reports) among `docs`.
pub(crate) fn split(docs: usize) -> (usize, usize) {
    let incidents = docs / INCIDENT_EVERY;
    (docs - incidents, incidents)
}

/// Runs of letters and digits, the way the benchmarks count words.
pub(crate) fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut inside = false;
    for c in text.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !inside {
            n += 1;
        }
        inside = w;
    }
    n
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn iso(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "14 March 2023".
fn long_date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{d} {} {y}", MONTHS[m as usize - 1])
}

const NUMBERS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn number(n: u32) -> String {
    NUMBERS
        .get(n as usize)
        .map(|s| s.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// "six years", "five and a half years", "18 months", "three years and four months".
fn term(months: u32) -> String {
    let (y, m) = (months / 12, months % 12);
    match (y, m) {
        (0, m) => format!("{} months", number(m)),
        (1, 6) => "18 months".to_string(),
        (1, 0) => "one year".to_string(),
        (y, 0) => format!("{} years", number(y)),
        (y, 6) => format!("{} and a half years", number(y)),
        (y, m) => format!("{} years and {} months", number(y), number(m)),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Pronouns of a person.
struct Pro {
    subj: &'static str,
    obj: &'static str,
    pos: &'static str,
}

fn pro(female: bool) -> Pro {
    if female {
        Pro {
            subj: "she",
            obj: "her",
            pos: "her",
        }
    } else {
        Pro {
            subj: "he",
            obj: "him",
            pos: "his",
        }
    }
}

/// Writes one report: paragraphs, with the facts it states recorded as they are written.
struct Writer<'w> {
    rng: Rng,
    world: &'w World,
    publisher: usize,
    published: i64,
    paragraphs: Vec<String>,
    people: Vec<PlantedPerson>,
    events: Vec<PlantedEvent>,
}

impl Writer<'_> {
    /// When `day` was, as this report says it: "yesterday", "on 14 March" or "on 14 March 2022".
    fn when(&mut self, day: i64) -> String {
        let (y, m, d) = civil_from_days(day);
        let (py, _, _) = civil_from_days(self.published);
        if self.published - day == 1 && self.rng.chance(1, 3) {
            "yesterday".to_string()
        } else if y == py && self.published - day < 150 {
            format!("on {d} {}", MONTHS[m as usize - 1])
        } else {
            format!("on {d} {} {y}", MONTHS[m as usize - 1])
        }
    }

    fn when_cap(&mut self, day: i64) -> String {
        capitalise(&self.when(day))
    }

    /// Whether this report's publisher writes `person` in the other romanisation: each
    /// publisher keeps to one spelling of a person.
    fn variant(&self, key: u64) -> bool {
        mix(key, self.publisher as u64).is_multiple_of(3)
    }

    /// The name as written here, recorded as planted.
    fn name(&mut self, id: String, name: &PersonName, key: u64) -> String {
        let spelling = name.full(self.variant(key));
        if !self.people.iter().any(|p| p.id == id) {
            self.people.push(PlantedPerson {
                id,
                name: name.full(false),
                spelling: spelling.clone(),
            });
        }
        spelling
    }

    fn event(&mut self, event_type: &'static str, person: Option<&Person>, day: i64) {
        self.events.push(PlantedEvent {
            event_type,
            person: person.map(|p| format!("p{}", p.id)),
            date: iso(day),
            sentence_months: None,
            articles: Vec::new(),
            killed: None,
        });
    }

    fn say(&mut self, p: String) {
        self.paragraphs.push(p);
    }

    /// A quotation from the publisher's spokesperson.
    fn quote(&mut self, line: String) {
        let p = &PUBLISHERS[self.publisher];
        let (who, post) = p.spokesperson;
        self.say(format!("\"{line},\" said {who}, {post} of {}.", p.name));
    }
}

fn role_word(role: Role) -> &'static str {
    match role {
        Role::Journalist => "journalist",
        Role::Activist => "opposition activist",
        Role::Defender => "human rights defender",
        Role::Blogger => "blogger",
        Role::Unionist => "trade union leader",
    }
}

fn work_word(role: Role) -> &'static str {
    match role {
        Role::Journalist => "reporting",
        Role::Activist => "peaceful political activity",
        Role::Defender => "human rights work",
        Role::Blogger => "videos",
        Role::Unionist => "union work",
    }
}

fn describe(person: &Person) -> String {
    match person.role {
        Role::Journalist => format!(
            "a reporter for the independent newspaper {}",
            person.affiliation
        ),
        Role::Activist => format!("a member of the opposition movement {}", person.affiliation),
        Role::Defender => format!("a monitor with the {}", person.affiliation),
        Role::Blogger => format!("who runs {}", person.affiliation),
        Role::Unionist => format!("the chair of the {}", person.affiliation),
    }
}

/// Report `index` of the corpus.
pub(crate) fn document(world: &World, seed: u64, index: usize) -> Document {
    let mut rng = Rng::new(mix(seed, index as u64));
    let publisher = rng.below(PUBLISHERS.len());
    let mut w = Writer {
        rng,
        world,
        publisher,
        published: 0,
        paragraphs: Vec::new(),
        people: Vec::new(),
        events: Vec::new(),
    };
    let (title, city, kind) = if index % INCIDENT_EVERY == INCIDENT_EVERY - 1 {
        let j = index / INCIDENT_EVERY;
        incident(&mut w, j % world.incidents.len(), j / world.incidents.len())
    } else {
        let k = index - index / INCIDENT_EVERY;
        let n = world.people.len();
        case(&mut w, &world.people[k % n], k / n)
    };
    background(&mut w, city);
    let p = &PUBLISHERS[publisher];
    let mut text = String::with_capacity(4096);
    let _ = write!(text, "{}\n{}\n\n{}\n\n", p.name, p.kind, title);
    let (y, m, d) = civil_from_days(w.published);
    for (i, para) in w.paragraphs.iter().enumerate() {
        if i == 0 {
            let _ = write!(
                text,
                "{}, {d} {} {y} — ",
                city.to_uppercase(),
                MONTHS[m as usize - 1]
            );
        }
        text.push_str(para);
        text.push_str("\n\n");
    }
    let _ = write!(
        text,
        "Contact: {} press office, press@{}.example\n\nENDS\n",
        p.acronym,
        p.acronym.to_lowercase()
    );
    // A name worked out for a paragraph this stage does not have is not planted.
    w.people.retain(|p| text.contains(&p.spelling));
    Document {
        file_name: format!("{index:06}-{}-{kind}.txt", p.acronym.to_lowercase()),
        text,
        planted: Planted {
            file: String::new(),
            published: iso(w.published),
            publisher: p.name.to_string(),
            people: w.people,
            events: w.events,
        },
    }
}

/// One or two paragraphs of context about the country, before the report's last paragraph.
fn background(w: &mut Writer, city: &str) {
    let country = COUNTRIES
        .iter()
        .find(|c| c.cities.iter().any(|(name, _)| *name == city))
        .unwrap_or(&COUNTRIES[0]);
    let acr = PUBLISHERS[w.publisher].acronym;
    let name = country.name;
    let first = w.rng.below(6);
    let count = 1 + w.rng.below(2);
    for k in 0..count {
        let line = match (first + k * 3) % 6 {
            0 => format!(
                "The case comes at a difficult moment for independent voices in {name}. Over the \
                 past two years the authorities have blocked several news websites, and the {} has \
                 issued written warnings to more than a dozen newspapers for publishing what it \
                 described as \"unverified information\". Journalists' associations say the \
                 warnings are used to silence critical reporting.",
                country.ministry
            ),
            1 => "Last year the government submitted to parliament draft amendments to the Law on \
                  Public Associations which would oblige groups that receive funding from abroad \
                  to register as \"foreign representatives\" and report on their work every \
                  quarter. Human rights organisations have warned that the provision is written so \
                  broadly that almost any independent group could be closed under it."
                .to_string(),
            2 => format!(
                "{} is a party to the International Covenant on Civil and Political Rights. \
                 Article 19 of the Covenant guarantees the right to seek, receive and impart \
                 information, and Article 9 prohibits arbitrary detention. Restrictions on \
                 expression must be necessary and proportionate.",
                capitalise(country.formal)
            ),
            3 => format!(
                "Human rights defenders have documented numerous allegations of ill-treatment in \
                 pre-trial detention centres in {city} in recent years, and complaints are rarely \
                 investigated effectively. People held by the {} are often denied access to a \
                 lawyer of their choice for days.",
                country.security
            ),
            4 => format!(
                "In its last review of {name}, the UN Human Rights Committee expressed concern \
                 about the use of vaguely worded criminal offences against journalists, activists \
                 and members of the political opposition, and recommended that they be revised."
            ),
            _ => format!(
                "Since the start of the year, {acr} has documented at least {} cases in which \
                 people in {name} were detained, fined or prosecuted for peaceful criticism of the \
                 authorities, many of them under the same articles of the Criminal Code.",
                20 + w.rng.below(180)
            ),
        };
        let at = w.paragraphs.len().saturating_sub(1).max(1);
        w.paragraphs.insert(at.min(w.paragraphs.len()), line);
    }
}

/// A stage of one person's case; returns (title, dateline city, file-name kind).
fn case(w: &mut Writer, person: &Person, stage: usize) -> (String, &'static str, &'static str) {
    let world = w.world;
    let country = &COUNTRIES[person.name.country];
    let (city, districts) = country.cities[person.city];
    let c = &person.case;
    let pr = pro(person.name.female);
    let key = person.id as u64;
    let event_day = match stage {
        0 => c.charged,
        1 => c.trial,
        2 => c.verdict,
        3 => c.appeal,
        4 => c.release,
        s => c.release + 30 * (s as i64 - 4),
    };
    w.published = event_day + 1 + w.rng.below(3) as i64;
    let id = format!("p{}", person.id);
    let full = w.name(id.clone(), &person.name, key);
    let surname = person.name.surname_as(w.variant(key));
    let acr = PUBLISHERS[w.publisher].acronym;
    let role = role_word(person.role);
    let articles: Vec<(&str, &str)> = c.articles.iter().map(|&a| country.articles[a]).collect();
    let charges = {
        let mut s = format!(
            "under Article {} of the Criminal Code (\"{}\")",
            articles[0].0, articles[0].1
        );
        if let Some((a, what)) = articles.get(1) {
            let _ = write!(s, " and Article {a} (\"{what}\")");
        }
        s
    };
    let article_ids = || articles.iter().map(|(a, _)| a.to_string()).collect();
    let lawyer = world.lawyers[person.lawyer].clone();
    let lawyer_name = w.name(
        format!("l{}", person.lawyer),
        &lawyer,
        1_000_000 + person.lawyer as u64,
    );
    let relative_id = format!("{id}-{}", person.relative_kind);
    let since = format!(
        "{} has been in custody since police detained {} in {city} on {}",
        capitalise(pr.subj),
        pr.obj,
        long_date(c.arrest)
    );
    let sentence_after_appeal = c.sentence_months - c.appeal_cut;
    match stage {
        0 => {
            let title = match w.rng.below(3) {
                0 => format!(
                    "{}: {} {full} detained and charged over {} {}",
                    country.name,
                    capitalise(role),
                    pr.pos,
                    work_word(person.role)
                ),
                1 => format!("Release {full} now, {acr} says after {role} is charged in {city}"),
                _ => format!("Authorities in {city} detain {role} {full}"),
            };
            let when_arrest = w.when(c.arrest);
            let line = format!(
                "{} ({acr}) today called on the authorities of {} to release {full}, {}, who was \
                 detained in {city} {when_arrest} and now faces criminal charges that carry a \
                 prison sentence of up to {} years.",
                PUBLISHERS[w.publisher].name,
                country.formal,
                describe(person),
                number(c.requested_months / 12 + 2)
            );
            w.say(line);
            w.event("arrest", Some(person), c.arrest);
            let police = if w.rng.chance(1, 2) {
                format!("{city} City Police Department")
            } else {
                country.security.to_string()
            };
            let circumstance = match w.rng.below(4) {
                0 => format!("as {} left {} home", pr.subj, pr.pos),
                1 => format!(
                    "at {city} airport as {} was about to board a flight",
                    pr.subj
                ),
                2 => format!("outside the office of the {}", person.affiliation),
                _ => "at a checkpoint on the edge of the city".to_string(),
            };
            let when_arrest = w.when(c.arrest);
            let line = format!(
                "Officers of the {police} detained {full}, {}, {when_arrest} {circumstance}. \
                 According to witnesses, the officers did not show a warrant. {} flat was searched \
                 for several hours and police seized {} laptops, {} mobile phones and a box of \
                 documents.",
                person.age,
                capitalise(pr.pos),
                number(2 + w.rng.below(3) as u32),
                number(2 + w.rng.below(3) as u32)
            );
            w.say(line);
            let when_charged = w.when_cap(c.charged);
            let district = districts[w.rng.below(districts.len())];
            let line = format!(
                "{when_charged} an investigator charged {surname} {charges}. The same day, the \
                 {district} District Court of {city} ordered that {} be held in pre-trial \
                 detention for two months.",
                pr.subj
            );
            w.say(line);
            for (event_type, articles) in [("charge", article_ids()), ("detention", Vec::new())] {
                w.events.push(PlantedEvent {
                    event_type,
                    person: Some(id.clone()),
                    date: iso(c.charged),
                    sentence_months: None,
                    articles,
                    killed: None,
                });
            }
            let rel = w.name(relative_id, &person.relative, key + 2_000_000);
            let rel_surname = person.relative.surname_as(w.variant(key + 2_000_000));
            let line = format!(
                "{} {}, {rel}, told {acr} that the family had not been allowed to see {} since the \
                 arrest. {rel_surname} said that {lawyer_name}, the lawyer the family hired, was \
                 kept waiting at the police station for more than {} hours before being allowed \
                 in.",
                capitalise(pr.pos),
                person.relative_kind,
                pr.obj,
                number(5 + w.rng.below(15) as u32)
            );
            w.say(line);
            let line = format!(
                "{full} is being punished for {} {}. The charges must be dropped and {} must be \
                 released today",
                pr.pos,
                work_word(person.role),
                pr.subj
            );
            w.quote(line);
            let line = format!(
                "{acr} calls on the authorities of {} to release {full} immediately and \
                 unconditionally, to return the equipment seized and to guarantee {} regular access \
                 to a lawyer of {} choice.",
                country.name, pr.obj, pr.pos
            );
            w.say(line);
            (title, city, "detained")
        }
        1 => {
            let title = if w.rng.chance(1, 2) {
                format!(
                    "{}: trial of {role} {full} opens behind closed doors",
                    country.name
                )
            } else {
                format!("{full} tells court {} was beaten in custody", pr.subj)
            };
            let when_trial = w.when(c.trial);
            let line = format!(
                "The trial of {full}, {}, opened at the {city} City Court {when_trial}, {acr} said \
                 today. {} is charged {charges}.",
                describe(person),
                capitalise(pr.subj)
            );
            w.say(line);
            w.event("trial", Some(person), c.trial);
            let line = format!("{since}.");
            w.say(line);
            let judge = world.judges[person.judge].clone();
            let judge_name = w.name(
                format!("j{}", person.judge),
                &judge,
                3_000_000 + person.judge as u64,
            );
            let line = format!(
                "Judge {judge_name} closed the hearing to the public and to diplomats who had \
                 come to observe it, citing the need to protect the privacy of witnesses. \
                 {lawyer_name}, who represents {surname}, said the defence had been given {} days \
                 to read a case file of {} volumes.",
                number(2 + w.rng.below(8) as u32),
                number(3 + w.rng.below(15) as u32)
            );
            w.say(line);
            let line = format!(
                "{surname} told the court that guards at pre-trial detention centre No. {} in {city} \
                 beat {} with truncheons on {} after {} refused to sign a confession. The \
                 authorities have not opened an investigation into the allegation.",
                1 + w.rng.below(4),
                pr.obj,
                long_date(c.torture),
                pr.subj
            );
            w.say(line);
            w.event("torture", Some(person), c.torture);
            let line = format!(
                "A trial held behind closed doors, on charges built from {} {}, cannot be fair",
                pr.pos,
                work_word(person.role)
            );
            w.quote(line);
            let line = format!(
                "{acr} calls for a prompt, thorough and impartial investigation into the \
                 allegation of torture and for the release of {full}."
            );
            w.say(line);
            (title, city, "trial")
        }
        2 => {
            let sentence = term(c.sentence_months);
            let title = if w.rng.chance(1, 2) {
                format!("{}: {full} sentenced to {sentence}", country.name)
            } else {
                format!("{} for {role} {full}", capitalise(&sentence))
            };
            let when_verdict = w.when_cap(c.verdict);
            let regime = *w
                .rng
                .pick(&["general-regime", "strict-regime", "minimum-security"]);
            let line = format!(
                "{when_verdict} the {city} City Court found {full} guilty {charges} and sentenced \
                 {} to {sentence} in a {regime} penal colony, {acr} said. The prosecution had \
                 asked for {}.",
                pr.obj,
                term(c.requested_months)
            );
            w.say(line);
            w.events.push(PlantedEvent {
                event_type: "conviction",
                person: Some(id.clone()),
                date: iso(c.verdict),
                sentence_months: Some(c.sentence_months),
                articles: article_ids(),
                killed: None,
            });
            let line = format!("{since}.");
            w.say(line);
            let line = format!(
                "After the verdict, police detained {} of about {} supporters who had gathered \
                 outside the court building in silence.",
                number(2 + w.rng.below(9) as u32),
                10 * (2 + w.rng.below(10))
            );
            w.say(line);
            let rel = w.name(relative_id, &person.relative, key + 2_000_000);
            let line = format!(
                "{} {}, {rel}, said the family would appeal. {lawyer_name}, {} lawyer, said the \
                 court had ignored every witness for the defence.",
                capitalise(pr.pos),
                person.relative_kind,
                pr.pos
            );
            w.say(line);
            let line = format!(
                "This sentence is not justice. It is a message to everyone in {} who might \
                 think of following {full}'s example",
                country.name
            );
            w.quote(line);
            let line = format!(
                "{acr} considers {full} a prisoner of conscience, held solely for the peaceful \
                 exercise of {} rights, and calls for {} immediate and unconditional release.",
                pr.pos, pr.pos
            );
            w.say(line);
            (title, city, "sentenced")
        }
        3 => {
            let when_appeal = w.when_cap(c.appeal);
            let title = format!(
                "{}: appeal court {} sentence of {full}",
                country.name,
                if c.appeal_cut == 0 {
                    "upholds"
                } else {
                    "reduces"
                }
            );
            let outcome = if c.appeal_cut == 0 {
                format!(
                    "rejected the appeal of {full} against {} conviction and upheld the sentence \
                     of {}",
                    pr.pos,
                    term(c.sentence_months)
                )
            } else {
                format!(
                    "heard the appeal of {full} and reduced {} sentence from {} to {}",
                    pr.pos,
                    term(c.sentence_months),
                    term(sentence_after_appeal)
                )
            };
            let line = format!(
                "{when_appeal} the {city} Regional Court {outcome}. {} was not brought to the \
                 courtroom and followed the hearing by video link from the penal colony.",
                capitalise(pr.subj)
            );
            w.say(line);
            w.events.push(PlantedEvent {
                event_type: "appeal",
                person: Some(id.clone()),
                date: iso(c.appeal),
                sentence_months: Some(sentence_after_appeal),
                articles: Vec::new(),
                killed: None,
            });
            let line = format!(
                "{full} was convicted by the {city} City Court on {} {charges}.",
                long_date(c.verdict)
            );
            w.say(line);
            let rel = w.name(relative_id, &person.relative, key + 2_000_000);
            let line = format!(
                "{} {}, {rel}, said the family would now take the case to the UN Human Rights \
                 Committee.",
                capitalise(pr.pos),
                person.relative_kind
            );
            w.say(line);
            let line = format!(
                "The appeal court had every chance to end this injustice and chose not to. {full} \
                 should not spend another day behind bars"
            );
            w.quote(line);
            (title, city, "appeal")
        }
        4 => {
            let pardon = w.rng.chance(1, 3);
            let title = format!("{}: {role} {full} released", country.name);
            let when_release = w.when(c.release);
            let ground = if pardon {
                "a presidential pardon"
            } else {
                "a court granted early release on parole"
            };
            let line = format!(
                "{full} was released from a penal colony near {city} {when_release} after \
                 {ground}, {acr} said today, welcoming the release but calling for the conviction \
                 to be quashed."
            );
            w.say(line);
            // The report dates the release; a pardon "after" which it came has no date of its
            // own in the text, so only the release is planted.
            w.event("release", Some(person), c.release);
            let line = format!(
                "{} had spent more than {} in custody since {} arrest in {city} on {}.",
                capitalise(pr.subj),
                term(((c.release - c.arrest) / 30) as u32 / 6 * 6),
                pr.pos,
                long_date(c.arrest)
            );
            w.say(line);
            let line = format!(
                "{full} should never have spent a single day in prison. Others jailed for their \
                 {} are still waiting",
                work_word(person.role)
            );
            w.quote(line);
            (title, city, "released")
        }
        _ => {
            let title = format!(
                "{}: the case of {full}, {} after the verdict",
                country.name,
                if stage == 5 { "a year" } else { "years" }
            );
            let line = format!(
                "{acr} today renewed its call for the conviction of {full}, {}, to be quashed. \
                 The {city} City Court sentenced {} on {} to {} {charges}.",
                describe(person),
                pr.obj,
                long_date(c.verdict),
                term(c.sentence_months)
            );
            w.say(line);
            let line = format!(
                "{full} was released on {} and remains barred from leaving {}.",
                long_date(c.release),
                country.name
            );
            w.say(line);
            (title, city, "follow-up")
        }
    }
}

/// Report number `report` of a protest; returns (title, dateline city, file-name kind).
fn incident(w: &mut Writer, which: usize, report: usize) -> (String, &'static str, &'static str) {
    let inc = &w.world.incidents[which];
    let country = &COUNTRIES[inc.country];
    let city = country.cities[inc.city].0;
    // Sources disagree: each report's toll is the truth give or take a few.
    let killed = (inc.killed as i64 + [0, 3, -1, 5][report % 4]).max(1) as u32;
    w.published = inc.day + 1 + (report as i64 % 5);
    let acr = PUBLISHERS[w.publisher].acronym;
    let title = format!(
        "{}: at least {killed} killed as security forces fire on protesters in {city}",
        country.name
    );
    let when = w.when(inc.day);
    let line = format!(
        "At least {killed} people were killed and {} injured when security forces opened fire on \
         protesters in {city} {when}, {acr} said today, citing hospital staff and relatives of \
         the dead.",
        inc.injured
    );
    w.say(line);
    w.events.push(PlantedEvent {
        event_type: "killing",
        person: None,
        date: iso(inc.day),
        sentence_months: None,
        articles: Vec::new(),
        killed: Some(killed),
    });
    let line = format!(
        "Thousands of people had gathered in central {city} that morning to protest against {}. \
         Witnesses told {acr} that police used tear gas and stun grenades before live ammunition \
         was fired into the crowd.",
        inc.grievance
    );
    w.say(line);
    w.event("protest", None, inc.day);
    let line = format!(
        "Police detained at least {} people in {city} that day. The Interior Ministry said that {} \
         people had died and described the protest as mass riots organised from abroad.",
        inc.detained,
        number(killed.saturating_sub(2).max(2))
    );
    w.say(line);
    let line = format!(
        "The people of {city} went out to protest against {}, and some of them did not come home. \
         Those who gave the order to shoot must be held to account",
        inc.grievance
    );
    w.quote(line);
    let line = format!(
        "{acr} calls for an independent and effective investigation into the killings in {city} \
         and for the release of everyone detained for peacefully taking part in the protest."
    );
    w.say(line);
    (title, city, "protest")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_as_a_court_would_say_them() {
        assert_eq!(term(66), "five and a half years");
        assert_eq!(term(72), "six years");
        assert_eq!(term(18), "18 months");
        assert_eq!(term(40), "three years and four months");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(count_words("At least 12 people — killed."), 5);
    }
}
