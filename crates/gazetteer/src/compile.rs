//! Builds the gazetteer's tables from its lists and lays them out as bytes. `build.rs` runs it
//! at compile time (the library then reads the bytes where they lie: no parsing, sorting or
//! lowercasing at start-up); the library's tests run it again to check those bytes against the
//! lists. It uses only `std` and [`crate::tables`].

use crate::tables::{
    fx, next_key, normal_folded_hash, normalise, slot_home, Candidate, FxHasher, NameSpan,
    PlaceKind, PlaceRecord, Slot, LONG_TITLE_START, MAGIC, NO_NEXT, ORG_HEAD, TITLE,
};
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FastMap<K, V> = HashMap<K, V, FxBuild>;
pub(crate) type FastSet<K> = HashSet<K, FxBuild>;

/// The hand-written and generated lists, as text.
pub(crate) struct Lists<'a> {
    /// `data/places.tsv`.
    pub(crate) places: &'a str,
    /// `lists/aliases.tsv`.
    pub(crate) aliases: &'a str,
    /// `lists/demonyms.tsv`.
    pub(crate) demonyms: &'a str,
    /// `lists/org_heads.txt`.
    pub(crate) org_heads: &'a str,
    /// `lists/titles.txt`.
    pub(crate) titles: &'a str,
}

/// The lowercase first word of a name ("nur" of "Nur-Sultan"), the key it is scanned by, into
/// `out` (cleared first). The scan keys a text's words the same way.
pub(crate) fn first_word_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        let b = name.as_bytes();
        let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        out.push_str(&name[..n]);
        out.make_ascii_lowercase();
        return;
    }
    out.extend(
        name.chars()
            .take_while(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}

/// A kind's code in the compiled tables (its index in [`PlaceKind::ALL`]).
pub(crate) fn kind_code(kind: PlaceKind) -> u8 {
    PlaceKind::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("listed") as u8
}

impl Candidate {
    /// The two bytes after the first word as the scan compares them (the second in any ASCII
    /// case), as one number; [`NO_NEXT`] for a name with fewer than two bytes after it.
    pub(crate) fn next_key(&self) -> u16 {
        if self.len > self.first + 1 {
            next_key(self.next[0], self.next[1])
        } else {
            NO_NEXT
        }
    }
}

/// The slots of a hash index holding `entries` (distinct hashes, each `b` above 0): open
/// addressing with linear probing, at most half full so that probes stay short, a hash's probe
/// starting at its top bits ([`slot_home`]: FxHash's low bits depend only on the key's first
/// bytes).
pub(crate) fn hash_slots(entries: &[Slot]) -> Vec<Slot> {
    let bits = (entries.len() * 2)
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    let empty = Slot {
        hash: 0,
        a: 0,
        b: 0,
    };
    let mut slots = vec![empty; 1 << bits];
    for e in entries {
        assert!(e.b != 0, "an entry's b is above 0");
        let mut i = slot_home(e.hash, bits);
        while slots[i].b != 0 {
            i = (i + 1) & (slots.len() - 1);
        }
        slots[i] = *e;
    }
    slots
}

/// A record of the compiled tables, written as the library reads it
/// ([`crate::tables::Record`]).
pub(crate) trait Put {
    /// The record as its little-endian bytes, onto `out`.
    fn put(&self, out: &mut Vec<u8>);
}

impl Put for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
}

impl Put for u16 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Put for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Put for Slot {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.hash.to_le_bytes());
        out.extend_from_slice(&self.a.to_le_bytes());
        out.extend_from_slice(&self.b.to_le_bytes());
    }
}

impl Put for Candidate {
    fn put(&self, out: &mut Vec<u8>) {
        for v in [self.idx, self.len, self.first, self.off] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.next);
        out.extend_from_slice(&self.pad);
    }
}

impl Put for NameSpan {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.off.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
    }
}

impl Put for PlaceRecord {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[self.kind, self.capital, self.country_len, self.pad]);
        for v in [
            self.country_off,
            self.population_k,
            self.name_off,
            self.name_len,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
}

/// Appends a section of `records` to `out`: their count as a little-endian `u64`, the records,
/// then zeros up to a multiple of 8 bytes (see [`MAGIC`]).
pub(crate) fn put_section<T: Put>(out: &mut Vec<u8>, records: &[T]) {
    out.extend_from_slice(&(records.len() as u64).to_le_bytes());
    for r in records {
        r.put(out);
    }
    while out.len() & 7 != 0 {
        out.push(0);
    }
}

