//! Token features, hashed into a fixed-size weight table.
//!
//! Every feature is a (template, value) pair hashed FxHash-style into a bucket index; nothing is
//! allocated per feature: per-token facts (normalised lowercase form, shapes, affixes, flags) are
//! hashed once into [`TokInfo`], and the templates only mix those hashes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::Tagger;

/// Number of BIO tags: O, then B-/I- for PER, ORG, LOC, MISC.
pub(crate) const NT: usize = 9;

/// Version of the feature set; a model file trained with another version is refused, because its
/// weights would sit in the wrong buckets.
pub(crate) const FEATURE_VERSION: u32 = 7;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One FxHash step.
#[inline(always)]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// FxHash of a byte string, eight bytes at a time.
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(h, tail(rest));
    }
    h
}

/// The 0–7 bytes of `rest` as a little-endian u64, zero above them: two overlapping loads, which
/// put the same bytes in the same places (copied into a zeroed buffer and read back, they were a
/// call and a stalled load for every word).
#[inline(always)]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes(rest[..4].try_into().expect("4 bytes")) as u64;
        let hi = u32::from_le_bytes(rest[n - 4..].try_into().expect("4 bytes")) as u64;
        lo | hi << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes(rest[..2].try_into().expect("2 bytes")) as u64;
        let hi = u16::from_le_bytes(rest[n - 2..].try_into().expect("2 bytes")) as u64;
        lo | hi << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| b as u64)
    }
}

/// A tiny FxHasher for the per-document maps (keys are already hashes).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, hash_bytes(bytes));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = mix(self.0, i);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

// Token flags.
const INIT_CAP: u16 = 1;
const ALL_CAPS: u16 = 1 << 1;
const HAS_DIGIT: u16 = 1 << 2;
const ALL_DIGIT: u16 = 1 << 3;
const HAS_HYPHEN: u16 = 1 << 4;
const HAS_APOS: u16 = 1 << 5;
const HAS_PERIOD: u16 = 1 << 6;
const NO_ALNUM: u16 = 1 << 7;
const MIXED_CAPS: u16 = 1 << 8;
const LOWER_START: u16 = 1 << 9;
const HAS_ALPHA: u16 = 1 << 10;
const IN_NAMES: u16 = 1 << 11;
const NFLAGS: u32 = 12;

/// What the templates need to know about one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    /// Lowercase with digits mapped to 0.
    lower: u64,
    /// The (normalised) token as written.
    pub(crate) word: u64,
    /// Shape, one class per character (at most 12).
    shape: u64,
    /// Shape with repeats collapsed ("Xx", "X.X.", "d-d").
    short: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    naff: u8,
    len: u8,
    /// Word class from unlabeled text (0: none).
    cluster: u16,
    flags: u16,
}

impl TokInfo {
    fn capitalised(&self) -> bool {
        self.flags & (INIT_CAP | ALL_CAPS) != 0 && self.flags & HAS_ALPHA != 0
    }
}

/// Maps typographic punctuation to the ASCII forms of the training data (Reuters text has
/// straight quotes and hyphens).
#[inline]
fn normalise_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

#[inline]
fn shape_class(c: char) -> u8 {
    if c.is_ascii_uppercase() {
        b'X'
    } else if c.is_ascii_lowercase() {
        b'x'
    } else if c.is_ascii_digit() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else {
        b'o'
    }
}

/// Reusable string buffers for [`token_info`].
#[derive(Default)]
pub(crate) struct Scratch {
    norm: String,
    lower: String,
}

