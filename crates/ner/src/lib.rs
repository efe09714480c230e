//! casefile's statistical named-entity tagger: an averaged structured perceptron with Viterbi
//! decoding over BIO tags, trained by our own code on CoNLL-2003 (see the crate README).
//!
//! Features are hashed into a fixed table of `2^bits` buckets × 9 tags and stored as i16; the
//! model compiled into the binary ([`Tagger::builtin`]) is parsed once. Input is tokens only: the
//! features use no part-of-speech or chunk tags, which real input does not have.

use std::cell::RefCell;
use std::path::Path;
use std::sync::OnceLock;

use casefile_model::Span;

mod clusters;
mod conll;
mod features;
mod names_bloom;
mod train;

pub use conll::{
    chunks, parse_conll, read_conll, tag_name, ConllDoc, ConllSentence, Counts, EvalReport,
};
pub use train::{train, train_docs_with, TrainOptions};

pub use clusters::Clusters;
pub use features::Names;
use features::{DocWork, Lexicon, FEATURE_VERSION, NT};

/// The CoNLL-2003 entity classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerLabel {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location.
    Loc,
    /// Miscellaneous named thing.
    Misc,
}

impl NerLabel {
    /// The CoNLL name: PER, ORG, LOC or MISC.
    pub fn as_str(self) -> &'static str {
        conll::TYPES[self as usize]
    }

    fn from_index(k: usize) -> NerLabel {
        [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc][k]
    }
}

/// Why a file could not be read or a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NerError {
    /// The file could not be read.
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// A line of a CoNLL file is malformed.
    Format {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The bytes are not a model this version can read.
    Model(String),
}

impl std::fmt::Display for NerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NerError::Io { path, reason } => write!(f, "{path}: {reason}"),
            NerError::Format { path, line, reason } => write!(f, "{path}:{line}: {reason}"),
            NerError::Model(reason) => write!(f, "NER model: {reason}"),
        }
    }
}

impl std::error::Error for NerError {}

/// A trained tagger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tagger {
    bits: u32,
    /// `2^bits` buckets × [`NT`] tags, bucket-major so one feature reads one short run.
    weights: Vec<i16>,
    /// (NT + 1) × NT: previous tag (or start, row NT) to current tag.
    trans: Vec<i32>,
    /// Person-name parts (from the rigour name list) and word classes, for the features.
    lex: Lexicon,
}

/// Scores for Viterbi: emission scores of a token's features and tag-to-tag transitions.
pub(crate) trait Scorer {
    /// Adds the weights of `feats` to `out`, one score per tag.
    fn emissions(&self, feats: &[u32], out: &mut [i32; NT]);
    /// The score of `cur` after `prev` (`prev == NT` at the start of a sentence).
    fn transition(&self, prev: usize, cur: usize) -> i32;
    /// Asks the CPU to load the weights of `feats` into cache (a hint; no effect on scores).
    fn prefetch(&self, _feats: &[u32]) {}
}

impl Scorer for Tagger {
    #[inline]
    fn emissions(&self, feats: &[u32], out: &mut [i32; NT]) {
        for &f in feats {
            let b = f as usize * NT;
            let row: &[i16; NT] = self.weights[b..b + NT].try_into().expect("NT weights");
            for k in 0..NT {
                out[k] += row[k] as i32;
            }
        }
    }
    #[inline]
    fn transition(&self, prev: usize, cur: usize) -> i32 {
        self.trans[prev * NT + cur]
    }
    #[inline]
    fn prefetch(&self, feats: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let b = f as usize * NT;
            if let Some(row) = self.weights.get(b..b + NT) {
                // A row is 18 bytes, so it may straddle two cache lines: both ends.
                for p in [row.as_ptr(), row[NT - 1..].as_ptr()] {
                    // SAFETY: a prefetch is a hint that never faults; the pointer is in bounds.
                    unsafe {
                        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                            p.cast(),
                        );
                    }
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }
}

/// Viterbi buffers, reused across sentences.
#[derive(Default)]
pub(crate) struct Decoder {
    score: Vec<[i32; NT]>,
    back: Vec<[u8; NT]>,
}

/// I-X may only follow B-X or I-X; nothing starts with I-.
#[inline]
fn allowed(prev: usize, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        true
    } else {
        prev == cur || prev + 1 == cur
    }
}

