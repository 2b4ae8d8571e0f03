//! CoNLL BIO: `token<TAB>TAG` per line, a blank line after each sentence,
//! and a `# doc = NAME` comment line before each document.
//!
//! Tokenisation, on the original text (nothing is normalised or dropped
//! but whitespace, so the tokens of a document, joined, are its text
//! without its whitespace):
//!
//! 1. the text is cut at whitespace;
//! 2. from each piece, the punctuation at its edges goes off one character
//!    a token (`«موسكو».` → `«`, `موسكو`, `»`, `.`), while punctuation
//!    inside stays (`3.5`, `بي.إم.دبليو`, `2020/10/23`). Letters, digits,
//!    combining marks (harakat) and invisible format characters (bidi
//!    marks, zero-width joiners) are not punctuation;
//! 3. a token is cut where an entity starts or ends inside it, so every
//!    entity is a whole number of tokens: «وموسكو» with the entity «موسكو»
//!    gives `و O` then `موسكو B-PLACE` (kashf's spans leave proclitics
//!    out; the gold of a corpus that does not split them, such as
//!    ANERcorp, tags the whole word).
//!
//! Tags are `B-LABEL`, `I-LABEL` and `O`, with kashf's labels (`PERSON`,
//! `PLACE`, `ORG`, `NUMBER`, `DATE`). A sentence ends at a line break and
//! after `.`, `!`, `?`, `؟`, `۔` or `…` (with the closing quotes and
//! brackets that follow it), but never inside an entity. A document cut
//! into pieces (files over [`crate::extract::CHUNK_BYTES`]) also ends a
//! sentence where a piece ends: pieces are cut at whitespace.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::extract::Entity;

/// One token: a byte range of the text and its code-point range.
struct Token {
    bytes: Range<usize>,
    chars: Range<usize>,
    /// A line break comes before it (in the whitespace before it).
    after_line_break: bool,
}

/// Whether `c` goes off the edge of a word as a token of its own.
fn is_punctuation(c: char) -> bool {
    !(c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c))
}

/// Format characters that belong to the word they touch.
fn is_invisible(c: char) -> bool {
    matches!(c,
        // U+00AD SOFT HYPHEN
        '\u{00AD}'
        // U+061C ARABIC LETTER MARK
        | '\u{061C}'
        // U+200B ZERO WIDTH SPACE .. U+200F RIGHT-TO-LEFT MARK
        | '\u{200B}'..='\u{200F}'
        // U+202A .. U+202E bidi embeddings and overrides
        | '\u{202A}'..='\u{202E}'
        // U+2060 WORD JOINER, U+2066 .. U+2069 bidi isolates
        | '\u{2060}' | '\u{2066}'..='\u{2069}'
        // U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark)
        | '\u{FEFF}')
}

/// Punctuation that ends a sentence.
fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "؟" | "۔" | "…")
}

/// Punctuation that closes what a sentence end may be inside of.
fn closes(token: &str) -> bool {
    matches!(token, "»" | "”" | "’" | "\"" | "'" | ")" | "]" | "}" | "›")
}

/// The tokens of `text`, cut at the code-point offsets in `cuts` (sorted).
fn tokens(text: &str, cuts: &[usize]) -> Vec<Token> {
    let mut out = Vec::new();
    // The current word's start (bytes, code points), and whether a line
    // break came before it.
    let mut word: Option<(usize, usize)> = None;
    let mut line_break = false;
    for (chars, (i, ch)) in text.char_indices().enumerate() {
        if ch.is_whitespace() {
            if let Some((b, c)) = word.take() {
                split_word(text, b..i, c, line_break, &mut out);
                line_break = false;
            }
            line_break |= matches!(ch, '\n' | '\r' | '\u{2028}' | '\u{2029}');
        } else if word.is_none() {
            word = Some((i, chars));
        }
    }
    if let Some((b, c)) = word {
        split_word(text, b..text.len(), c, line_break, &mut out);
    }
    cut_at(text, out, cuts)
}

