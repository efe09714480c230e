//! Training: an averaged structured perceptron with Viterbi decoding over BIO tags.

use std::path::Path;

use crate::clusters::Clusters;
use crate::conll::{read_conll, ConllDoc, EvalReport};
use crate::features::{DocWork, Lexicon, Names, NT};
use crate::{decode, NerError, Scorer, Tagger};

/// Training settings. The defaults are the ones the shipped model was built with.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data (chosen on CoNLL valid).
    pub epochs: usize,
    /// The weight table has `2^bits` feature buckets.
    pub bits: u32,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Perceptrons trained on differently shuffled data whose averaged weights are averaged
    /// again: steadier than one.
    pub models: usize,
    /// Quantised weights with an absolute value at most this are dropped from the model file
    /// (they barely move a score and most of them are rare features).
    pub prune: i16,
    /// Person-name parts used as a feature (see [`TrainOptions::with_names`]); empty by default.
    pub names: Names,
    /// Word classes used as a feature (see [`Clusters::learn`]); none by default.
    pub clusters: Clusters,
    /// Train on train + dev (with settings already chosen on dev by a train-only run).
    pub train_on_dev: bool,
    /// Print dev scores after each epoch (to stderr).
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            bits: 20,
            seed: 0x5eed_ca5e,
            prune: 0,
            models: 1,
            verbose: false,
            train_on_dev: false,
            names: Names::default(),
            clusters: Clusters::default(),
        }
    }
}

impl TrainOptions {
    /// Uses the person-name parts of a rigour-style name list (`a, b, c => Q123` lines) as a
    /// feature.
    pub fn with_names(mut self, path: &Path) -> Result<Self, NerError> {
        let text = std::fs::read_to_string(path).map_err(|e| NerError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        self.names = Names::from_list(&text);
        Ok(self)
    }
}

/// The perceptron's weights: current values and, for averaging, the sum of update × time.
struct Weights {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Vec<i32>,
    tu: Vec<i64>,
    /// Examples seen so far (the averaging clock).
    c: i64,
}

impl Scorer for Weights {
    fn emissions(&self, feats: &[u32], out: &mut [i32; NT]) {
        for &f in feats {
            let row = &self.w[f as usize * NT..f as usize * NT + NT];
            for k in 0..NT {
                out[k] += row[k];
            }
        }
    }
    fn transition(&self, prev: usize, cur: usize) -> i32 {
        self.tw[prev * NT + cur]
    }
}

impl Weights {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * NT;
        Weights {
            w: vec![0; n],
            u: vec![0; n],
            tw: vec![0; (NT + 1) * NT],
            tu: vec![0; (NT + 1) * NT],
            c: 1,
        }
    }

    fn update_feats(&mut self, feats: &[u32], tag: usize, d: i32) {
        let c = self.c * d as i64;
        for &f in feats {
            let i = f as usize * NT + tag;
            self.w[i] += d;
            self.u[i] += c;
        }
    }

    fn update_trans(&mut self, prev: usize, cur: usize, d: i32) {
        let i = prev * NT + cur;
        self.tw[i] += d;
        self.tu[i] += self.c * d as i64;
    }

    /// Adds the averaged weights (emissions, then transitions) to `sum`.
    fn add_averaged(&self, sum: &mut [f64], tsum: &mut [f64]) {
        let c = self.c as f64;
        for ((s, w), u) in sum.iter_mut().zip(&self.w).zip(&self.u) {
            *s += *w as f64 - *u as f64 / c;
        }
        for ((s, w), u) in tsum.iter_mut().zip(&self.tw).zip(&self.tu) {
            *s += *w as f64 - *u as f64 / c;
        }
    }
}

/// Quantises weights to i16 with one scale for emissions and transitions (a uniform scale does
/// not change which tag sequence scores best).
fn quantise(bits: u32, w: &[f64], t: &[f64], prune: i16, lex: &Lexicon) -> Tagger {
    let max = w.iter().chain(t).fold(0f64, |m, x| m.max(x.abs()));
    let scale = if max == 0.0 { 1.0 } else { 32767.0 / max };
    let weights = w
        .iter()
        .map(|x| {
            let q = (x * scale).round() as i16;
            if q.abs() <= prune {
                0
            } else {
                q
            }
        })
        .collect();
    let trans = t.iter().map(|x| (x * scale).round() as i32).collect();
    Tagger {
        bits,
        weights,
        trans,
        lex: lex.clone(),
    }
}

/// A deterministic xorshift generator for the shuffle.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Trains on `train`; when `opts.verbose`, prints the scores on `dev` after each epoch. The same
/// files and options give the same model, byte for byte.
pub fn train(train: &Path, dev: &Path, opts: &TrainOptions) -> Result<Tagger, NerError> {
    let mut train_docs = read_conll(train)?;
    let dev_docs = if opts.verbose || opts.train_on_dev {
        read_conll(dev)?
    } else {
        Vec::new()
    };
    if opts.train_on_dev {
        // The final model learns from the dev documents too; its dev scores are then no
        // measurement, so none are printed.
        train_docs.extend(dev_docs);
        return Ok(train_docs_with(&train_docs, &[], opts));
    }
    Ok(train_docs_with(&train_docs, &dev_docs, opts))
}

