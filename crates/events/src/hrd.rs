//! Which violations an article reports: a small logistic model, trained by our code on the
//! HRDsAttack train split, that decides per article and per kind of violation whether the events
//! the rules found of that kind are ones a monitor of attacks on human-rights defenders records.
//!
//! The rules find every arrest, killing or beating the text states; many articles also tell of
//! events that are not attacks on anyone monitored (a robber arrested, a soldier killed in battle,
//! "killing off orchards"). The model looks at the article's events of one kind together (how many,
//! their triggers, whether a named person is their victim, where they stand, whether the text
//! around them speaks of activists, journalists or lawyers) and keeps or drops that kind.
//!
//! The weights are text (`data/hrd-types.tsv`, `feature<TAB>weight`), compiled in and parsed once.
//! `casefile train-events --hrd DIR --out crates/events/data/hrd-types.tsv` rebuilds them from a
//! split with `gold.json` (see the README); an empty file keeps every event.

use casefile_model::{AnalyzedDocument, EntityType, EventType, Modality, Role};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The violation categories of HRDsAttack, as the scorer names them.
pub const CATEGORIES: [&str; 6] = [
    "arbitrary detention",
    "killing",
    "torture",
    "enforced disappearance",
    "kidnapping",
    "other",
];

/// Short keys of [`CATEGORIES`], used in feature names.
const KEYS: [&str; 6] = ["det", "kil", "tor", "dis", "kid", "oth"];

/// The category of an event type, when it is a violation HRDsAttack counts.
pub fn category(t: EventType) -> Option<usize> {
    use EventType as T;
    Some(match t {
        T::Arrest | T::Detention => 0,
        T::Killing | T::DeathInCustody => 1,
        T::Torture => 2,
        T::Disappearance => 3,
        T::Abduction => 4,
        T::Charge | T::Trial | T::Conviction | T::Harassment | T::MediaRestriction | T::Injury => 5,
        _ => return None,
    })
}

/// Words that describe the people the dataset is about.
const HRD_WORDS: &[&str] = &[
    "activist",
    "activists",
    "journalist",
    "journalists",
    "reporter",
    "lawyer",
    "lawyers",
    "defender",
    "defenders",
    "blogger",
    "bloggers",
    "human rights",
    "rights group",
    "dissident",
    "dissidents",
    "opposition",
    "protester",
    "protesters",
    "trade union",
    "unionist",
    "environmentalist",
    "indigenous",
    "critic",
    "critics",
    "ngo",
    "press freedom",
];

/// Words of ordinary crime and war, whose arrests and killings are not the dataset's.
const CRIME_WORDS: &[&str] = &[
    "robbery",
    "robber",
    "theft",
    "thief",
    "drug",
    "drugs",
    "smuggling",
    "murder suspect",
    "suspects",
    "gang",
    "militants",
    "soldiers",
    "troops",
    "terrorist",
    "accident",
    "fraud",
];

fn count_words(lower: &str, words: &[&str]) -> usize {
    words
        .iter()
        .map(|w| {
            lower
                .match_indices(w)
                .filter(|&(i, _)| {
                    let b = lower.as_bytes();
                    let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
                    let j = i + w.len();
                    let after = j >= b.len() || !b[j].is_ascii_alphanumeric();
                    before && after
                })
                .count()
        })
        .sum()
}

fn bucket(n: usize, edges: &[usize]) -> usize {
    edges.iter().take_while(|&&e| n >= e).count()
}

