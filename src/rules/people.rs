//! People: names after a title, a nationality noun or a reporting verb,
//! and names the lexicons know (a first name and name tokens, a rare word
//! with a foreign surname ending, a lone name token the news rarely writes
//! otherwise).
//!
//! In: the chunk's [`Words`] and the words a place or
//! organisation rule has claimed. Out: PERSON candidates, `source: rule`,
//! never over a claimed word, a function word, a known place or
//! organisation, or punctuation; at most four words, particles aside.

use super::{Gap, Words, is_adjective, push, starts_with_digit};
use crate::doc::{Candidate, Label};
use crate::vocab::lists::{TITLES, TITLES_BY_FIRST, VERBS, good_phrase};
use crate::vocab::shape::{arabic_form, has_surname_ending, inflected, inflected_noun, verb_like};
use crate::vocab::{CLITICS, NAME_CLITICS, bit, clitic_readings, frequent, has};

/// The byte length of a proclitic ([`NAME_CLITICS`]) before a word of
/// the lexicon of `bits` ([`bit::FIRST`] or [`bit::NAME`]), if `key` (a
/// word of the chunk, whose own bits are `own`) is one.
fn clitic_before(key: &str, own: u32, bits: u32) -> Option<usize> {
    if own & bits != 0 {
        return Some(0);
    }
    NAME_CLITICS
        .iter()
        .rev()
        .find(|c| key.strip_prefix(**c).is_some_and(|k| has(k, bits)))
        .map(|c| c.len())
}

pub(super) fn people(w: &Words<'_>, claimed: &[bool], out: &mut Vec<Candidate>) {
    let mut i = 0;
    let mut last_end = 0;
    while i < w.len() {
        if claimed[i] {
            i += 1;
            continue;
        }
        let titled = title_name(w, i);
        let after_title = titled.is_some();
        let span = titled
            .or_else(|| nationality_name(w, i))
            .or_else(|| verb_name(w, i))
            .or_else(|| lexicon_name(w, i));
        if let Some((s, e, mut start_byte)) =
            span.filter(|&(s, e, _)| !claimed[s..e].contains(&true))
        {
            // A name found by its surname or a later word may start
            // earlier: «ألكسندر سلطانوف», «خليفة بن زايد».
            // (Not after a title: the title marks where the name begins.)
            if !after_title && start_byte == w.words[s].range.start {
                let b = extend_back(w, s, last_end, claimed);
                start_byte = w.words[b].range.start;
            }
            push(out, start_byte..w.words[e - 1].range.end, Label::Person);
            // Words inside a name are not looked at again.
            i = e;
            last_end = e;
        } else {
            i += 1;
        }
    }
}

/// The first word of a name found at word `s`, reaching back over known
/// first names and name tokens (and a particle between them), never
/// before `floor` or over a claimed word.
fn extend_back(w: &Words<'_>, s: usize, floor: usize, claimed: &[bool]) -> usize {
    let name_word = |j: usize| {
        !claimed[j]
            && !w.is_function(j)
            && !w.in_gazetteer[j]
            && (w.has(j, bit::FIRST) || w.has(j, bit::NAME) && !w.is_common(j))
    };
    let mut b = s;
    while b > floor && s - b < 2 && w.gap(b) == Gap::Space {
        if name_word(b - 1) {
            b -= 1;
        } else if b >= floor + 2
            && w.is_particle(b - 1)
            && w.gap(b - 1) == Gap::Space
            && (name_word(b - 2) || before_bin(w, b - 2, claimed))
        {
            b -= 2;
        } else {
            break;
        }
    }
    b
}

/// Word `j`, right before «بن»/«بنت», is a first name even if it is a
/// frequent word («خليفة بن زايد», «الحسن بن علي»): a name token, a known
/// person, or a word without the article that is no title or reporting
/// verb («الرئيس بن علي», «وقال بن علي» are Ben Ali alone).
fn before_bin(w: &Words<'_>, j: usize, claimed: &[bool]) -> bool {
    let k = w.key(j);
    matches!(w.key(j + 1), "بن" | "بنت")
        && !claimed[j]
        && !w.is_function(j)
        && !w.gaz_place_or_org(j)
        && !starts_with_digit(k)
        && (w.has(j, bit::NAME)
            || matches!(w.gaz[j], Some((Label::Person, _)))
            || !k.starts_with("ال")
                && w.title_at(j).is_none()
                && !clitic_readings(k).any(|r| VERBS.contains(r.as_ref())))
}

