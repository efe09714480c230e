//! End-to-end tests of the `casefile` binary: ingest, export, case files, bad input, crashes.

mod common;

use common::{casefile, export, stderr, BIN, EXAMPLES};
use serde_json::Value;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../schema/export.schema.json"
);

fn summary_line(o: &Output) -> String {
    stderr(o)
        .lines()
        .rfind(|l| l.starts_with("ingested "))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn example_corpus_ingests_exports_against_the_schema_and_reingests_as_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let o = casefile(&store, &["ingest", EXAMPLES]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        summary_line(&o),
        "ingested 9, skipped 0 (already stored), failed 0"
    );

    let kb = export(&store);
    let schema: Value = serde_json::from_str(&fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&kb).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "export violates the schema: {errors:?}");

    let docs = kb["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 9);
    // Every mention's offsets are character offsets into its document's text.
    let texts: std::collections::HashMap<&str, Vec<char>> = docs
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["text"].as_str().unwrap().chars().collect(),
            )
        })
        .collect();
    for e in kb["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let text = &texts[m["document"].as_str().unwrap()];
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let got: String = text[s..t].iter().collect();
            assert_eq!(got, m["text"].as_str().unwrap());
        }
    }
    // No ingested script reaches the clean text of the vandalised page.
    for d in docs {
        assert!(
            !d["text"].as_str().unwrap().contains("alert("),
            "{}",
            d["source"]
        );
    }
    // A report with no year anywhere keeps its publication date unknown.
    let undated = docs
        .iter()
        .find(|d| {
            d["source"]
                .as_str()
                .unwrap()
                .ends_with("08-cara-ordabay-investigation.txt")
        })
        .unwrap();
    assert!(undated["published"].is_null(), "{undated}");

    let again = casefile(&store, &["ingest", EXAMPLES]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        summary_line(&again),
        "ingested 0, skipped 9 (already stored), failed 0"
    );
    assert_eq!(
        export(&store),
        kb,
        "re-ingesting the same content changed the record"
    );
}

/// A minimal valid PDF with one line of Helvetica text, xref offsets computed.
fn tiny_pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn each_bad_input_gets_one_line_naming_the_file_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    fs::create_dir(&input).unwrap();
    let good = "KEMIR, 3 May 2023 — Police detained the lawyer Marat Abenov in Kemir on Tuesday, \
                the Tarsaly Bureau for Human Rights said today.";
    fs::write(input.join("good.txt"), good).unwrap();
    fs::write(
        input.join("good.pdf"),
        tiny_pdf("Journalist Aigerim Sultanova was detained in Kemir."),
    )
    .unwrap();
    fs::write(
        input.join("scripted.html"),
        "<html><head><title>Report</title><script>alert('x')</script></head><body><article>\
         <p>The court in Kemir convicted the editor Aigerim Sultanova of inciting discord.</p>\
         <img src=x onerror=\"alert(1)\"></article></body></html>",
    )
    .unwrap();
    let mut bad: Vec<(&str, &str)> = Vec::new();
    fs::write(input.join("empty.txt"), "").unwrap();
    bad.push(("empty.txt", "empty"));
    fs::write(
        input.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    )
    .unwrap();
    bad.push(("binary.txt", ""));
    fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 au lait in Almaty was closed by police today.",
    )
    .unwrap();
    bad.push(("latin1.txt", "UTF-8"));
    let pdf = tiny_pdf("Some text that will be cut off");
    fs::write(input.join("truncated.pdf"), &pdf[..pdf.len() / 2]).unwrap();
    bad.push(("truncated.pdf", ""));
    let encrypted = String::from_utf8(pdf.clone()).unwrap().replace(
        "/Root 1 0 R >>",
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> >>",
    );
    fs::write(input.join("encrypted.pdf"), encrypted).unwrap();
    bad.push(("encrypted.pdf", ""));
    let huge = fs::File::create(input.join("huge.txt")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap();
    bad.push(("huge.txt", ""));
    fs::write(input.join("table.xlsx"), b"PK\x03\x04 not really").unwrap();
    bad.push(("table.xlsx", ""));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), input.join("dangling.txt"))
            .unwrap();
        bad.push(("dangling.txt", ""));
    }
    let missing = dir.path().join("missing-folder");

    let store = dir.path().join("store");
    let o = casefile(
        &store,
        &["ingest", input.to_str().unwrap(), missing.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "bad input must give exit status 1"
    );
    let err = stderr(&o);
    let error_lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    for (name, reason) in &bad {
        let lines: Vec<&&str> = error_lines.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name}: expected one error line in:\n{err}");
        assert!(
            lines[0].to_lowercase().contains(&reason.to_lowercase()),
            "{}",
            lines[0]
        );
        // The reason follows the file name.
        assert!(
            lines[0].len() > lines[0].find(name).unwrap() + name.len() + 3,
            "{}",
            lines[0]
        );
    }
    assert!(
        error_lines.iter().any(|l| l.contains("missing-folder")),
        "{err}"
    );
    assert_eq!(
        summary_line(&o),
        format!(
            "ingested 3, skipped 0 (already stored), failed {}",
            bad.len() + 1
        )
    );

    let kb = export(&store);
    let texts: Vec<&str> = kb["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Aigerim Sultanova was detained")),
        "PDF text missing"
    );
    let html = texts
        .iter()
        .find(|t| t.contains("convicted the editor"))
        .expect("HTML ingested");
    assert!(!html.contains("alert"), "script text leaked: {html}");
}