/// Pushes the tokens of one whitespace-free word: its edge punctuation one
/// character a token, and the rest.
fn split_word(
    text: &str,
    bytes: Range<usize>,
    first_char: usize,
    line_break: bool,
    out: &mut Vec<Token>,
) {
    let word = &text[bytes.clone()];
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let lead = chars.iter().take_while(|(_, c)| is_punctuation(*c)).count();
    let trail = if lead == chars.len() {
        0
    } else {
        chars
            .iter()
            .rev()
            .take_while(|(_, c)| is_punctuation(*c))
            .count()
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new(); // (char index, char count)
    pieces.extend((0..lead).map(|k| (k, 1)));
    if lead < chars.len() {
        pieces.push((lead, chars.len() - lead - trail));
    }
    pieces.extend((chars.len() - trail..chars.len()).map(|k| (k, 1)));
    for (n, (k, len)) in pieces.into_iter().enumerate() {
        let start = bytes.start + chars[k].0;
        let end = chars
            .get(k + len)
            .map_or(bytes.end, |&(b, _)| bytes.start + b);
        out.push(Token {
            bytes: start..end,
            chars: first_char + k..first_char + k + len,
            after_line_break: line_break && n == 0,
        });
    }
}

/// Cuts tokens at the code-point offsets in `cuts` (sorted) that fall
/// inside them.
fn cut_at(text: &str, tokens: Vec<Token>, cuts: &[usize]) -> Vec<Token> {
    if cuts.is_empty() {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + cuts.len());
    for t in tokens {
        let mut next = cuts.partition_point(|&c| c <= t.chars.start);
        let (mut byte, mut char_at) = (t.bytes.start, t.chars.start);
        for (c, (b, _)) in (t.chars.start..).zip(text[t.bytes.clone()].char_indices()) {
            if next < cuts.len() && cuts[next] == c {
                let end = t.bytes.start + b;
                out.push(Token {
                    bytes: byte..end,
                    chars: char_at..c,
                    after_line_break: t.after_line_break && char_at == t.chars.start,
                });
                (byte, char_at) = (end, c);
                next += 1;
            }
        }
        out.push(Token {
            bytes: byte..t.bytes.end,
            chars: char_at..t.chars.end,
            after_line_break: t.after_line_break && char_at == t.chars.start,
        });
    }
    out
}

/// Writes the tokens of `text` (a document, or a piece of one starting at
/// code point `base` of it) with the BIO tags of `entities` (offsets in
/// the document, sorted, not overlapping), a blank line after each
/// sentence.
pub(super) fn write(text: &str, base: usize, entities: &[Entity], out: &mut Vec<u8>) {
    let spans: Vec<Range<usize>> = entities
        .iter()
        .map(|e| e.start - base..e.end - base)
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.dedup();
    let tokens = tokens(text, &cuts);
    let mut span = 0;
    let mut open_sentence = false;
    // The last token ended a sentence (or closed a quote after an end).
    let mut pending_end = false;
    for t in &tokens {
        while span < spans.len() && spans[span].end <= t.chars.start {
            span += 1;
        }
        let entity = spans.get(span).filter(|s| s.start <= t.chars.start);
        let token = &text[t.bytes.clone()];
        let inside = entity.is_some_and(|s| s.start < t.chars.start);
        let ends = ends_sentence(token);
        if open_sentence
            && !inside
            && (t.after_line_break || (pending_end && !ends && !closes(token)))
        {
            out.push(b'\n');
        }
        out.extend_from_slice(token.as_bytes());
        out.push(b'\t');
        match entity {
            None => out.push(b'O'),
            Some(_) => {
                out.extend_from_slice(if inside { b"I-" } else { b"B-" });
                let label = entities[span].label.as_str();
                out.extend_from_slice(label.as_bytes());
            }
        }
        out.push(b'\n');
        open_sentence = true;
        pending_end = ends || (pending_end && closes(token));
    }
    if open_sentence {
        out.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Label, Source};

    fn entity(text: &str, label: Label, start: usize, end: usize) -> Entity {
        Entity {
            label,
            text: text.chars().skip(start).take(end - start).collect(),
            start,
            end,
            norm: String::new(),
            value: None,
            kind: None,
            id: None,
            source: Source::Rule,
            link: None,
        }
    }

    fn conll(text: &str, spans: &[(Label, usize, usize)]) -> String {
        let entities: Vec<Entity> = spans
            .iter()
            .map(|&(l, s, e)| entity(text, l, s, e))
            .collect();
        let mut out = Vec::new();
        write(text, 0, &entities, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// A named case: text, entities (label, start, end), and the expected
    /// lines joined by `|` (a blank line is an empty item).
    type Case = (
        &'static str,
        &'static str,
        &'static [(Label, usize, usize)],
        &'static str,
    );

    #[test]
    fn tokenisation_cases() {
        let cases: &[Case] = &[
            (
                "plain words",
                "زار الوزير موسكو",
                &[(Label::Place, 11, 16)],
                "زار\tO|الوزير\tO|موسكو\tB-PLACE|",
            ),
            (
                "edge punctuation off, inner kept",
                "«موسكو»، 3.5٪ بي.إم.دبليو",
                &[],
                "«\tO|موسكو\tO|»\tO|،\tO|3.5\tO|٪\tO|بي.إم.دبليو\tO|",
            ),
            (
                "proclitic cut at the entity",
                "وموسكو",
                &[(Label::Place, 1, 6)],
                "و\tO|موسكو\tB-PLACE|",
            ),
            (
                "multi-token entity",
                "قال جورج بوش أمس",
                &[(Label::Person, 4, 12)],
                "قال\tO|جورج\tB-PERSON|بوش\tI-PERSON|أمس\tO|",
            ),
            (
                "number with a comma",
                "3,000 دولار",
                &[(Label::Number, 0, 5)],
                "3,000\tB-NUMBER|دولار\tO|",
            ),
            (
                "two entities back to back",
                "القاهرةموسكو",
                &[(Label::Place, 0, 7), (Label::Place, 7, 12)],
                "القاهرة\tB-PLACE|موسكو\tB-PLACE|",
            ),
            (
                "harakat and tatweel stay in the word",
                "مـوسكُو.",
                &[(Label::Place, 0, 7)],
                "مـوسكُو\tB-PLACE|.\tO|",
            ),
            (
                "sentence end after a full stop and its quote",
                "قال «نعم.» ثم ذهب",
                &[],
                "قال\tO|«\tO|نعم\tO|.\tO|»\tO||ثم\tO|ذهب\tO|",
            ),
            (
                "question marks together",
                "لماذا؟! لا",
                &[],
                "لماذا\tO|؟\tO|!\tO||لا\tO|",
            ),
            (
                "line break ends a sentence",
                "عنوان\n\nنص",
                &[],
                "عنوان\tO||نص\tO|",
            ),
            (
                "no sentence end inside an entity",
                "10 .\n5 كيلومترات",
                &[(Label::Number, 0, 6)],
                "10\tB-NUMBER|.\tI-NUMBER|5\tI-NUMBER|كيلومترات\tO|",
            ),
            ("empty text", "", &[], ""),
            ("only whitespace", " \n ", &[], ""),
        ];
        for (name, text, spans, want) in cases {
            let got = conll(text, spans);
            // Every sentence, the last too, ends with a blank line.
            let mut want = want.replace('|', "\n");
            if !want.is_empty() {
                want.push('\n');
            }
            assert_eq!(got, want, "case {name:?}");
        }
    }

    #[test]
    fn tokens_join_to_the_text_without_whitespace() {
        let text = " «أعلن» وزيرُ الخارجية\u{200F} (ج. بوش)، أمس: 15٪... ";
        let at = text[..text.find("ج.").unwrap()].chars().count();
        let ents = [entity(text, Label::Person, at, at + 6)];
        let mut out = Vec::new();
        write(text, 0, &ents, &mut out);
        let out = String::from_utf8(out).unwrap();
        let joined: String = out
            .lines()
            .filter_map(|l| l.split_once('\t').map(|(t, _)| t))
            .collect();
        let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, want);
        assert!(
            out.contains("ج\tB-PERSON\n.\tI-PERSON\nبوش\tI-PERSON\n"),
            "{out}"
        );
    }

    #[test]
    fn piece_offsets_are_relative_to_its_base() {
        let mut out = Vec::new();
        let e = Entity {
            start: 103,
            end: 108,
            ..entity("موسكو", Label::Place, 0, 5)
        };
        write("في موسكو", 100, &[e], &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "في\tO\nموسكو\tB-PLACE\n\n");
    }
}
