//! The trigger lexicon: words and phrases that state an event, compiled once into one
//! Aho–Corasick automaton that runs over a document's lowercased text.

use crate::text::Words;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use casefile_model::EventType;
use std::sync::OnceLock;

/// How a trigger carries its participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A past participle or past tense: "was detained", "police detained X".
    Verb,
    /// A noun: "the arrest of X", "X's detention", "a demonstration".
    Noun,
    /// A base form that states nothing by itself and only counts after a call ("to release",
    /// "calling for his release", "to investigate").
    Base,
}

/// Only with a media word in the sentence (a ban on what?).
pub(crate) const MEDIA: u16 = 1;
/// Only with a law word in the sentence (adopted what?).
pub(crate) const LAW: u16 = 2;
/// Only with a court word in the sentence (which appeal?).
pub(crate) const COURT: u16 = 4;
/// Dropped unless a victim is found (ambiguous nouns: "conviction", "charges").
pub(crate) const NEEDS_VICTIM: u16 = 8;
/// Not an event of its own when nothing is named with it ("the investigation").
pub(crate) const WEAK: u16 = 16;
/// Only when the sentence says it is not known ("the whereabouts of X remain unknown").
pub(crate) const UNKNOWN: u16 = 32;
/// Only when harm done is its cause ("died on Monday after police beat him"), not an illness.
pub(crate) const HARM: u16 = 64;
/// The complement of a verb of finding with its object between ("the court found X guilty"):
/// only with that verb, which becomes the trigger.
pub(crate) const FOUND: u16 = 128;
/// Where a victim was forced with the victim between ("forced X into a car"): only after a verb
/// of force, which becomes the trigger.
pub(crate) const FORCED: u16 = 256;

/// What a media outlet or journalist was stripped of, with the victim between ("stripped the
/// association of its registration"): only after a verb of stripping, which becomes the trigger.
pub(crate) const STRIPPED: u16 = 512;

/// A status imposed on someone named between ("designated Volkov a \"foreign agent\"", "was
/// declared a foreign agent"): only after a verb of designating, which becomes the trigger.
pub(crate) const DESIGNATED: u16 = 1024;

/// One lexicon entry.
pub(crate) struct Entry {
    pub pattern: &'static str,
    pub ty: EventType,
    pub kind: Kind,
    pub flags: u16,
}

const fn e(pattern: &'static str, ty: EventType, kind: Kind, flags: u16) -> Entry {
    Entry {
        pattern,
        ty,
        kind,
        flags,
    }
}

use EventType as T;
use Kind::{Base, Noun, Verb};

