//! The Bloom filter of the tagger's person-name parts, and where the built-in model stores
//! them: shared by the library and `build.rs`, which builds the filter of the built-in model at
//! compile time (building it at start-up, two random writes per name into 2 MiB, was ≈ 5% of
//! start-up). It uses only `std`.

/// log2 of the filter's size in bits.
pub(crate) const BLOOM_BITS: u32 = 24;

/// The two bits a name fingerprint sets.
pub(crate) fn probes(fp: u32) -> [usize; 2] {
    let a = (fp as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BLOOM_BITS);
    let b = (fp as u64 ^ 0x5555_5555).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> (64 - BLOOM_BITS);
    [a as usize, b as usize]
}

/// The filter of `fps` (none for no names).
pub(crate) fn bloom(fps: &[u32]) -> Vec<u64> {
    let mut bloom = Vec::new();
    if !fps.is_empty() {
        bloom = vec![0u64; 1 << (BLOOM_BITS - 6)];
        for &fp in fps {
            for p in probes(fp) {
                bloom[p >> 6] |= 1 << (p & 63);
            }
        }
    }
    bloom
}

/// Where the names section of a model file (`Tagger::to_bytes`) starts: after the magic
/// bytes, the feature version, the table bits, the number of tags and the transition table.
/// `None` when the file is too short to say.
// Read by `build.rs` and the tests only.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn names_section_start(model: &[u8]) -> Option<usize> {
    let nt = u32::from_le_bytes(model.get(14..18)?.try_into().ok()?) as usize;
    18usize.checked_add(nt.checked_add(1)?.checked_mul(nt)?.checked_mul(4)?)
}

/// The names section of a model file: its fingerprints sorted and distinct, and where the
/// section ends. `None` for a truncated section or a fingerprint out of range.
// Read by `build.rs` and the tests only.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn read_names(model: &[u8]) -> Option<(Vec<u32>, usize)> {
    let mut at = names_section_start(model)?;
    let n = u32::from_le_bytes(model.get(at..at + 4)?.try_into().ok()?);
    at += 4;
    let mut fps = Vec::with_capacity(n as usize);
    let mut fp = 0u64;
    for _ in 0..n {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *model.get(at)?;
            at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
            if shift >= 64 {
                return None;
            }
        }
        fp += v;
        fps.push(u32::try_from(fp).ok()?);
    }
    fps.sort_unstable();
    fps.dedup();
    Some((fps, at))
}
