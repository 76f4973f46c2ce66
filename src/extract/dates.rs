//! Dates on résumés: month precision, ranges, and "Present".
//!
//! [`YearMonth`] is the only date type: résumés rarely give days, and years
//! of experience are counted in whole months. [`find_date_range`] finds a
//! role's date range in one line of text, in the spellings real résumés
//! use ("Jan 2019 – Present", "2017-2020", "03/2018 - 06/2021",
//! "Since 2019", "Sep '18 – Jun '20", "1987-92", ...).
//!
//! Conventions, which every caller relies on:
//!
//! * A year without a month starts in January and ends in December, so
//!   "2017-2020" is 48 months. Ranges are counted inclusively:
//!   "Jan 2019 – Dec 2019" is 12 months ([`DateRange::months`]).
//! * "Present", "Current", "Now", "Today", "to date", "till date",
//!   "ongoing", "onwards" and an open "Since 2019" end at the `as_of` month
//!   the caller passes, never at the clock, so results are reproducible.
//! * A year-only end in the `as_of` year ends at `as_of` ("2019-2025" with
//!   `as_of` 2025-03 ends in March 2025), not in a December still to come.
//! * Ranges that end before they start, end after `as_of`, or name a year
//!   outside [`MIN_YEAR`]`..=as_of.year` are rejected: they are typos,
//!   phone numbers, founding years or expected graduations, not roles.
//! * A single date ("2019", "May 2019") is not a range.
//! * Full dates with a day ("12/03/2018") are not read: day-month order is
//!   ambiguous.
//!
//! Every function takes arbitrary text and never panics; spans are byte
//! offsets on character boundaries of the line given.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Serialize, Serializer};

/// The earliest year accepted in a date range: older years on a résumé are
/// founding dates or noise, not a candidate's roles.
pub const MIN_YEAR: i32 = 1950;

/// Most whitespace characters between a month name and its year ("Jan  2019").
const MONTH_YEAR_MAX_GAP: usize = 4;

/// Most whitespace characters around a range separator ("2019   -   2020").
const SEPARATOR_MAX_SPACE: usize = 4;

/// Fewest spaces that stand for a dash lost in conversion ("March 2011  Present").
/// One space is too common in prose ("in 2014 2 projects") to mean a range.
const LOST_DASH_MIN_SPACES: usize = 2;

/// A calendar month: the precision résumés give.
///
/// Ordered chronologically.
///
/// ```
/// use skillmatch::extract::dates::YearMonth;
/// let start: YearMonth = "2019-01".parse().unwrap();
/// let end: YearMonth = "2019-12-31".parse().unwrap();
/// assert_eq!(start.months_until(end), 11);
/// assert_eq!(end.to_string(), "2019-12");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, e.g. 2019.
    pub year: i32,
    /// The month, 1 (January) to 12 (December).
    pub month: u32,
}

impl YearMonth {
    /// The month `year-month`, or `None` when `month` is not in 1..=12.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// Months from `self` to `later`: 0 for the same month, negative when
    /// `later` is earlier. Jan 2019 to Dec 2019 is 11; add one to count
    /// both ends.
    pub fn months_until(self, later: YearMonth) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32
    }

    /// The current month in UTC, from the system clock (1970-01 if the
    /// clock is before the Unix epoch).
    pub fn today() -> Self {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = i64::try_from(seconds / 86_400).unwrap_or(0);
        let (year, month, _) = civil_from_days(days);
        YearMonth { year, month }
    }

    /// Months since year 0, for interval arithmetic.
    pub(crate) fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    /// Serialized as `"YYYY-MM"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Why a string is not a `YYYY-MM` or `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError {
    input: String,
    reason: &'static str,
}

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid date {:?}: {}; write YYYY-MM or YYYY-MM-DD",
            self.input, self.reason
        )
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for YearMonth {
    type Err = ParseDateError;

    /// Parses `YYYY-MM` or `YYYY-MM-DD` (the day is checked, then dropped).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = |reason| ParseDateError {
            input: s.to_string(),
            reason,
        };
        let parts: Vec<&str> = s.trim().split('-').collect();
        if !(2..=3).contains(&parts.len()) {
            return Err(error("expected YYYY-MM or YYYY-MM-DD"));
        }
        let number = |part: &str, digits: usize| {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let year = number(parts[0], 4).ok_or_else(|| error("the year must be 4 digits"))?;
        let month = number(parts[1], 2).ok_or_else(|| error("the month must be 2 digits"))?;
        let date = YearMonth::new(year as i32, month)
            .ok_or_else(|| error("the month must be 01 to 12"))?;
        if let Some(day) = parts.get(2) {
            let day = number(day, 2).ok_or_else(|| error("the day must be 2 digits"))?;
            if day == 0 || day > days_in_month(date) {
                return Err(error("no such day in that month"));
            }
        }
        Ok(date)
    }
}

