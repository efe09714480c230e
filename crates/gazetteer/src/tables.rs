//! What the gazetteer's build script and the library share: the hash, the name keys, the
//! records of the compiled tables and how they are read. The library includes it as a module,
//! `build.rs` through `#[path]`; it uses only `std`, as a build script has no other crate.

use std::hash::Hasher;

/// FxHash (rustc's hasher): the tables hold only our own compiled names, so SipHash's defence
/// against crafted keys buys nothing, and hashing is a visible share of building and scanning.
/// The build script hashes the names and the library its texts: both must hash alike, which
/// holds on any machine (64-bit arithmetic on little-endian words).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// FxHash of `bytes`: the key of the hash-keyed indexes.
pub(crate) fn fx(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// Straight apostrophes for curly ones and single spaces, the form every name is keyed by.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            c => c,
        });
    }
    out
}

/// True when [`normalise`] returns `s` itself and `s` is ASCII.
pub(crate) fn is_plain_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    b.is_ascii()
        && b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && !b.iter().any(|&c| (9..=13).contains(&c))
        && !b.windows(2).any(|w| w == b"  ")
}

/// A name's any-case key: [`normalise`]d, lowercase. A plain-ASCII name (nearly every one the
/// scan finds in another case) is its own normal form and lowercased in one copy.
pub(crate) fn fold(s: &str) -> String {
    if is_plain_ascii(s) {
        s.to_ascii_lowercase()
    } else {
        normalise(s).to_lowercase()
    }
}

/// [`fx`] of [`fold`]`(s)` for a string [`normalise`] leaves as it is (a name, a normalised
/// query): its fold is its lowercase, without the check for plain ASCII or a normalised copy.
pub(crate) fn normal_folded_hash(s: &str) -> u64 {
    if s.len() <= 64 && s.is_ascii() {
        let mut buf = [0u8; 64];
        let key = &mut buf[..s.len()];
        key.copy_from_slice(s.as_bytes());
        key.make_ascii_lowercase();
        fx(key)
    } else {
        fx(s.to_lowercase().as_bytes())
    }
}

/// What kind of name a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign country or territory with an ISO 3166-1 code.
    Country,
    /// A city or town (capitals included; see [`crate::Place::capital`]).
    City,
    /// A first-level administrative region (oblast, province, US state).
    Region,
    /// A continent or a supranational region ("Central Asia"); no single country.
    Continent,
    /// A nationality adjective or noun ("Kazakhstani", "Kazakhs"): it refers to a country but is
    /// not a place mention.
    Demonym,
}

impl PlaceKind {
    /// Every kind, in the order of their codes in the compiled tables.
    pub(crate) const ALL: [PlaceKind; 5] = [
        PlaceKind::Country,
        PlaceKind::City,
        PlaceKind::Region,
        PlaceKind::Continent,
        PlaceKind::Demonym,
    ];
}

/// A word flag of the small word lists: the word heads an organisation's name.
pub(crate) const ORG_HEAD: u8 = 1;
/// A word flag: the words are a title.
pub(crate) const TITLE: u8 = 2;
/// A word flag: the word starts a title of two or more words.
pub(crate) const LONG_TITLE_START: u8 = 4;

/// A record of the compiled tables: plain integers, the same bytes (little-endian) in the
/// build script's output and in memory, so the library reads the tables where they lie.
///
/// # Safety
///
/// Implementors are `#[repr(C)]` (or primitive) integers without padding, for which every bit
/// pattern is a valid value.
pub(crate) unsafe trait Record: Copy {
    /// The record from its little-endian bytes (`size_of::<Self>()` of them).
    fn get(b: &[u8]) -> Self;
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

// SAFETY: primitive integers.
unsafe impl Record for u8 {
    fn get(b: &[u8]) -> u8 {
        b[0]
    }
}

// SAFETY: primitive integers.
unsafe impl Record for u16 {
    fn get(b: &[u8]) -> u16 {
        u16::from_le_bytes([b[0], b[1]])
    }
}

// SAFETY: primitive integers.
unsafe impl Record for u32 {
    fn get(b: &[u8]) -> u32 {
        u32_at(b, 0)
    }
}

/// A slot of a hash index ([`HashIndex`]): a key's hash and its two numbers; `b == 0` marks an
/// empty slot (every entry's `b` is above 0).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) hash: u64,
    pub(crate) a: u32,
    pub(crate) b: u32,
}