/// Computes a token's [`TokInfo`].
pub(crate) fn token_info(word: &str, s: &mut Scratch) -> TokInfo {
    let w: &str = if word.is_ascii() {
        word
    } else {
        s.norm.clear();
        s.norm.extend(word.chars().map(normalise_char));
        &s.norm
    };
    s.lower.clear();
    let mut flags = 0u16;
    let (mut upper, mut lower, mut digit, mut alpha, mut other) = (0, 0, 0, 0, 0);
    let mut shape = 0u64;
    let mut short = 0u64;
    let mut last_class = 0u8;
    let mut n = 0usize;
    for (i, c) in w.chars().enumerate() {
        n += 1;
        let cls = shape_class(c);
        if i < 12 {
            shape = mix(shape, cls as u64);
        }
        if cls != last_class {
            short = mix(short, cls as u64);
            last_class = cls;
        }
        if c.is_uppercase() {
            upper += 1;
            alpha += 1;
            if i == 0 {
                flags |= INIT_CAP;
            } else if lower > 0 {
                flags |= MIXED_CAPS;
            }
        } else if c.is_alphabetic() {
            lower += 1;
            alpha += 1;
            if i == 0 {
                flags |= LOWER_START;
            }
        } else if c.is_numeric() {
            digit += 1;
        } else {
            other += 1;
            match c {
                '-' => flags |= HAS_HYPHEN,
                '\'' => flags |= HAS_APOS,
                '.' => flags |= HAS_PERIOD,
                _ => {}
            }
        }
        if c.is_ascii_digit() {
            s.lower.push('0');
        } else if c.is_ascii() {
            s.lower.push(c.to_ascii_lowercase());
        } else {
            s.lower.extend(c.to_lowercase());
        }
    }
    if upper > 0 && lower == 0 {
        flags |= ALL_CAPS;
    }
    if digit > 0 {
        flags |= HAS_DIGIT;
        if alpha == 0 && other == 0 {
            flags |= ALL_DIGIT;
        }
    }
    if alpha > 0 {
        flags |= HAS_ALPHA;
    }
    if alpha == 0 && digit == 0 {
        flags |= NO_ALNUM;
    }
    let lw = s.lower.as_bytes();
    let mut info = TokInfo {
        lower: hash_bytes(lw),
        word: hash_bytes(w.as_bytes()),
        shape: mix(shape, n.min(12) as u64),
        short,
        len: n.min(255) as u8,
        flags,
        ..TokInfo::default()
    };
    // Affixes of the lowercase form, on char boundaries.
    let naff = n.min(4);
    info.naff = naff as u8;
    if naff > 0 {
        let mut ends = s.lower.char_indices().map(|(i, _)| i).skip(1);
        for k in 0..naff {
            let end = ends.next().unwrap_or(lw.len());
            info.pre[k] = hash_bytes(&lw[..end]);
        }
        let mut starts = s.lower.char_indices().rev().map(|(i, _)| i);
        for k in 0..naff {
            let start = starts.next().unwrap_or(0);
            info.suf[k] = hash_bytes(&lw[start..]);
        }
    }
    info
}

/// [`token_info`] with what the lexicon says of the word: in the name list, its word class.
fn full_token_info(w: &str, lex: &Lexicon, s: &mut Scratch) -> TokInfo {
    let mut info = token_info(w, s);
    if info.flags & HAS_ALPHA != 0 && lex.names.contains(info.lower) {
        info.flags |= IN_NAMES;
    }
    info.cluster = lex.clusters.class(info.word);
    info
}

// Per-word document statistics.
const SEEN_LOWER: u8 = 1;
const SEEN_CAP_MID: u8 = 2;

/// Per-document state: what the document says about each word (case statistics, computed over the
/// whole document before tagging) and what the tagger said about it in earlier sentences (the
/// "extended prediction history").
#[derive(Default)]
pub(crate) struct DocContext {
    stats: FxMap<u64, u8>,
    hist: FxMap<u64, [u16; 5]>,
    /// Context aggregation: the neighbours of every occurrence of a capitalised word in the
    /// document ("beat Rotor", "Rotor Volgograd"), as a range of `agg_ctx`.
    agg: FxMap<u64, (u32, u32)>,
    agg_ctx: Vec<u64>,
    agg_pairs: Vec<(u64, u64)>,
    agg_ready: bool,
}

