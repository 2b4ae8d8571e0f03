//! Looking a word up in the table ([`WORDS`]): the proclitics (و ف ب ل ك)
//! set aside, then the article, so that a word's span never starts on a
//! clitic («وبالعام» is ب + العام after و).
//!
//! In: the key and a word's byte range. Out: a [`Hit`], where the word
//! proper starts and what it means, or nothing.

use super::meaning::Entry;
use super::reading::with_memo;
use super::table::{MAX_WORD, WORDS};
use super::tokens::{Tok, TokKind};

/// Proclitic sequences set aside before a word: a conjunction (و, ف), then a
/// preposition (ب, ل, ك).
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// A word of the table found in the key.
#[derive(Clone, Copy, Debug)]
pub(in crate::values) struct Hit {
    /// Where the word proper starts: after the proclitics, at the article
    /// if there is one.
    pub start: usize,
    /// Where the word ends.
    pub end: usize,
    /// The proclitics, as written in the key ("" if none).
    pub clitic: &'static str,
    /// Whether the word carries the article ال (not part of the table
    /// spelling).
    pub article: bool,
    pub entry: Entry,
}

impl Hit {
    /// Where the token starts, proclitics included.
    pub fn token_start(&self) -> usize {
        self.start - self.clitic.len()
    }
}

/// Looks the word `key[start..end]` up in the table, setting aside
/// proclitics and then the article (once for each word of a key being
/// [`read`](super::read)).
pub(in crate::values) fn lookup(key: &str, start: usize, end: usize) -> Option<Hit> {
    // As in `token_at`: the memo's answer without a call, the table's
    // apart.
    let known = with_memo(|m| {
        let m = m?;
        m.length_of(key)?;
        m.word(start, end)
    });
    match known {
        Some(known) => known,
        None => look_up_and_remember(key, start, end),
    }
}

/// [`lookup`] for a word the memo does not know: looked up in the table,
/// and remembered if `key` is being [`read`](super::read).
#[inline(never)]
fn look_up_and_remember(key: &str, start: usize, end: usize) -> Option<Hit> {
    let found = lookup_in_table(key, start, end);
    with_memo(|m| {
        if let Some(m) = m
            && m.length_of(key).is_some()
        {
            m.set_word(start, end, found);
        }
    });
    found
}

/// [`lookup`] in the table itself.
fn lookup_in_table(key: &str, start: usize, end: usize) -> Option<Hit> {
    let word = &key[start..end];
    if word.len() > MAX_WORD {
        return None;
    }
    let hit = |clitic: &'static str, article: bool, entry: &Entry| Hit {
        start: start + clitic.len(),
        end,
        clitic,
        article,
        entry: *entry,
    };
    let try_rest = |clitic: &'static str, rest: &str| {
        if let Some(e) = WORDS.get(rest) {
            // A two-letter word behind ب, ل, ك, ف is more often another
            // word (لست "I am not" is not ل + ست "six").
            if rest.len() <= 4 && !matches!(clitic, "" | "و") {
                return None;
            }
            return Some(hit(clitic, false, e));
        }
        if let Some(bare) = rest.strip_prefix("ال") {
            return WORDS.get(bare).map(|e| hit(clitic, true, e));
        }
        // «للعام»: ل + العام, written with one alef less. The span starts
        // at the article's ل, as the gazetteer's do.
        let bare = rest.strip_prefix('ل').filter(|_| clitic.ends_with('ل'))?;
        WORDS.get(bare).map(|e| hit(clitic, true, e))
    };
    if let Some(h) = try_rest("", word) {
        return Some(h);
    }
    CLITICS
        .iter()
        .filter_map(|c| word.strip_prefix(c).map(|rest| (*c, rest)))
        .find_map(|(c, rest)| {
            if rest.is_empty() {
                None
            } else {
                try_rest(c, rest)
            }
        })
}

/// The table word of a word token, if the token is one.
pub(in crate::values) fn word(key: &str, t: Option<Tok<'_>>) -> Option<Hit> {
    let t = t?;
    (t.kind == TokKind::Word)
        .then(|| lookup(key, t.start, t.end))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_sets_clitics_and_article_aside() {
        let cases: &[(&str, &str, bool)] = &[
            ("ثلاثه", "", false),
            ("وثلاثه", "و", false),
            ("بعام", "ب", false),
            ("الثالث", "", true),
            ("والثالث", "و", true),
            ("الاثنين", "", false),
            ("للعام", "ل", true),
            ("وللعام", "ول", true),
        ];
        for (w, clitic, article) in cases {
            let h = lookup(w, 0, w.len()).unwrap_or_else(|| panic!("{w}"));
            assert_eq!((h.clitic, h.article), (*clitic, *article), "{w}");
        }
        assert!(lookup("لست", 0, "لست".len()).is_none());
        assert!(lookup("دستور", 0, "دستور".len()).is_none());
    }
}