/// Decodes the sentence whose features are in `work` into `out` (tag ids).
#[allow(clippy::needless_range_loop)] // k indexes three parallel arrays
pub(crate) fn decode<S: Scorer>(s: &S, work: &DocWork, dec: &mut Decoder, out: &mut Vec<u8>) {
    let n = work.offs.len().saturating_sub(1);
    if n == 0 {
        return;
    }
    const NEG: i32 = i32::MIN / 4;
    dec.score.clear();
    dec.back.clear();
    dec.score.resize(n, [0; NT]);
    dec.back.resize(n, [0; NT]);
    // The weight rows of the token `AHEAD` places on, fetched while this one is scored (and the
    // first ones before the loop): the table is tens of MiB, so each row is a cache miss that
    // otherwise stalls the sum, and one token's scoring is too short to cover a miss (two
    // tokens since the memo's row sums left fewer rows to a token: NER −3% against one).
    const AHEAD: usize = 2;
    let rows = |i: usize| &work.feats[work.offs[i] as usize..work.offs[i + 1] as usize];
    // `trans_to[cur][prev]`: the transitions into each tag, read for every token.
    let trans_to: [[i32; NT]; NT] =
        std::array::from_fn(|k| std::array::from_fn(|j| s.transition(j, k)));
    for i in 0..AHEAD.min(n) {
        s.prefetch(rows(i));
    }
    for i in 0..n {
        if i + AHEAD < n {
            s.prefetch(rows(i + AHEAD));
        }
        // The rows the token memo already summed, then the rest.
        let mut em = work.base[work.base_at + i];
        s.emissions(
            &work.feats[work.offs[i] as usize..work.offs[i + 1] as usize],
            &mut em,
        );
        if i == 0 {
            for k in 0..NT {
                dec.score[0][k] = if allowed(NT, k) {
                    em[k] + s.transition(NT, k)
                } else {
                    NEG
                };
            }
            continue;
        }
        let prev = dec.score[i - 1];
        for k in 0..NT {
            let mut best = NEG;
            let mut arg = 0u8;
            // The previous tags `allowed` lets through, in ascending order: all of them, or for
            // an I- tag its B- and itself. Fixed-size arrays: the loops unroll, without bounds
            // checks.
            let (from, to) = if k == 0 || k % 2 == 1 {
                (0, NT)
            } else {
                (k - 1, k + 1)
            };
            for j in from..to {
                let v = prev[j] + trans_to[k][j];
                if v > best {
                    best = v;
                    arg = j as u8;
                }
            }
            dec.score[i][k] = best + em[k];
            dec.back[i][k] = arg;
        }
    }
    let mut k = 0;
    for j in 1..NT {
        if dec.score[n - 1][j] > dec.score[n - 1][k] {
            k = j;
        }
    }
    let start = out.len();
    out.resize(start + n, 0);
    for i in (0..n).rev() {
        out[start + i] = k as u8;
        k = dec.back[i][k] as usize;
    }
}

/// Per-thread buffers for [`Tagger::tag`], so tagging a sentence allocates almost nothing.
#[derive(Default)]
struct Workspace {
    work: DocWork,
    dec: Decoder,
    tags: Vec<u8>,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::default());
}

static MODEL: &[u8] = include_bytes!("../model/ner.bin");

/// `MODEL`'s person-name parts and their Bloom filter, as `build.rs` laid them out.
static MODEL_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));

