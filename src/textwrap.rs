//! Line breaking by display width, for English (at spaces) and Japanese (between any
//! two characters, keeping closing punctuation off the start of a line). Shared by the
//! status table and the wizard so both wrap the same way.

use unicode_width::UnicodeWidthStr;

/// Break text into lines of at most `width` display columns: at spaces for English,
/// between any two characters for Japanese. A single word longer than the line (a
/// URL) is kept whole rather than cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for token in breakable_tokens(text) {
        // The line as it would read with this token, without the token's own trailing space.
        if !line.is_empty() && (line.width() + token.trim_end().width()) > width {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        if line.is_empty() {
            line.push_str(token.trim_start());
        } else {
            line.push_str(token);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Japanese punctuation that must not begin a line (kinsoku).
const NO_LINE_START: &[char] = &['。', '、', '」', '』', '）', '！', '？', '・'];

/// Pieces of text between which a line may break: a word with its trailing space, or
/// one wide (CJK) character, with closing punctuation kept on its character's line.
fn breakable_tokens(text: &str) -> Vec<&str> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (index, ch) in text.char_indices() {
        let end = index + ch.len_utf8();
        if ch.to_string().width() > 1 {
            if start < index {
                ranges.push((start, index));
            }
            match ranges.last_mut() {
                Some(last) if NO_LINE_START.contains(&ch) && last.1 == index => last.1 = end,
                _ => ranges.push((index, end)),
            }
            start = end;
        } else if ch == ' ' {
            ranges.push((start, end));
            start = end;
        }
    }
    if start < text.len() {
        ranges.push((start, text.len()));
    }
    ranges.into_iter().map(|(from, to)| &text[from..to]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_english_at_spaces_and_japanese_anywhere() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(
            wrap("one two three", 6),
            ["one", "two", "three"],
            "the space between words counts"
        );
        assert_eq!(wrap("あいうえお", 4), ["あい", "うえ", "お"]);
        assert_eq!(wrap("あいう。", 6), ["あい", "う。"], "a full stop never starts a line");
        assert_eq!(
            wrap("see https://example.com/a/very/long/path", 10),
            ["see", "https://example.com/a/very/long/path"]
        );
    }
}
