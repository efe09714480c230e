//! Byte offsets (what Rust slices by) to character offsets (what the export promises).

/// Converts byte offsets of one text into Unicode scalar value offsets.
///
/// Built once per document; each lookup is a binary search over the positions of multi-byte
/// characters, so a mostly-ASCII text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every character that takes more than one byte, with the number of extra
    /// bytes seen up to and including it.
    wide: Vec<(usize, usize)>,
    len: usize,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        CharIndex {
            wide,
            len: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (which should be a char boundary; a byte inside
    /// a character maps to that character's end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        // Count the extra bytes of wide characters that start before `byte`.
        let idx = self.wide.partition_point(|&(pos, _)| pos < byte);
        let extra = if idx == 0 { 0 } else { self.wide[idx - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_python_style_indexing() {
        let text = "Kazakhstan’s «Тоқаев» said";
        let index = CharIndex::new(text);
        for (char_pos, (byte_pos, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte_pos), char_pos);
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }
}
