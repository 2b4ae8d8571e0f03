//! Where a gazetteer match may start and end: whole words, the proclitics
//! (و ف ب ل ك and their sequences) and the article allowed before a name
//! and left outside its span, and the words that only look like a
//! proclitic and a name (a frequent word, a two-letter name after a
//! preposition, a word the news writes more often than the name).
//!
//! In: the matching key and a match's byte range in it. Out: yes or no;
//! [`super::Matcher`] drops a match these reject and looks again one
//! character later, so a rejected match never hides a valid one.

use super::table::Pattern;
use crate::doc::{Candidate, is_word_char, word_start};
use crate::vocab::{frequent, glued};

/// The most letters of a name that a preposition glued to it turns into
/// another word more often than not.
const SHORT_NAME: usize = 2;

/// Whether a gazetteer match is most likely a piece of another word:
/// - an article stands between the proclitics and a name that has none
///   («الرجل», «البريطانية», «الدين»: a noun or adjective, not رجل the
///   place or دين the person);
/// - a proclitic stands before a rare name and the whole word is a
///   frequent one («كبيرا» is not ك + بيرا, «بنوك» "banks" is not ب + نوك);
/// - a preposition stands before a name of two letters and the whole word
///   is a frequent one, whether or not the name is frequent too («بين»);
/// - the news writes the whole word more often than the name ([`glued`]).
///
/// A name with the article after ل is written لل and matched as ل + the
/// rest («للعراق»: the span is «لعراق»); the name to test is then the one
/// with its article (العراق), so a frequent «للعراق» stays the place.
pub(super) fn inside_other_word(key: &str, c: &Candidate) -> bool {
    let start = c.range.start;
    let word_start = word_start(key, start);
    let prefix = &key[word_start..start];
    if prefix.is_empty() {
        return false;
    }
    if prefix.ends_with("ال") || prefix.ends_with("لل") {
        return true;
    }
    let span = &key[c.range.clone()];
    let word_end = key[start..]
        .char_indices()
        .find(|&(_, ch)| !is_word_char(ch))
        .map_or(key.len(), |(i, _)| start + i);
    let word = &key[word_start..word_end];
    if glued(word, span) {
        return true;
    }
    // «وبنوك»: the word after a conjunction counts too.
    let after_and = word.strip_prefix(['و', 'ف']).filter(|_| prefix.len() > 2);
    if span.contains(' ') || !(frequent(word) || after_and.is_some_and(frequent)) {
        return false;
    }
    if span.chars().count() <= SHORT_NAME && prefix.ends_with(['ب', 'ل', 'ك']) {
        // A preposition and two letters make too many words for the name
        // to count: «بين» "between" is not ب + ين, «كأس» "cup" not ك + أس,
        // however frequent ين or أس are as tokens. (After a bare
        // conjunction the name stays: «طهران وقم».)
        return true;
    }
    let lil = prefix.ends_with('ل') && span.starts_with('ل');
    !(frequent(span) || (lil && frequent(&format!("ا{span}"))))
}

/// Proclitic sequences allowed before a name: a conjunction (و, ف), then a
/// preposition (ب, ل, ك).
pub(super) const CLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

/// Proclitics, then the article, allowed before a name that has none: ال
/// after a conjunction or ب/ك (بال، وكال), and لل (ل + ال).
pub(super) const CLITICS_ARTICLE: &[&str] = &[
    "ال", "وال", "فال", "بال", "كال", "وبال", "وكال", "فبال", "فكال", "لل", "ولل", "فلل",
];