/// Territories with an ISO 3166-1 code of their own that lie in a sovereign state: a place in
/// Hong Kong lies in China, and reports (and HRDsAttack's gold) name the state.
const SOVEREIGN: &[(&str, &str)] = &[("HK", "CN"), ("MO", "CN")];

/// The code of the state a place with ISO code `cc` lies in ("-" is none).
fn state_code(cc: &str) -> Option<&str> {
    if cc == "-" {
        return None;
    }
    Some(
        SOVEREIGN
            .iter()
            .find(|(t, _)| *t == cc)
            .map_or(cc, |(_, s)| *s),
    )
}

/// A place as built: the fields of [`crate::Place`], its strings borrowed from the lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub(crate) kind: PlaceKind,
    pub(crate) country: Option<&'a str>,
    pub(crate) name: &'a str,
    pub(crate) population_k: u32,
    pub(crate) capital: bool,
}

/// [`Row::name`] of a country's alias: the first table entry's name of that code (once the
/// alias is known, it is the place's name for every later alias too).
fn canonical<'a>(names: &mut FastMap<&'a str, &'a str>, cc: &'a str, name: &'a str) -> &'a str {
    names.entry(cc).or_insert(name)
}

/// [`normalise`] of a name, borrowed when it is normal already (nearly every name: building the
/// gazetteer copied each of its 145,000 spellings twice).
fn normalise_borrowed(s: &str) -> Cow<'_, str> {
    if crate::tables::is_plain_ascii(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalise(s))
    }
}

/// The lines of a list that carry data (no blank lines, no `#` comments).
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn kind_of(code: &str) -> Option<(PlaceKind, bool)> {
    Some(match code {
        "C" => (PlaceKind::Country, false),
        "P" => (PlaceKind::City, true),
        "T" => (PlaceKind::City, false),
        "R" => (PlaceKind::Region, false),
        "K" => (PlaceKind::Continent, false),
        _ => return None,
    })
}

/// A plural a nationality noun takes ("Kazakhs", "Kazakhstanis"); none for "British", "Swiss",
/// "Chinese", "French" and the like.
fn demonym_plural(word: &str) -> Option<String> {
    let no_plural = ["sh", "ch", "ese", "s", "x", "z"];
    if no_plural.iter().any(|e| word.ends_with(e)) {
        None
    } else {
        Some(format!("{word}s"))
    }
}

/// `cands` sorted by (hash, [`Candidate::next_key`], longest, index): a counting sort by the
/// hash's top 16 bits, then each bucket (a handful of names) by the whole key. The order is the
/// whole key's, as the buckets are in hash order; a comparison sort of the 145,000 names took
/// a tenth of start-up when the tables were built at run time.
pub(crate) fn sort_candidates(cands: Vec<(u64, Candidate)>) -> Vec<(u64, Candidate)> {
    const BITS: u32 = 16;
    let bucket = |h: u64| (h >> (64 - BITS)) as usize;
    let mut starts = vec![0usize; (1 << BITS) + 1];
    for &(h, _) in &cands {
        starts[bucket(h) + 1] += 1;
    }
    for i in 0..1 << BITS {
        starts[i + 1] += starts[i];
    }
    let mut sorted = cands.clone();
    let mut fill = starts.clone();
    for &(h, c) in &cands {
        let b = bucket(h);
        sorted[fill[b]] = (h, c);
        fill[b] += 1;
    }
    for w in starts.windows(2) {
        sorted[w[0]..w[1]]
            .sort_unstable_by_key(|&(h, c)| (h, c.next_key(), std::cmp::Reverse(c.len), c.idx));
    }
    sorted
}