fn days_in_month(date: YearMonth) -> u32 {
    match date.month {
        2 if date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// (year, month, day) of the day `days` after 1970-01-01, proleptic
/// Gregorian calendar. Works in 400-year eras of 146 097 days, with years
/// starting in March so the leap day falls at the end of a year.
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    const DAYS_PER_ERA: i64 = 146_097;
    // 1970-01-01 is day 719 468 counted from 0000-03-01.
    let z = days + 719_468;
    let era = z.div_euclid(DAYS_PER_ERA);
    let day_of_era = z.rem_euclid(DAYS_PER_ERA);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month as u32, day as u32)
}

/// A date range found in a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    /// Byte span of the range in the line, including a "Since"/"from"
    /// prefix and an "onwards" suffix.
    pub span: Range<usize>,
    /// First month.
    pub start: YearMonth,
    /// Last month (inclusive); `as_of` for an open range.
    pub end: YearMonth,
    /// Whether the range ends at "Present" (or an equivalent) rather than a date.
    pub open: bool,
}

impl DateRange {
    /// Months covered, counting both ends: "Jan 2019 – Dec 2019" is 12.
    pub fn months(&self) -> i32 {
        self.start.months_until(self.end) + 1
    }
}

/// The first date range in `line`, if any.
///
/// ```
/// use skillmatch::extract::dates::{find_date_range, YearMonth};
/// let as_of = YearMonth::new(2024, 6).unwrap();
/// let range = find_date_range("Acme Corp | Jan 2019 – Present", as_of).unwrap();
/// assert_eq!(range.start, YearMonth::new(2019, 1).unwrap());
/// assert_eq!(range.end, as_of);
/// assert_eq!(&"Acme Corp | Jan 2019 – Present"[range.span], "Jan 2019 – Present");
/// assert!(find_date_range("Graduated 2019", as_of).is_none());
/// ```
pub fn find_date_range(line: &str, as_of: YearMonth) -> Option<DateRange> {
    DateScanner::new(line, as_of).next()
}

/// Every date range in `line`, left to right, not overlapping.
pub fn find_date_ranges(line: &str, as_of: YearMonth) -> Vec<DateRange> {
    DateScanner::new(line, as_of).collect()
}

/// Iterator over the date ranges of one line.
struct DateScanner<'a> {
    line: &'a str,
    as_of: YearMonth,
    pos: usize,
}

impl<'a> DateScanner<'a> {
    fn new(line: &'a str, as_of: YearMonth) -> Self {
        DateScanner {
            line,
            as_of,
            pos: 0,
        }
    }
}

