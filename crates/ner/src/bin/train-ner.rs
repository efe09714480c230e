//! Rebuilds the NER model from CoNLL-2003:
//! `cargo run --release -p casefile-ner --bin train-ner -- --train ../shared/datasets/conll2003/train.txt
//! --dev ../shared/datasets/conll2003/valid.txt --out crates/ner/model/ner.bin`
//! Same files, same bytes: the seed and the epoch count are fixed.
//!
//! It trains on train alone and prints its dev scores (the epoch count was chosen on them): dev
//! stays a measurement split, so the shipped model has never seen it. `--train-on-dev` then
//! trains on train + dev with the same settings, for users who want the last half point. Person-name parts come from
//! `datasets/names/rigour-persons.txt` and word classes are learnt from the unlabeled text of
//! CoNLL train and dev and of `datasets/hrdsattack` and `datasets/tempeval3`, all found beside
//! the train file's folder.

use std::path::PathBuf;
use std::process::ExitCode;

use casefile_ner::{read_unlabeled, train, Clusters, TrainOptions};

fn main() -> ExitCode {
    let mut train_path = None;
    let mut dev_path = None;
    let mut out = None;
    let mut names: Option<PathBuf> = None;
    let mut use_names = true;
    let mut unlabeled: Vec<PathBuf> = Vec::new();
    let mut classes = 256usize;
    let mut opts = TrainOptions {
        verbose: true,
        train_on_dev: false,
        models: 4,
        ..TrainOptions::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("train-ner: {name} needs a value");
                std::process::exit(2)
            })
        };
        let number = |name: &str, v: String| -> u64 {
            v.parse().unwrap_or_else(|_| {
                eprintln!("train-ner: {name} wants a number, not {v:?}");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--train" => train_path = Some(PathBuf::from(value("--train"))),
            "--dev" => dev_path = Some(PathBuf::from(value("--dev"))),
            "--out" => out = Some(PathBuf::from(value("--out"))),
            "--epochs" => opts.epochs = number("--epochs", value("--epochs")) as usize,
            "--bits" => opts.bits = number("--bits", value("--bits")) as u32,
            "--seed" => opts.seed = number("--seed", value("--seed")),
            "--prune" => opts.prune = number("--prune", value("--prune")) as i16,
            "--models" => opts.models = number("--models", value("--models")) as usize,
            "--names" => names = Some(PathBuf::from(value("--names"))),
            "--no-names" => use_names = false,
            "--unlabeled" => unlabeled.push(PathBuf::from(value("--unlabeled"))),
            "--classes" => classes = number("--classes", value("--classes")) as usize,
            "--train-on-dev" => opts.train_on_dev = true,
            "--quiet" => opts.verbose = false,
            _ => {
                eprintln!(
                    "usage: train-ner --train FILE --dev FILE [--out FILE] [--epochs N] [--bits N] \
                     [--seed N] [--prune N] [--models N] [--names FILE | --no-names] [--unlabeled PATH]... [--classes N (0: none)] [--train-on-dev] [--quiet]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let (Some(train_path), Some(dev_path)) = (train_path, dev_path) else {
        eprintln!("train-ner: --train and --dev are required");
        return ExitCode::from(2);
    };
    // The person-name list sits beside CoNLL in the shared datasets folder.
    let names = names.or_else(|| {
        let p = train_path.parent()?.join("../names/rigour-persons.txt");
        p.exists().then_some(p)
    });
    if let (true, Some(names)) = (use_names, names) {
        opts = match opts.with_names(&names) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("train-ner: {e}");
                return ExitCode::FAILURE;
            }
        };
        eprintln!(
            "names: {} ({} name parts)",
            names.display(),
            opts.names.len()
        );
    }
    if classes > 0 {
        // Unlabeled text: CoNLL train and dev tokens (labels unused) and the shared news corpora.
        if unlabeled.is_empty() {
            unlabeled.push(train_path.clone());
            unlabeled.push(dev_path.clone());
            if let Some(datasets) = train_path.parent().map(|p| p.join("..")) {
                for d in ["hrdsattack", "tempeval3"] {
                    let p = datasets.join(d);
                    if p.is_dir() {
                        unlabeled.push(p);
                    }
                }
            }
        }
        let mut sentences = Vec::new();
        for p in &unlabeled {
            match read_unlabeled(p) {
                Ok(s) => sentences.extend(s),
                Err(e) => {
                    eprintln!("train-ner: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let t0 = std::time::Instant::now();
        opts.clusters = Clusters::learn(&sentences, classes, 5, 2);
        eprintln!(
            "classes: {classes} over {} words of {} sentences from {} sources ({:.1} s)",
            opts.clusters.len(),
            sentences.len(),
            unlabeled.len(),
            t0.elapsed().as_secs_f64()
        );
    }
    // First the model trained on train alone: its dev scores are the honest measurement (and
    // what the epoch count was chosen on).
    let final_on_dev = opts.train_on_dev;
    opts.train_on_dev = false;
    let mut tagger = match train(&train_path, &dev_path, &opts) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("train-ner: {e}");
            return ExitCode::FAILURE;
        }
    };
    match tagger.eval_conll(&dev_path) {
        Ok(r) => println!(
            "dev ({}), model trained on train only:\n{r}",
            dev_path.display()
        ),
        Err(e) => {
            eprintln!("train-ner: {e}");
            return ExitCode::FAILURE;
        }
    }
    if final_on_dev {
        // Asked for: the same settings, trained on train + dev.
        eprintln!("training the final model on train + dev");
        opts.train_on_dev = true;
        opts.verbose = false;
        tagger = match train(&train_path, &dev_path, &opts) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("train-ner: {e}");
                return ExitCode::FAILURE;
            }
        };
    }
    if let Some(out) = out {
        let bytes = tagger.to_bytes();
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("train-ner: {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} ({} bytes)", out.display(), bytes.len());
    }
    ExitCode::SUCCESS
}