/// A name after a title at word `i`: (first word, end word, start byte).
fn title_name(w: &Words<'_>, i: usize) -> Option<(usize, usize, usize)> {
    let mut j = w.title_at(i)?;
    // Modifiers: adjectives, the body the role belongs to, known places and
    // organisations, at most five words.
    let mut skipped = 0;
    while j < w.len() && skipped < 5 && w.gap(j) == Gap::Space {
        if let Some((Label::Place | Label::Org, after)) = w.gaz[j] {
            j = after;
        } else if w.gaz[j].is_some() {
            // A known person: the gazetteer has the name.
            return None;
        } else {
            let k = w.key(j);
            let modifier = (k.starts_with("ال") || k.starts_with("لل"))
                && (!w.has(j, bit::NAME) || w.is_common(j))
                || w.has(j, bit::TITLE_MODIFIER)
                || has(k.strip_prefix('ل').unwrap_or(k), bit::TITLE_MODIFIER)
                // «وزير خارجية إسرائيل»: a noun in construct.
                || k.ends_with("يه") && w.is_common(j) && !w.is_function(j);
            if !modifier {
                break;
            }
            j += 1;
        }
        skipped += 1;
    }
    if j >= w.len() || w.gap(j) == Gap::Break {
        return None;
    }
    let end = w.name_from(j, true, true)?;
    Some((j, end, w.words[j].range.start))
}

/// A name after a nationality adjective used as a noun at word `i`:
/// «تعرض الفرنسي سيباستيان لوب», «والألماني طومي هامس». After a definite
/// noun the word is an adjective of that noun («الجيش الإسرائيلي»), so
/// the word before must not have the article.
fn nationality_name(w: &Words<'_>, i: usize) -> Option<(usize, usize, usize)> {
    if !w.has(i, bit::NATIONALITY_C) || i + 1 >= w.len() || w.gap(i + 1) != Gap::Space {
        return None;
    }
    if i > 0 && w.gap(i) == Gap::Space && w.key(i - 1).starts_with("ال") {
        return None;
    }
    let j = i + 1;
    if w.gaz[j].is_some() {
        return None;
    }
    let end = w.name_from(j, true, true)?;
    Some((j, end, w.words[j].range.start))
}

/// A known name after a reporting verb at word `i`.
fn verb_name(w: &Words<'_>, i: usize) -> Option<(usize, usize, usize)> {
    if !w.has(i, bit::VERB_C) || i + 1 >= w.len() || w.gap(i + 1) != Gap::Space {
        return None;
    }
    let j = i + 1;
    if !(w.has(j, bit::NAME) || has_surname_ending(w.key(j))) || w.is_common(j) {
        // An unknown word is a name only if «أن/إن» or a comma follows the
        // name: «وأضاف أنغو أن», not «وقال مسؤول».
        let end = w.name_from(j, true, true)?;
        let that = end < w.len()
            && (w.gap(end) == Gap::Comma || w.gap(end) == Gap::Space && w.has(end, bit::THAT));
        return that.then_some((j, end, w.words[j].range.start));
    }
    // The first word is a known name token: what follows may be rare.
    let end = w.name_from(j, false, true)?;
    Some((j, end, w.words[j].range.start))
}

