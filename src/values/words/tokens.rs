//! The tokens of the key: runs of letters, runs of digits (with `.` or
//! `,` between digits, the Arabic comma between thousands, «935ر6» with a
//! reh), and single marks; the token before and after a position; and the
//! value of a digits token.
//!
//! In: the matching key and a byte offset. Out: a [`Tok`] with its range
//! of the key, or a [`Digits`] value.

use super::reading::with_memo;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::values) enum TokKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits, with `.` or `,` between digits.
    Digits,
    /// Any other single character but a space.
    Punct,
}

/// A token of the key.
#[derive(Clone, Copy, Debug)]
pub(in crate::values) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// The key slice.
    pub s: &'a str,
}

/// Whether `c` belongs to a word: a letter of any script
/// (`char::is_alphabetic`, on a fast path: the grammars ask this for every
/// character they step over).
pub(in crate::values) fn is_letter(c: char) -> bool {
    crate::doc::is_alphabetic(c)
}

/// The byte length of the run of letters ([`is_letter`]) that `s` starts
/// with. Arabic letters and ASCII are read as bytes: the grammars measure
/// words around every trigger, and decoding each character was the largest
/// part of their time.
pub(in crate::values) fn letter_run(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        i = crate::doc::arabic_letters_end(b, i);
        match b.get(i) {
            Some(c) if c.is_ascii_alphabetic() => i += 1,
            Some(0x00..=0x7F) | None => return i,
            Some(_) => match s[i..].chars().next() {
                Some(c) if is_letter(c) => i += c.len_utf8(),
                _ => return i,
            },
        }
    }
}

/// The token that starts exactly at `pos`, if any (none at a space or the
/// end); measured once for each position of a key being [`read`](super::read).
pub(in crate::values) fn token_at(key: &str, pos: usize) -> Option<Tok<'_>> {
    // The memo knows most tokens (94 % on news text): that path calls
    // nothing, so it saves no registers; measuring is a call apart.
    let known = with_memo(|m| {
        let m = m?;
        let len = m.length_of(key)?;
        m.token(pos, len)
    });
    match known {
        Some(known) => known.map(|(end, kind)| Tok {
            start: pos,
            end,
            kind,
            s: &key[pos..end],
        }),
        None => measure_and_remember(key, pos),
    }
}

/// [`token_at`] for a token the memo does not know: measured, and
/// remembered if `key` is being [`read`](super::read).
#[inline(never)]
fn measure_and_remember(key: &str, pos: usize) -> Option<Tok<'_>> {
    let found = measure_token(key, pos);
    with_memo(|m| {
        if let Some(m) = m
            && let Some(len) = m.length_of(key)
        {
            m.set_token(pos, len, found.map(|t| (t.end, t.kind)));
        }
    });
    found
}

/// [`token_at`] measured in the key itself.
fn measure_token(key: &str, pos: usize) -> Option<Tok<'_>> {
    let rest = key.get(pos..)?;
    let c = rest.chars().next()?;
    let (len, kind) = if c.is_ascii_digit() {
        let b = rest.as_bytes();
        let mut i = 0;
        // Where the current group of digits began, while every separator so
        // far was an Arabic comma grouping thousands.
        let mut group = Some(0);
        while i < b.len() {
            if b[i].is_ascii_digit() {
                i += 1;
            } else if (b[i] == b'.' || b[i] == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 2;
                group = None;
            } else if group == Some(0)
                && rest[i..].starts_with(REH)
                && let Some(n) = reh_digits(&b[..i], &b[i + REH.len_utf8()..])
            {
                // «935ر6»: one number, and the token ends there.
                i += REH.len_utf8() + n;
                break;
            } else if let Some(g) = group
                && rest[i..].starts_with(ARABIC_COMMA)
                && arabic_comma_groups(&b[g..i], g == 0, &b[i + ARABIC_COMMA.len_utf8()..])
            {
                i += ARABIC_COMMA.len_utf8();
                group = Some(i);
            } else {
                break;
            }
        }
        (i, TokKind::Digits)
    } else if is_letter(c) {
        (letter_run(rest), TokKind::Word)
    } else if c == ' ' || c == '\n' {
        return None;
    } else {
        (c.len_utf8(), TokKind::Punct)
    };
    Some(Tok {
        start: pos,
        end: pos + len,
        kind,
        s: &rest[..len],
    })
}