/// Every trigger, lowercase. Longest match wins, so "died in custody" beats "died".
pub(crate) const ENTRIES: &[Entry] = &[
    // Arrest and detention.
    e("arrested", T::Arrest, Verb, 0),
    // Punitive psychiatry: "forcibly confined to a psychiatric hospital".
    e("forcibly confined", T::Detention, Verb, 0),
    e("confined to a psychiatric", T::Detention, Verb, 0),
    e("committed to a psychiatric", T::Detention, Verb, 0),
    e("placed in a psychiatric", T::Detention, Verb, 0),
    e("forcibly hospitalized", T::Detention, Verb, 0),
    e("forcibly hospitalised", T::Detention, Verb, 0),
    e("re-arrested", T::Arrest, Verb, 0),
    e("rearrested", T::Arrest, Verb, 0),
    e("arrest", T::Arrest, Noun, 0),
    e("arrests", T::Arrest, Noun, 0),
    e("detained", T::Arrest, Verb, 0),
    e("rounded up", T::Arrest, Verb, 0),
    // Only by the police or armed men ("was picked up by men in plainclothes"), not "picked up
    // passengers" (a false friend in `lib.rs`).
    e("picked up", T::Arrest, Verb, 0),
    e("taken into custody", T::Arrest, Verb, 0),
    e("taken into police custody", T::Arrest, Verb, 0),
    e("apprehended", T::Arrest, Verb, 0),
    e("detention", T::Detention, Noun, 0),
    e("detentions", T::Detention, Noun, 0),
    e("held in custody", T::Detention, Verb, 0),
    e("held incommunicado", T::Detention, Verb, 0),
    // A state told of its subject: "X, who remains in prison", "Y is now in jail".
    e("remains in prison", T::Detention, Verb, 0),
    e("remain in prison", T::Detention, Verb, 0),
    e("remained in prison", T::Detention, Verb, 0),
    e("remains in jail", T::Detention, Verb, 0),
    e("remain in jail", T::Detention, Verb, 0),
    e("remained in jail", T::Detention, Verb, 0),
    e("remains in detention", T::Detention, Verb, 0),
    e("remain in detention", T::Detention, Verb, 0),
    e("remained in detention", T::Detention, Verb, 0),
    e("remains in custody", T::Detention, Verb, 0),
    e("remain in custody", T::Detention, Verb, 0),
    e("remained in custody", T::Detention, Verb, 0),
    e("still in prison", T::Detention, Verb, 0),
    e("still in jail", T::Detention, Verb, 0),
    e("now in prison", T::Detention, Verb, 0),
    e("now in jail", T::Detention, Verb, 0),
    e("sent to prison", T::Detention, Verb, 0),
    e("sent to jail", T::Detention, Verb, 0),
    e("under house arrest", T::Detention, Verb, 0),
    e("remanded in custody", T::Detention, Verb, 0),
    // "remanded X in judicial custody for 14 days", "was remanded to prison": only into custody
    // (a false friend in `lib.rs`), not a case remanded to a lower court.
    e("remanded", T::Detention, Verb, 0),
    e("imprisoned", T::Detention, Verb, 0),
    e("jailed", T::Detention, Verb, 0),
    e("behind bars", T::Detention, Noun, NEEDS_VICTIM),
    // Charges and trials.
    e("charged", T::Charge, Verb, 0),
    e("indicted", T::Charge, Verb, 0),
    e("indictment", T::Charge, Noun, NEEDS_VICTIM),
    e("prosecuted", T::Charge, Verb, 0),
    e("prosecute", T::Charge, Base, 0),
    e("charges", T::Charge, Noun, NEEDS_VICTIM),
    e("criminal case against", T::Charge, Noun, 0),
    e("criminal cases", T::Charge, Noun, 0),
    e("criminal proceedings", T::Charge, Noun, 0),
    // "opened a new case against X", "a case was opened against X": the opening, not "the
    // case against her" told in passing, whose "her" is often the speaker's subject.
    e("opened a case against", T::Charge, Noun, NEEDS_VICTIM),
    e("opened a new case against", T::Charge, Noun, NEEDS_VICTIM),
    e("opened proceedings against", T::Charge, Noun, NEEDS_VICTIM),
    e("opened against", T::Charge, Noun, NEEDS_VICTIM),
    e("trial", T::Trial, Noun, 0),
    e("trials", T::Trial, Noun, 0),
    e("put on trial", T::Trial, Verb, 0),
    e("stood trial", T::Trial, Verb, 0),
    e("tried", T::Trial, Verb, 0),
    e("convicted", T::Conviction, Verb, 0),
    e("found guilty", T::Conviction, Verb, 0),
    e("guilty", T::Conviction, Verb, FOUND),
    e("sentenced", T::Conviction, Verb, 0),
    // A fine is a penalty a court or an official imposes: "was fined 800,000 roubles".
    e("fined", T::Conviction, Verb, 0),
    // "X received seven years", "was given five years": a term after the verb.
    e("received", T::Conviction, Verb, 0),
    e("was given", T::Conviction, Verb, 0),
    e("were given", T::Conviction, Verb, 0),
    e("sentencing", T::Conviction, Noun, 0),
    e("conviction", T::Conviction, Noun, NEEDS_VICTIM),
    // A verdict or a sentence being served states a conviction even without "convicted".
    e("verdict against", T::Conviction, Noun, 0),
    e("guilty verdict", T::Conviction, Noun, NEEDS_VICTIM),
    e("prison sentence", T::Conviction, Noun, NEEDS_VICTIM),
    // "serving a five-year sentence for smuggling"
    e("year sentence", T::Conviction, Noun, NEEDS_VICTIM),
    e("month sentence", T::Conviction, Noun, NEEDS_VICTIM),
    e("prison term", T::Conviction, Noun, NEEDS_VICTIM),
    e("jail term", T::Conviction, Noun, NEEDS_VICTIM),
    e("upheld on appeal", T::Appeal, Verb, 0),
    e("acquitted", T::Acquittal, Verb, 0),
    e("found not guilty", T::Acquittal, Verb, 0),
    e("not guilty", T::Acquittal, Verb, FOUND),
    e("acquittal", T::Acquittal, Noun, 0),
    e("on appeal", T::Appeal, Noun, 0),
    e("appeal", T::Appeal, Noun, COURT),
    e("appeals", T::Appeal, Noun, COURT),
    e("appeals court", T::Appeal, Noun, 0),
    e("appeal court", T::Appeal, Noun, 0),
    e("court of appeal", T::Appeal, Noun, 0),
    e("upheld", T::Appeal, Verb, COURT),
    // Release and pardon.
    e("released", T::Release, Verb, 0),
    e("freed", T::Release, Verb, 0),
    e("set free", T::Release, Verb, 0),
    e("release", T::Release, Base, 0),
    // "must free Elchin Aliyev", "free all jailed journalists"; not "free and fair elections".
    e("free", T::Release, Base, 0),
    e("to free", T::Release, Base, 0),
    e("pardoned", T::Pardon, Verb, 0),
    e("pardon", T::Pardon, Noun, 0),
    e("amnestied", T::Pardon, Verb, 0),
    // Torture and ill-treatment.
    e("tortured", T::Torture, Verb, 0),
    e("torture", T::Torture, Noun, 0),
    e("torturing", T::Torture, Noun, 0),
    e("ill-treated", T::Torture, Verb, 0),
    e("ill treated", T::Torture, Verb, 0),
    e("ill-treatment", T::Torture, Noun, 0),
    e("ill treatment", T::Torture, Noun, 0),
    e("mistreated", T::Torture, Verb, 0),
    e("mistreatment", T::Torture, Noun, 0),
    // Care withheld from someone held: "had been denied adequate medical care in pre-trial
    // detention" (a death from it is a death in custody, below).
    e("denied medical care", T::Torture, Verb, 0),
    e("denied adequate medical care", T::Torture, Verb, 0),
    e("denied medical treatment", T::Torture, Verb, 0),
    e("denied adequate medical treatment", T::Torture, Verb, 0),
    e("denied access to medical care", T::Torture, Verb, 0),
    e("denied access to medical treatment", T::Torture, Verb, 0),
    // A method named: "subjected to sleep deprivation during interrogation".
    e("sleep deprivation", T::Torture, Noun, NEEDS_VICTIM),
    e("deprived of sleep", T::Torture, Verb, 0),
    e("beaten", T::Torture, Verb, 0),
    e("beat", T::Torture, Verb, 0),
    e("beating", T::Torture, Noun, 0),
    e("beatings", T::Torture, Noun, 0),
    // Blows: ill-treatment where the victim is held, an assault elsewhere (as "beaten").
    e("slapped", T::Torture, Verb, 0),
    e("punched", T::Torture, Verb, 0),
    e("kicked", T::Torture, Verb, 0),
    e("raped", T::Torture, Verb, 0),
    e("sexually assaulted", T::Torture, Verb, 0),
    e("sexual humiliation", T::Torture, Noun, 0),
    e("suffocated", T::Torture, Verb, 0),
    e("to suffocate", T::Torture, Verb, 0),
    e("electric shocks", T::Torture, Noun, 0),
    e("electric shock", T::Torture, Noun, 0),
    e("waterboarded", T::Torture, Verb, 0),
    // Female genital mutilation is ill-treatment the UN Committee against Torture names as such.
    e("genital mutilation", T::Torture, Noun, 0),
    // Killing and death.
    e("killed", T::Killing, Verb, 0),
    e("killing", T::Killing, Noun, 0),
    e("killings", T::Killing, Noun, 0),
    e("murdered", T::Killing, Verb, 0),
    e("murder", T::Killing, Noun, 0),
    e("murders", T::Killing, Noun, 0),
    e("shot dead", T::Killing, Verb, 0),
    e("shot and killed", T::Killing, Verb, 0),
    e("gunned down", T::Killing, Verb, 0),
    e("massacre", T::Killing, Noun, 0),
    e("assassinated", T::Killing, Verb, 0),
    e("assassination", T::Killing, Noun, 0),
    e("executed", T::Killing, Verb, 0),
    // A headline's present: "Junta executes four democracy activists".
    e("executes", T::Killing, Verb, 0),
    e("hanged", T::Killing, Verb, 0),
    e("execution of", T::Killing, Noun, 0),
    e("executions", T::Killing, Noun, 0),
    e("lynched", T::Killing, Verb, 0),
    e("slain", T::Killing, Verb, 0),
    // A death from the harm done: "died after being beaten", "died of his injuries" (the clause
    // after "died" decides: `harm_done_after`), "succumbed to his injuries".
    e("died", T::Killing, Verb, HARM),
    e("dies", T::Killing, Verb, HARM),
    // Written out where the harm is a trigger of its own, which the longest match keeps
    // inside the death rather than a second event.
    e("died after being tortured", T::Killing, Verb, 0),
    e("died after being beaten", T::Killing, Verb, 0),
    e("died after being shot", T::Killing, Verb, 0),
    e("died after being attacked", T::Killing, Verb, 0),
    e("died after being stabbed", T::Killing, Verb, 0),
    e("dies after being tortured", T::Killing, Verb, 0),
    e("dies after being beaten", T::Killing, Verb, 0),
    e("dies after being shot", T::Killing, Verb, 0),
    e("dies after being attacked", T::Killing, Verb, 0),
    e("dies after being stabbed", T::Killing, Verb, 0),
    e("died of torture", T::Killing, Verb, 0),
    e("died from torture", T::Killing, Verb, 0),
    e("died as a result of torture", T::Killing, Verb, 0),
    e("succumbed to injuries", T::Killing, Verb, 0),
    e("succumbed to his injuries", T::Killing, Verb, 0),
    e("succumbed to her injuries", T::Killing, Verb, 0),
    e("succumbed to their injuries", T::Killing, Verb, 0),
    e("succumbed to wounds", T::Killing, Verb, 0),
    e("succumbed to his wounds", T::Killing, Verb, 0),
    e("succumbed to her wounds", T::Killing, Verb, 0),
    e("died under torture", T::Killing, Verb, 0),
    e("died from gunshot wounds", T::Killing, Verb, 0),
    e("died of gunshot wounds", T::Killing, Verb, 0),
    e("died from bullet wounds", T::Killing, Verb, 0),
    e("died of bullet wounds", T::Killing, Verb, 0),
    e("death of", T::Killing, Noun, 0),
    e("deaths of", T::Killing, Noun, 0),
    e("found dead", T::Killing, Verb, 0),
    // "The body of X was found … with gunshot wounds": only found, and with the marks of a
    // violent death (a false friend in `lib.rs`).
    e("body of", T::Killing, Noun, 0),
    e("bodies of", T::Killing, Noun, 0),
    e("fatally shot", T::Killing, Verb, 0),
    e("fatally stabbed", T::Killing, Verb, 0),
    e("shot to death", T::Killing, Verb, 0),
    e("stabbed to death", T::Killing, Verb, 0),
    e("beaten to death", T::Killing, Verb, 0),
    e("hacked to death", T::Killing, Verb, 0),
    e("tortured to death", T::Killing, Verb, 0),
    e("beheaded", T::Killing, Verb, 0),
    e("burned alive", T::Killing, Verb, 0),
    e("stabbed", T::Injury, Verb, 0),
    e("died in custody", T::DeathInCustody, Verb, 0),
    // Care withheld from the held: "died after being denied medical care".
    e(
        "died after being denied medical",
        T::DeathInCustody,
        Verb,
        0,
    ),
    e(
        "died after being refused medical",
        T::DeathInCustody,
        Verb,
        0,
    ),
    e("died of medical neglect", T::DeathInCustody, Verb, 0),
    e("died due to medical neglect", T::DeathInCustody, Verb, 0),
    e("died in police custody", T::DeathInCustody, Verb, 0),
    e("died in detention", T::DeathInCustody, Verb, 0),
    e("died in prison", T::DeathInCustody, Verb, 0),
    e("died in jail", T::DeathInCustody, Verb, 0),
    e("died in their cell", T::DeathInCustody, Verb, 0),
    e("died in his cell", T::DeathInCustody, Verb, 0),
    e("died in her cell", T::DeathInCustody, Verb, 0),
    e("died in a police cell", T::DeathInCustody, Verb, 0),
    e("died in police cells", T::DeathInCustody, Verb, 0),
    e("death in custody", T::DeathInCustody, Noun, 0),
    e("death in detention", T::DeathInCustody, Noun, 0),
    e("deaths in custody", T::DeathInCustody, Noun, 0),
    // Disappearance and abduction.
    e("disappeared", T::Disappearance, Verb, 0),
    e("disappearance", T::Disappearance, Noun, 0),
    e("went missing", T::Disappearance, Verb, 0),
    e("gone missing", T::Disappearance, Verb, 0),
    e("whereabouts remain unknown", T::Disappearance, Verb, 0),
    e("whereabouts remained unknown", T::Disappearance, Verb, 0),
    e("whereabouts are unknown", T::Disappearance, Verb, 0),
    e("whereabouts are still unknown", T::Disappearance, Verb, 0),
    e("whereabouts is unknown", T::Disappearance, Verb, 0),
    e("whereabouts unknown", T::Disappearance, Verb, 0),
    e("whereabouts remain unclear", T::Disappearance, Verb, 0),
    e("whereabouts", T::Disappearance, Noun, UNKNOWN),
    // "took her to an unknown location", "was taken to an undisclosed location"
    e("to an unknown location", T::Disappearance, Verb, FORCED),
    e("to an undisclosed location", T::Disappearance, Verb, FORCED),
    // Held where no one is told: "her family did not know where she was for 17 days".
    e("did not know where", T::Disappearance, Verb, 0),
    e("do not know where", T::Disappearance, Verb, 0),
    e("does not know where", T::Disappearance, Verb, 0),
    e("don't know where", T::Disappearance, Verb, 0),
    e("didn't know where", T::Disappearance, Verb, 0),
    e("not told where", T::Disappearance, Verb, 0),
    // Unseen by anyone since: "has not been seen since his arrest". (A family that "has not
    // seen him since" may know where he is held: no visits, not a disappearance.)
    e("not been seen since", T::Disappearance, Verb, NEEDS_VICTIM),
    e(
        "not been heard from since",
        T::Disappearance,
        Verb,
        NEEDS_VICTIM,
    ),
    // "have had no information about him since he was picked up": of a person, since then.
    e("no information about", T::Disappearance, Verb, 0),
    e("no information on", T::Disappearance, Verb, 0),
    e("no news of", T::Disappearance, Verb, 0),
    e("abducted", T::Abduction, Verb, 0),
    e("abduction", T::Abduction, Noun, 0),
    e("kidnapped", T::Abduction, Verb, 0),
    e("kidnapping", T::Abduction, Noun, 0),
    e("taken hostage", T::Abduction, Verb, 0),
    e("held hostage", T::Abduction, Verb, 0),
    // "was forced into a minivan by unidentified men", "bundled into an unmarked car"
    e("forced into a car", T::Abduction, Verb, 0),
    e("forced into a van", T::Abduction, Verb, 0),
    e("forced into a minivan", T::Abduction, Verb, 0),
    e("forced into a vehicle", T::Abduction, Verb, 0),
    e("forced into an unmarked", T::Abduction, Verb, 0),
    // "men forced camerawoman X into a car", "bundled him into a van".
    e("into a car", T::Abduction, Verb, FORCED),
    e("into a van", T::Abduction, Verb, FORCED),
    e("into a minivan", T::Abduction, Verb, FORCED),
    e("into a vehicle", T::Abduction, Verb, FORCED),
    e("into an unmarked", T::Abduction, Verb, FORCED),
    e("into a waiting", T::Abduction, Verb, FORCED),
    e("bundled into a car", T::Abduction, Verb, 0),
    e("bundled into a van", T::Abduction, Verb, 0),
    e("bundled into a minivan", T::Abduction, Verb, 0),
    e("bundled into a vehicle", T::Abduction, Verb, 0),
    e("bundled into an unmarked", T::Abduction, Verb, 0),
    // the active voice, object inside the phrase: "unidentified men forced him into a car"
    e("forced him into a", T::Abduction, Verb, 0),
    e("forced her into a", T::Abduction, Verb, 0),
    e("forced them into a", T::Abduction, Verb, 0),
    e("bundled him into a", T::Abduction, Verb, 0),
    e("bundled her into a", T::Abduction, Verb, 0),
    e("bundled them into a", T::Abduction, Verb, 0),
    // Injury.
    e("injured", T::Injury, Verb, 0),
    e("wounded", T::Injury, Verb, 0),
    e("attacked", T::Injury, Verb, 0),
    e("assaulted", T::Injury, Verb, 0),
    // Protest.
    e("protest", T::Protest, Noun, 0),
    e("protests", T::Protest, Noun, 0),
    e("demonstration", T::Protest, Noun, 0),
    e("demonstrations", T::Protest, Noun, 0),
    e("picket", T::Protest, Noun, 0),
    e("pickets", T::Protest, Noun, 0),
    e("strike", T::Protest, Noun, 0),
    e("strikes", T::Protest, Noun, 0),
    e("hunger strike", T::Protest, Noun, 0),
    e("rally", T::Protest, Noun, 0),
    e("rallies", T::Protest, Noun, 0),
    e("sit-in", T::Protest, Noun, 0),
    // Media restriction.
    e("banned", T::MediaRestriction, Verb, MEDIA),
    e("ban", T::MediaRestriction, Noun, MEDIA),
    e("closed down", T::MediaRestriction, Verb, MEDIA),
    e("shut down", T::MediaRestriction, Verb, MEDIA),
    e("blocked", T::MediaRestriction, Verb, MEDIA),
    e("suspended", T::MediaRestriction, Verb, MEDIA),
    e("suspension", T::MediaRestriction, Noun, MEDIA),
    e("closure", T::MediaRestriction, Noun, MEDIA),
    e("censored", T::MediaRestriction, Verb, MEDIA),
    e(
        "of its registration",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of its licence",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of its license",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of its broadcasting licence",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of its broadcasting license",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of its accreditation",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of his accreditation",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of her accreditation",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e(
        "of their accreditation",
        T::MediaRestriction,
        Verb,
        MEDIA | STRIPPED,
    ),
    e("close down", T::MediaRestriction, Base, MEDIA),
    // Harassment.
    e("harassed", T::Harassment, Verb, 0),
    e("harassment", T::Harassment, Noun, 0),
    e("threatened", T::Harassment, Verb, 0),
    e("death threats", T::Harassment, Noun, 0),
    e("threats", T::Harassment, Noun, NEEDS_VICTIM),
    e("intimidated", T::Harassment, Verb, 0),
    e("intimidation", T::Harassment, Noun, NEEDS_VICTIM),
    e("summoned", T::Harassment, Verb, NEEDS_VICTIM),
    e("interrogated", T::Harassment, Verb, 0),
    // "had been questioned for more than 30 hours": held for questioning, not "questioned the
    // decision" (a false friend in `lib.rs`).
    e("questioned", T::Harassment, Verb, 0),
    e("raided", T::Harassment, Verb, 0),
    e("smear campaign", T::Harassment, Noun, 0),
    e("travel ban", T::Harassment, Noun, 0),
    e("foreign agent", T::Harassment, Verb, DESIGNATED),
    // "Police searched Volkov's flat": only a home or an office (a false friend in `lib.rs`).
    e("searched", T::Harassment, Verb, 0),
    // Plural, often a policy ("curfew, travel bans"): only on someone named.
    e("travel bans", T::Harassment, Noun, NEEDS_VICTIM),
    // A ban on a person's travel, not on the media ("is banned from leaving the country").
    e("banned from leaving", T::Harassment, Verb, 0),
    e("barred from leaving", T::Harassment, Verb, 0),
    e("banned from travelling", T::Harassment, Verb, 0),
    e("banned from traveling", T::Harassment, Verb, 0),
    e("barred from travelling", T::Harassment, Verb, 0),
    e("barred from traveling", T::Harassment, Verb, 0),
    // Legislation.
    e("adopted", T::Legislation, Verb, LAW),
    e("signed into law", T::Legislation, Verb, 0),
    e("passed", T::Legislation, Verb, LAW),
    e("amended", T::Legislation, Verb, LAW),
    e("enacted", T::Legislation, Verb, LAW),
    // A law taking effect is its own dated event ("legislation, which came into force on 6
    // January 2012").
    e("came into force", T::Legislation, Verb, LAW),
    e("comes into force", T::Legislation, Verb, LAW),
    e("entered into force", T::Legislation, Verb, LAW),
    e("came into effect", T::Legislation, Verb, LAW),
    e("went into effect", T::Legislation, Verb, LAW),
    e("took effect", T::Legislation, Verb, LAW),
    // Investigation.
    e("investigation", T::Investigation, Noun, WEAK),
    e("investigations", T::Investigation, Noun, WEAK),
    e("inquiry", T::Investigation, Noun, WEAK),
    e("investigate", T::Investigation, Base, 0),
    e("investigated", T::Investigation, Verb, 0),
];