/// The features of each category that has events in the article: `(category, features)`, in
/// category order. Features are shared by all categories (plus one naming the category): joined
/// with their category they over-fitted the 300 training articles and lost on dev.
pub fn features(analysis: &AnalyzedDocument) -> Vec<(usize, Vec<String>)> {
    let text = analysis.document.text.as_str();
    let lower = text.to_ascii_lowercase();
    let sentence_of = |pos: usize| {
        analysis
            .sentences
            .partition_point(|s| s.end <= pos)
            .min(analysis.sentences.len().saturating_sub(1))
    };
    let mut by_cat: Vec<Vec<usize>> = vec![Vec::new(); CATEGORIES.len()];
    for (i, e) in analysis.events.iter().enumerate() {
        if let Some(c) = category(e.event_type) {
            by_cat[c].push(i);
        }
    }
    let present = by_cat.iter().filter(|v| !v.is_empty()).count();
    let first_start = analysis
        .events
        .iter()
        .filter(|e| category(e.event_type).is_some())
        .map(|e| e.evidence.start)
        .min();
    let hrd_doc = count_words(&lower, HRD_WORDS);
    let crime_doc = count_words(&lower, CRIME_WORDS);
    let mut out = Vec::new();
    for (c, idx) in by_cat.iter().enumerate() {
        if idx.is_empty() {
            continue;
        }
        let mut f: Vec<String> = vec!["bias".into()];
        f.push(format!("n={}", bucket(idx.len(), &[2, 3, 5])));
        f.push(format!("ncat={}", present.min(4)));
        f.push(format!("hrd_doc={}", bucket(hrd_doc, &[1, 3, 10])));
        f.push(format!("crime_doc={}", bucket(crime_doc, &[1, 3])));
        let mut person = false;
        let mut org = false;
        let mut dated = false;
        let mut asserted = false;
        let mut hrd_sent = false;
        let mut crime_sent = false;
        let mut first = usize::MAX;
        for &i in idx {
            let e = &analysis.events[i];
            for &(m, r) in &e.participants {
                if r == Role::Victim {
                    match analysis.mentions.get(m).map(|m| m.entity_type) {
                        Some(EntityType::Person) => person = true,
                        Some(EntityType::Organization) => org = true,
                        _ => {}
                    }
                }
            }
            dated |= e.date.is_some();
            asserted |= e.modality == Modality::Asserted && !e.negated;
            let ev = lower
                .get(e.evidence.start..e.evidence.end)
                .unwrap_or_default();
            hrd_sent |= count_words(ev, HRD_WORDS) > 0;
            crime_sent |= count_words(ev, CRIME_WORDS) > 0;
            first = first.min(sentence_of(e.evidence.start));
            let trig = lower
                .get(e.trigger.start..e.trigger.end)
                .unwrap_or_default();
            f.push(format!("trig={trig}"));
            f.push(format!("type={:?}", e.event_type));
        }
        for (on, name) in [
            (person, "victim_person"),
            (org, "victim_org"),
            (!person && !org, "no_victim"),
            (dated, "dated"),
            (!asserted, "not_asserted"),
            (hrd_sent, "hrd_sent"),
            (crime_sent, "crime_sent"),
        ] {
            if on {
                f.push(name.into());
            }
        }
        if idx
            .iter()
            .any(|&i| Some(analysis.events[i].evidence.start) == first_start)
        {
            f.push("first".into());
        }
        f.push(format!("pos={}", bucket(first, &[2, 6, 16])));
        f.push(format!("cat={}", KEYS[c]));
        f.sort();
        f.dedup();
        out.push((c, f));
    }
    out
}

/// Weights of the per-category decision.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeModel {
    weights: HashMap<String, f32>,
}

impl TypeModel {
    /// Reads `feature<TAB>weight` lines; `#` lines are comments.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut weights = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .rsplit_once('\t')
                .ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let w: f32 = v
                .trim()
                .parse()
                .map_err(|_| format!("line {}: not a number: {v:?}", n + 1))?;
            weights.insert(k.to_string(), w);
        }
        Ok(TypeModel { weights })
    }

    /// The model compiled into the binary, parsed once per process.
    pub fn builtin() -> &'static TypeModel {
        static MODEL: OnceLock<TypeModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            TypeModel::parse(include_str!("../data/hrd-types.tsv"))
                .expect("the compiled-in hrd-types.tsv parses")
        })
    }

    /// The score of a feature set, less the model's threshold: at or above zero keeps the
    /// category.
    pub fn score(&self, features: &[String]) -> f32 {
        features
            .iter()
            .filter_map(|f| self.weights.get(f))
            .sum::<f32>()
            - self.weights.get(THRESHOLD).copied().unwrap_or(0.0)
    }

    /// The weights as text, sorted by feature, for a file that diffs well.
    pub fn to_text(&self) -> String {
        let mut rows: Vec<(&String, &f32)> = self.weights.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut s = String::from(
            "# casefile HRDsAttack violation-category weights; rebuilt by `casefile train-events`\n",
        );
        for (k, w) in rows {
            s.push_str(&format!("{k}\t{w:.4}\n"));
        }
        s
    }

    /// Number of features with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the threshold keeps every event whatever its score (training found no gain).
    pub fn keeps_all(&self) -> bool {
        self.weights.get(THRESHOLD) == Some(&f32::NEG_INFINITY)
    }

    /// True when the model has no weights (and so keeps every event).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// The pseudo-feature that holds the decision threshold.
