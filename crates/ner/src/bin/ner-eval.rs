//! Scores the compiled-in NER model (or `--model FILE`) on a CoNLL-2003 file with conlleval
//! semantics: `ner-eval [--model FILE] FILE`.

use std::path::Path;
use std::process::ExitCode;

use casefile_ner::Tagger;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (model, file) = match args.as_slice() {
        [file] => (None, file),
        [flag, model, file] if flag == "--model" => (Some(model), file),
        _ => {
            eprintln!("usage: ner-eval [--model FILE] CONLL-FILE");
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