/// A first name (a proclitic allowed before it) followed by name tokens.
fn lexicon_name(w: &Words<'_>, i: usize) -> Option<(usize, usize, usize)> {
    let k = w.key(i);
    // A gazetteer person may grow into a longer name (مايكل → مايكل كاميرون).
    if matches!(w.gaz[i], Some((Label::Place | Label::Org, _))) || w.is_function(i) {
        return None;
    }
    let start = w.words[i].range.start;
    if w.is_particle(i) && i + 1 < w.len() && w.gap(i + 1) == Gap::Space {
        // «أبو مازن», «عبد الله», «ابن خلدون»: a particle and a word.
        let kp = w.key(i);
        if ["ابو", "ابن", "عبد", "ام"].contains(&kp)
            && !w.is_function(i + 1)
            && w.gaz[i + 1].is_none_or(|(l, _)| l == Label::Person)
            && (kp == "عبد"
                || w.is_particle(i + 1)
                || !w.is_common(i + 1)
                || w.has(i + 1, bit::NAME))
        {
            let end = w.name_from(i, true, false).unwrap_or(i + 2).max(i + 2);
            return Some((i, end, start));
        }
    }
    let clitic = w
        .has(i, bit::FIRST_C)
        .then(|| clitic_before(k, w.bits[i], bit::FIRST))
        .flatten();
    match clitic {
        Some(c) => {
            let rest = &k[c..];
            if has(rest, bit::COMMON) && !is_arabic_first_name_ok(rest) {
                return None;
            }
            // A frequent word whose rest is not: «فستان» (a dress) is no
            // ف + «ستان»; «ومحمد» is و + «محمد», frequent too.
            if c > 0 && frequent(k) && !frequent(rest) {
                return None;
            }
            // «حسن» in a set phrase is "good": «مبادئ حسن الجوار».
            if i + 1 < w.len() && good_phrase(rest, w.key(i + 1)) {
                return None;
            }
            // Two words at least: a first name alone is not enough.
            let mut j = i + 1;
            let mut words = 1;
            // A first name that is also a preposition misspelt (علي for
            // على: «علي عرقلة الحوار») continues only over name tokens.
            let strong = !has(rest, bit::COLLISION);
            while j < w.len() && words < 4 && w.can_continue(j, strong) {
                // A run of particles and its word is one unit: «بن عبد الكريم».
                j = w.unit_end(j);
                words += 1;
            }
            while j > i + 1 && w.is_particle(j - 1) {
                j -= 1;
            }
            if j > i + 1 {
                return Some((i, j, start + c));
            }
            // A first name alone is a person only if the news rarely uses
            // the word otherwise (هيلاري, رونالدينيو; not سعيد، فارس).
            // (A pronoun suffix makes a noun of it; a ta marbuta is no
            // suffix: معاوية، فوزية.)
            let marbuta = w.text(i).ends_with('ة');
            (!has(rest, bit::COMMON)
                && rest.chars().count() >= 4
                && !["ه", "هما", "هم", "ها", "كم", "نا"]
                    .iter()
                    .any(|e| rest.ends_with(e) && !(marbuta && *e == "ه")))
            .then_some((i, i + 1, start + c))
        }
        None if w.has(i, bit::NAME)
            && !w.is_common(i)
            && i + 1 < w.len()
            && w.gap(i + 1) == Gap::Space
            && w.has(i + 1, bit::NAME)
            && !w.is_common(i + 1)
            && !w.is_function(i + 1)
            && w.gaz[i + 1].is_none() =>
        {
            // Two rare name tokens in a row: «طلعت زكريا», «كيانو ريفز».
            let end = w.name_from(i, false, false).unwrap_or(i + 2).max(i + 2);
            Some((i, end, start))
        }
        None => {
            // A rare word with a surname ending, perhaps after a conjunction.
            let c = usize::from(k.starts_with('و') && !w.has(i, bit::NAME)) * "و".len();
            let rest = &k[c..];
            if has_surname_ending(rest) && !has(rest, bit::COMMON) && rest.chars().count() >= 5 {
                return Some((i, i + 1, start + c));
            }
            // A lone name token the news rarely writes otherwise (نابليون,
            // إيمرسون), perhaps after a proclitic.
            // (The word's bits answer for the bare token; only a word that
            // starts like a proclitic is looked up again.)
            if w.gaz[i].is_some() {
                return None;
            }
            let c = if w.has(i, bit::NAME) {
                0
            } else if k.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
                clitic_before(k, w.bits[i], bit::NAME)?
            } else {
                return None;
            };
            let rest = &k[c..];
            ((c > 0 || !w.is_common(i))
                && rest.chars().count() >= 4
                && !rest.starts_with("ال")
                && !frequent(rest)
                && !inflected(rest)
                && !arabic_form(rest))
            .then_some((i, i + 1, start + c))
        }
    }
}

/// First names that are also frequent words still start a name when a name
/// token follows (محمد, علي are frequent because they are frequent names).
fn is_arabic_first_name_ok(k: &str) -> bool {
    has(k, bit::FIRST)
}