const THRESHOLD: &str = "__threshold__";

/// Trains the filter: logistic regression ([`fit`]) on all examples, with the decision threshold
/// that gives the best micro F1 over (article, category) pairs when each example is scored by a
/// model fitted without its fold (5 folds), so the threshold is not tuned on what the weights
/// saw. `gold_total` counts every gold pair, also those the rules never found (misses that no
/// threshold can mend). Dropping a category is worth it only when it is more likely wrong than
/// about F1/2, which is why the threshold is not simply 0.5.
///
/// `examples` are `(category, features, in gold)`; those of categories that are not
/// [`filterable`] are not fitted and count as always kept.
pub fn train(examples: &[(usize, Vec<String>, bool)], gold_total: usize, epochs: usize) -> Trained {
    const FOLDS: usize = 5;
    let mut oof: Vec<(f32, bool)> = examples
        .iter()
        .filter(|(c, _, _)| !filterable(*c))
        .map(|(_, _, y)| (f32::INFINITY, *y))
        .collect();
    let examples: Vec<(Vec<String>, bool)> = examples
        .iter()
        .filter(|(c, _, _)| filterable(*c))
        .map(|(_, f, y)| (f.clone(), *y))
        .collect();
    let examples = examples.as_slice();
    for k in 0..FOLDS {
        let train: Vec<(Vec<String>, bool)> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != k)
            .map(|(_, e)| e.clone())
            .collect();
        let m = fit(&train, epochs);
        oof.extend(
            examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS == k)
                .map(|(_, (f, y))| (m.score(f), *y)),
        );
    }
    let (best_threshold, held_out_gain) = best_threshold(&oof, gold_total);
    let mut model = fit(examples, epochs);
    // A gain this small on held-out folds is noise (on the 2026 features it was +0.011 on the
    // train folds and -0.009 on dev): then the model keeps everything until better features
    // earn their keep.
    let threshold = if held_out_gain < MIN_GAIN {
        f32::NEG_INFINITY
    } else {
        best_threshold
    };
    if threshold != 0.0 {
        model.weights.insert(THRESHOLD.to_string(), threshold);
    }
    Trained {
        model,
        held_out_gain,
        best_threshold,
    }
}

/// What [`train`] made, with what it measured on held-out folds, so whoever retrains sees how far
/// the features are from being used.
pub struct Trained {
    /// The filter to ship.
    pub model: TypeModel,
    /// Held-out micro-F1 gain of the best threshold over keeping everything.
    pub held_out_gain: f64,
    /// The best threshold found (used only when the gain reaches [`MIN_GAIN`]).
    pub best_threshold: f32,
}

/// The least gain in held-out micro F1 over keeping everything for the filter to drop anything.
pub const MIN_GAIN: f64 = 0.02;

/// The threshold on scores that maximises micro F1 (ties: the lowest, which keeps more), and its
/// gain over keeping everything.
fn best_threshold(scored: &[(f32, bool)], gold_total: usize) -> (f32, f64) {
    let f1_at = |t: f32| {
        let kept = scored.iter().filter(|(s, _)| *s >= t);
        let (sys, tp) = kept.fold((0usize, 0usize), |(n, tp), (_, y)| {
            (n + 1, tp + *y as usize)
        });
        if sys + gold_total == 0 {
            0.0
        } else {
            2.0 * tp as f64 / (sys + gold_total) as f64
        }
    };
    let all = f1_at(f32::NEG_INFINITY);
    let mut best = (f64::MIN, 0.0f32);
    for step in -40..=20 {
        let t = step as f32 * 0.1;
        let f1 = f1_at(t);
        if f1 > best.0 + 1e-9 {
            best = (f1, (t * 10.0).round() / 10.0);
        }
    }
    (best.1, best.0 - all)
}