/// The gazetteer's tables as built from the lists, before they are laid out as bytes.
pub(crate) struct Built<'a> {
    /// Every entry, in table order.
    pub(crate) places: Vec<Row<'a>>,
    /// Distinct names (normalised spellings and their variants).
    pub(crate) names: Vec<Cow<'a, str>>,
    /// For each name, where its places start in `place_ids` (one more entry than names).
    pub(crate) name_places: Vec<u32>,
    /// The places of each name, name after name, each name's in table order.
    pub(crate) place_ids: Vec<u32>,
    /// Hash of a folded name -> the first and last name of that hash, chained in `fold_next`.
    pub(crate) folded: FastMap<u64, (u32, u32)>,
    /// The next name in a `folded` chain (`u32::MAX`: the last).
    pub(crate) fold_next: Vec<u32>,
    /// (hash of a lowercase first word, start, end of its range of `first_cands`), by hash.
    pub(crate) first_words: Vec<Slot>,
    /// The names by first word (see `Gazetteer::by_first_word`).
    pub(crate) first_cands: Vec<Candidate>,
    /// [`Candidate::next_key`] of each of `first_cands`.
    pub(crate) cand_keys: Vec<u16>,
    /// The names of `first_cands`, in its order, end to end.
    pub(crate) cand_text: Vec<u8>,
    /// Where each name lies in `cand_text`.
    pub(crate) name_spans: Vec<NameSpan>,
    /// Head words and titles, lowercase, with their flags ([`ORG_HEAD`], [`TITLE`],
    /// [`LONG_TITLE_START`]).
    pub(crate) word_flags: FastMap<String, u8>,
    /// The most words a title has.
    pub(crate) max_title_words: usize,
}

impl<'a> Built<'a> {
    /// The tables of `lists`.
    pub(crate) fn new(lists: &Lists<'a>) -> Built<'a> {
        // (place, its names)
        let mut entries: Vec<(Row<'a>, Vec<&'a str>)> = Vec::new();
        // Country code -> the name of the first country entry with that code, kept as entries
        // are added (a linear search per alias made building quadratic).
        let mut country_names: FastMap<&'a str, &'a str> = FastMap::default();
        for line in data_lines(lists.places) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(cc), Some(pop), Some(names)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some((kind, capital)) = kind_of(kind) else {
                continue;
            };
            let names: Vec<&'a str> = names.split('|').filter(|n| !n.is_empty()).collect();
            let Some(&name) = names.first() else { continue };
            let country = state_code(cc);
            if kind == PlaceKind::Country {
                // Keyed by the place's own code, so that an alias of Macao stays Macao.
                canonical(&mut country_names, cc, name);
            }
            entries.push((
                Row {
                    kind,
                    country,
                    name,
                    population_k: pop.parse().unwrap_or(0),
                    capital,
                },
                names,
            ));
        }
        for line in data_lines(lists.aliases) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(cc), Some(name)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Some((kind, capital)) = kind_of(kind) else {
                continue;
            };
            let country = state_code(cc);
            // An alias of a country is the same place as the table's country: keep its
            // canonical name so that "Kazakstan" reads as "Kazakhstan".
            let name_of_place = if kind == PlaceKind::Country {
                canonical(&mut country_names, cc, name)
            } else {
                name
            };
            entries.push((
                Row {
                    kind,
                    country,
                    name: name_of_place,
                    population_k: 0,
                    capital,
                },
                vec![name],
            ));
        }
        for line in data_lines(lists.demonyms) {
            let Some((cc, word)) = line.split_once('\t') else {
                continue;
            };
            let place = Row {
                kind: PlaceKind::Demonym,
                country: state_code(cc),
                name: word,
                population_k: 0,
                capital: false,
            };
            entries.push((place, vec![word]));
        }