impl<'a> Words<'a> {
    fn is_name_token(&self, i: usize) -> bool {
        let k = self.key(i);
        !self.is_function(i) && (self.has(i, bit::NAME) || has_surname_ending(k))
    }

    fn is_particle(&self, i: usize) -> bool {
        self.has(i, bit::PARTICLE)
    }

    /// A word with the article that is not a common word: a nisba surname
    /// (الحريري, الأسد).
    /// (A word of another shape must be rarer still: «الاحتفاظ» is a
    /// verbal noun, «الشلهوب» a family name.)
    fn is_rare_nisba(&self, i: usize) -> bool {
        let k = self.key(i);
        k.starts_with("ال")
            && k.chars().count() >= 5
            && !self.is_common(i)
            && (k.ends_with('ي') || !frequent(k))
    }

    /// Whether word `i` may start a name. `strong`: a title precedes it, so
    /// any rare word will do; otherwise it must be a name token.
    fn can_start(&self, i: usize, strong: bool) -> bool {
        if self.is_function(i) || self.gaz_place_or_org(i) {
            return false;
        }
        let k = self.key(i);
        if self.is_particle(i) {
            return i + 1 < self.len() && self.gap(i + 1) == Gap::Space;
        }
        if k.starts_with("ال") {
            // «الرئيس الأسد», «أليكسي»: a name token with the article (or
            // that starts like one), not an adjective.
            return self.has(i, bit::NAME) && !self.is_common(i);
        }
        if self.is_name_token(i) && (!self.is_common(i) || self.has(i, bit::FIRST)) {
            return true;
        }
        // Right after a title, a rare word is a name even if it starts like
        // a verb (يفجيني), unless the news writes its stem as a verb too
        // (يناهز: ناهز).
        strong
            && k.chars().count() >= 2
            && !self.is_common(i)
            && !starts_with_digit(k)
            && !k.starts_with('و')
            && !inflected_noun(k)
            && !verb_like(k)
    }

    /// Whether word `i` continues a name begun before it.
    fn can_continue(&self, i: usize, strong: bool) -> bool {
        if self.gap(i) != Gap::Space || self.is_function(i) || self.gaz_place_or_org(i) {
            return false;
        }
        let k = self.key(i);
        if self.is_particle(i) {
            // «بن سلمان», «بن عبد الكريم», not «ابن عمه».
            let next = self.unit_end(i) - 1;
            return next > i
                && next < self.len()
                && (1..=next - i).all(|d| self.gap(i + d) == Gap::Space)
                && (self.key(next - 1) == "عبد" || self.can_continue(next, strong));
        }
        if self.has(i, bit::REGNAL) {
            // «عبد الله الثاني», «ألفونسو الثالث عشر».
            return true;
        }
        if k == "عشر" {
            return i > 0 && self.has(i - 1, bit::REGNAL);
        }
        if k.starts_with("ال") {
            // A nisba or family name (الحريري, الفيصل, المعلم), not a
            // feminine adjective (المصنفة), a nationality adjective
            // (الفرنسي) or a time word (الماضي).
            return self.has(i, bit::NAME)
                || k.chars().count() >= 4
                    && !k.ends_with('ه')
                    && !self.has(i, bit::AFTER_NAME)
                    && (self.is_rare_nisba(i)
                        // A frequent word as a family name right after a
                        // first name, even one that is a frequent word too:
                        // «وليد المعلم», «سعود الفيصل». (Not after علي:
                        // «علي الأرض» is a common misspelling of «على
                        // الأرض»; nor a title: «محمد بن سلمان الرئيس». A
                        // phrase like «حبيب الروح» after a title or verb is
                        // the price: 5-fold PERSON F1 +0.004.)
                        || strong
                            && !is_adjective(k)
                            && !self.has(i, bit::TITLE_C)
                            && self.has(i - 1, bit::FIRST)
                            && !self.has(i - 1, bit::COLLISION));
        }
        if self.is_common(i) && !self.has(i, bit::NAME) {
            return false;
        }
        if let Some(rest) = k.strip_prefix('و')
            && has(rest, bit::FIRST | bit::NAME)
            && !self.has(i, bit::NAME)
        {
            // «بوتين وأردوغان»: a second person, not one name.
            return false;
        }
        self.is_name_token(i) || strong && self.unknown_name_like(i)
    }

