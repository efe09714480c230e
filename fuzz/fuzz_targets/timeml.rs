//! The TimeML reader and writer: re-annotating `<TEXT>` keeps the text byte for byte and leaves
//! everything outside `<TEXT>` as it was.
#![no_main]

use casefile_timex::{annotate_timeml, dct_of_timeml};
use libfuzzer_sys::fuzz_target;

/// The body with every `<…>` tag removed; `None` when a `<` has no `>`.
fn strip(body: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = body;
    while let Some(p) = rest.find('<') {
        out.push_str(&rest[..p]);
        let q = rest[p..].find('>')?;
        rest = &rest[p + q + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = dct_of_timeml(input);
    let Ok(output) = annotate_timeml(input) else {
        return;
    };
    // Annotation succeeded, so there is a <TEXT> … </TEXT> (the last </TEXT>) and its tags close.
    let open = input.find("<TEXT>").unwrap() + "<TEXT>".len();
    let close = input.rfind("</TEXT>").unwrap();
    let tail = &input[close..];
    assert!(output.starts_with(&input[..open]), "the head changed");
    assert!(output.ends_with(tail), "the tail changed");
    assert!(output.len() >= open + tail.len());
    let body_in = strip(&input[open..close]).expect("input tags close");
    let body_out = strip(&output[open..output.len() - tail.len()]).expect("output tags close");
    assert_eq!(body_in, body_out, "the text between the tags changed");
});
