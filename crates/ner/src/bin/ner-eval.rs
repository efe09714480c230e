//! Scores the compiled-in NER model (or `--model FILE`) on a CoNLL-2003 file with conlleval
//! semantics: `ner-eval [--model FILE] [--predict] FILE`. With `--predict`, prints
//! "token gold predicted" lines (conlleval's input) instead of the table.

use std::path::Path;
use std::process::ExitCode;

use casefile_ner::Tagger;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let predict = args.iter().any(|a| a == "--predict");
    args.retain(|a| a != "--predict");
    let (model, file) = match args.as_slice() {
        [file] => (None, file),
        [flag, model, file] if flag == "--model" => (Some(model), file),
        _ => {
            eprintln!("usage: ner-eval [--model FILE] [--predict] CONLL-FILE");
            return ExitCode::from(2);
        }
    };
    let owned;
    let tagger = match model {
        None => Tagger::builtin(),
        Some(m) => match std::fs::read(m)
            .map_err(|e| format!("{m}: {e}"))
            .and_then(|b| Tagger::from_bytes(&b).map_err(|e| format!("{m}: {e}")))
        {
            Ok(t) => {
                owned = t;
                &owned
            }
            Err(e) => {
                eprintln!("ner-eval: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    if predict {
        let docs = match casefile_ner::read_conll(Path::new(file)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("ner-eval: {e}");
                return ExitCode::FAILURE;
            }
        };
        for d in &docs {
            let sents: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.tokens.iter().map(String::as_str).collect())
                .collect();
            let pred = tagger.tag_document_tokens(&sents);
            for (s, p) in d.sentences.iter().zip(pred) {
                for ((tok, g), p) in s.tokens.iter().zip(&s.tags).zip(p) {
                    println!("{tok} {} {p}", casefile_ner::tag_name(*g));
                }
                println!();
            }
        }
        return ExitCode::SUCCESS;
    }
    match tagger.eval_conll(Path::new(file)) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ner-eval: {e}");
            ExitCode::FAILURE
        }
    }
}