impl Iterator for DateScanner<'_> {
    type Item = DateRange;

    fn next(&mut self) -> Option<DateRange> {
        let bytes = self.line.as_bytes();
        while self.pos < bytes.len() {
            let p = self.pos;
            let b = bytes[p];
            let starts_token = (b.is_ascii_alphanumeric() || b == b'\'')
                && !self.line[..p]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if starts_token {
                if let Some(range) = range_at(self.line, p, self.as_of) {
                    self.pos = range.span.end.max(p + 1);
                    return Some(range);
                }
            }
            self.pos += self.line[p..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// A date as written, before it is resolved to a start or an end month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// A year alone: January as a start, December as an end.
    Year(i32),
    /// A month and year.
    Month(i32, u32),
    /// A month name without a year ("Jan – Aug 2011"): takes the end's year.
    MonthOnly(u32),
}

impl Point {
    fn year(self) -> Option<i32> {
        match self {
            Point::Year(y) | Point::Month(y, _) => Some(y),
            Point::MonthOnly(_) => None,
        }
    }
}

/// How the two ends of a range are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    /// A dash or a word ("to", "till", "until", "through").
    Explicit,
    /// Only spaces, where a dash was probably lost in conversion.
    LostDash,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Seasons, as academic and internship dates use them, by their first month.
const SEASONS: &[(&str, u32)] = &[
    ("spring", 3),
    ("summer", 6),
    ("fall", 9),
    ("autumn", 9),
    ("winter", 12),
];

/// Words that end a range at `as_of`, after a separator ("2019 - now").
const OPEN_ENDS: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "date",
    "ongoing",
    "continuing",
];

/// Words that may come between a separator and an open end ("to the present").
const OPEN_END_FILLERS: &[&str] = &["the", "till", "to", "until", "up", "upto"];

/// Words after a start that leave the range open ("May 2014 onwards").
const OPEN_SUFFIXES: &[&str] = &["onwards", "onward", "ongoing", "forward", "forwards"];

/// Words before a start that make it open when no end follows ("Since 2019").
const OPEN_PREFIXES: &[&str] = &["since", "from"];

/// Dashes and joining words, longest first. The two escaped forms are the
/// literal text some converters leave for en and em dashes.
const DASHES: &[&str] = &[
    "\\xe2\\x80\\x93",
    "\\xe2\\x80\\x94",
    "--",
    "-",
    "\u{2010}",
    "\u{2011}",
    "\u{2012}",
    "\u{2013}",
    "\u{2014}",
    "\u{2015}",
    "\u{2212}",
    "~",
];

const SEPARATOR_WORDS: &[&str] = &["through", "until", "till", "thru", "to"];

/// The range starting at byte `p` (a token start), if any.
fn range_at(line: &str, p: usize, as_of: YearMonth) -> Option<DateRange> {
    let (prefixed, from) = match word_at(line, p) {
        Some((w, end)) if OPEN_PREFIXES.iter().any(|o| w.eq_ignore_ascii_case(o)) => {
            let q = skip_spaces(line, end, SEPARATOR_MAX_SPACE);
            if q == end {
                return None;
            }
            (true, q)
        }
        _ => (false, p),
    };
    if glued_to_number(line, from) {
        return None;
    }
    for (start, start_end) in points_at(line, from) {
        if let Some(range) = closed_range(line, p, start, start_end, as_of) {
            return Some(range);
        }
        if matches!(start, Point::MonthOnly(_)) {
            continue;
        }
        // An open range: "Since 2019", "September 2017 onwards".
        let suffix = skip_spaces(line, start_end, SEPARATOR_MAX_SPACE);
        let onwards = word_at(line, suffix)
            .filter(|(w, _)| OPEN_SUFFIXES.iter().any(|o| w.eq_ignore_ascii_case(o)))
            .map(|(_, end)| end);
        if prefixed || onwards.is_some() {
            let begin = resolve_start(start, None)?;
            if valid(begin, as_of, as_of) {
                return Some(DateRange {
                    span: p..onwards.unwrap_or(start_end),
                    start: begin,
                    end: as_of,
                    open: true,
                });
            }
        }
    }
    None
}

/// A range with both ends starting with `start` (ending at `start_end`).
fn closed_range(
    line: &str,
    p: usize,
    start: Point,
    start_end: usize,
    as_of: YearMonth,
) -> Option<DateRange> {
    let (q, separator) = separator_at(line, start_end)?;
    if let Some(end) = open_end_at(line, q) {
        let begin = resolve_start(start, None)?;
        return valid(begin, as_of, as_of).then_some(DateRange {
            span: p..end,
            start: begin,
            end: as_of,
            open: true,
        });
    }
    let mut ends = points_at(line, q);
    if separator == Separator::Explicit {
        if let Some((year, end)) = two_digit_end(line, q, start) {
            ends.push((Point::Year(year), end));
        }
    }
    for (end_point, end_at) in ends {
        let Some(finish) = resolve_end(end_point, as_of) else {
            continue;
        };
        let Some(begin) = resolve_start(start, end_point.year().map(|y| (y, finish))) else {
            continue;
        };
        if separator == Separator::LostDash && !lost_dash_ordered(start, end_point) {
            continue;
        }
        if valid(begin, finish, as_of) {
            return Some(DateRange {
                span: p..end_at,
                start: begin,
                end: finish,
                open: false,
            });
        }
    }
    None
}

/// Whether two dates joined only by spaces read as a range: the end is
/// strictly later, so "2013  2013" (a list of years) is not one.
fn lost_dash_ordered(start: Point, end: Point) -> bool {
    match (start, end) {
        (Point::Month(y1, m1), Point::Month(y2, m2)) => (y1, m1) < (y2, m2),
        (a, b) => match (a.year(), b.year()) {
            (Some(y1), Some(y2)) => y1 < y2,
            _ => false,
        },
    }
}

/// The first month of a start point; a month without a year takes the
/// year of the end (the year before when its month is later: "Nov – Feb 2020").
fn resolve_start(start: Point, end: Option<(i32, YearMonth)>) -> Option<YearMonth> {
    match start {
        Point::Year(y) => YearMonth::new(y, 1),
        Point::Month(y, m) => YearMonth::new(y, m),
        Point::MonthOnly(m) => {
            let (_, finish) = end?;
            let year = if m > finish.month {
                finish.year - 1
            } else {
                finish.year
            };
            YearMonth::new(year, m)
        }
    }
}

/// The last month of an end point; a year alone ends in December, or at
/// `as_of` when it is `as_of`'s year.
fn resolve_end(end: Point, as_of: YearMonth) -> Option<YearMonth> {
    match end {
        Point::Year(y) if y == as_of.year => Some(as_of),
        Point::Year(y) => YearMonth::new(y, 12),
        Point::Month(y, m) => YearMonth::new(y, m),
        Point::MonthOnly(_) => None,
    }
}

fn valid(start: YearMonth, end: YearMonth, as_of: YearMonth) -> bool {
    start.year >= MIN_YEAR && start <= end && end <= as_of
}

/// Every reading of a date at byte `p`, longest first.
fn points_at(line: &str, p: usize) -> Vec<(Point, usize)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let Some(&first) = bytes.get(p) else {
        return out;
    };
    if first.is_ascii_digit() {
        // YYYY-MM or YYYY/MM, optionally -DD.
        if let Some(year) = digits_at(line, p, 4) {
            let after = p + 4;
            if let Some(&sep) = bytes.get(after) {
                if sep == b'-' || sep == b'/' {
                    if let Some(month) = digits_at(line, after + 1, 2) {
                        let mut end = after + 3;
                        if bytes.get(end) == Some(&sep) {
                            if let Some(day) = digits_at(line, end + 1, 2) {
                                if (1..=31).contains(&day) {
                                    end += 3;
                                }
                            }
                        }
                        if (1..=12).contains(&month) && token_ends(line, end) {
                            out.push((Point::Month(year as i32, month), end));
                        }
                    }
                }
            }
            if token_ends(line, after) {
                out.push((Point::Year(year as i32), after));
            }
        }
        // MM/YYYY, M/YYYY, MM.YYYY, MM-YYYY.
        for width in [2, 1] {
            let Some(month) = digits_at(line, p, width) else {
                continue;
            };
            let sep = bytes.get(p + width).copied();
            if !matches!(sep, Some(b'/' | b'.' | b'-')) {
                continue;
            }
            if let Some(year) = digits_at(line, p + width + 1, 4) {
                let end = p + width + 5;
                if (1..=12).contains(&month) && token_ends(line, end) {
                    out.push((Point::Month(year as i32, month), end));
                }
            }
        }
        return out;
    }
    if first == b'\'' {
        return out;
    }
    let Some((word, word_end)) = word_at(line, p) else {
        return out;
    };
    let lower = word.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m);
    let season = SEASONS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m);
    let Some(month) = month.or(season) else {
        return out;
    };
    let mut q = word_end;
    if month_abbreviated(&lower) && bytes.get(q) == Some(&b'.') {
        q += 1;
    }
    if let Some((year, end)) = year_after_month(line, q) {
        out.push((Point::Month(year, month), end));
    }
    if season.is_none() {
        out.push((Point::MonthOnly(month), q));
    }
    out
}