/// At most this many distinct neighbours of a word are aggregated.
const AGG_MAX: usize = 20;

/// Per-document work buffers: token infos of all sentences, and the features of the current one.
#[derive(Default)]
pub(crate) struct DocWork {
    /// Of a memoised token (its [`OWN`] bit set in `summed`), only what templates outside
    /// [`OWN`] read: lowercase, collapsed shape, flags, word class.
    pub(crate) infos: Vec<TokInfo>,
    /// Token range of each sentence in `infos`.
    pub(crate) sents: Vec<(usize, usize)>,
    caps: Vec<bool>,
    pub(crate) ctx: DocContext,
    scratch: Scratch,
    /// Bucket indices of the current sentence's features, token after token.
    pub(crate) feats: Vec<u32>,
    /// `feats[offs[i]..offs[i + 1]]` are token i's features.
    pub(crate) offs: Vec<u32>,
    /// Per token of the document: the summed weight rows of the single-token templates that
    /// [`TokMemo`] held for it and its neighbours (zero without the memo). Its features then
    /// leave those templates out; the emission scores start from this.
    pub(crate) base: Vec<[i32; NT]>,
    /// Per token of the document: which groups ([`OWN`], [`PREV1`], …) `base` holds.
    summed: Vec<u8>,
    /// The current sentence's words' hashes, while [`DocWork::push_sentence`] reads it.
    hashes: Vec<u64>,
    /// Index in `base` of the current sentence's first token (set by [`DocWork::features`]).
    pub(crate) base_at: usize,
    /// The built-in model's token infos by word, kept from document to document.
    memo: TokMemo,
}

/// The summed weight rows of one word's single-token templates, one sum per group: the word as
/// the current token ([`own_feats`]) and as each neighbour ([`neighbour_feats`]). Integer sums,
/// so adding a group's sum scores exactly as adding its rows one by one.
pub(crate) type RowSums = [[i32; NT]; 5];

/// Groups of single-token templates, as bits of [`DocWork::summed`] and indices of [`RowSums`]
/// (`1 << g`): the token itself, then as the token one before, two before, one after and two
/// after the current one.
const OWN: usize = 0;
const PREV1: usize = 1;
const PREV2: usize = 2;
const NEXT1: usize = 3;
const NEXT2: usize = 4;
/// Offset from the current token of each neighbour group's token.
const OFFSETS: [(usize, isize); 4] = [(PREV1, -1), (PREV2, -2), (NEXT1, 1), (NEXT2, 2)];

/// log2 of the slots of [`TokMemo`]: 16,384 slots of 256 bytes (4 MiB a thread, within L3).
/// With the row sums a miss costs ≈ 30 weight rows, so a memo that keeps more of the vocabulary
/// pays: on the HRDsAttack train articles, 8,192 slots took the NER ≈ 5% longer, 2,048 slots
/// lost the sums' gain; 32,768 slots gained ≈ 2% more, for twice the memory and cache.
const MEMO_BITS: u32 = 14;
/// Longer words are not memoised (they are rare, and the slot holds the word itself).
const MEMO_WORD: usize = 32;

/// One memoised word, the part of its [`TokInfo`] (name-list flag and word class included) that
/// templates outside [`OWN`] read, and the built-in model's [`RowSums`] for it: 256 bytes, four
/// cache lines, the word and its info in the first.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct MemoSlot {
    /// The word's length in bytes; 0 is an empty slot.
    len: u8,
    word: [u8; MEMO_WORD],
    lower: u64,
    short: u64,
    flags: u16,
    cluster: u16,
    sums: RowSums,
}

impl MemoSlot {
    /// True when the slot holds `word`.
    #[inline]
    fn holds(&self, word: &[u8]) -> bool {
        self.len as usize == word.len() && self.word[..word.len()] == *word
    }
}

impl TokMemo {
    /// The first of the two slots (ways) a word of hash `h` may take.
    #[inline]
    fn set(h: u64) -> usize {
        ((h >> (64 - MEMO_BITS + 1)) as usize) << 1
    }
}