/// [`MODEL_NAMES`] read: where `MODEL`'s names section starts and ends, and its names.
fn model_names() -> (usize, usize, Names) {
    let word = |at: usize| {
        u64::from_le_bytes(MODEL_NAMES[at..at + 8].try_into().expect("8 bytes")) as usize
    };
    let (start, end, n) = (word(0), word(8), word(16));
    let fps_end = 24 + 4 * n;
    let fps = MODEL_NAMES[24..fps_end]
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
        .collect();
    let bloom = MODEL_NAMES[fps_end.next_multiple_of(8)..]
        .chunks_exact(8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
        .collect();
    (start, end, Names::from_parts(fps, bloom))
}

/// The parsed built-in model.
static BUILTIN: OnceLock<Tagger> = OnceLock::new();

impl Tagger {
    /// The model compiled into the binary, parsed once.
    pub fn builtin() -> &'static Tagger {
        BUILTIN.get_or_init(|| {
            Tagger::read(MODEL, Some(model_names()))
                .expect("the compiled-in NER model (crates/ner/model/ner.bin)")
        })
    }

    /// True for [`Tagger::builtin`] itself: its lexicon lives as long as the program, so the
    /// per-thread token memo may keep what it says about words.
    fn is_builtin(&self) -> bool {
        BUILTIN.get().is_some_and(|t| std::ptr::eq(t, self))
    }

    /// Entity spans (byte offsets into `text`) found in the sentence `sentence`, tagged as a
    /// document of one sentence. [`Tagger::tag_document`] reads better when the whole document is
    /// at hand (a name's other mentions and its case elsewhere help).
    pub fn tag(&self, text: &str, sentence: Span) -> Vec<(Span, NerLabel)> {
        self.tag_document(text, &[sentence])
            .pop()
            .unwrap_or_default()
    }

    /// Entity spans of each sentence of a document, the sentences in document order. Uses
    /// document-level features: how each word is capitalised elsewhere in the document and what
    /// earlier sentences were tagged.
    pub fn tag_document(&self, text: &str, sentences: &[Span]) -> Vec<Vec<(Span, NerLabel)>> {
        let pieces: Vec<Vec<Span>> = sentences.iter().map(|s| conll_tokens(text, *s)).collect();
        self.tag_tokenised(text, &pieces)
    }

    /// [`Tagger::tag_document`] for sentences already split by [`conll_tokens`] (byte spans into
    /// `text`), so a caller that needs the tokens itself splits each sentence once.
    pub fn tag_tokenised<P: AsRef<[Span]>>(
        &self,
        text: &str,
        pieces: &[P],
    ) -> Vec<Vec<(Span, NerLabel)>> {
        WORKSPACE.with(|ws| {
            let ws = &mut *ws.borrow_mut();
            ws.work.clear();
            let memo = self.is_builtin().then_some(self);
            for p in pieces {
                ws.work.push_sentence(
                    p.as_ref().iter().map(|s| &text[s.start..s.end]),
                    &self.lex,
                    memo,
                );
            }
            let mut out = Vec::with_capacity(pieces.len());
            for (si, p) in pieces.iter().enumerate() {
                ws.work.features(si, self.bits);
                ws.tags.clear();
                decode(self, &ws.work, &mut ws.dec, &mut ws.tags);
                ws.work.record(si, &ws.tags);
                out.push(spans_of(&ws.tags, p.as_ref()));
            }
            out
        })
    }

    /// BIO tags ("B-PER", "I-PER", "O", ...) of one tokenised sentence.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<String> {
        self.tag_document_tokens(&[tokens.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// BIO tags of each tokenised sentence of a document, with the document-level features.
    pub fn tag_document_tokens(&self, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
        let mut ids = Vec::new();
        self.tag_ids(sentences, &mut ids);
        let mut at = 0;
        sentences
            .iter()
            .map(|s| {
                let tags = ids[at..at + s.len()]
                    .iter()
                    .map(|&t| conll::tag_name(t))
                    .collect();
                at += s.len();
                tags
            })
            .collect()
    }

    /// Tag ids (0 = O, 1 + 2k = B-, 2 + 2k = I- of type k) of a document's sentences, appended
    /// to `out` sentence after sentence; the allocation-free path the speed benchmark measures.
    pub fn tag_ids<S: AsRef<[W]>, W: AsRef<str>>(&self, sentences: &[S], out: &mut Vec<u8>) {
        WORKSPACE.with(|ws| {
            let ws = &mut *ws.borrow_mut();
            ws.work.clear();
            let memo = self.is_builtin().then_some(self);
            for s in sentences {
                ws.work
                    .push_sentence(s.as_ref().iter().map(|w| w.as_ref()), &self.lex, memo);
            }
            for si in 0..sentences.len() {
                ws.work.features(si, self.bits);
                let start = out.len();
                decode(self, &ws.work, &mut ws.dec, out);
                ws.work.record(si, &out[start..]);
            }
        })
    }

    /// Scores the tagger on a CoNLL-2003 file (conlleval: exact span and type).
    pub fn eval_conll(&self, path: &Path) -> Result<EvalReport, NerError> {
        Ok(self.eval_docs(&read_conll(path)?))
    }

    /// Scores the tagger on parsed CoNLL documents.
    pub fn eval_docs(&self, docs: &[ConllDoc]) -> EvalReport {
        train::eval_docs(self, docs)
    }

    /// The model as bytes: a header, the transitions and the non-zero weights as
    /// (index delta, value) varints.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"CFNER\x01");
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(NT as u32).to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&(self.lex.names.fps.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for &fp in &self.lex.names.fps {
            put_varint(&mut out, (fp - last) as u64);
            last = fp;
        }
        out.extend_from_slice(&(self.lex.clusters.pairs.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for &(fp, class) in &self.lex.clusters.pairs {
            put_varint(&mut out, (fp - last) as u64);
            put_varint(&mut out, class as u64);
            last = fp;
        }
        let nonzero = self.weights.iter().filter(|w| **w != 0).count() as u64;
        out.extend_from_slice(&nonzero.to_le_bytes());
        let mut last = 0usize;
        for (i, &w) in self.weights.iter().enumerate() {
            if w != 0 {
                put_varint(&mut out, (i - last) as u64);
                put_varint(&mut out, ((w as i64) << 1 ^ (w as i64) >> 63) as u64);
                last = i;
            }
        }
        out
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, NerError> {
        Tagger::read(bytes, None)
    }

    /// [`Tagger::from_bytes`], with the names section read already when `names` is given: where
    /// it starts and ends in `bytes`, and its names (`build.rs` reads them from the built-in
    /// model at compile time).
    fn read(bytes: &[u8], names: Option<(usize, usize, Names)>) -> Result<Tagger, NerError> {
        let bad = |why: &str| NerError::Model(why.to_string());
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(6).ok_or_else(|| bad("empty or truncated"))? != b"CFNER\x01" {
            return Err(bad("not a casefile NER model"));
        }
        let version = r.u32().ok_or_else(|| bad("truncated header"))?;
        if version != FEATURE_VERSION {
            return Err(NerError::Model(format!(
                "trained with feature set {version}, this build computes feature set \
                 {FEATURE_VERSION}: retrain it"
            )));
        }
        let bits = r.u32().ok_or_else(|| bad("truncated header"))?;
        let nt = r.u32().ok_or_else(|| bad("truncated header"))?;
        if nt as usize != NT || !(8..=24).contains(&bits) {
            return Err(bad("unexpected table size"));
        }
        let mut trans = Vec::with_capacity((NT + 1) * NT);
        for _ in 0..(NT + 1) * NT {
            trans.push(r.u32().ok_or_else(|| bad("truncated transitions"))? as i32);
        }
        // The loops below run once per name, word and weight (≈ 950,000 times for the built-in
        // model's file, a tenth of start-up): their checks branch to the error out of line
        // (`let … else`), where `ok_or_else` and `map_err` were calls per item.
        let names = match names {
            Some((start, end, names)) if start == r.at && end <= bytes.len() => {
                r.at = end;
                names
            }
            _ => {
                let nnames = r.u32().ok_or_else(|| bad("truncated names"))?;
                let mut fps = Vec::with_capacity(nnames.min(1 << 24) as usize);
                let mut fp = 0u64;
                for _ in 0..nnames {
                    let Some(delta) = r.varint() else {
                        return Err(bad("truncated names"));
                    };
                    fp += delta;
                    let Ok(fp32) = u32::try_from(fp) else {
                        return Err(bad("name fingerprint out of range"));
                    };
                    fps.push(fp32);
                }
                Names::from_fingerprints(fps)
            }
        };
        let nclusters = r.u32().ok_or_else(|| bad("truncated classes"))?;
        let mut pairs = Vec::with_capacity(nclusters.min(1 << 24) as usize);
        let mut fp = 0u64;
        for _ in 0..nclusters {
            let (Some(delta), Some(class)) = (r.varint(), r.varint()) else {
                return Err(bad("truncated classes"));
            };
            fp += delta;
            let Ok(fp32) = u32::try_from(fp) else {
                return Err(bad("word fingerprint out of range"));
            };
            let Ok(class) = u16::try_from(class) else {
                return Err(bad("word class out of range"));
            };
            pairs.push((fp32, class));
        }
        let lex = Lexicon {
            names,
            clusters: Clusters::from_pairs(pairs),
        };
        let n = r.u64().ok_or_else(|| bad("truncated weights"))?;
        let mut weights = vec![0i16; (1usize << bits) * NT];
        let mut at = 0usize;
        for _ in 0..n {
            let (Some(delta), Some(z)) = (r.varint(), r.varint()) else {
                return Err(bad("truncated weights"));
            };
            let Some(next) = at
                .checked_add(delta as usize)
                .filter(|a| *a < weights.len())
            else {
                return Err(bad("weight index out of range"));
            };
            at = next;
            let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
            let Ok(w) = i16::try_from(v) else {
                return Err(bad("weight out of range"));
            };
            weights[at] = w;
        }
        if r.at != bytes.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(Tagger {
            bits,
            weights,
            trans,
            lex,
        })
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A LEB128 varint; one- and two-byte ones (most of the model's) decoded inline.
    #[inline(always)]
    fn varint(&mut self) -> Option<u64> {
        let first = *self.b.get(self.at)?;
        if first < 0x80 {
            self.at += 1;
            return Some(first as u64);
        }
        match self.b.get(self.at + 1) {
            Some(&second) if second < 0x80 => {
                self.at += 2;
                Some((first & 0x7f) as u64 | (second as u64) << 7)
            }
            _ => self.varint_long(),
        }
    }

    #[inline(never)]
    fn varint_long(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.b.get(self.at)?;
            self.at += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
}

/// Tokenised sentences of unlabeled text for [`Clusters::learn`]: a CoNLL file's tokens, or the
/// text of a plain, HTML or XML file (tags dropped), or of every such file under a folder (in
/// name order, so the result never depends on the file system's order).
pub fn read_unlabeled(path: &Path) -> Result<Vec<Vec<String>>, NerError> {
    let io = |e: std::io::Error| NerError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut out = Vec::new();
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if p.is_dir()
                || [".html", ".tml", ".xml", ".txt"]
                    .iter()
                    .any(|x| name.ends_with(x))
            {
                out.extend(read_unlabeled(&p)?);
            }
        }
        return Ok(out);
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    if text.starts_with("-DOCSTART-") {
        let docs = parse_conll(&text).map_err(|(line, reason)| NerError::Format {
            path: path.display().to_string(),
            line,
            reason,
        })?;
        for d in docs {
            out.extend(d.sentences.into_iter().map(|s| s.tokens));
        }
        return Ok(out);
    }
    // Markup to spaces, the common entities to their characters.
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for ch in text.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push('\n');
            }
            _ if !in_tag => plain.push(ch),
            _ => {}
        }
    }
    let plain = plain
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    for s in casefile_text::sentences(&plain) {
        let toks: Vec<String> = conll_tokens(&plain, s)
            .iter()
            .map(|t| plain[t.start..t.end].to_string())
            .collect();
        if !toks.is_empty() {
            out.push(toks);
        }
    }
    Ok(out)
}

/// Entity spans of a tagged sentence: each BIO chunk from its first to its last token.
fn spans_of(tags: &[u8], pieces: &[Span]) -> Vec<(Span, NerLabel)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let k = (t as usize - 1) / 2;
        let mut j = i + 1;
        while j < tags.len() && tags[j] as usize == 2 + 2 * k {
            j += 1;
        }
        out.push((
            Span::new(pieces[i].start, pieces[j - 1].end),
            NerLabel::from_index(k),
        ));
        i = j;
    }
    out
}

/// Tokens of a sentence the way CoNLL-2003 (Reuters) tokenised them: UAX #29 words, but
/// hyphenated words and dates kept whole ("Kazakh-born", "1996-08-22"), dotted abbreviations
/// kept with their dot ("U.S."), and a possessive 's split off ("Kozlov" "'s").
pub fn conll_tokens(text: &str, sentence: Span) -> Vec<Span> {
    let toks = words(text, sentence);
    let mut out: Vec<Span> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let prev = out.last().copied();
        let adjacent = prev.is_some_and(|p| p.end == t.span.start);
        if adjacent {
            let p = prev.expect("adjacent to a token");
            let ptext = &text[p.start..p.end];
            let alnum_end = ptext.chars().next_back().is_some_and(char::is_alphanumeric);
            // "Kazakh" "-" "born" -> "Kazakh-born".
            if alnum_end && (t.text == "-" || t.text == "\u{2010}" || t.text == "\u{2011}") {
                if let Some(next) = toks.get(i + 1) {
                    if next.span.start == t.span.end
                        && next.text.starts_with(|c: char| c.is_alphanumeric())
                    {
                        out.last_mut().expect("a token").end = next.span.end;
                        i += 2;
                        continue;
                    }
                }
            }
            // "U.S" "." -> "U.S."
            if t.text == "."
                && ptext.contains('.')
                && ptext.chars().all(|c| c == '.' || c.is_alphabetic())
            {
                out.last_mut().expect("a token").end = t.span.end;
                i += 1;
                continue;
            }
        }
        // "Kozlov's" -> "Kozlov" "'s".
        let split = ["'s", "'S", "\u{2019}s", "\u{2019}S"].iter().find(|suf| {
            t.text.len() > suf.len()
                && t.text.ends_with(**suf)
                && t.text[..t.text.len() - suf.len()].ends_with(|c: char| c.is_alphanumeric())
        });
        match split {
            Some(suf) => {
                let cut = t.span.end - suf.len();
                out.push(Span::new(t.span.start, cut));
                out.push(Span::new(cut, t.span.end));
            }
            None => out.push(t.span),
        }
        i += 1;
    }
    out
}

/// [`casefile_text::tokens`] (UAX #29 words, white space dropped), its Unicode tables asked only
/// about the parts of the text that are not ASCII: their per-character lookups were most of the
/// tokeniser's time. A space followed by an ASCII character other than a space is always a word
/// boundary, and no boundary rule looks across it (a space is no letter, digit or separator
/// inside a word), so the text is cut there into pieces split one by one: ASCII ones by
/// [`ascii_tokens_into`], the others by `casefile_text::tokens`. Tests compare the two.
fn words(text: &str, within: Span) -> Vec<casefile_text::Token<'_>> {
    let Some(piece) = within.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if piece.is_ascii() {
        ascii_tokens_into(text, within, &mut out);
        return out;
    }
    let b = text.as_bytes();
    let mut start = within.start;
    let mut ascii = true;
    for i in within.start..within.end {
        let c = b[i];
        ascii &= c.is_ascii();
        let cut = c == b' ' && b.get(i + 1).is_some_and(|&n| n.is_ascii() && n != b' ');
        if cut && i + 1 < within.end || i + 1 == within.end {
            let part = Span::new(start, i + 1);
            if ascii {
                ascii_tokens_into(text, part, &mut out);
            } else {
                out.extend(casefile_text::tokens(text, part));
            }
            start = i + 1;
            ascii = true;
        }
    }
    out
}