/// Trains on parsed documents (see [`train`]).
pub fn train_docs_with(docs: &[ConllDoc], dev: &[ConllDoc], opts: &TrainOptions) -> Tagger {
    let lex = &Lexicon {
        names: opts.names.clone(),
        clusters: opts.clusters.clone(),
    };
    let n = (1usize << opts.bits) * NT;
    let mut sum = vec![0f64; n];
    let mut tsum = vec![0f64; (NT + 1) * NT];
    for m in 0..opts.models.max(1) {
        let wt = train_one(
            docs,
            dev,
            opts,
            lex,
            opts.seed.wrapping_add(m as u64 * 0x9e37_79b9),
        );
        wt.add_averaged(&mut sum, &mut tsum);
        if opts.verbose && m > 0 && !dev.is_empty() {
            let r = quantise(opts.bits, &sum, &tsum, opts.prune, lex).eval_docs(dev);
            eprintln!(
                "average of {} models: dev F1 {:.2}",
                m + 1,
                100.0 * r.overall.f1()
            );
        }
    }
    quantise(opts.bits, &sum, &tsum, opts.prune, lex)
}

/// One perceptron, its documents shuffled with `seed`.
fn train_one(
    docs: &[ConllDoc],
    dev: &[ConllDoc],
    opts: &TrainOptions,
    lex: &Lexicon,
    seed: u64,
) -> Weights {
    let mut wt = Weights::new(opts.bits);
    let mut rng = Rng(seed | 1);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut work = DocWork::default();
    let mut dec = crate::Decoder::default();
    let mut pred = Vec::new();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for &d in &order {
            let doc = &docs[d];
            work.clear();
            for s in &doc.sentences {
                work.push_sentence(s.tokens.iter().map(String::as_str), lex, None);
            }
            for (si, s) in doc.sentences.iter().enumerate() {
                work.features(si, opts.bits);
                pred.clear();
                decode(&wt, &work, &mut dec, &mut pred);
                if pred != s.tags {
                    wrong += 1;
                    let gold = &s.tags;
                    for i in 0..gold.len() {
                        let (g, p) = (gold[i] as usize, pred[i] as usize);
                        if g != p {
                            let f = &work.feats[work.offs[i] as usize..work.offs[i + 1] as usize];
                            // Borrow juggling: the features live in `work`, the weights apart.
                            wt.update_feats(f, g, 1);
                            wt.update_feats(f, p, -1);
                        }
                        let gp = if i == 0 { NT } else { gold[i - 1] as usize };
                        let pp = if i == 0 { NT } else { pred[i - 1] as usize };
                        if (gp, g) != (pp, p) {
                            wt.update_trans(gp, g, 1);
                            wt.update_trans(pp, p, -1);
                        }
                    }
                }
                wt.c += 1;
                work.record(si, &pred);
            }
        }
        if opts.verbose {
            let mut line = format!("epoch {:>2}: {wrong} sentences wrong", epoch + 1);
            if !dev.is_empty() {
                let (mut w, mut t) = (vec![0f64; wt.w.len()], vec![0f64; wt.tw.len()]);
                wt.add_averaged(&mut w, &mut t);
                let tagger = quantise(opts.bits, &w, &t, opts.prune, lex);
                let r = tagger.eval_docs(dev);
                line += &format!(
                    "; dev P {:.2} R {:.2} F1 {:.2}",
                    100.0 * r.overall.precision(),
                    100.0 * r.overall.recall(),
                    100.0 * r.overall.f1()
                );
            }
            eprintln!("{line}");
        }
    }
    wt
}

/// Scores the tagger on parsed documents.
pub(crate) fn eval_docs(tagger: &Tagger, docs: &[ConllDoc]) -> EvalReport {
    let mut report = EvalReport::default();
    let mut work = DocWork::default();
    let mut dec = crate::Decoder::default();
    let mut pred = Vec::new();
    let names: Vec<String> = (0..NT as u8).map(crate::conll::tag_name).collect();
    for doc in docs {
        work.clear();
        for s in &doc.sentences {
            work.push_sentence(s.tokens.iter().map(String::as_str), &tagger.lex, None);
        }
        for (si, s) in doc.sentences.iter().enumerate() {
            work.features(si, tagger.bits);
            pred.clear();
            decode(tagger, &work, &mut dec, &mut pred);
            work.record(si, &pred);
            let g: Vec<&str> = s.tags.iter().map(|&t| names[t as usize].as_str()).collect();
            let p: Vec<&str> = pred.iter().map(|&t| names[t as usize].as_str()).collect();
            report.add(&g, &p);
        }
    }
    report
}