fn month_abbreviated(lower: &str) -> bool {
    lower.len() <= 4
}

/// The year after a month name: "Jan 2019", "Jan, 2019", "Jan-2019",
/// "Oct- 2008", "Jan'19", "Sep '18".
fn year_after_month(line: &str, q: usize) -> Option<(i32, usize)> {
    let bytes = line.as_bytes();
    let mut r = q;
    let mut gap = 0;
    let mut dash = false;
    while let Some(&b) = bytes.get(r) {
        match b {
            b' ' | b'\t' | b',' if gap < MONTH_YEAR_MAX_GAP => gap += 1,
            b'-' | b'/' if !dash => dash = true,
            _ => break,
        }
        r += 1;
    }
    if let Some(year) = digits_at(line, r, 4) {
        return token_ends(line, r + 4).then_some((year as i32, r + 4));
    }
    let apostrophe = if line[r..].starts_with('\'') {
        1
    } else if line[r..].starts_with('\u{2019}') {
        '\u{2019}'.len_utf8()
    } else {
        0
    };
    if !dash && apostrophe > 0 {
        let two = digits_at(line, r + apostrophe, 2)?;
        let end = r + apostrophe + 2;
        return token_ends(line, end).then_some((expand_two_digit_year(two), end));
    }
    None
}

