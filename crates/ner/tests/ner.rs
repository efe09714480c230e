//! Behaviour of the tagger: learning, the model file, the shipped model, spans and the scorer.

use std::path::Path;

use casefile_model::Span;
use casefile_ner::{
    chunks, conll_tokens, parse_conll, train_docs_with, EvalReport, NerLabel, Tagger, TrainOptions,
};

/// A toy corpus in CoNLL-2003 format (IOB1 tags, as in the real files).
const TOY: &str = "\
-DOCSTART- -X- -X- O

Maria NNP B-NP I-PER
Ivanova NNP I-NP I-PER
visited VBD B-VP O
Paris NNP B-NP I-LOC
with IN B-PP O
Amnesty NNP B-NP I-ORG
International NNP I-NP I-ORG
. . O O

John NNP B-NP I-PER
Smith NNP I-NP I-PER
left VBD B-VP O
Berlin NNP B-NP I-LOC
for IN B-PP O
the DT B-NP O
Olympics NNPS I-NP I-MISC
. . O O

-DOCSTART- -X- -X- O

Reuters NNP B-NP I-ORG
said VBD B-VP O
Anna NNP B-NP I-PER
Petrova NNP I-NP I-PER
was VBD B-VP O
in IN B-PP O
Moscow NNP B-NP I-LOC
. . O O
";

fn toy_tagger() -> Tagger {
    let docs = parse_conll(TOY).expect("toy corpus parses");
    let opts = TrainOptions {
        epochs: 10,
        bits: 14,
        ..TrainOptions::default()
    };
    train_docs_with(&docs, &[], &opts)
}

#[test]
fn iob1_tags_are_read_as_bio() {
    let docs = parse_conll("A x x I-PER\nB x x I-PER\nC x x B-PER\nD x x O\nE x x I-LOC\n")
        .expect("parses");
    assert_eq!(docs.len(), 1);
    // I-PER I-PER B-PER O I-LOC  ->  B-PER I-PER B-PER O B-LOC
    assert_eq!(docs[0].sentences[0].tags, vec![1, 2, 1, 0, 5]);
}

#[test]
fn training_learns_the_training_data() {
    let tagger = toy_tagger();
    let docs = parse_conll(TOY).expect("parses");
    for doc in &docs {
        for s in &doc.sentences {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let gold: Vec<String> = s
                .tags
                .iter()
                .map(|&t| match t {
                    0 => "O".to_string(),
                    t => format!(
                        "{}-{}",
                        if t % 2 == 1 { "B" } else { "I" },
                        ["PER", "ORG", "LOC", "MISC"][(t as usize - 1) / 2]
                    ),
                })
                .collect();
            assert_eq!(tagger.tag_tokens(&toks), gold, "sentence {toks:?}");
        }
    }
    let report = tagger.eval_docs(&docs);
    assert_eq!(report.overall.f1(), 1.0);
}

#[test]
fn training_is_deterministic_and_the_model_round_trips() {
    let a = toy_tagger();
    let b = toy_tagger();
    assert_eq!(a.to_bytes(), b.to_bytes());
    let c = Tagger::from_bytes(&a.to_bytes()).expect("reads its own bytes");
    assert_eq!(a, c);
    let toks = [
        "Maria", "Ivanova", "visited", "Moscow", "with", "John", "Smith", ".",
    ];
    assert_eq!(a.tag_tokens(&toks), c.tag_tokens(&toks));
    assert!(Tagger::from_bytes(b"not a model").is_err());
    assert!(Tagger::from_bytes(&a.to_bytes()[..100]).is_err());
    // Every shorter prefix is an error, never a panic or a model; the cut falls in each section.
    let bytes = a.to_bytes();
    let step = (bytes.len() / 997).max(1);
    for n in (0..bytes.len())
        .step_by(step)
        .chain(bytes.len() - 8..bytes.len())
    {
        assert!(
            Tagger::from_bytes(&bytes[..n]).is_err(),
            "{n} of {}",
            bytes.len()
        );
    }
}

#[test]
fn the_shipped_model_finds_people_and_places() {
    let text = "Vladimir Kozlov, leader of the Alga! party, was detained in Almaty by police.";
    let found = Tagger::builtin().tag(text, Span::new(0, text.len()));
    let named: Vec<(&str, NerLabel)> = found
        .iter()
        .map(|(s, l)| (&text[s.start..s.end], *l))
        .collect();
    assert!(
        named.contains(&("Vladimir Kozlov", NerLabel::Per)),
        "{named:?}"
    );
    assert!(named.contains(&("Almaty", NerLabel::Loc)), "{named:?}");
}

#[test]
fn the_shipped_model_tags_the_same_with_its_token_memo() {
    // The built-in tagger memoises token infos per thread; a copy parsed from its bytes does
    // not. Words recur across the documents (a warm memo) and differ in case and script.
    let builtin = Tagger::builtin();
    let copy = Tagger::from_bytes(&builtin.to_bytes()).expect("the model round-trips");
    let docs = [
        "Vladimir Kozlov, leader of the Alga! party, was detained in Almaty by police.",
        "KOZLOV was detained. Kozlov's lawyer said the Almaty court acted \u{201c}unlawfully\u{201d}.",
        "Владимир Козлов and Vladimir Kozlov met Maria Ivanova in Nur-Sultan on 3 May 2019.",
        "The party of Vladimir Kozlov, Alga!, was banned; the police in almaty said nothing.",
    ];
    for round in 0..2 {
        for text in docs {
            let sentences = [Span::new(0, text.len())];
            assert_eq!(
                builtin.tag_document(text, &sentences),
                copy.tag_document(text, &sentences),
                "round {round}: {text}"
            );
        }
    }
}