/// A memo of token infos by the word's hash, two-way set-associative (the word used last first;
/// direct-mapped, a third more words missed). A token's info is a pure function of the word and
/// the lexicon, and a document's words repeat ("the", "said", its names): the memo spares
/// [`token_info`] and the name-list and word-class lookups, which are cache misses in tables of
/// several MiB, and with its [`RowSums`] about 30 reads of weight rows per token, most of them
/// cache misses in an 18 MiB table. It holds the built-in model's infos only (its lexicon and
/// weights live as long as the program, so entries never go stale); a slot answers only for the
/// very word it holds.
#[derive(Default)]
struct TokMemo {
    slots: Vec<MemoSlot>,
}

impl DocWork {
    /// Starts a new document.
    pub(crate) fn clear(&mut self) {
        self.infos.clear();
        self.sents.clear();
        self.caps.clear();
        self.base.clear();
        self.summed.clear();
        self.ctx.stats.clear();
        self.ctx.hist.clear();
        self.ctx.agg.clear();
        self.ctx.agg_ctx.clear();
        self.ctx.agg_ready = false;
    }

    /// Collects the neighbours of each capitalised word over the whole document.
    fn aggregate(&mut self) {
        let ctx = &mut self.ctx;
        ctx.agg_pairs.clear();
        for &(a, b) in &self.sents {
            let toks = &self.infos[a..b];
            for (i, t) in toks.iter().enumerate() {
                if !t.capitalised() {
                    continue;
                }
                if i > 0 {
                    ctx.agg_pairs.push((t.lower, mix(1, toks[i - 1].lower)));
                }
                if i + 1 < toks.len() {
                    ctx.agg_pairs.push((t.lower, mix(2, toks[i + 1].lower)));
                }
                if i > 1 {
                    ctx.agg_pairs.push((t.lower, mix(3, toks[i - 2].lower)));
                }
                if i + 2 < toks.len() {
                    ctx.agg_pairs.push((t.lower, mix(4, toks[i + 2].lower)));
                }
            }
        }
        ctx.agg_pairs.sort_unstable();
        ctx.agg_pairs.dedup();
        let mut i = 0;
        while i < ctx.agg_pairs.len() {
            let key = ctx.agg_pairs[i].0;
            let mut j = i;
            while j < ctx.agg_pairs.len() && ctx.agg_pairs[j].0 == key {
                j += 1;
            }
            let start = ctx.agg_ctx.len() as u32;
            ctx.agg_ctx
                .extend(ctx.agg_pairs[i..j].iter().take(AGG_MAX).map(|p| p.1));
            ctx.agg
                .insert(key, (start, ctx.agg_ctx.len() as u32 - start));
            i = j;
        }
        ctx.agg_ready = true;
    }

