//! Helpers of the command-line tool that are worth testing on their own (native only).

use std::borrow::Cow;
use std::fmt::Write;

/// Text from files (gmina names, file names, values quoted in messages) made safe to print on a
/// terminal: control characters — C0 (NUL, ESC, CR, line feeds inside a value…), DEL and C1
/// (U+0080–U+009F, where U+009B starts a terminal command on its own) — are written as visible
/// escapes (`\x1b`, `\r`, `\u{9b}`), so a hostile file cannot clear the screen, retitle the
/// window or fake lines of output. Tabs stay. Everything else, Polish letters included, is kept.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if unsafe_char(c) && (c as u32) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("Kalisz"), "Kalisz");
        assert_eq!(terminal_safe("Łódź\tmiasto"), "Łódź\tmiasto");
        assert_eq!(
            terminal_safe("\u{1b}]0;przejęte\u{7}\u{1b}[2J"),
            "\\x1b]0;przejęte\\x07\\x1b[2J"
        );
        assert_eq!(terminal_safe("a\0b\rc\nd\u{7f}"), "a\\x00b\\rc\\nd\\x7f");
        assert_eq!(terminal_safe("x\u{9b}31m"), "x\\u{9b}31m");
    }
}