/// A two-digit year written with an apostrophe: '00 to '49 are in the
/// 2000s, '50 to '99 in the 1900s (years before [`MIN_YEAR`] are rejected
/// anyway, so nothing is lost).
fn expand_two_digit_year(two: u32) -> i32 {
    let two = two as i32;
    if two < MIN_YEAR % 100 {
        2000 + two
    } else {
        1900 + two
    }
}

/// A two-digit end year after a year ("1987-92", "2011-12"): the first
/// later year with those last digits. Two digits that could be a month
/// ("2018-03") count only as the next year ("2011-12", an academic year).
fn two_digit_end(line: &str, q: usize, start: Point) -> Option<(i32, usize)> {
    let Point::Year(year) = start else {
        return None;
    };
    let two = digits_at(line, q, 2)? as i32;
    if !token_ends(line, q + 2) {
        return None;
    }
    let century = year - year.rem_euclid(100);
    let mut end = century + two;
    if end <= year {
        end += 100;
    }
    let could_be_month = (1..=12).contains(&two);
    if end == year + 1 || (!could_be_month && end - year < 100) {
        Some((end, q + 2))
    } else {
        None
    }
}

/// The separator after a start point, returning where the end point begins.
fn separator_at(line: &str, p: usize) -> Option<(usize, Separator)> {
    let spaced = skip_spaces(line, p, SEPARATOR_MAX_SPACE);
    let rest = &line[spaced..];
    for dash in DASHES {
        if starts_with_ignore_case(rest, dash) {
            let q = skip_spaces(line, spaced + dash.len(), SEPARATOR_MAX_SPACE);
            return Some((q, Separator::Explicit));
        }
    }
    if spaced > p {
        if let Some((word, end)) = word_at(line, spaced) {
            if SEPARATOR_WORDS.iter().any(|s| word.eq_ignore_ascii_case(s)) {
                let q = skip_spaces(line, end, SEPARATOR_MAX_SPACE);
                if q > end {
                    return Some((q, Separator::Explicit));
                }
            }
        }
        let spaces = line[p..spaced]
            .chars()
            .filter(|&c| c == ' ' || c == '\t')
            .count();
        if spaces >= LOST_DASH_MIN_SPACES {
            return Some((spaced, Separator::LostDash));
        }
    }
    None
}

/// The end of an open-end phrase at `q` ("Present", "till date", "to the present").
fn open_end_at(line: &str, q: usize) -> Option<usize> {
    let mut r = q;
    for _ in 0..=2 {
        let (word, end) = word_at(line, r)?;
        if OPEN_ENDS.iter().any(|o| word.eq_ignore_ascii_case(o)) {
            return Some(end);
        }
        if !OPEN_END_FILLERS
            .iter()
            .any(|o| word.eq_ignore_ascii_case(o))
        {
            return None;
        }
        r = skip_spaces(line, end, SEPARATOR_MAX_SPACE);
        if r == end {
            return None;
        }
    }
    None
}