    /// Adds a sentence of the current document. `memo`: the built-in model, whose lexicon `lex`
    /// is and whose token infos and row sums [`TokMemo`] keeps.
    pub(crate) fn push_sentence<'a, I>(&mut self, words: I, lex: &Lexicon, memo: Option<&Tagger>)
    where
        I: IntoIterator<Item = &'a str>,
        I::IntoIter: Clone,
    {
        let start = self.infos.len();
        if memo.is_some() && self.memo.slots.is_empty() {
            self.memo.slots = vec![MemoSlot::default(); 1 << MEMO_BITS];
        }
        let n0 = self.infos.len();
        let words = words.into_iter();
        if let Some(model) = memo {
            // Every word's slot first, prefetched: read in turn, each slot was a cache miss (the
            // memo is MiBs, and the rest of the pipeline evicts it between documents).
            self.hashes.clear();
            for w in words.clone() {
                let h = hash_bytes(w.as_bytes());
                let set = TokMemo::set(h);
                let ways = &self.memo.slots[set..set + 2];
                // The key lines of both ways, and the rest of the first (where hits mostly are).
                let p = (ways.as_ptr()).cast::<u8>();
                for line in [0, 64, 128, 192, 256] {
                    prefetch(p.wrapping_add(line));
                }
                self.hashes.push(h);
            }
            // Each token's base: its own row sums and its neighbours' sums as neighbours, added
            // from the slot as each word is read (a later word of the sentence may take the
            // slot). Entries past the sentence's end are dropped after it.
            for (i, w) in words.enumerate() {
                let b = w.as_bytes();
                self.base.resize(n0 + i + 3, [0; NT]);
                self.summed.resize(n0 + i + 3, 0);
                if b.is_empty() || b.len() > MEMO_WORD {
                    self.infos.push(full_token_info(w, lex, &mut self.scratch));
                    continue;
                }
                let set = TokMemo::set(self.hashes[i]);
                let slots = &mut self.memo.slots;
                if !slots[set].holds(b) {
                    if slots[set + 1].holds(b) {
                        // The most recently used word first: a miss evicts the other.
                        slots.swap(set, set + 1);
                    } else {
                        slots[set + 1] = slots[set];
                        let slot = &mut slots[set];
                        slot.len = b.len() as u8;
                        slot.word[..b.len()].copy_from_slice(b);
                        let info = full_token_info(w, lex, &mut self.scratch);
                        (slot.lower, slot.short) = (info.lower, info.short);
                        (slot.flags, slot.cluster) = (info.flags, info.cluster);
                        slot.sums = row_sums(&info, &model.weights, model.bits);
                    }
                }
                let slot = &slots[set];
                // The rest of the info is read by the OWN templates only, whose sum `base` holds.
                self.infos.push(TokInfo {
                    lower: slot.lower,
                    short: slot.short,
                    flags: slot.flags,
                    cluster: slot.cluster,
                    ..TokInfo::default()
                });
                for (g, d) in [(OWN, 0), (PREV1, 1), (PREV2, 2), (NEXT1, -1), (NEXT2, -2)] {
                    // The token this group's sum counts for (`i` is its neighbour `-d`).
                    let Some(q) = i.checked_add_signed(d) else {
                        continue;
                    };
                    let base = &mut self.base[n0 + q];
                    for (x, y) in base.iter_mut().zip(&slot.sums[g]) {
                        *x += *y;
                    }
                    self.summed[n0 + q] |= 1 << g;
                }
            }
        } else {
            for w in words {
                self.infos.push(full_token_info(w, lex, &mut self.scratch));
            }
            self.base.resize(self.infos.len(), [0; NT]);
            self.summed.resize(self.infos.len(), 0);
        }
        self.base.truncate(self.infos.len());
        self.summed.truncate(self.infos.len());
        let end = self.infos.len();
        let toks = &self.infos[start..end];
        // A headline: letters, none of them lowercase (CoNLL's "SOCCER - JAPAN GET LUCKY WIN").
        let caps = toks.iter().any(|t| t.flags & HAS_ALPHA != 0)
            && toks
                .iter()
                .all(|t| t.flags & HAS_ALPHA == 0 || t.flags & ALL_CAPS != 0);
        self.sents.push((start, end));
        self.caps.push(caps);
        for (i, t) in toks.iter().enumerate() {
            if t.flags & LOWER_START != 0 {
                *self.ctx.stats.entry(t.lower).or_default() |= SEEN_LOWER;
            } else if i > 0 && !caps && t.flags & INIT_CAP != 0 && t.flags & ALL_CAPS == 0 {
                *self.ctx.stats.entry(t.lower).or_default() |= SEEN_CAP_MID;
            }
        }
    }

    /// Remembers the tags given to sentence `s` for the prediction-history features.
    pub(crate) fn record(&mut self, s: usize, tags: &[u8]) {
        let (a, b) = self.sents[s];
        for (t, &tag) in self.infos[a..b].iter().zip(tags) {
            if t.capitalised() {
                let class = (tag as usize).div_ceil(2);
                self.ctx.hist.entry(t.lower).or_default()[class] += 1;
            }
        }
    }
}

