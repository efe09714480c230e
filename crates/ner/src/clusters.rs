//! Word classes learnt from unlabeled text with the exchange algorithm (Kneser & Ney 1993,
//! Martin et al. 1998): each word is moved to the class that most raises the likelihood of a
//! class-bigram model of the text. Like Brown clusters, the classes group words that occur in
//! similar contexts (surnames, towns, newspapers, currencies), so a name never seen with a label
//! still gets the features of its class.

use crate::features::{token_info, FxMap, Scratch};

/// A word's class: 1..=classes, 0 for a word not clustered (too rare in the text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    /// (word fingerprint, class), sorted by fingerprint: what the model file stores.
    pub(crate) pairs: Vec<(u32, u16)>,
    map: FxMap<u32, u16>,
}

#[inline]
fn xlogx(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

impl Clusters {
    pub(crate) fn from_pairs(mut pairs: Vec<(u32, u16)>) -> Clusters {
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let map = pairs.iter().copied().collect();
        Clusters { pairs, map }
    }

    /// The class of a word, by the hash of its normalised form.
    #[inline]
    pub(crate) fn class(&self, word: u64) -> u16 {
        if self.map.is_empty() {
            return 0;
        }
        self.map.get(&((word >> 32) as u32)).copied().unwrap_or(0)
    }

    /// Number of words with a class.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when no word has a class.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Learns `classes` classes of the words seen at least `min_count` times in `sentences`
    /// (tokenised unlabeled text), with `iterations` exchange passes. Deterministic.
    pub fn learn<S: AsRef<str>>(
        sentences: &[Vec<S>],
        classes: usize,
        iterations: usize,
        min_count: u32,
    ) -> Clusters {
        let c = classes.clamp(2, u16::MAX as usize - 1);
        let mut scratch = Scratch::default();
        // Word ids: 0 is the sentence boundary, 1 every rare word.
        let mut counts: FxMap<u64, u32> = FxMap::default();
        let mut hashed: Vec<Vec<u64>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let h: Vec<u64> = s
                .iter()
                .map(|w| token_info(w.as_ref(), &mut scratch).word)
                .collect();
            for &x in &h {
                *counts.entry(x).or_default() += 1;
            }
            hashed.push(h);
        }
        let mut vocab: Vec<(u64, u32)> = counts
            .iter()
            .filter(|(_, n)| **n >= min_count)
            .map(|(h, n)| (*h, *n))
            .collect();
        // Frequent words first; ties by hash, so the order never depends on the map's.
        vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let ids: FxMap<u64, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, (h, _))| (*h, i as u32 + 2))
            .collect();
        let nw = vocab.len() + 2;
        let mut corpus: Vec<u32> = vec![0];
        for s in &hashed {
            corpus.extend(s.iter().map(|h| ids.get(h).copied().unwrap_or(1)));
            corpus.push(0);
        }
        // Bigram counts as adjacency lists (right and left neighbours of each word).
        let mut big: FxMap<(u32, u32), u32> = FxMap::default();
        let mut uni = vec![0i64; nw];
        for p in corpus.windows(2) {
            *big.entry((p[0], p[1])).or_default() += 1;
        }
        for &w in &corpus {
            uni[w as usize] += 1;
        }
        let mut pairs: Vec<((u32, u32), u32)> = big.into_iter().collect();
        pairs.sort_unstable();
        let mut right: Vec<Vec<(u32, i64)>> = vec![Vec::new(); nw];
        let mut left: Vec<Vec<(u32, i64)>> = vec![Vec::new(); nw];
        let mut selfc = vec![0i64; nw];
        for ((x, y), n) in pairs {
            if x == y {
                selfc[x as usize] += n as i64;
            } else {
                right[x as usize].push((y, n as i64));
                left[y as usize].push((x, n as i64));
            }
        }
        // Initial classes by frequency rank.
        let mut class: Vec<usize> = (0..nw).map(|w| w % c).collect();
        let mut ncc = vec![0i64; c * c];
        let mut nc = vec![0i64; c];
        for p in corpus.windows(2) {
            ncc[class[p[0] as usize] * c + class[p[1] as usize]] += 1;
        }
        for w in 0..nw {
            nc[class[w]] += uni[w];
        }
        let mut rc = vec![0i64; c];
        let mut lc = vec![0i64; c];
        let mut rt: Vec<usize> = Vec::new();
        let mut lt: Vec<usize> = Vec::new();
        for _ in 0..iterations {
            for w in 0..nw {
                // Class counts of w's neighbours.
                for &(v, n) in &right[w] {
                    let k = class[v as usize];
                    if rc[k] == 0 {
                        rt.push(k);
                    }
                    rc[k] += n;
                }
                for &(v, n) in &left[w] {
                    let k = class[v as usize];
                    if lc[k] == 0 {
                        lt.push(k);
                    }
                    lc[k] += n;
                }
                let a = class[w];
                // Take w out of its class.
                for &k in &rt {
                    ncc[a * c + k] -= rc[k];
                }
                for &k in &lt {
                    ncc[k * c + a] -= lc[k];
                }
                ncc[a * c + a] -= selfc[w];
                nc[a] -= uni[w];
                let gain = |b: usize, ncc: &[i64], nc: &[i64]| -> f64 {
                    let mut g = 0.0;
                    for &k in &rt {
                        if k != b {
                            let x = ncc[b * c + k];
                            g += xlogx(x + rc[k]) - xlogx(x);
                        }
                    }
                    for &k in &lt {
                        if k != b {
                            let x = ncc[k * c + b];
                            g += xlogx(x + lc[k]) - xlogx(x);
                        }
                    }
                    let x = ncc[b * c + b];
                    g += xlogx(x + rc[b] + lc[b] + selfc[w]) - xlogx(x);
                    g - 2.0 * (xlogx(nc[b] + uni[w]) - xlogx(nc[b]))
                };
                let mut best = a;
                let mut best_gain = gain(a, &ncc, &nc);
                for b in 0..c {
                    if b != a {
                        let g = gain(b, &ncc, &nc);
                        if g > best_gain + 1e-9 {
                            best = b;
                            best_gain = g;
                        }
                    }
                }
                // Put it in the best class.
                for &k in &rt {
                    ncc[best * c + k] += rc[k];
                }
                for &k in &lt {
                    ncc[k * c + best] += lc[k];
                }
                ncc[best * c + best] += selfc[w];
                nc[best] += uni[w];
                class[w] = best;
                for &k in &rt {
                    rc[k] = 0;
                }
                for &k in &lt {
                    lc[k] = 0;
                }
                rt.clear();
                lt.clear();
            }
        }
        let pairs = vocab
            .iter()
            .enumerate()
            .map(|(i, (h, _))| ((h >> 32) as u32, class[i + 2] as u16 + 1))
            .collect();
        Clusters::from_pairs(pairs)
    }
}
