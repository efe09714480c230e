//! Prints what ingest reads from files and folders: metadata, then the start of the clean text
//! (the whole text with `FULL=1`). For checking rules by eye:
//! `cargo run -p casefile-ingest --example dump -- ../shared/corpus/seeds`.

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let full = std::env::var_os("FULL").is_some();
    for r in casefile_ingest::walk(&paths) {
        match r.and_then(|p| casefile_ingest::load_file(&p, &Default::default())) {
            Ok(loaded) => {
                let d = loaded.document;
                println!(
                    "== {} | title={:?} | publisher={:?} | published={:?} | reference={:?} | url={:?}",
                    d.source,
                    d.meta.title,
                    d.meta.publisher,
                    d.meta.published.map(|p| p.to_string()),
                    d.meta.reference,
                    d.meta.source_url
                );
                if full {
                    println!("{}\n", d.text);
                } else {
                    println!("   {:?}", d.text.chars().take(200).collect::<String>());
                }
            }
            Err(e) => println!("ERR {e}"),
        }
    }
}