    /// A word the lexicons do not know that may still be a name: not a
    /// common word, not shaped like an Arabic verb, participle or feminine
    /// noun, and not a proclitic on a common word («لمهنة»).
    fn unknown_name_like(&self, i: usize) -> bool {
        let k = self.key(i);
        !self.is_common(i)
            && !starts_with_digit(k)
            && !k.starts_with('و')
            // Verbs, pronoun suffixes (جمهورهما), accusative adjectives
            // (دبلوماسيا), plurals and clitics mark Arabic words.
            && !inflected(k)
            && k.chars().count() >= 2
            // An accusative noun (جيشا, خامسا): a common word plus alef.
            && !k
                .strip_suffix('ا')
                .is_some_and(|r| has(r, bit::COMMON))
            // A form of a frequent word, perhaps after a proclitic:
            // «مصرعه», «مفاوض» (المفاوض), «بتغلبه».
            && !arabic_form(k)
            && !CLITICS
                .iter()
                .any(|c| k.strip_prefix(c).is_some_and(|r| frequent(r) || arabic_form(r)))
    }

    /// The end (word index, exclusive) of a name starting at `i`, if one
    /// does. A name has at most four words (particles aside) and never ends
    /// on a particle.
    fn name_from(&self, i: usize, strong: bool, strong_cont: bool) -> Option<usize> {
        if !self.can_start(i, strong) {
            return None;
        }
        // «عبد الله», «أبو مازن»: particles and their word are one unit.
        let mut j = self.unit_end(i);
        let mut words = 1;
        while j < self.len() && words < 4 && self.can_continue(j, strong_cont) {
            j = self.unit_end(j);
            words += 1;
        }
        while j > i && self.is_particle(j - 1) {
            j -= 1;
        }
        (j > i).then_some(j)
    }

    /// The end of the unit starting at word `i`: a run of particles and
    /// the word after them (بن عبد الكريم), or the word alone.
    fn unit_end(&self, i: usize) -> usize {
        let mut j = i;
        while j + 1 < self.len() && self.is_particle(j) && self.gap(j + 1) == Gap::Space {
            j += 1;
        }
        (j + 1).min(self.len())
    }