impl DocContext {
    /// The tag class (1 + PER/ORG/LOC/MISC, or 1 for O) most often given to this capitalised word
    /// earlier in the document; 0 when it was not seen.
    fn hist_class(&self, t: &TokInfo) -> u64 {
        if !t.capitalised() {
            return 0;
        }
        match self.hist.get(&t.lower) {
            None => 0,
            Some(c) => {
                let mut best = 0;
                for k in 1..5 {
                    if c[k] > c[best] {
                        best = k;
                    }
                }
                1 + best as u64
            }
        }
    }
}

impl DocWork {
    /// Fills `feats`/`offs` with the features of sentence `s`, as buckets of a `2^bits` table.
    pub(crate) fn features(&mut self, s: usize, bits: u32) {
        if !self.ctx.agg_ready {
            self.aggregate();
        }
        let (a, b) = self.sents[s];
        let caps = self.caps[s];
        self.feats.clear();
        self.offs.clear();
        let n = b - a;
        let infos = &self.infos[a..b];
        let ctx = &self.ctx;
        const BOS: u64 = 0x1234_5678_9abc_def1;
        const EOS: u64 = 0x0fed_cba9_8765_4321;
        let lw = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else if j as usize >= n {
                EOS
            } else {
                infos[j as usize].lower
            }
        };
        let sh = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else if j as usize >= n {
                EOS
            } else {
                infos[j as usize].short
            }
        };
        let cl = |j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                0xffff
            } else {
                infos[j as usize].cluster as u64
            }
        };
        let shift = 64 - bits;
        self.base_at = a;
        // Sentence-initial: no word before (an opening quote or dash may be).
        let first_word = infos
            .iter()
            .position(|t| t.flags & NO_ALNUM == 0)
            .unwrap_or(0);
        // Runs of capitalised tokens ("Kansai Electric Power"): each token sees the run's first
        // and last word and its place in it, which tells organisations from people and places.
        let mut run_start = 0;
        let mut run_end = 0;
        for i in 0..n {
            if i >= run_end {
                run_start = i;
                run_end = i + 1;
                if !caps && infos[i].capitalised() {
                    while run_end < n && infos[run_end].capitalised() {
                        run_end += 1;
                    }
                }
            }
            self.offs.push(self.feats.len() as u32);
            let t = &infos[i];
            let ii = i as isize;
            let feats = &mut self.feats;
            let mut push = |tmpl: u64, v: u64| feats.push(bucket(tmpl, v, shift));
            // The single-token templates whose rows `base` does not already hold.
            let summed = self.summed[a + i];
            if summed & 1 << OWN == 0 {
                own_feats(t, &mut push);
            }
            for (g, d) in OFFSETS {
                if summed & 1 << g == 0 {
                    let j = ii + d;
                    neighbour_feats(g, lw(j), sh(j), cl(j), &mut push);
                }
            }
            push(13, mix(sh(ii - 1), t.short));
            push(14, mix(t.short, sh(ii + 1)));
            push(15, mix(mix(sh(ii - 1), t.short), sh(ii + 1)));
            push(16, mix(lw(ii - 1), t.lower));
            push(17, mix(t.lower, lw(ii + 1)));
            push(18, mix(lw(ii - 1), t.short));
            push(19, mix(t.short, lw(ii + 1)));
            let initial = i <= first_word;
            push(41, mix(initial as u64, t.short));
            push(42, mix(caps as u64, t.short));
            if caps {
                push(43, t.lower);
            }
            if t.capitalised() {
                let st = ctx.stats.get(&t.lower).copied().unwrap_or(0) as u64;
                push(44, st | (initial as u64) << 2 | (caps as u64) << 3);
                push(45, mix(st, t.lower));
            }
            let hist = ctx.hist_class(t);
            push(46, hist);
            push(47, mix(hist, t.short));
            // Neighbours' history: "Bill" after "Clinton" was seen as a person.
            let hp = if i > 0 {
                ctx.hist_class(&infos[i - 1])
            } else {
                0
            };
            let hn = if i + 1 < n {
                ctx.hist_class(&infos[i + 1])
            } else {
                0
            };
            push(48, mix(hp, hist));
            push(49, mix(hist, hn));
            let name = |j: isize| -> u64 {
                if j < 0 || j as usize >= n {
                    2
                } else {
                    (infos[j as usize].flags & IN_NAMES != 0) as u64
                }
            };
            push(51, mix(mix(name(ii - 1), name(ii)), name(ii + 1)));
            if USE_CLUSTERS {
                let c0 = cl(ii);
                push(55, mix(cl(ii - 1), c0));
                push(56, mix(c0, cl(ii + 1)));
            }
            if !caps && t.capitalised() {
                let len = (run_end - run_start).min(5) as u64;
                let pos = if i == run_start {
                    0
                } else if i + 1 == run_end {
                    2
                } else {
                    1
                };
                push(61, len << 2 | pos);
                push(62, infos[run_end - 1].lower);
                push(63, infos[run_start].lower);
            }
            if t.capitalised() {
                if let Some(&(start, len)) = ctx.agg.get(&t.lower) {
                    for &c in &ctx.agg_ctx[start as usize..(start + len) as usize] {
                        push(60, c);
                    }
                }
            }
        }
        self.offs.push(self.feats.len() as u32);
    }
}