/// U+0631 ARABIC LETTER REH, which some papers (Asharq al-Awsat, the AFP
/// wire in Arabic) write as the separator of a number whose parts come
/// in reverse: «935ر6 مليون» is 6.935 million, «5ر32» 32.5, «000ر22»
/// 22,000 (see [`parse_digits`] and the number grammar).
pub(in crate::values) const REH: char = '\u{0631}';

/// The length of the digits after a reh that joins `before` (one to three
/// digits, the token so far) into one number: one to three digits, then
/// no letter or digit.
fn reh_digits(before: &[u8], after: &[u8]) -> Option<usize> {
    let n = after.iter().take_while(|b| b.is_ascii_digit()).count();
    let next_ok = match after.get(n) {
        None => true,
        Some(&c) if c.is_ascii() => !c.is_ascii_alphanumeric() && c != b'.' && c != b',',
        // A letter glued after («5ر1مليون»): not this shape.
        Some(_) => !std::str::from_utf8(&after[n..])
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(is_letter),
    };
    ((1..=3).contains(&before.len()) && (1..=3).contains(&n) && next_ok).then_some(n)
}

/// U+060C ARABIC COMMA, which some text writes between thousands (9،000).
const ARABIC_COMMA: char = '\u{060C}';

/// Whether an Arabic comma after the digits `before` (the first group of a
/// number if `first`) and before `after` groups thousands: a first group
/// of one to three digits or a later one of exactly three, and exactly
/// three digits after it. Lists write it too («1،2،3», «2014،2015»): those
/// groups do not have these widths.
fn arabic_comma_groups(before: &[u8], first: bool, after: &[u8]) -> bool {
    let width_ok = if first {
        (1..=3).contains(&before.len())
    } else {
        before.len() == 3
    };
    width_ok
        && after.len() >= 3
        && after[..3].iter().all(u8::is_ascii_digit)
        && !after.get(3).is_some_and(u8::is_ascii_digit)
}

/// The token after position `pos`: directly there (glued), or after one
/// space. Never across a line break.
pub(in crate::values) fn next_token(key: &str, pos: usize) -> Option<Tok<'_>> {
    match key.as_bytes().get(pos)? {
        b' ' => token_at(key, pos + 1),
        b'\n' => None,
        _ => token_at(key, pos),
    }
}

/// The token that ends just before `pos` (skipping one space), if any.
pub(in crate::values) fn prev_token(key: &str, pos: usize) -> Option<Tok<'_>> {
    let before = &key[..pos];
    let before = before.strip_suffix(' ').unwrap_or(before);
    let c = before.chars().next_back()?;
    if c == '\n' || c == ' ' {
        return None;
    }
    // Walk back to the token start, then read it forward.
    let start = if c.is_ascii_digit() {
        let digits_start = |arabic_comma: bool| {
            before
                .char_indices()
                .rev()
                .take_while(|&(i, c)| {
                    c.is_ascii_digit()
                        || ((c == '.'
                            || c == ','
                            || (arabic_comma && (c == ARABIC_COMMA || c == REH)))
                            && before[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
                })
                .last()
                .map_or(before.len(), |(i, _)| i)
        };
        // «9،000» is one token; «2014،2015» two.
        let wide = digits_start(true);
        if token_at(key, wide).is_some_and(|t| t.end == before.len()) {
            wide
        } else {
            digits_start(false)
        }
    } else if is_letter(c) {
        before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_letter(c))
            .last()
            .map_or(before.len(), |(i, _)| i)
    } else {
        before.len() - c.len_utf8()
    };
    token_at(key, start).filter(|t| t.end == before.len())
}

/// A number written in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(in crate::values) struct Digits {
    pub value: f64,
    /// Written without a fraction.
    pub int: bool,
    /// How many digits before the decimal point (separators left out).
    pub width: usize,
}