#[test]
fn the_shipped_model_tags_a_corpus_the_same_with_its_memo() {
    // The memo also holds each word's summed weight rows, with which the built-in tagger skips
    // the single-token features: on a real corpus (words evicting each other from the memo,
    // words too long for it, sentence ends), every tag must be the one the plain features give.
    let valid = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/conll2003/valid.txt"
    ));
    let Ok(text) = std::fs::read_to_string(valid) else {
        eprintln!("skipped: {} is absent", valid.display());
        return;
    };
    let docs = parse_conll(&text).expect("valid parses");
    let builtin = Tagger::builtin();
    let copy = Tagger::from_bytes(&builtin.to_bytes()).expect("the model round-trips");
    let mut tokens = 0;
    for doc in &docs {
        let sents: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        tokens += sents.iter().map(Vec::len).sum::<usize>();
        assert_eq!(
            builtin.tag_document_tokens(&sents),
            copy.tag_document_tokens(&sents)
        );
    }
    assert!(tokens > 40_000, "{tokens} tokens");
}

#[test]
fn spans_are_on_char_boundaries_inside_the_sentence() {
    let text = "Вступление. \u{201c}Amnesty International\u{201d} said Владимир Козлов\u{2019}s \
                trial in Astana\u{2019}s court was unfair, per the U.S. State Department. Конец.";
    let tagger = Tagger::builtin();
    let sentences = casefile_text::sentences(text);
    assert!(sentences.len() >= 2);
    let sentence = sentences[1];
    let found = tagger.tag(text, sentence);
    assert!(!found.is_empty());
    for (span, _) in &found {
        assert!(sentence.contains(span), "{span:?} outside {sentence:?}");
        assert!(
            span.slice(text).is_some(),
            "{span:?} not on char boundaries"
        );
        assert!(!span.is_empty());
    }
    let named: Vec<&str> = found.iter().map(|(s, _)| &text[s.start..s.end]).collect();
    assert!(named.contains(&"Amnesty International"), "{named:?}");
    // The whole-document path gives spans on the same terms.
    for spans in tagger.tag_document(text, &sentences) {
        for (span, _) in spans {
            assert!(span.slice(text).is_some());
        }
    }
}

#[test]
fn retokenisation_follows_conll() {
    let text = "The Kazakh-born editor\u{2019}s U.S. trip on 1996-08-22.";
    let toks: Vec<&str> = conll_tokens(text, Span::new(0, text.len()))
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(
        toks,
        vec![
            "The",
            "Kazakh-born",
            "editor",
            "\u{2019}s",
            "U.S.",
            "trip",
            "on",
            "1996-08-22",
            "."
        ]
    );
}

#[test]
fn conlleval_scores_a_known_pair() {
    let gold = vec![
        vec!["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"],
        vec!["B-MISC", "O", "B-PER"],
    ];
    let pred = vec![
        // PER right; LOC typed as ORG; ORG cut short.
        vec!["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O"],
        // MISC right; an extra LOC; PER missed.
        vec!["B-MISC", "B-LOC", "O"],
    ];
    let s = |v: &Vec<Vec<&str>>| -> Vec<Vec<String>> {
        v.iter()
            .map(|x| x.iter().map(|t| t.to_string()).collect())
            .collect()
    };
    let r = EvalReport::score(&s(&gold), &s(&pred));
    // 5 gold, 5 predicted, 2 correct (PER and MISC).
    assert_eq!(
        (r.overall.correct, r.overall.predicted, r.overall.gold),
        (2, 5, 5)
    );
    assert!((r.overall.precision() - 0.4).abs() < 1e-12);
    assert!((r.overall.recall() - 2.0 / 5.0).abs() < 1e-12);
    assert!((r.overall.f1() - 0.4).abs() < 1e-12);
    assert_eq!(r.per_type[0].f1(), 2.0 / 3.0); // PER: 1 of 1 predicted, 1 of 2 gold
    assert_eq!(r.per_type[1].correct, 0);
    let table = r.to_string();
    assert!(table.contains("overall") && table.contains("MISC"));
    // conlleval reads an I- after O as the start of a chunk.
    assert_eq!(
        chunks(&["O", "I-PER", "I-PER", "B-PER"]),
        vec![(1, 3, 0), (3, 4, 0)]
    );
}

/// Not a measurement (the shipped model saw valid in training; `ner-eval` on test is the
/// measurement): a check that the committed model matches this build's features and tokeniser.
#[test]
fn the_shipped_model_agrees_with_the_feature_code() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let valid = shared.join("datasets/conll2003/valid.txt");
    if !valid.exists() {
        eprintln!("skipped: {} is absent", valid.display());
        return;
    }
    let r = Tagger::builtin().eval_conll(&valid).expect("valid reads");
    assert!(r.overall.f1() > 0.90, "{r}");
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let err = Tagger::builtin()
        .eval_conll(Path::new("/nonexistent/x.conll"))
        .unwrap_err();
    assert!(err.to_string().contains("/nonexistent/x.conll"));
}
