//! CoNLL-2003 files and the conlleval scorer.

use std::fmt;
use std::path::Path;

use crate::NerError;

/// The entity types, in tag order (B-PER = 1, I-PER = 2, B-ORG = 3, ...).
pub(crate) const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A sentence: tokens and their BIO tag ids.
#[derive(Debug, Clone, Default)]
pub struct ConllSentence {
    /// The tokens (first column).
    pub tokens: Vec<String>,
    /// BIO tag ids: 0 = O, 1 + 2k = B-type k, 2 + 2k = I-type k (k in PER, ORG, LOC, MISC).
    pub tags: Vec<u8>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    /// Its sentences, in order.
    pub sentences: Vec<ConllSentence>,
}

/// Parses "O", "B-PER", "I-LOC", ... into (prefix, type index); `None` for an unknown tag.
fn parse_tag(tag: &str) -> Option<(u8, Option<usize>)> {
    if tag == "O" {
        return Some((b'O', None));
    }
    let (prefix, ty) = tag.split_once('-')?;
    let p = match prefix {
        "B" | "I" | "E" | "S" => prefix.as_bytes()[0],
        _ => return None,
    };
    let k = TYPES.iter().position(|t| *t == ty)?;
    Some((p, Some(k)))
}

/// BIO tag id (see [`ConllSentence::tags`]) to its string ("O", "B-PER", ...).
pub fn tag_name(id: u8) -> String {
    match id {
        0 => "O".to_string(),
        id => {
            let k = (id as usize - 1) / 2;
            let p = if id % 2 == 1 { "B" } else { "I" };
            format!("{p}-{}", TYPES[k])
        }
    }
}

/// Reads a CoNLL-2003 file (token first, IOB1 or BIO tag last on each line) into documents with
/// BIO tags. A file without `-DOCSTART-` lines is one document.
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    parse_conll(&text).map_err(|(line, reason)| NerError::Format {
        path: path.display().to_string(),
        line,
        reason,
    })
}

/// Parses CoNLL text; on error, the line number and the reason.
pub fn parse_conll(text: &str) -> Result<Vec<ConllDoc>, (usize, String)> {
    let mut docs = vec![ConllDoc::default()];
    let mut sent = ConllSentence::default();
    // Previous raw (prefix, type) in the sentence, for IOB1 -> BIO.
    let mut prev: (u8, Option<usize>) = (b'O', None);
    let flush = |docs: &mut Vec<ConllDoc>, sent: &mut ConllSentence| {
        if !sent.tokens.is_empty() {
            docs.last_mut()
                .expect("one doc")
                .sentences
                .push(std::mem::take(sent));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut docs, &mut sent);
            prev = (b'O', None);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sent);
            prev = (b'O', None);
            if !docs.last().expect("one doc").sentences.is_empty() {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let token = cols.next().expect("non-empty line");
        let tag = cols
            .next_back()
            .ok_or((n + 1, "no tag column".to_string()))?;
        let (p, ty) = parse_tag(tag).ok_or((n + 1, format!("unknown tag {tag:?}")))?;
        let id = match ty {
            None => 0,
            Some(k) => {
                // IOB1's I- starts a chunk when the previous token is not of the same type.
                let begins = matches!(p, b'B' | b'S') || prev.1 != Some(k) || prev.0 == b'E';
                if begins {
                    1 + 2 * k as u8
                } else {
                    2 + 2 * k as u8
                }
            }
        };
        prev = (p, ty);
        sent.tokens.push(token.to_string());
        sent.tags.push(id);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// The chunks (start, end exclusive, type) of a tag sequence, with conlleval's rules, so invalid
/// sequences (an I- after O) are read the way conlleval reads them.
pub fn chunks(tags: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: (u8, Option<usize>) = (b'O', None);
    for (i, tag) in tags.iter().enumerate() {
        let cur = parse_tag(tag).unwrap_or((b'O', None));
        let ends = match (prev, cur) {
            ((_, None), _) => false,
            ((b'E' | b'S', _), _) => true,
            (_, (b'B' | b'S', _)) => true,
            (_, (_, None)) => true,
            ((_, a), (_, b)) => a != b,
        };
        if ends {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
        }
        let starts = match (prev, cur) {
            (_, (_, None)) => false,
            (_, (b'B' | b'S', _)) => true,
            ((b'E' | b'S', _), _) => true,
            ((_, None), _) => true,
            ((_, a), (_, b)) => a != b,
        };
        if starts {
            open = Some((i, cur.1.expect("typed")));
        }
        prev = cur;
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

/// Counts for one entity type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted chunks that match a gold chunk exactly (span and type).
    pub correct: usize,
    /// Predicted chunks.
    pub predicted: usize,
    /// Gold chunks.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }
    /// Recall (0 when there is no gold chunk).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    /// F1, the harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// conlleval's scores: exact span and type, per type and overall.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvalReport {
    /// PER, ORG, LOC, MISC.
    pub per_type: [Counts; 4],
    /// All types together.
    pub overall: Counts,
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose tag (after BIO normalisation) equals the gold one.
    pub tokens_correct: usize,
}

impl EvalReport {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        assert_eq!(gold.len(), pred.len(), "one prediction per token");
        let g = chunks(gold);
        let p = chunks(pred);
        for &(_, _, k) in &g {
            self.per_type[k].gold += 1;
            self.overall.gold += 1;
        }
        for c in &p {
            self.per_type[c.2].predicted += 1;
            self.overall.predicted += 1;
            if g.contains(c) {
                self.per_type[c.2].correct += 1;
                self.overall.correct += 1;
            }
        }
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
    }

    /// Scores sentences of gold and predicted tags.
    pub fn score(gold: &[Vec<String>], pred: &[Vec<String>]) -> EvalReport {
        let mut r = EvalReport::default();
        for (g, p) in gold.iter().zip(pred) {
            let g: Vec<&str> = g.iter().map(String::as_str).collect();
            let p: Vec<&str> = p.iter().map(String::as_str).collect();
            r.add(&g, &p);
        }
        r
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>7} {:>7}",
            "type", "precision", "recall", "F1", "gold", "pred"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7} {:>7}",
                name,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.predicted
            )
        };
        for (k, c) in self.per_type.iter().enumerate() {
            row(f, TYPES[k], c)?;
        }
        row(f, "overall", &self.overall)?;
        let acc = if self.tokens == 0 {
            0.0
        } else {
            100.0 * self.tokens_correct as f64 / self.tokens as f64
        };
        write!(f, "tokens: {}, tag accuracy {:.2}%", self.tokens, acc)
    }
}
