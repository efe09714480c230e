//! A small seeded generator (SplitMix64): the same seed gives the same stream on every machine and
//! every version of our dependencies, which a corpus meant for comparing runs needs.

/// SplitMix64.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// True `k` times in `n`.
    pub fn chance(&mut self, k: usize, n: usize) -> bool {
        self.below(n) < k
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Mixes a seed and a number into a new seed, so each document has its own stream and documents
/// can be written in any order.
pub(crate) fn mix(seed: u64, n: u64) -> u64 {
    Rng::new(seed ^ n.wrapping_mul(0xD1B5_4A32_D192_ED03)).next_u64()
}