// SAFETY: `repr(C)`, 8 + 4 + 4 bytes, no padding.
unsafe impl Record for Slot {
    fn get(b: &[u8]) -> Slot {
        Slot {
            hash: u64::from_le_bytes(b[..8].try_into().expect("8 bytes")),
            a: u32_at(b, 8),
            b: u32_at(b, 12),
        }
    }
}

/// The slot a hash's probe starts at in a hash index of 2^`bits` slots.
pub(crate) fn slot_home(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

/// A name in the first-word index, with what the scan checks before reading the name itself
/// (names are scattered on the heap: loading each of the thousand names after "al" was the
/// scan's main cost).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) idx: u32,
    /// The name's length in bytes.
    pub(crate) len: u32,
    /// The length in bytes of its first word.
    pub(crate) first: u32,
    /// Where its bytes start in the candidates' text.
    pub(crate) off: u32,
    /// Its two bytes after the first word (when it has them).
    pub(crate) next: [u8; 2],
    /// Always zero: spells out the record's padding, so that it has no undefined bytes.
    pub(crate) pad: [u8; 2],
}

// SAFETY: `repr(C)`, 4 × 4 + 2 + 2 bytes, no implicit padding.
unsafe impl Record for Candidate {
    fn get(b: &[u8]) -> Candidate {
        Candidate {
            idx: u32_at(b, 0),
            len: u32_at(b, 4),
            first: u32_at(b, 8),
            off: u32_at(b, 12),
            next: [b[16], b[17]],
            pad: [b[18], b[19]],
        }
    }
}

/// [`Candidate::next_key`] of a name with fewer than two bytes after its first word: above every
/// other key (a first byte of 0xFF is not UTF-8), so such names come last in a range.
pub(crate) const NO_NEXT: u16 = u16::MAX;

/// The key of the two bytes after a first word, the second in any ASCII case.
pub(crate) fn next_key(a: u8, b: u8) -> u16 {
    u16::from(a) << 8 | u16::from(b.to_ascii_lowercase())
}

/// Where a name's bytes lie in the candidates' text.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameSpan {
    pub(crate) off: u32,
    pub(crate) len: u32,
}

// SAFETY: `repr(C)`, 4 + 4 bytes, no padding.
unsafe impl Record for NameSpan {
    fn get(b: &[u8]) -> NameSpan {
        NameSpan {
            off: u32_at(b, 0),
            len: u32_at(b, 4),
        }
    }
}

/// A place as the compiled tables store it: its strings are spans of the places' text.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlaceRecord {
    /// [`PlaceKind::code`].
    pub(crate) kind: u8,
    /// 1 for a capital.
    pub(crate) capital: u8,
    /// The country code's length (0: no country).
    pub(crate) country_len: u8,
    /// Always zero (the record's padding, spelt out).
    pub(crate) pad: u8,
    pub(crate) country_off: u32,
    pub(crate) population_k: u32,
    pub(crate) name_off: u32,
    pub(crate) name_len: u32,
}

// SAFETY: `repr(C)`, 4 × 1 + 4 × 4 bytes, no implicit padding.
unsafe impl Record for PlaceRecord {
    fn get(b: &[u8]) -> PlaceRecord {
        PlaceRecord {
            kind: b[0],
            capital: b[1],
            country_len: b[2],
            pad: b[3],
            country_off: u32_at(b, 4),
            population_k: u32_at(b, 8),
            name_off: u32_at(b, 12),
            name_len: u32_at(b, 16),
        }
    }
}

/// The first bytes of the compiled tables; the number after "CFGAZ" is the layout's version.
/// Sections follow, in the order `compile::Built::encode` writes them: each a little-endian
/// `u64` count of records, the records, then zeros up to a multiple of 8 bytes, so that every
/// section starts 8-aligned.
pub(crate) const MAGIC: &[u8; 8] = b"CFGAZ\x01\0\0";