/// Whether `key[start..end]` is a whole word once the allowed proclitics in
/// front of it are set aside.
pub(super) fn whole_word(key: &str, start: usize, end: usize, p: Pattern) -> bool {
    if key[end..].chars().next().is_some_and(is_word_char) {
        return false;
    }
    let prefix = &key[word_start(key, start)..start];
    if p.lil {
        // Before لل only a conjunction.
        matches!(prefix, "" | "و" | "ف")
    } else if p.article {
        // The name has its own article: no second one, and ل + ال is
        // written لل (the `lil` pattern).
        matches!(
            prefix,
            "" | "و" | "ف" | "ب" | "ك" | "وب" | "وك" | "فب" | "فك"
        )
    } else if CLITICS_ARTICLE.contains(&prefix) {
        // An article on a name ending in ية is the relational adjective:
        // السورية is "the Syrian", not a spelling of سورية (Syria).
        !key[start..end].ends_with("يه")
    } else {
        CLITICS.contains(&prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::super::matcher::tests::{gazetteer, spans};

    #[test]
    fn clitics_stay_outside_the_span() {
        let g = gazetteer(
            "Q212\tPLACE\tأوكرانيا\t\t\n\
             Q649\tPLACE\tموسكو\t\t\n\
             Q858\tPLACE\tسوريا\tسورية\t\n\
             Q1899\tPLACE\tكييف\t\t\n\
             Q85\tPLACE\tالقاهرة\t\t\n\
             Q3861\tPLACE\tالدوحة\t\t\n\
             Q30\tPLACE\tالولايات المتحدة\t\t\n",
        );
        let cases: &[(&str, &[&str])] = &[
            ("وأوكرانيا", &["أوكرانيا"]),
            ("فأوكرانيا", &["أوكرانيا"]),
            ("بموسكو", &["موسكو"]),
            ("وبموسكو", &["موسكو"]),
            ("فبموسكو", &["موسكو"]),
            ("كموسكو", &["موسكو"]),
            ("لسوريا", &["سوريا"]),
            ("ولسوريا", &["سوريا"]),
            ("فلسوريا", &["سوريا"]),
            ("وكسوريا", &["سوريا"]),
            ("وبكييف", &["كييف"]),
            ("والقاهرة", &["القاهرة"]),
            ("بالقاهرة", &["القاهرة"]),
            ("وبالقاهرة", &["القاهرة"]),
            ("للقاهرة", &["لقاهرة"]),
            ("وللقاهرة", &["لقاهرة"]),
            ("فالدوحة", &["الدوحة"]),
            ("وللولايات المتحدة", &["لولايات المتحدة"]),
            ("في الولايات المتحدة.", &["الولايات المتحدة"]),
            ("القاهرة", &["القاهرة"]),
            ("الدوحة", &["الدوحة"]),
            ("«موسكو»", &["موسكو"]),
            ("موسكو،", &["موسكو"]),
            // Not whole words.
            ("موسكوفي", &[]),
            ("سموسكو", &[]),
            ("تموسكو", &[]),
            ("لوموسكو", &[]),
            ("ببموسكو", &[]),
            // An article on a name that has none marks another word
            // (الرجل is not رجل).
            ("فالسوريا", &[]),
            // Two articles, or ل before ال not written لل.
            ("الالقاهرة", &[]),
            ("لالقاهرة", &[]),
            // لل only after a conjunction.
            ("بللقاهرة", &[]),
            // Relational adjectives are not places.
            ("الأوكراني", &[]),
            ("الأوكرانية", &[]),
            ("السورية", &[]),
            ("والسورية", &[]),
            ("الحكومة السوريّة", &[]),
            ("في سورية", &["سورية"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), *want, "in {text:?}");
        }
    }

    #[test]
    fn two_letter_names_glued_to_a_preposition() {
        let g = gazetteer(
            "Q1\tORG\tين\t\t\n\
             Q2\tORG\tأس\t\t\n\
             Q3\tPLACE\tقم\t\t\n",
        );
        let cases: &[(&str, &[&str])] = &[
            // Frequent words: «بين» "between", «كأس» "cup".
            ("بين البلدين", &[]),
            ("وبين الطرفين", &[]),
            ("كأس العالم", &[]),
            // The name alone, after a conjunction, or in a rare word.
            ("مدينة قم", &["قم"]),
            ("طهران وقم", &["قم"]),
            ("وصل بقم", &["قم"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), *want, "in {text:?}");
        }
    }

    #[test]
    fn words_the_news_writes_more_than_the_name_are_words() {
        // Kiel, Reed, Paris and Ares, Kut, Iraq: names `glued-words.txt`
        // finds inside more frequent words.
        let g = gazetteer(
            "Q1\tPLACE\tكيل\t\t\n\
             Q2\tPERSON\tريد\t\t\n\
             Q3\tPLACE\tباريس\t\t\n\
             Q4\tPLACE\tأريس\t\t\n\
             Q5\tPLACE\tالكوت\t\t\n\
             Q6\tPLACE\tالعراق\t\t\n",
        );
        let cases: &[(&str, &[&str])] = &[
            // «وكيل» (deputy), «فريد» (unique), «باريس» (not ب + «أريس»),
            // «والكوت» (Walcott).
            ("وكيل الوزارة", &[]),
            ("بشكل فريد", &[]),
            ("إلى باريس", &["باريس"]),
            ("ثيو والكوت", &[]),
            // The same names alone, and other proclitics on them.
            ("ميناء كيل", &["كيل"]),
            ("ولكيل", &["كيل"]),
            ("جون ريد", &["ريد"]),
            ("مدينة الكوت", &["الكوت"]),
            ("بالكوت", &["الكوت"]),
            // The list holds a word with the name it is not: «وباريس» is
            // و + «باريس», though not وب + «أريس».
            ("وباريس", &["باريس"]),
            ("والعراق", &["العراق"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(&g, text), *want, "in {text:?}");
        }
    }
}