/// The ASCII-letter word at `p` and where it ends, if `p` starts one.
fn word_at(line: &str, p: usize) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    let len = bytes
        .get(p..)?
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if len == 0 || !token_ends(line, p + len) {
        return None;
    }
    Some((&line[p..p + len], p + len))
}

/// Exactly `width` ASCII digits at `p`, not followed by another digit.
fn digits_at(line: &str, p: usize, width: usize) -> Option<u32> {
    let bytes = line.as_bytes();
    let digits = bytes.get(p..p + width)?;
    if !digits.iter().all(u8::is_ascii_digit)
        || bytes.get(p + width).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    digits
        .iter()
        .try_fold(0u32, |n, d| Some(n * 10 + u32::from(d - b'0')))
}

/// Whether nothing alphanumeric continues the token ending at `p`.
fn token_ends(line: &str, p: usize) -> bool {
    line.get(p..)
        .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
}

/// Whether a number at `p` continues a longer number ("555-2019-12",
/// "12/03/2018"), so it is not a date of its own.
fn glued_to_number(line: &str, p: usize) -> bool {
    let before = line.as_bytes()[..p].iter().rev();
    let mut before = before.take(2);
    matches!(
        (before.next(), before.next()),
        (Some(b'-' | b'/' | b'.'), Some(d)) if d.is_ascii_digit()
    )
}