/// Reads a digits token: `,` groups thousands when every group after it
/// has three digits (1,500,000), else it is a decimal comma (3,5); `.` is
/// the decimal point. `None` for shapes that are not one number (two
/// decimal points, as in 23.10.2020).
pub(in crate::values) fn parse_digits(s: &str) -> Option<Digits> {
    // «935ر6»: the part after the reh leads; read as a decimal here (the
    // number grammar makes «000ر22» thousands where no scale follows).
    if let Some((low, high)) = s.split_once(REH) {
        return Some(Digits {
            value: format!("{high}.{low}").parse().ok()?,
            int: false,
            width: high.len(),
        });
    }
    // The Arabic comma groups thousands where the tokeniser let it in.
    let grouped;
    let s = if s.contains(ARABIC_COMMA) {
        grouped = s.replace(ARABIC_COMMA, ",");
        grouped.as_str()
    } else {
        s
    };
    if !s.contains(',') {
        // No thousands groups or decimal comma: the token is the number as
        // Rust reads it («1500», «3.5»), without a copy.
        let (int_part, frac) = match s.split_once('.') {
            Some((i, f)) if !f.contains('.') => (i, Some(f)),
            Some(_) => return None,
            None => (s, None),
        };
        if int_part.len() > 15 {
            return None;
        }
        return Some(Digits {
            value: s.parse().ok()?,
            int: frac.is_none(),
            width: int_part.len(),
        });
    }
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) if !f.contains(['.', ',']) => (i, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut groups = int_part.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let (int_digits, frac) = if rest.is_empty() {
        (first.to_owned(), frac)
    } else if first.len() <= 3 && rest.iter().all(|g| g.len() == 3) {
        (format!("{first}{}", rest.concat()), frac)
    } else if rest.len() == 1 && frac.is_none() {
        // A decimal comma.
        (first.to_owned(), Some(rest[0]))
    } else {
        return None;
    };
    if int_digits.len() > 15 {
        return None;
    }
    let text = match frac {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits.clone(),
    };
    Some(Digits {
        value: text.parse().ok()?,
        int: frac.is_none(),
        width: int_digits.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::words::triggers;

    #[test]
    fn digits_shapes() {
        let cases: &[(&str, Option<(f64, bool)>)] = &[
            ("15", Some((15.0, true))),
            ("1,500", Some((1500.0, true))),
            ("1,500,000", Some((1_500_000.0, true))),
            ("2.5", Some((2.5, false))),
            ("3,5", Some((3.5, false))),
            ("1,500.75", Some((1500.75, false))),
            ("23.10.2020", None),
            ("12,34,56", None),
            ("9\u{060C}000", Some((9000.0, true))),
            ("1\u{060C}234\u{060C}567", Some((1_234_567.0, true))),
            ("935\u{0631}6", Some((6.935, false))),
            ("5\u{0631}32", Some((32.5, false))),
        ];
        for (s, want) in cases {
            let got = parse_digits(s).map(|d| (d.value, d.int));
            assert_eq!(got, *want, "{s}");
        }
    }

    #[test]
    fn letter_runs_end_where_letters_end() {
        for s in [
            "",
            "ثلاثة",
            "ثلاثة آلاف",
            "abcX1",
            "2020م",
            "مـ",
            "وزير،",
            "ژاله ok",
            "éte\u{0301}x",
            "ب\u{064B}",
            "\u{0640}ب",
        ] {
            let want = s
                .char_indices()
                .find(|&(_, c)| !is_letter(c))
                .map_or(s.len(), |(i, _)| i);
            assert_eq!(letter_run(s), want, "{s:?}");
        }
    }

    #[test]
    fn tokens() {
        let key = "في 2020م و3 مليون";
        let t = token_at(key, 0).unwrap();
        assert_eq!((t.s, t.kind), ("في", TokKind::Word));
        let t = next_token(key, t.end).unwrap();
        assert_eq!((t.s, t.kind), ("2020", TokKind::Digits));
        let t = next_token(key, t.end).unwrap();
        assert_eq!(t.s, "م");
        let p = prev_token(key, t.start).unwrap();
        assert_eq!(p.s, "2020");
        let w: Vec<usize> = triggers(key).collect();
        assert_eq!(w, [5, 14, 16]);
    }

    #[test]
    fn the_arabic_comma_groups_thousands_only_in_groups_of_three() {
        let cases: &[(&str, &str)] = &[
            ("مستوى 9،000 نقطة", "9،000"),
            ("1،234،567 نسمة", "1،234،567"),
            ("1،100.5 دولار", "1،100.5"),
            ("2014،2015", "2014"),
            ("1،2،3", "1"),
            ("10،15 مايو", "10"),
            ("1234،567", "1234"),
            ("5،0001", "5"),
        ];
        for (text, want) in cases {
            let start = text.find(|c: char| c.is_ascii_digit()).unwrap();
            let t = token_at(text, start).unwrap();
            assert_eq!(t.s, *want, "{text}");
            assert_eq!(prev_token(text, t.end).map(|p| p.s), Some(t.s), "{text}");
        }
        // The second year of «2014،2015» is a token of its own.
        let key = "2014،2015";
        assert_eq!(prev_token(key, key.len()).map(|p| p.s), Some("2015"));
    }
}