        // GeoNames lists "Kazakh" among the alternate names of two towns; a nationality word is
        // never read as a place unless it is the place's own name.
        let demonyms: FastSet<&str> = entries
            .iter()
            .filter(|(p, _)| p.kind == PlaceKind::Demonym)
            .map(|(p, _)| p.name)
            .collect();
        let mut places = Vec::with_capacity(entries.len());
        let mut names: Vec<Cow<'a, str>> = Vec::new();
        // (name, place) in the order found; grouped by name below.
        // Room for every spelling and its variants, so the tables never grow while filling.
        let spellings: usize = entries.iter().map(|(_, s)| s.len()).sum::<usize>() * 5 / 4;
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(spellings);
        // Names are told apart through the any-case index, built as they come: a name is new
        // unless its fold's chain holds it. A chain is the names of one fold in table order,
        // as each new name goes to its end; exact lookups walk it too, so no table keyed by
        // the names themselves is built.
        let mut folded: FastMap<u64, (u32, u32)> =
            FastMap::with_capacity_and_hasher(spellings, FxBuild::default());
        let mut fold_next: Vec<u32> = Vec::with_capacity(spellings);
        // `h`: the name's `normal_folded_hash`.
        let mut add_name = |n: Cow<'a, str>, h: u64, id: u32, names: &mut Vec<Cow<'a, str>>| {
            let next = names.len() as u32;
            let idx = match folded.entry(h) {
                Entry::Occupied(mut e) => {
                    let (first, last) = e.get_mut();
                    let mut i = *first;
                    while i != u32::MAX && names[i as usize] != n {
                        i = fold_next[i as usize];
                    }
                    if i == u32::MAX {
                        fold_next[*last as usize] = next;
                        *last = next;
                        names.push(n);
                        fold_next.push(u32::MAX);
                        next
                    } else {
                        i
                    }
                }
                Entry::Vacant(e) => {
                    e.insert((next, next));
                    names.push(n);
                    fold_next.push(u32::MAX);
                    next
                }
            };
            pairs.push((idx, id));
        };
        for (place, spellings) in entries {
            let id = places.len() as u32;
            for (k, s) in spellings.iter().enumerate() {
                if k > 0 && place.kind != PlaceKind::Demonym && demonyms.contains(s) {
                    continue;
                }
                let n = normalise_borrowed(s);
                let h = normal_folded_hash(&n);
                // Texts write either apostrophe; scanning compares the raw text, so both forms
                // are names. The curly form folds as the straight one does (`normalise`
                // straightens it), so it shares its hash.
                if n.contains('\'') {
                    add_name(Cow::Owned(n.replace('\'', "\u{2019}")), h, id, &mut names);
                }
                if place.kind == PlaceKind::Demonym {
                    if let Some(p) = demonym_plural(&n) {
                        let hp = normal_folded_hash(&p);
                        add_name(Cow::Owned(p), hp, id, &mut names);
                    }
                }
                add_name(n, h, id, &mut names);
            }
            places.push(place);
        }
        // Each name's places, in the order found and once each: grouped by name with a counting
        // sort (stable). A place adds all its spellings before the next place, so a repeated
        // pair follows its twin once grouped.
        let mut name_places = vec![0u32; names.len() + 1];
        for &(name, _) in &pairs {
            name_places[name as usize + 1] += 1;
        }
        for i in 0..names.len() {
            name_places[i + 1] += name_places[i];
        }
        let mut fill = name_places.clone();
        let mut grouped = vec![0u32; pairs.len()];
        for &(name, id) in &pairs {
            grouped[fill[name as usize] as usize] = id;
            fill[name as usize] += 1;
        }
        let mut place_ids = Vec::with_capacity(grouped.len());
        for i in 0..names.len() {
            let (from, to) = (name_places[i] as usize, name_places[i + 1] as usize);
            name_places[i] = place_ids.len() as u32;
            for k in from..to {
                if k == from || grouped[k] != grouped[k - 1] {
                    place_ids.push(grouped[k]);
                }
            }
        }
        name_places[names.len()] = place_ids.len() as u32;
        let mut first_cands: Vec<(u64, Candidate)> = Vec::with_capacity(names.len());
        let mut key = String::new();
        for (i, n) in names.iter().enumerate() {
            first_word_into(n, &mut key);
            let first = n
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(n.len(), |(k, _)| k);
            let b = n.as_bytes();
            let next = match (b.get(first), b.get(first + 1)) {
                (Some(&x), Some(&y)) => [x, y],
                _ => [0, 0],
            };
            let c = Candidate {
                idx: i as u32,
                len: n.len() as u32,
                first: first as u32,
                off: 0,
                next,
                pad: [0, 0],
            };
            first_cands.push((fx(key.as_bytes()), c));
        }
        // Names of one length keep table order, as they were scanned before (the key is unique,
        // so the faster unstable sort gives that order).
        let first_cands = sort_candidates(first_cands);
        let mut first_words: Vec<Slot> = Vec::new();
        for (k, &(h, _)) in first_cands.iter().enumerate() {
            match first_words.last_mut() {
                Some(last) if last.hash == h => last.b = k as u32 + 1,
                _ => first_words.push(Slot {
                    hash: h,
                    a: k as u32,
                    b: k as u32 + 1,
                }),
            }
        }
        // Each name's place in `cand_text` from the lengths, in index order; the names are then
        // copied in table order.
        let mut name_spans = vec![NameSpan { off: 0, len: 0 }; names.len()];
        let mut end = 0u32;
        let first_cands: Vec<Candidate> = first_cands
            .into_iter()
            .map(|(_, mut c)| {
                c.off = end;
                name_spans[c.idx as usize] = NameSpan {
                    off: end,
                    len: c.len,
                };
                end += c.len;
                c
            })
            .collect();
        let mut cand_text = vec![0u8; end as usize];
        for (n, span) in names.iter().zip(&name_spans) {
            cand_text[span.off as usize..(span.off + span.len) as usize]
                .copy_from_slice(n.as_bytes());
        }
        let cand_keys = first_cands.iter().map(Candidate::next_key).collect();
        let titles: FastSet<String> = data_lines(lists.titles)
            .map(|l| l.trim().to_lowercase())
            .collect();
        let mut word_flags: FastMap<String, u8> = FastMap::default();
        for head in data_lines(lists.org_heads) {
            *word_flags.entry(head.trim().to_lowercase()).or_insert(0) |= ORG_HEAD;
        }
        for t in &titles {
            *word_flags.entry(t.clone()).or_insert(0) |= TITLE;
            if let Some((first, _)) = t.split_once(' ') {
                *word_flags.entry(first.to_string()).or_insert(0) |= LONG_TITLE_START;
            }
        }
        let max_title_words = titles
            .iter()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        Built {
            places,
            names,
            name_places,
            place_ids,
            folded,
            fold_next,
            first_words,
            first_cands,
            cand_keys,
            cand_text,
            name_spans,
            word_flags,
            max_title_words,
        }
    }

    /// The `folded` index as hash slots: (hash, first name, last name + 1), by hash (so that
    /// the slots do not depend on the map's order).
    pub(crate) fn folded_entries(&self) -> Vec<Slot> {
        let mut entries: Vec<Slot> = self
            .folded
            .iter()
            .map(|(&hash, &(first, last))| Slot {
                hash,
                a: first,
                b: last + 1,
            })
            .collect();
        entries.sort_unstable_by_key(|s| s.hash);
        entries
    }

    /// The tables as bytes, in the layout [`MAGIC`] describes.
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        // Each distinct string once: a place's name, its country code.
        let mut text: Vec<u8> = Vec::new();
        let mut at: FastMap<&str, u32> = FastMap::default();
        let mut intern = |s: &'a str| -> u32 {
            *at.entry(s).or_insert_with(|| {
                let off = text.len() as u32;
                text.extend_from_slice(s.as_bytes());
                off
            })
        };
        let records: Vec<PlaceRecord> = self
            .places
            .iter()
            .map(|p| {
                let country = p.country.unwrap_or("");
                PlaceRecord {
                    kind: kind_code(p.kind),
                    capital: u8::from(p.capital),
                    country_len: u8::try_from(country.len()).expect("a short code"),
                    pad: 0,
                    country_off: intern(country),
                    population_k: p.population_k,
                    name_off: intern(p.name),
                    name_len: p.name.len() as u32,
                }
            })
            .collect();
        put_section(&mut out, &records);
        put_section(&mut out, &text);
        put_section(&mut out, &self.name_spans);
        put_section(&mut out, &self.name_places);
        put_section(&mut out, &self.place_ids);
        put_section(&mut out, &hash_slots(&self.folded_entries()));
        put_section(&mut out, &self.fold_next);
        put_section(&mut out, &hash_slots(&self.first_words));
        put_section(&mut out, &self.first_cands);
        put_section(&mut out, &self.cand_keys);
        put_section(&mut out, &self.cand_text);
        let mut words: Vec<(&String, &u8)> = self.word_flags.iter().collect();
        words.sort();
        let mut keys: Vec<u8> = Vec::new();
        let mut ends: Vec<u32> = Vec::new();
        for (w, &flags) in words {
            keys.extend_from_slice(w.as_bytes());
            ends.push((keys.len() as u32) << 8 | u32::from(flags));
        }
        put_section(&mut out, &keys);
        put_section(&mut out, &ends);
        put_section(&mut out, &[self.max_title_words as u32]);
        out
    }
}