/// The compiled lexicon.
pub(crate) fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        // A DFA: the automaton reads every byte of every document, and with this many patterns
        // the default choice is an NFA, slower per byte (the matches are the same).
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(ENTRIES.iter().map(|e| e.pattern))
            .expect("the trigger lexicon compiles")
    })
}

/// Words that make a ban or closure a media restriction, matched as whole words.
pub(crate) const MEDIA_WORDS: &Words = &Words::new(&[
    "newspaper",
    "newspapers",
    "media",
    "website",
    "websites",
    "web site",
    "web sites",
    "site",
    "sites",
    "channel",
    "channels",
    "tv",
    "television",
    "radio",
    "outlet",
    "outlets",
    "broadcast",
    "broadcasts",
    "broadcaster",
    "broadcasters",
    "broadcasting",
    "publication",
    "publications",
    "publisher",
    "publishers",
    "magazine",
    "magazines",
    "journal",
    "journals",
    "journalist",
    "journalists",
    "journalism",
    "blog",
    "blogs",
    "blogger",
    "bloggers",
    "internet",
    "press",
    "social network",
    "social networks",
    "facebook",
    "telegram",
    "youtube",
    "twitter",
    "instagram",
    "whatsapp",
    "news agency",
    "news agencies",
]);

/// Words that make "adopted"/"passed" a law being made.
pub(crate) const LAW_WORDS: &[&str] = &[
    " law",
    "bill",
    "legislation",
    "amendment",
    "decree",
    " code",
];

/// Words that place an appeal in court.
pub(crate) const COURT_WORDS: &[&str] = &[
    "court",
    "upheld",
    "rejected",
    "dismissed",
    "overturned",
    "lodged",
    "filed",
    "hearing",
    "judge",
    "verdict",
    "sentence",
    "conviction",
];
