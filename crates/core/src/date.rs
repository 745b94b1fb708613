//! Calendar dates as day numbers, enough for synthetic charts: no time
//! zones, no clock. Day 0 is 1970-01-01.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

impl Date {
    /// The date of a year, month (1-12) and day (1-31), proleptic Gregorian.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Date {
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// A date written YYYY-MM-DD, if it is a real one.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let date = Date::from_ymd(y, m, d);
        (date.ymd() == (y, m, d)).then_some(date)
    }

    pub fn plus_days(self, days: i32) -> Date {
        Date(self.0 + days)
    }

    /// Whole years from `birth` to `self`.
    pub fn years_since(self, birth: Date) -> i32 {
        let (y, m, d) = self.ymd();
        let (by, bm, bd) = birth.ymd();
        y - by - i32::from((m, d) < (bm, bd))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Milliseconds since the Unix epoch as "YYYY-MM-DD HH:MM" in UTC.
pub fn utc_date_time(at_ms: i64) -> String {
    let day = at_ms.div_euclid(86_400_000);
    let minute = at_ms.rem_euclid(86_400_000) / 60_000;
    format!("{} {:02}:{:02}", Date(day as i32), minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        let check = |text: &str, want: Option<(i32, u32, u32)>| assert_eq!(Date::parse(text).map(Date::ymd), want, "{text}");
        check("2026-12-01", Some((2026, 12, 1)));
        check(" 2024-02-29 ", Some((2024, 2, 29)));
        check("2025-02-29", None);
        check("2026-13-01", None);
        check("2026-1-01", None);
        check("tomorrow", None);
        check("", None);
    }

    #[test]
    fn utc_date_time_of_known_instants() {
        assert_eq!(utc_date_time(0), "1970-01-01 00:00");
        assert_eq!(utc_date_time(1_764_620_100_000), "2025-12-01 20:15");
        assert_eq!(utc_date_time(-60_000), "1969-12-31 23:59");
    }

    #[test]
    fn round_trips_and_known_dates() {
        assert_eq!(Date::from_ymd(1970, 1, 1), Date(0));
        assert_eq!(Date::from_ymd(2025, 10, 1).to_string(), "2025-10-01");
        assert_eq!(Date::from_ymd(2024, 2, 29).plus_days(1).to_string(), "2024-03-01");
        assert_eq!(Date::from_ymd(2026, 9, 30).0 - Date::from_ymd(2025, 10, 1).0, 364);
        for day in (-30_000..30_000).step_by(97) {
            let (y, m, d) = Date(day).ymd();
            assert_eq!(Date::from_ymd(y, m, d), Date(day));
        }
        let birth = Date::from_ymd(1950, 6, 15);
        assert_eq!(Date::from_ymd(2026, 6, 14).years_since(birth), 75);
        assert_eq!(Date::from_ymd(2026, 6, 15).years_since(birth), 76);
    }
}
