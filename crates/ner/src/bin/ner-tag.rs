//! Prints the entities the compiled-in model finds in a text file, one per line:
//! `start..end LABEL text` (byte offsets): `ner-tag FILE`.

use std::process::ExitCode;

use casefile_ner::Tagger;

fn main() -> ExitCode {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: ner-tag FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ner-tag: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sentences = casefile_text::sentences(&text);
    for spans in Tagger::builtin().tag_document(&text, &sentences) {
        for (span, label) in spans {
            println!(
                "{}..{} {} {}",
                span.start,
                span.end,
                label.as_str(),
                &text[span.start..span.end]
            );
        }
    }
    ExitCode::SUCCESS
}
