//! Prints the raw tagger spans of a file's sentences (a development aid).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let sentences = casefile_text::sentences(&text);
    let tagger = casefile_ner::Tagger::builtin();
    for (s, tags) in sentences.iter().zip(tagger.tag_document(&text, &sentences)) {
        let spans: Vec<String> = tags
            .iter()
            .map(|(sp, l)| format!("{}:{:?}", &text[sp.start..sp.end], l))
            .collect();
        if !spans.is_empty() {
            println!(
                "{} || {}",
                &text[s.start..s.end]
                    .chars()
                    .take(60)
                    .collect::<String>()
                    .replace('\n', " "),
                spans.join(", ")
            );
        }
    }
}