    /// The title starting at word `i` (a proclitic allowed on its first
    /// word): the word index after it.
    fn title_at(&self, i: usize) -> Option<usize> {
        // Only the titles whose first word this word can be (with or
        // without a proclitic), in list order: trying every title on every
        // word was most of the time of the whole pipeline.
        if !self.has(i, bit::TITLE_C) {
            return None;
        }
        let mut candidates: Vec<usize> = clitic_readings(self.key(i))
            .filter_map(|w| TITLES_BY_FIRST.get(w.as_ref()))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        'titles: for t in candidates.into_iter().map(|n| &TITLES[n]) {
            if i + t.len() > self.len() {
                continue;
            }
            for (n, w) in t.iter().enumerate().skip(1) {
                if self.gap(i + n) != Gap::Space || self.key(i + n) != w {
                    continue 'titles;
                }
            }
            return Some(i + t.len());
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extractor_with;
    use crate::rules::tests::{check, found, has};
    use crate::vocab::lists::NATIONALITIES;

    #[test]
    fn people_after_titles() {
        let cases = [
            ("title", "قال الرئيس بوتين إن", "بوتين"),
            (
                "title and nationality",
                "قال الرئيس الأوكراني فولوديمير زيلينسكي يوم الخميس",
                "فولوديمير زيلينسكي",
            ),
            (
                "apposition",
                "وقال وزير الخارجية الفرنسي، جان إيف لودريان، إن",
                "جان إيف لودريان",
            ),
            (
                "spokesman of a ministry",
                "وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن",
                "ماريا زاخاروفا",
            ),
            (
                "deputy minister",
                "وصرح نائب وزير الدفاع الروسي أليكسي كريفوروتشكو بأن",
                "أليكسي كريفوروتشكو",
            ),
            (
                "secretary general",
                "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى",
                "أنطونيو غوتيريش",
            ),
            ("artist", "غنت الفنانة فيروز أمس", "فيروز"),
            (
                "leader of a known organisation",
                "وقال قائد مجموعة فاغنر يفجيني بريغوجين في تسجيل",
                "يفجيني بريغوجين",
            ),
            ("name shaped like a verb", "غنت المطربة أنغام أمس", "أنغام"),
            // نجروبونتي starts like a verb (ن), but the news writes no
            // جروبونتي, يجروبونتي: a name.
            (
                "frequent noun as a family name after a frequent first name",
                "مع وزير الخارجية السوري وليد المعلم .",
                "وليد المعلم",
            ),
            (
                "foreign surname starting like a verb",
                "قال السفير الأميركى جون نجروبونتي إن",
                "جون نجروبونتي",
            ),
            (
                "ambassador",
                "التقى السفير ماكسيم كريفتسوف مع",
                "ماكسيم كريفتسوف",
            ),
            (
                "prime minister with a clitic",
                "وأكد رئيس الوزراء الإسرائيلي بنيامين نتنياهو أن",
                "بنيامين نتنياهو",
            ),
        ];
        for (name, text, want) in cases {
            assert!(has(text, "PERSON", want), "case {name}: {:?}", found(text));
        }
    }

    #[test]
    fn people_after_nationality_nouns() {
        check(&[
            (
                "nationality as a noun",
                "فاز الألماني توماس هاس على",
                &[("PERSON", "توماس هاس")],
                &[],
            ),
            (
                "after a conjunction",
                "وتأهل الإسباني رافائيل نادال والصربي نوفاك ديوكوفيتش",
                &[("PERSON", "رافائيل نادال"), ("PERSON", "نوفاك ديوكوفيتش")],
                &[],
            ),
            (
                "feminine",
                "وتغلبت الأمريكية سيرينا ويليامز على",
                &[("PERSON", "سيرينا ويليامز")],
                &[],
            ),
            // After a definite noun, an adjective of that noun.
            (
                "adjective of a noun",
                "وقصف الجيش الإسرائيلي مواقع في",
                &[],
                &["مواقع"],
            ),
        ]);
        assert!(NATIONALITIES.contains("الالماني"));
        assert!(NATIONALITIES.contains("السعوديه"));
        assert!(NATIONALITIES.contains("البرازيلي"));
        assert!(!NATIONALITIES.contains("الماني"));
    }

    #[test]
    fn people_from_verbs_and_lexicons() {
        let cases = [
            (
                "reporting verb",
                "وقال سيرغي شويغو إن القوات",
                "سيرغي شويغو",
            ),
            (
                "first name and surname",
                "التقى الوفد مايكل كاوفمان أمس",
                "مايكل كاوفمان",
            ),
            (
                "compound first name",
                "وصل جان إيف لودريان إلى",
                "جان إيف لودريان",
            ),
            ("ibn", "وكان محمد بن سلمان قد", "محمد بن سلمان"),
            ("abd", "استقبل عبد الله الثاني الوفد", "عبد الله الثاني"),
            ("surname ending", "وأكد ميرزوييف أن", "ميرزوييف"),
            // A name token alone, rare in the news as any other word.
            (
                "lone name token",
                "ولم ينفك نابليون من تجهيز الجيوش",
                "نابليون",
            ),
            (
                "first name alone, ta marbuta",
                "وأرسل معاوية جيشا إلى",
                "معاوية",
            ),
            (
                "lone name token after a conjunction",
                "انضم كانافارو وإيمرسون إلى",
                "إيمرسون",
            ),
            ("clitic outside", "والتقى الوفد وجورج كلوني", "جورج كلوني"),
            // A family name that is a frequent word, from the corpus
            // (gazetteers/names/generate.py, FAMILY_RATIO).
            ("frequent family name", "وأكد عادل الجبير أن", "عادل الجبير"),
        ];
        for (name, text, want) in cases {
            assert!(has(text, "PERSON", want), "case {name}: {:?}", found(text));
        }
    }

    #[test]
    fn known_first_names_grow_over_particle_runs() {
        // «محمد» alone is a known person; the name goes on over «بن عبد».
        let ex = extractor_with("t:1\tPERSON\tمحمد\t\t\n");
        let people: Vec<String> = ex
            .extract("أمام محمد بن عبد الكريم الخطابي تزعم")
            .into_iter()
            .filter(|e| e.label == Label::Person)
            .map(|e| e.text)
            .collect();
        assert_eq!(people, ["محمد بن عبد الكريم الخطابي"]);
    }

    #[test]
    fn a_frequent_word_before_bin_is_a_first_name() {
        let ex = extractor_with("");
        let people = |text: &str| -> Vec<String> {
            ex.extract(text)
                .into_iter()
                .filter(|e| e.label == Label::Person)
                .map(|e| e.text)
                .collect()
        };
        assert_eq!(
            people("وصل الشيخ خليفة بن زايد آل نهيان رئيس الدولة"),
            ["خليفة بن زايد آل نهيان"]
        );
        // A title or a reporting verb before «بن» is not a first name.
        assert_eq!(people("وقال الرئيس بن علي إن"), ["بن علي"]);
    }

    #[test]
    fn names_do_not_swallow_verbs_or_function_words() {
        let cases = [
            ("verb after", "قال الرئيس بوتين قال", "بوتين قال"),
            ("preposition after", "الرئيس ماكرون في باريس", "ماكرون في"),
            ("place after", "الرئيس ماكرون باريس", "ماكرون باريس"),
            ("date after", "قال الرئيس بوتين يوم الخميس", "بوتين يوم"),
            ("على", "قال علي على الطاولة", "علي على"),
            ("coordination", "الرئيسان بوتين وأردوغان", "بوتين وأردوغان"),
            ("across a full stop", "التقى جورج. بوش", "جورج. بوش"),
            (
                "future verb after a title",
                "قال الرئيس السيسى سيتوجه",
                "سيتوجه",
            ),
            (
                "verbal noun with a proclitic and a pronoun",
                "وتأهل الروسي إيغور كونيتسين بتغلبه على",
                "إيغور كونيتسين بتغلبه",
            ),
            (
                "noun with a pronoun",
                "وأكد المدرب عبدالرحمن عبدالفتاح مصرعه",
                "عبدالرحمن عبدالفتاح مصرعه",
            ),
        ];
        for (name, text, bad) in cases {
            assert!(!has(text, "PERSON", bad), "case {name}: {:?}", found(text));
        }
        // And no person at all where there is none.
        for text in [
            "قال الرئيس إن الوضع صعب",
            "قال مسؤول في الوزارة",
            "أعلن الجيش أمس",
            "الرئيس الأمريكي",
        ] {
            assert!(
                !found(text).iter().any(|(l, _, _)| l == "PERSON"),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn names_keep_a_first_letter_that_looks_like_a_proclitic() {
        // «ريس», «لية», «ياري» are name tokens; «ك» + one of them is a name
        // or a word that starts with «ك», not "like" + a name.
        check(&[
            (
                "Chris after a conjunction",
                "فازت نافراتيلوفا وكريس إيفرت",
                &[("PERSON", "كريس إيفرت")],
                &["ريس إيفرت"],
            ),
            (
                "college",
                "وتأسست كلية آل مكتوم للتعليم العالي",
                &[],
                &["لية آل مكتوم"],
            ),
            (
                "a name with kaf",
                "فيما قال كياري ساندا إن",
                &[],
                &["ياري ساندا"],
            ),
            // Nor is a frequent word a proclitic + a first name.
            ("a dress", "هناك أيضا فستان للأميرة", &[], &["ستان"]),
            (
                "and a name",
                "وصل ومحمد علي",
                &[("PERSON", "محمد علي")],
                &[],
            ),
        ]);
    }

    #[test]
    fn arabic_words_with_surname_endings() {
        check(&[
            ("a dual", "وقال مسؤولان عراقيان إن", &[], &["عراقيان"]),
            ("a dual verb", "وهما يسعيان إلى", &[], &["يسعيان"]),
            ("an accusative", "كان معروفا في المدينة", &[], &["معروفا"]),
            (
                "a feminine Russian surname",
                "وقالت إيلينا إيفانوفا إن",
                &[("PERSON", "إيلينا إيفانوفا")],
                &[],
            ),
            (
                "a real surname",
                "وأكد ميرزوييف أن",
                &[("PERSON", "ميرزوييف")],
                &[],
            ),
        ]);
    }
}