const USE_CLUSTERS: bool = true;

/// The bucket of feature (`tmpl`, `v`) in a table of `2^(64 - shift)` buckets.
#[inline(always)]
fn bucket(tmpl: u64, v: u64, shift: u32) -> u32 {
    let h = mix(
        mix(tmpl.wrapping_mul(0x9e37_79b9_7f4a_7c15), v),
        0x2545_f491,
    );
    let h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (h >> shift) as u32
}

/// The templates that read the current token and nothing else (group [`OWN`]).
#[inline(always)]
fn own_feats(t: &TokInfo, push: &mut impl FnMut(u64, u64)) {
    push(0, 0);
    push(1, t.lower);
    push(2, t.word);
    push(7, t.short);
    push(8, t.shape);
    for k in 0..t.naff as usize {
        push(20 + k as u64, t.pre[k]);
        push(24 + k as u64, t.suf[k]);
    }
    for f in 0..NFLAGS {
        if t.flags & (1 << f) != 0 {
            push(28 + f as u64, 1);
        }
    }
    let len_bucket = match t.len {
        0..=4 => t.len as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    };
    push(40, len_bucket);
    push(50, mix((t.flags & IN_NAMES != 0) as u64, t.short));
    if USE_CLUSTERS {
        push(52, t.cluster as u64);
        push(57, mix(t.cluster as u64, t.short));
    }
}

/// The templates that read one neighbour of the current token and nothing else, for neighbour
/// group `g` ([`PREV1`], …): its lowercase form, collapsed shape and (next to it) word class, or
/// the sentence boundary's values.
#[inline(always)]
fn neighbour_feats(
    g: usize,
    lower: u64,
    short: u64,
    cluster: u64,
    push: &mut impl FnMut(u64, u64),
) {
    let (lw, sh, cl) = match g {
        PREV1 => (3, 9, Some(53)),
        PREV2 => (5, 11, None),
        NEXT1 => (4, 10, Some(54)),
        _ => (6, 12, None),
    };
    push(lw, lower);
    push(sh, short);
    if let (true, Some(cl)) = (USE_CLUSTERS, cl) {
        push(cl, cluster);
    }
}

