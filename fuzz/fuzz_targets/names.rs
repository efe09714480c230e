//! Name normalisation and comparison (`casefile names compare`): transliteration to ASCII,
//! skeletons, the same-name decision and the TSV reader.
#![no_main]

use casefile_resolve::compare_pairs;
use casefile_resolve::names::{ascii_fold, name_parts, same_name, skeleton};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = s.split_once('\t').unwrap_or((s, ""));
    for part in name_parts(a) {
        let f = ascii_fold(&part);
        assert!(
            f.bytes().all(|c| c.is_ascii_lowercase()),
            "fold {f:?} of {part:?}"
        );
        assert!(skeleton(&part).is_ascii(), "skeleton of {part:?}");
    }
    let ab = same_name(a, b);
    let ba = same_name(b, a);
    assert_eq!(
        ab.is_same(),
        ba.is_same(),
        "{a:?} / {b:?}: {ab:?} but {ba:?}"
    );

    // Every non-empty line comes back once, with one more column.
    let mut out = Vec::new();
    compare_pairs(data, &mut out).expect("writing to memory");
    let out = String::from_utf8(out).expect("UTF-8 in, UTF-8 out");
    let lines_in = s
        .lines()
        .filter(|l| !l.trim_end_matches('\r').is_empty())
        .count();
    assert_eq!(
        out.lines().count(),
        lines_in,
        "one output line per input line"
    );
});