#[test]
fn supplied_metadata_overrides_and_is_marked_as_supplied() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    fs::write(
        &file,
        "Police detained three activists in Shulan on Monday, witnesses said.",
    )
    .unwrap();
    let store = dir.path().join("store");
    let o = casefile(
        &store,
        &[
            "ingest",
            file.to_str().unwrap(),
            "--published",
            "2023-09-04",
            "--publisher",
            "Shulan Monitor",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let kb = export(&store);
    let d = &kb["documents"][0];
    assert_eq!(d["published"], "2023-09-04");
    assert_eq!(d["publisher"], "Shulan Monitor");
    let supplied: Vec<&str> = d["supplied"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(supplied, vec!["publisher", "published"]);

    let bad = casefile(
        &store,
        &[
            "ingest",
            file.to_str().unwrap(),
            "--published",
            "2023-02-30",
        ],
    );
    assert!(!bad.status.success(), "an impossible date must be refused");
}

#[test]
fn a_killed_ingest_leaves_every_committed_document_whole_and_the_next_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    fs::create_dir(&input).unwrap();
    let total = 1500;
    for i in 0..total {
        fs::write(
            input.join(format!("report-{i:05}.txt")),
            format!(
                "Report {i}\n\nOn 3 May 2023 police in Kemir detained activist Nurlan Temirov-{i}, \
                 the Tarsaly Bureau for Human Rights said. He was charged under Article 174 of \
                 the Criminal Code. {}\n",
                "The bureau called for his release. ".repeat(i % 7 + 1)
            ),
        )
        .unwrap();
    }
    let store = dir.path().join("store");
    let db = store.join("casefile.sqlite");
    let mut child = Command::new(BIN)
        .arg("--store")
        .arg(&store)
        .arg("ingest")
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until documents are being committed, then kill without warning.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if fs::metadata(store.join("casefile.sqlite-wal"))
            .map(|m| m.len() > 64 * 1024)
            .unwrap_or(false)
            || fs::metadata(&db)
                .map(|m| m.len() > 256 * 1024)
                .unwrap_or(false)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // The store opens, and every stored document is whole: its text is its file's text.
    let kb = export(&store);
    let stored = kb["documents"].as_array().unwrap();
    for d in stored {
        let source = PathBuf::from(d["source"].as_str().unwrap());
        let original = fs::read_to_string(&source).unwrap();
        assert_eq!(
            d["text"].as_str().unwrap().trim(),
            original.trim(),
            "{}",
            source.display()
        );
    }
    let before = stored.len();

    let o = casefile(&store, &["ingest", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        summary_line(&o),
        format!(
            "ingested {}, skipped {before} (already stored), failed 0",
            total - before
        )
    );
    let kb = export(&store);
    assert_eq!(kb["documents"].as_array().unwrap().len(), total);
}

#[test]
fn case_prints_names_documents_and_passages() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(casefile(&store, &["ingest", EXAMPLES]).status.success());
    let kb = export(&store);
    // Take the person mentioned in the most documents, whatever the readers currently find.
    let person = kb["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person")
        .max_by_key(|e| {
            let docs: std::collections::BTreeSet<&str> = e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["document"].as_str().unwrap())
                .collect();
            docs.len()
        });
    let Some(person) = person else {
        // No reader finds people yet: the case command must then say so, not invent.
        let o = casefile(&store, &["case", "Sultanova"]);
        assert_eq!(o.status.code(), Some(1));
        return;
    };
    let name = person["name"].as_str().unwrap();
    let o = casefile(&store, &["case", name]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with(name), "{out}");
    assert!(out.contains("Documents ("), "{out}");
    assert!(out.contains("Mentions:"), "{out}");
    let md = casefile(&store, &["case", name, "--format", "md"]);
    assert!(String::from_utf8(md.stdout)
        .unwrap()
        .starts_with(&format!("# {name}")));
    let json = casefile(&store, &["case", name, "--format", "json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["entity"]["name"], name);
}

#[test]
fn names_compare_appends_a_decision_and_keeps_gender_forms_apart() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = dir.path().join("pairs.tsv");
    fs::write(
        &pairs,
        "name_a\tname_b\tlabel\tkind\nkozlov\tkoslov\tsame\tvariant\nkozlov\tkozlova\tdifferent\tgender\nnazarbayev\tназарбаев\tsame\tcross_script\n",
    )
    .unwrap();
    let o = casefile(
        &dir.path().join("store"),
        &["names", "compare", "--pairs", pairs.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let decisions: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect();
    assert_eq!(decisions, vec!["same", "different", "same"], "{out}");
}

#[test]
fn explain_names_the_spellings_joined_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(casefile(&store, &["ingest", EXAMPLES]).status.success());
    let o = casefile(&store, &["explain", "Aigerim Sultanova"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    // The example corpus spells her "Aygerim" in one report: one person, with the reason recorded.
    assert!(out.contains("Aygerim Sultanova"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("- ")), "{out}");
    // Her brother is a different person.
    let brother = casefile(&store, &["explain", "Daulet Sultanov"]);
    let out = String::from_utf8(brother.stdout).unwrap();
    assert!(out.starts_with("Daulet Sultanov"), "{out}");
    assert!(!out.contains("Aigerim"), "{out}");
    assert!(casefile(&store, &["conflicts"]).status.success());
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert!(casefile(&store, &["ingest", EXAMPLES]).status.success());
    let mut child = Command::new(BIN)
        .arg("--store")
        .arg(&store)
        .args(["export", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -c 0`: the reader goes away before the export is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(141), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn reindex_builds_the_search_index_and_ingest_keeps_it_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // A store never indexed: ingest leaves the index to the first `serve` or `reindex`.
    let o = common::ok(casefile(&store, &["ingest", EXAMPLES]));
    assert!(!stderr(&o).contains("search index:"), "{}", stderr(&o));
    assert!(!store.join("index").exists());

    let o = common::ok(casefile(&store, &["reindex"]));
    let line = stderr(&o);
    let n: usize = line
        .strip_prefix("indexed ")
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{line}"));
    let kb = export(&store);
    let items =
        kb["documents"].as_array().unwrap().len() + kb["entities"].as_array().unwrap().len();
    assert_eq!(n, items, "every document and entity: {line}");
    assert!(store.join("index/meta.json").exists());

    // A new report: ingest re-indexes what changed and keeps the rest.
    let more = dir.path().join("more");
    fs::create_dir_all(&more).unwrap();
    fs::write(
        more.join("report.txt"),
        "Tarsaly Bureau for Human Rights\n\nKEMIR, 4 March 2024 — Officers detained the blogger Nurlan Bekov in Kemir on 27 February 2024.\n",
    )
    .unwrap();
    let o = common::ok(casefile(&store, &["ingest", more.to_str().unwrap()]));
    let line = stderr(&o)
        .lines()
        .find(|l| l.starts_with("search index: "))
        .unwrap_or_else(|| panic!("{}", stderr(&o)))
        .to_string();
    let count = |what: &str| -> usize {
        line.split(", ")
            .find(|p| p.ends_with(what))
            .and_then(|p| p.trim_start_matches("search index: ").split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{line}"))
    };
    assert!(count("indexed") >= 2, "the report and Bekov: {line}");
    assert!(count("unchanged") >= n - 10, "the rest kept: {line}");
}