/// A word's [`RowSums`] in `weights` (`2^bits` buckets × [`NT`]).
fn row_sums(t: &TokInfo, weights: &[i16], bits: u32) -> RowSums {
    // All buckets first and their rows prefetched, then the sums: the rows are cache misses in
    // a table of MiBs, and asked for together they arrive together.
    let shift = 64 - bits;
    let mut rows = [(0usize, 0u32); 48];
    let mut n = 0;
    for g in [OWN, PREV1, PREV2, NEXT1, NEXT2] {
        let mut add = |tmpl: u64, v: u64| {
            let b = bucket(tmpl, v, shift) as usize * NT;
            if let Some(row) = weights.get(b..b + NT) {
                prefetch(row.as_ptr().cast());
                prefetch(row[NT - 1..].as_ptr().cast());
            }
            rows[n] = (g, b as u32);
            n += 1;
        };
        if g == OWN {
            own_feats(t, &mut add);
        } else {
            neighbour_feats(g, t.lower, t.short, t.cluster as u64, &mut add);
        }
    }
    let mut sums = [[0i32; NT]; 5];
    for &(g, b) in &rows[..n] {
        let b = b as usize;
        for (s, w) in sums[g].iter_mut().zip(&weights[b..b + NT]) {
            *s += *w as i32;
        }
    }
    sums
}

/// Asks the CPU to load the cache line at `p` (a hint, which never faults).
#[inline(always)]
pub(crate) fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Word lists and classes the features consult: person-name parts and word classes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lexicon {
    pub(crate) names: Names,
    pub(crate) clusters: crate::clusters::Clusters,
}

/// A set of person-name parts ("tokaev", "kozlova", "maria", "токаев"), kept as 32-bit
/// fingerprints of their lowercase hash, looked up through a Bloom filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Sorted, distinct: what the model file stores.
    pub(crate) fps: Vec<u32>,
    bloom: Vec<u64>,
}

impl Names {
    /// A set from fingerprints (any order, duplicates allowed).
    pub(crate) fn from_fingerprints(mut fps: Vec<u32>) -> Names {
        fps.sort_unstable();
        fps.dedup();
        let bloom = crate::names_bloom::bloom(&fps);
        Names { fps, bloom }
    }

    /// The set of `fps` (sorted, distinct) whose filter `build.rs` built:
    /// `names_bloom::bloom(&fps)`.
    pub(crate) fn from_parts(fps: Vec<u32>, bloom: Vec<u64>) -> Names {
        Names { fps, bloom }
    }

    /// Name parts from the lines of a rigour-style list ("a, b, c => Q123"): every spelling that
    /// is one token.
    pub fn from_list(text: &str) -> Names {
        let mut scratch = Scratch::default();
        let mut fps = Vec::new();
        for line in text.lines() {
            let names = line.split("=>").next().unwrap_or("");
            for part in names.split(',') {
                let part = part.trim();
                if part.is_empty() || part.contains(char::is_whitespace) {
                    continue;
                }
                fps.push((token_info(part, &mut scratch).lower >> 32) as u32);
            }
        }
        Names::from_fingerprints(fps)
    }

    /// Number of distinct name parts.
    pub fn len(&self) -> usize {
        self.fps.len()
    }

    /// True when there is no name.
    pub fn is_empty(&self) -> bool {
        self.fps.is_empty()
    }

    #[inline]
    fn contains(&self, lower: u64) -> bool {
        if self.bloom.is_empty() {
            return false;
        }
        crate::names_bloom::probes((lower >> 32) as u32)
            .iter()
            .all(|&p| self.bloom[p >> 6] & (1 << (p & 63)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tail` reads what a zeroed buffer with the bytes copied in reads, for every length.
    #[test]
    fn tail_is_the_zero_padded_bytes() {
        let bytes: Vec<u8> = (0..64u32)
            .map(|i| (i * 37 + 11) as u8 | (0x80 * (i as u8 & 1)))
            .collect();
        for start in 0..16 {
            for n in 0..8 {
                let rest = &bytes[start..start + n];
                let mut last = [0u8; 8];
                last[..n].copy_from_slice(rest);
                assert_eq!(tail(rest), u64::from_le_bytes(last), "{rest:?}");
            }
        }
    }
}
