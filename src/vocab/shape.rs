//! What a word's shape says: a form of a frequent Arabic word, an inflected
//! verb or noun, or a foreign surname ending («ـوف», «ـيان», «ـسكي»).
//!
//! In: a word's matching key. Out: yes or no, from the word's letters and
//! the frequent-word lists alone (no context). The rules, the tagger's
//! features and the linking ask these questions of the same words.

use super::lists::SURNAME_ENDINGS;
use super::{CLITICS, bit, frequent, has};

pub(crate) fn has_surname_ending(k: &str) -> bool {
    // ـيف needs a longer word: أرشيف، تصنيف are not names.
    let min = |e: &str| e.chars().count() + if e == "يف" { 4 } else { 3 };
    !k.starts_with("ال")
        && SURNAME_ENDINGS
            .iter()
            .any(|e| k.ends_with(e) && k.chars().count() >= min(e))
        && !arabic_word(k)
}

/// Whether a word with a surname ending is an Arabic word after all: a
/// frequent news word (غضروف، فيلسوف), a dual of one (عراقيان = عراقي +
/// ان, يسعيان) or its accusative (معروفا = معروف + ا, not the ـوفا of
/// إيفانوفا). Asked only of words with a surname ending, not per word.
fn arabic_word(k: &str) -> bool {
    frequent(k)
        || ["ان", "ا"]
            .iter()
            .any(|e| k.strip_suffix(e).is_some_and(frequent))
}

/// A rare word shaped like a future verb (ستزور): never taken as an
/// unknown name word. Name tokens the lexicons know are not asked.
fn future_verb(k: &str) -> bool {
    ["ست", "سي", "سن", "سا"].iter().any(|p| k.starts_with(p)) && k.chars().count() >= 5
}

/// A word shaped like an imperfect verb: a future prefix, or a person
/// prefix (ي، ت، ن) on a stem the news writes with this or another prefix
/// or none (يناهز; تتوجه: يتوجه), perhaps before a suffix (يستقبلونهم).
/// A foreign name that only starts like one (نجروبونتي، تيفيز) has no
/// such relatives.
pub(crate) fn verb_like(k: &str) -> bool {
    if future_verb(k) {
        return true;
    }
    let Some(rest) = ["ي", "ت", "ن"].iter().find_map(|p| k.strip_prefix(p)) else {
        return false;
    };
    if rest.chars().count() < 3 {
        return false;
    }
    let stems = std::iter::once(rest).chain(
        [
            "ونهم", "ونها", "ونه", "ون", "ان", "ين", "وا", "هم", "ها", "ه",
        ]
        .iter()
        .filter_map(|s| rest.strip_suffix(s))
        .filter(|r| r.chars().count() >= 2),
    );
    let mut sibling = String::new();
    for stem in stems {
        // Not أ + stem: that is a plural or comparative as often (تورام is
        // no verb for أورام).
        for p in ["", "ي", "ت", "ن"] {
            sibling.clear();
            sibling.push_str(p);
            sibling.push_str(stem);
            if frequent(&sibling) {
                return true;
            }
        }
    }
    false
}

/// Whether a rare word is a form of a frequent Arabic word, not a name the
/// lexicons happen to list: its article form is frequent (حكيم: الحكيم),
/// or it is an accusative, feminine past or pronoun form of a frequent
/// stem (معروفا, صرحت, احتجاجه, فلكيا).
pub(crate) fn arabic_form(r: &str) -> bool {
    frequent(&format!("ال{r}"))
        || ["ا", "ت", "ه", "ها", "هم"]
            .iter()
            .any(|e| r.strip_suffix(e).is_some_and(frequent))
}

/// Whether a word is shaped like an inflected Arabic word rather than a
/// name: an imperfect or future verb, a pronoun suffix, a plural ending,
/// an adverbial accusative, or a proclitic on a common word.
pub(crate) fn inflected(k: &str) -> bool {
    verb_like(k)
        || inflected_noun(k)
        || k.strip_suffix('ا')
            .is_some_and(|r| r.ends_with('ي') && frequent(r))
        || k.starts_with("ان") && k.chars().count() >= 5
}

/// The noun part of [`inflected`]: suffixes and clitics only (place names
/// may start like verbs: تدمر, ترهونة).
pub(crate) fn inflected_noun(k: &str) -> bool {
    // (On a frequent stem: «هورنا», «سيلفا» are no suffixed words.)
    ["هما", "هم", "ها", "كم", "نا", "وا", "ات"]
        .iter()
        .any(|e| k.strip_suffix(e).is_some_and(frequent))
        || CLITICS.iter().any(|c| {
            k.strip_prefix(c).is_some_and(|r| {
                has(r, bit::COMMON | bit::FUNCTION) || r.starts_with("ال") && frequent(r)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::matching_key;

    fn key(word: &str) -> String {
        let mut k = String::new();
        matching_key(word, &mut k);
        k
    }

    #[test]
    fn verbs_by_their_relatives() {
        // A stem the news writes with another prefix or none.
        for verb in ["يتوجه", "تتوجه", "نستطيع", "يستقبلونهم", "ستزور"]
        {
            assert!(verb_like(&key(verb)), "{verb}");
        }
        for name in ["نجروبونتي", "تيفيز", "يفجيني", "تيموشينكو"] {
            assert!(!verb_like(&key(name)), "{name}");
        }
    }
}