/// Logistic regression by stochastic gradient descent with L2, in the examples' order
/// (deterministic: the same examples give the same weights). Weights under 0.001 are dropped.
pub fn fit(examples: &[(Vec<String>, bool)], epochs: usize) -> TypeModel {
    let mut w: HashMap<String, f64> = HashMap::new();
    let l2 = 1e-2;
    for epoch in 0..epochs {
        let rate = 0.2 / (1.0 + epoch as f64 * 0.2);
        for (f, y) in examples {
            let z: f64 = f.iter().filter_map(|k| w.get(k)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (*y as u8 as f64) - p;
            for k in f {
                let wk = w.entry(k.clone()).or_insert(0.0);
                *wk += rate * (g - l2 * *wk);
            }
        }
    }
    TypeModel {
        weights: w
            .into_iter()
            .map(|(k, v)| (k, (v * 1e4).round() as f32 / 1e4))
            .filter(|(_, v)| v.abs() >= 1e-3)
            .collect(),
    }
}

/// Categories the filter may drop. "other" (charges, trials, convictions, harassment) is always
/// kept: no feature told its gold from its background on the train split (about half of either
/// whatever the feature), and it holds the legal steps monitors record most.
pub fn filterable(category: usize) -> bool {
    category != 5
}

/// Drops the events of every filterable category the model scores below zero.
pub fn filter(analysis: &mut AnalyzedDocument, model: &TypeModel) {
    // Nothing to decide: spare the features (a lowercased copy of the text and word counts).
    if model.is_empty() || model.keeps_all() {
        return;
    }
    let drop: Vec<usize> = features(analysis)
        .into_iter()
        .filter(|(c, f)| filterable(*c) && model.score(f) < 0.0)
        .map(|(c, _)| c)
        .collect();
    if drop.is_empty() {
        return;
    }
    analysis
        .events
        .retain(|e| !category(e.event_type).is_some_and(|c| drop.contains(&c)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{
        Document, DocumentId, DocumentMeta, EventMention, Mention, SourceFormat, Span,
    };

    /// A document with one event of `ty` whose evidence is the whole text, and its victim (when
    /// given) as a person mention.
    fn doc(text: &str, ty: EventType, victim: Option<&str>) -> AnalyzedDocument {
        let document = Document {
            id: DocumentId::from_content(text.as_bytes()),
            source: "t.txt".into(),
            format: SourceFormat::Text,
            meta: DocumentMeta::default(),
            text: text.to_string(),
        };
        let mut a = AnalyzedDocument::new(document);
        a.sentences = vec![Span::new(0, text.len())];
        let mut participants = Vec::new();
        if let Some(v) = victim {
            let s = text.find(v).expect("victim in text");
            a.mentions.push(Mention {
                span: Span::new(s, s + v.len()),
                text: v.into(),
                entity_type: EntityType::Person,
                country: None,
                legal: None,
            });
            participants.push((0, Role::Victim));
        }
        let t = text.find("arrested").or(text.find("killed")).unwrap_or(0);
        a.events.push(EventMention {
            event_type: ty,
            trigger: Span::new(t, t + 8),
            evidence: Span::new(0, text.len()),
            restated: Vec::new(),
            participants,
            date: None,
            date_timex: None,
            location: None,
            legal_basis: vec![],
            charges: vec![],
            sentence: None,
            victim_count: None,
            modality: Modality::Asserted,
            negated: false,
        });
        a
    }

    #[test]
    fn features_name_the_category_and_what_describes_the_victim() {
        let a = doc(
            "The journalist Ana Lopez was arrested by police.",
            EventType::Arrest,
            Some("Ana Lopez"),
        );
        let f = features(&a);
        assert_eq!(f.len(), 1);
        let (c, f) = &f[0];
        assert_eq!(CATEGORIES[*c], "arbitrary detention");
        for want in [
            "cat=det",
            "victim_person",
            "hrd_sent",
            "first",
            "trig=arrested",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} missing from {f:?}");
        }
        assert!(!f.iter().any(|x| x == "crime_sent"));
    }

    #[test]
    fn the_model_reads_back_what_it_writes_and_refuses_bad_lines() {
        let m = TypeModel::parse("# comment\nbias\t0.5\ndet:crime_sent\t-1.25\n").unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(TypeModel::parse(&m.to_text()).unwrap(), m);
        assert_eq!(m.score(&["bias".into(), "det:crime_sent".into()]), -0.75);
        assert!(TypeModel::parse("bias 0.5\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(TypeModel::parse("bias\tx\n").is_err());
    }

    #[test]
    fn the_filter_drops_only_categories_scored_below_zero() {
        let model = TypeModel::parse("bias\t0.2\ncrime_sent\t-1\n").unwrap();
        let mut robber = doc(
            "A robbery suspect was arrested by police.",
            EventType::Arrest,
            None,
        );
        filter(&mut robber, &model);
        assert!(robber.events.is_empty());
        let mut activist = doc(
            "The activist Ana Lopez was arrested.",
            EventType::Arrest,
            Some("Ana Lopez"),
        );
        filter(&mut activist, &model);
        assert_eq!(activist.events.len(), 1);
        // An empty model keeps everything.
        let mut robber = doc("A robbery suspect was arrested.", EventType::Arrest, None);
        filter(&mut robber, &TypeModel::default());
        assert_eq!(robber.events.len(), 1);
    }

    #[test]
    fn training_learns_to_separate_and_is_deterministic() {
        let ex = |f: &[&str], y| (f.iter().map(|s| s.to_string()).collect(), y);
        let examples = vec![
            ex(&["bias", "hrd_sent"], true),
            ex(&["bias", "crime_sent"], false),
            ex(&["bias", "hrd_sent", "victim_person"], true),
            ex(&["bias", "crime_sent", "victim_person"], false),
        ];
        let m = fit(&examples, 20);
        for (f, y) in &examples {
            assert_eq!(m.score(f) >= 0.0, *y, "{f:?}");
        }
        assert_eq!(fit(&examples, 20), m);
        // With many gold pairs the rules never found, keeping everything is best: the threshold
        // goes down to keep even the doubtful.
        assert!(best_threshold(&[(0.5, true), (-0.5, false), (-1.0, true)], 10).0 <= -1.0);
        let (t, gain) = best_threshold(&[(0.5, true), (-0.5, false)], 1);
        assert_eq!(t, -0.4);
        assert!((gain - (1.0 - 2.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn other_is_never_dropped_and_never_fitted() {
        let ex = |c, f: &[&str], y| (c, f.iter().map(|s| s.to_string()).collect(), y);
        let m = train(
            &[
                ex(5, &["bias", "oth_only"], false),
                ex(0, &["bias", "hrd_sent"], true),
                ex(0, &["bias"], false),
            ],
            2,
            10,
        )
        .model;
        assert_eq!(m.score(&["oth_only".to_string()]), m.score(&[]));
        let model = TypeModel::parse("bias\t-5\n").unwrap();
        let mut a = doc(
            "Ana Lopez was convicted and arrested.",
            EventType::Conviction,
            Some("Ana Lopez"),
        );
        filter(&mut a, &model);
        assert_eq!(a.events.len(), 1);
    }

    #[test]
    fn a_gain_within_noise_keeps_everything() {
        // Half the doubtful are right: dropping them gains nothing, so nothing is dropped.
        let ex = |f: &[&str], y| (0, f.iter().map(|s| s.to_string()).collect(), y);
        let mut examples = Vec::new();
        for i in 0..20 {
            examples.push(ex(&["bias", "sure"], true));
            examples.push(ex(&["bias", "doubt"], i % 2 == 0));
        }
        let m = train(&examples, 30, 10).model;
        assert!(m.keeps_all());
        assert!(m.score(&["bias".into(), "doubt".into()]) > 0.0);
        assert_eq!(TypeModel::parse(&m.to_text()).unwrap(), m);
    }

    #[test]
    fn the_builtin_model_parses() {
        // Loading is what the pipeline does once per process; it must not panic.
        let _ = TypeModel::builtin().len();
    }
}