/// Appends the tokens of an ASCII `within` (a valid span of `text`) to `out`, as
/// `casefile_text::tokens` splits it: in ASCII the UAX #29 word boundaries come down to runs of
/// letters, digits and `_`, kept whole across `.` `,` `;` `'` between digits ("1,000", "3.5") and
/// `'` `.` `:` between letters ("don't", "e.g"), and every other character on its own (white
/// space, dropped, included). The same rules as unicode-segmentation's own ASCII path.
fn ascii_tokens_into<'a>(text: &'a str, within: Span, out: &mut Vec<casefile_text::Token<'a>>) {
    let b = text.as_bytes();
    let end = within.end;
    let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let infix = |c: u8, prev: u8, next: u8| match c {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        _ => false,
    };
    let mut i = within.start;
    while i < end {
        let c = b[i];
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if core(c) {
            while i < end && (core(b[i]) || (i + 1 < end && infix(b[i], b[i - 1], b[i + 1]))) {
                i += 1;
            }
        }
        out.push(casefile_text::Token {
            span: Span::new(start, i),
            text: &text[start..i],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_names_equal_the_models_own() {
        let (start, end, names) = model_names();
        assert_eq!(Some(start), names_bloom::names_section_start(MODEL));
        let (fps, section_end) = names_bloom::read_names(MODEL).expect("a names section");
        assert_eq!(end, section_end);
        assert!(names.len() > 100_000);
        assert_eq!(names, Names::from_fingerprints(fps));
        assert_eq!(
            *Tagger::builtin(),
            Tagger::from_bytes(MODEL).expect("the model")
        );
    }

    /// `words` against the Unicode tokeniser on random text rich in the characters the boundary
    /// rules treat specially (ASCII and not: apostrophes, quotes, combining marks, joiners,
    /// flags, Hebrew, Katakana, emoji), and on random spans inside it.
    #[test]
    fn words_split_as_the_unicode_tokeniser() {
        const CHARS: &[&str] = &[
            "a",
            "Z",
            "k",
            "0",
            "9",
            "_",
            ".",
            ",",
            ";",
            "'",
            ":",
            "\"",
            "-",
            "!",
            " ",
            " ",
            " ",
            "\t",
            "\r",
            "\n",
            "\u{b}",
            "\u{c}",
            "\u{1f}",
            "/",
            "(",
            "$",
            "\u{2019}",
            "\u{201c}",
            "\u{201d}",
            "\u{301}",
            "\u{200d}",
            "\u{200b}",
            "\u{a0}",
            "\u{85}",
            "\u{2028}",
            "\u{1f1f0}",
            "\u{1f1ff}",
            "\u{5d0}",
            "\u{30ab}",
            "\u{1f600}",
            "é",
            "Ж",
            "٣",
            "\u{ff0e}",
        ];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for round in 0..100_000 {
            // Half the texts ASCII only (the first 23 entries), half with the rest.
            let pool = if round % 2 == 0 { 23 } else { CHARS.len() };
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| CHARS[(next() % pool as u64) as usize])
                .collect();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let a = bounds[(next() % bounds.len() as u64) as usize];
            let b = bounds[(next() % bounds.len() as u64) as usize].max(a);
            for span in [Span::new(0, text.len()), Span::new(a, b)] {
                assert_eq!(
                    words(&text, span),
                    casefile_text::tokens(&text, span),
                    "{text:?} {span:?}"
                );
            }
        }
    }

    /// And on real text: the seed press releases, whose quotes and apostrophes are typographic.
    #[test]
    fn words_split_the_seeds_as_the_unicode_tokeniser() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/seeds"
        ));
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        };
        let mut checked = 0;
        for e in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            for line in text.lines() {
                let (a, b) = (line.as_ptr() as usize - text.as_ptr() as usize, line.len());
                let span = Span::new(a, a + b);
                assert_eq!(words(&text, span), casefile_text::tokens(&text, span));
                checked += 1;
            }
            let whole = Span::new(0, text.len());
            assert_eq!(words(&text, whole), casefile_text::tokens(&text, whole));
        }
        assert!(checked > 0);
    }
}