fn skip_spaces(line: &str, p: usize, max: usize) -> usize {
    let mut q = p;
    let mut n = 0;
    while n < max {
        match line.get(q..).and_then(|rest| rest.chars().next()) {
            Some(c @ (' ' | '\t' | '\u{00A0}')) => {
                q += c.len_utf8();
                n += 1;
            }
            _ => break,
        }
    }
    q
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    const AS_OF: YearMonth = YearMonth {
        year: 2024,
        month: 6,
    };

    #[test]
    fn year_month_parses_iso_dates() {
        let cases: &[(&str, &str, Option<YearMonth>)] = &[
            ("year-month", "2019-03", Some(ym(2019, 3))),
            ("full date", "2024-02-29", Some(ym(2024, 2))),
            ("surrounding spaces", " 2019-12 ", Some(ym(2019, 12))),
            ("month 13", "2019-13", None),
            ("month 0", "2019-00", None),
            ("no leap day", "2023-02-29", None),
            ("day 31 in april", "2023-04-31", None),
            ("short year", "19-03", None),
            ("one-digit month", "2019-3", None),
            ("slashes", "2019/03", None),
            ("year only", "2019", None),
            ("text", "today", None),
            ("empty", "", None),
            ("too many parts", "2019-01-01-01", None),
        ];
        for (name, input, expected) in cases {
            assert_eq!(
                input.parse::<YearMonth>().ok(),
                *expected,
                "{name}: {input:?}"
            );
        }
        let err = "2019-13"
            .parse::<YearMonth>()
            .expect_err("month 13")
            .to_string();
        assert!(err.contains("2019-13") && err.contains("01 to 12"), "{err}");
    }

    #[test]
    fn months_until_counts_calendar_months() {
        let cases = [
            ("same month", ym(2019, 1), ym(2019, 1), 0),
            ("within a year", ym(2019, 1), ym(2019, 12), 11),
            ("across years", ym(2018, 11), ym(2019, 2), 3),
            ("backwards", ym(2020, 1), ym(2019, 1), -12),
        ];
        for (name, a, b, expected) in cases {
            assert_eq!(a.months_until(b), expected, "{name}");
        }
    }

    #[test]
    fn civil_from_days_matches_known_dates() {
        let cases = [
            ("epoch", 0, (1970, 1, 1)),
            ("day before epoch", -1, (1969, 12, 31)),
            ("leap day 2000", 11_016, (2000, 2, 29)),
            ("march 2000", 11_017, (2000, 3, 1)),
            ("2024-06-15", 19_889, (2024, 6, 15)),
            ("2100-03-01 (no leap day)", 47_541, (2100, 3, 1)),
        ];
        for (name, days, expected) in cases {
            assert_eq!(civil_from_days(days), expected, "{name}");
        }
    }

    #[test]
    fn today_is_a_plausible_month() {
        let today = YearMonth::today();
        assert!(
            today.year >= 2024 && (1..=12).contains(&today.month),
            "{today}"
        );
    }

    #[test]
    fn date_ranges_in_the_spellings_resumes_use() {
        // (name, line, expected (span text, start, end, open))
        type Case = (
            &'static str,
            &'static str,
            Option<(&'static str, YearMonth, YearMonth, bool)>,
        );
        let cases: &[Case] = &[
            (
                "month to present",
                "Jan 2019 – Present",
                Some(("Jan 2019 – Present", ym(2019, 1), AS_OF, true)),
            ),
            (
                "full month to current",
                "January 2019 - Current",
                Some(("January 2019 - Current", ym(2019, 1), AS_OF, true)),
            ),
            (
                "years with hyphen",
                "2017-2020",
                Some(("2017-2020", ym(2017, 1), ym(2020, 12), false)),
            ),
            (
                "years with en dash",
                "Acme, 2017 – 2020, Berlin",
                Some(("2017 – 2020", ym(2017, 1), ym(2020, 12), false)),
            ),
            (
                "numeric months",
                "03/2018 - 06/2021",
                Some(("03/2018 - 06/2021", ym(2018, 3), ym(2021, 6), false)),
            ),
            (
                "numeric months with to",
                "3/2018 to 6/2021",
                Some(("3/2018 to 6/2021", ym(2018, 3), ym(2021, 6), false)),
            ),
            (
                "to date",
                "2019 to date",
                Some(("2019 to date", ym(2019, 1), AS_OF, true)),
            ),
            (
                "till date",
                "Mar 2020 - Till Date",
                Some(("Mar 2020 - Till Date", ym(2020, 3), AS_OF, true)),
            ),
            (
                "since",
                "Since 2019 leading the team",
                Some(("Since 2019", ym(2019, 1), AS_OF, true)),
            ),
            (
                "since month",
                "working here since May 2017 as a lead",
                Some(("since May 2017", ym(2017, 5), AS_OF, true)),
            ),
            (
                "now",
                "2019 - now",
                Some(("2019 - now", ym(2019, 1), AS_OF, true)),
            ),
            (
                "apostrophe years",
                "Sep '18 – Jun '20",
                Some(("Sep '18 – Jun '20", ym(2018, 9), ym(2020, 6), false)),
            ),
            (
                "month words with to",
                "Apr 2015 to Jul 2016",
                Some(("Apr 2015 to Jul 2016", ym(2015, 4), ym(2016, 7), false)),
            ),
            (
                "full months",
                "November 2016 to October 2017",
                Some((
                    "November 2016 to October 2017",
                    ym(2016, 11),
                    ym(2017, 10),
                    false,
                )),
            ),
            (
                "onwards",
                "Hyperion scripting. (September 2017 onwards)",
                Some(("September 2017 onwards", ym(2017, 9), AS_OF, true)),
            ),
            (
                "year-month iso",
                "2018-03 – 2021-06",
                Some(("2018-03 – 2021-06", ym(2018, 3), ym(2021, 6), false)),
            ),
            (
                "two-digit end year",
                "Partner (1979-92)",
                Some(("1979-92", ym(1979, 1), ym(1992, 12), false)),
            ),
            (
                "academic year",
                "Chair, 2002-03",
                Some(("2002-03", ym(2002, 1), ym(2003, 12), false)),
            ),
            (
                "month without year",
                "Intern  Jan – Aug 2011",
                Some(("Jan – Aug 2011", ym(2011, 1), ym(2011, 8), false)),
            ),
            (
                "month dash year",
                "since Oct- 2008 to Jan 2010",
                Some((
                    "since Oct- 2008 to Jan 2010",
                    ym(2008, 10),
                    ym(2010, 1),
                    false,
                )),
            ),
            (
                "abbreviation with dot",
                "Sept. 2018 - Dec. 2019",
                Some(("Sept. 2018 - Dec. 2019", ym(2018, 9), ym(2019, 12), false)),
            ),
            (
                "seasons",
                "Fall 2015 - Spring 2017",
                Some(("Fall 2015 - Spring 2017", ym(2015, 9), ym(2017, 3), false)),
            ),
            (
                "lost dash to present",
                "Coach, March 2011  Present  Inspired",
                Some(("March 2011  Present", ym(2011, 3), AS_OF, true)),
            ),
            (
                "lost dash years",
                "1999  2003: Bachelor of Arts",
                Some(("1999  2003", ym(1999, 1), ym(2003, 12), false)),
            ),
            (
                "escaped em dash",
                "Aug 2012 \\xe2\\x80\\x94 May 2013",
                Some((
                    "Aug 2012 \\xe2\\x80\\x94 May 2013",
                    ym(2012, 8),
                    ym(2013, 5),
                    false,
                )),
            ),
            (
                "year-only end this year",
                "2019-2024",
                Some(("2019-2024", ym(2019, 1), AS_OF, false)),
            ),
            (
                "no spaces em dash",
                "2007—2010",
                Some(("2007—2010", ym(2007, 1), ym(2010, 12), false)),
            ),
            ("single year", "Graduated 2019", None),
            ("single month", "May 2019", None),
            ("end before start", "2020 - 2017", None),
            ("future end", "Jan 2023 – Dec 2026", None),
            ("future year", "2023-2026", None),
            ("too old", "Since 1923, Novo has grown", None),
            ("phone number", "Call 2123-456789", None),
            ("full dates not read", "12/03/2018 - 15/04/2019", None),
            ("year list with single spaces", "in 2014 2015 we grew", None),
            ("same year list", "2013  2013  2012", None),
            ("lost dash descending", "2009  2000  1999", None),
            (
                "presentation is not present",
                "2019 - presentation skills",
                None,
            ),
            ("month in a year-month could be a month", "2018-03", None),
            ("bare month word", "May we meet", None),
            ("embedded in a word", "ab2017-2020", None),
            ("empty", "", None),
        ];
        for (name, line, expected) in cases {
            let got = find_date_range(line, AS_OF)
                .map(|r| (&line[r.span.clone()], r.start, r.end, r.open));
            assert_eq!(got, *expected, "{name}: {line:?}");
        }
    }

    #[test]
    fn range_months_count_both_ends() {
        let cases = [
            ("one calendar year", "Jan 2019 – Dec 2019", 12),
            ("year-only span", "2017-2020", 48),
            ("one month", "Mar 2020 - Mar 2020", 1),
            ("open range", "Jan 2024 - Present", 6),
        ];
        for (name, line, expected) in cases {
            let range = find_date_range(line, AS_OF).expect(name);
            assert_eq!(range.months(), expected, "{name}");
        }
    }

    #[test]
    fn several_ranges_on_one_line_are_all_found() {
        let line = "Partner (1979-92), Managing Partner (1987-92); chair 2002-2003";
        let got: Vec<(YearMonth, YearMonth)> = find_date_ranges(line, AS_OF)
            .iter()
            .map(|r| (r.start, r.end))
            .collect();
        assert_eq!(
            got,
            [
                (ym(1979, 1), ym(1992, 12)),
                (ym(1987, 1), ym(1992, 12)),
                (ym(2002, 1), ym(2003, 12)),
            ]
        );
    }

    #[test]
    fn scanning_odd_text_never_panics() {
        let lines = [
            "é2019-2020",
            "2019-\u{2013}",
            "Jan'",
            "Sep \u{2019}1",
            "'",
            "2019 - ",
            "\\xe2\\x80",
            "since",
            "since ",
            "from from 2019",
            "12/",
            "2019/1",
            "Jan \u{2019}18 – now",
        ];
        for line in lines {
            let _ = find_date_ranges(line, AS_OF);
        }
        let got = find_date_range("Jan \u{2019}18 – now", AS_OF).map(|r| r.start);
        assert_eq!(got, Some(ym(2018, 1)));
    }
}
