//! Rolling backups: which saved versions of a report to keep (a pure retention rule).
//!
//! The browser keeps earlier versions of each report under
//! `crate::domain::format::backup_key`; after writing one it asks [`retain`] which to keep and
//! deletes the others ([`to_delete`]).
//!
//! Policy (times in milliseconds since the epoch; "age" is `now - saved_at`, a version from the
//! future — a clock set back — counts as age 0):
//! 1. the newest [`KEEP_LATEST`] (5) versions, whatever their age;
//! 2. plus, for each of the last [`KEEP_DAILY_DAYS`] (7) days, the newest version of that day;
//!    day `k` (0–6) holds the ages in `[k·24 h, (k+1)·24 h)`, counted back from `now` rather
//!    than by calendar, so the rule needs no time zone; a version exactly 7·24 h old is outside;
//! 3. at most [`MAX_KEPT`] (10) in all: the newest of rule 1 first, then the daily ones from
//!    the most recent day back, the oldest days giving way first.
//!
//! Versions are ordered by time, newest first; of two with the same time, the one later in the
//! input counts as newer (it was appended later). The input need not be sorted.
//! A new backup is taken when [`is_due`]: none yet, or the newest is at least
//! [`MIN_INTERVAL_MS`] (10 minutes) old, so that quick autosaves do not push out every older
//! version.

/// How many of the newest versions are always kept.
pub const KEEP_LATEST: usize = 5;
/// How many recent days keep their newest version.
pub const KEEP_DAILY_DAYS: i64 = 7;
/// The most versions kept.
pub const MAX_KEPT: usize = 10;
/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// The least time between two backups of a report.
pub const MIN_INTERVAL_MS: i64 = 10 * 60 * 1000;

/// One saved version of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupMeta {
    /// When it was saved, in milliseconds since 1970-01-01 UTC.
    pub saved_at_ms: i64,
}

/// The indices (into `versions`, ascending) of the versions to keep at `now_ms`.
pub fn retain(versions: &[BackupMeta], now_ms: i64) -> Vec<usize> {
    let mut newest_first: Vec<usize> = (0..versions.len()).collect();
    newest_first.sort_by(|&a, &b| (versions[b].saved_at_ms, b).cmp(&(versions[a].saved_at_ms, a)));

    let mut keep: Vec<usize> = newest_first.iter().copied().take(KEEP_LATEST).collect();
    for day in 0..KEEP_DAILY_DAYS {
        let newest_of_day = newest_first.iter().copied().find(|&i| {
            let age = now_ms.saturating_sub(versions[i].saved_at_ms).max(0);
            age / DAY_MS == day
        });
        if let Some(i) = newest_of_day {
            if !keep.contains(&i) {
                keep.push(i);
            }
        }
    }
    keep.truncate(MAX_KEPT);
    keep.sort_unstable();
    keep
}

/// The indices (ascending) of the versions [`retain`] does not keep.
pub fn to_delete(versions: &[BackupMeta], now_ms: i64) -> Vec<usize> {
    let keep = retain(versions, now_ms);
    (0..versions.len()).filter(|i| !keep.contains(i)).collect()
}

/// Whether to take a new backup now, given when the newest one was taken. Also true when the
/// clock went back past the last backup, so a wrong clock cannot stop backups.
pub fn is_due(last_backup_ms: Option<i64>, now_ms: i64) -> bool {
    match last_backup_ms {
        None => true,
        Some(last) => {
            let age = now_ms.saturating_sub(last);
            !(0..MIN_INTERVAL_MS).contains(&age)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_750_000_000_000;
    const HOUR: i64 = 60 * 60 * 1000;

    fn metas(times: &[i64]) -> Vec<BackupMeta> {
        times
            .iter()
            .map(|&saved_at_ms| BackupMeta { saved_at_ms })
            .collect()
    }

    #[test]
    fn keeps_everything_when_there_are_few_versions() {
        assert_eq!(retain(&[], NOW), Vec::<usize>::new());
        let v = metas(&[NOW - 3 * DAY_MS * 30, NOW - HOUR, NOW]);
        assert_eq!(retain(&v, NOW), [0, 1, 2]);
        assert!(to_delete(&v, NOW).is_empty());
    }

    #[test]
    fn keeps_the_newest_five_of_one_busy_hour() {
        let times: Vec<i64> = (0..12).map(|i| NOW - i * 60_000).collect();
        assert_eq!(retain(&metas(&times), NOW), [0, 1, 2, 3, 4]);
        assert_eq!(to_delete(&metas(&times), NOW), [5, 6, 7, 8, 9, 10, 11]);
    }

    #[test]
    fn keeps_the_newest_five_however_old_they_are() {
        let times: Vec<i64> = (0..8).map(|i| NOW - (100 + i) * DAY_MS).collect();
        assert_eq!(retain(&metas(&times), NOW), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn keeps_the_newest_version_of_each_of_the_last_seven_days() {
        // Six quick saves now, then for days 1..=6 two versions each (morning and evening).
        let mut times: Vec<i64> = (0..6).map(|i| NOW - i * 1000).collect();
        for day in 1..=6 {
            times.push(NOW - day * DAY_MS - HOUR); // newer of the day
            times.push(NOW - day * DAY_MS - 10 * HOUR);
        }
        let kept = retain(&metas(&times), NOW);
        // 5 newest + the newer version of days 1..=5 (day 6 gives way to the limit of 10).
        assert_eq!(kept, [0, 1, 2, 3, 4, 6, 8, 10, 12, 14]);
        assert_eq!(kept.len(), MAX_KEPT);
    }

    #[test]
    fn a_version_exactly_seven_days_old_is_outside_the_daily_window() {
        let mut times: Vec<i64> = (0..5).map(|i| NOW - i).collect();
        times.push(NOW - KEEP_DAILY_DAYS * DAY_MS); // exactly 7 days: dropped
        times.push(NOW - KEEP_DAILY_DAYS * DAY_MS + 1); // 1 ms younger: day 6, kept
        assert_eq!(retain(&metas(&times), NOW), [0, 1, 2, 3, 4, 6]);
    }

    #[test]
    fn day_boundaries_are_counted_back_from_now() {
        let mut times: Vec<i64> = (0..5).map(|i| NOW - i).collect();
        times.push(NOW - DAY_MS + 1); // still day 0: newest of day 0 is already kept
        times.push(NOW - DAY_MS); // day 1: kept
        assert_eq!(retain(&metas(&times), NOW), [0, 1, 2, 3, 4, 6]);
    }

    #[test]
    fn input_order_does_not_matter() {
        let sorted: Vec<i64> = (0..15).map(|i| NOW - i * 7 * HOUR).collect();
        let mut shuffled = sorted.clone();
        shuffled.reverse();
        shuffled.swap(2, 9);
        let kept_times = |times: &[i64]| {
            let mut t: Vec<i64> = retain(&metas(times), NOW)
                .into_iter()
                .map(|i| times[i])
                .collect();
            t.sort_unstable();
            t
        };
        assert_eq!(kept_times(&sorted), kept_times(&shuffled));
        // Ages 0, 7, …, 98 h: the 5 newest (0–28 h) cover days 0 and 1; days 2, 3, 4 add one each.
        assert_eq!(kept_times(&sorted).len(), 8);
    }

    #[test]
    fn equal_times_count_later_entries_as_newer() {
        let v = metas(&[NOW, NOW, NOW, NOW, NOW, NOW, NOW]);
        assert_eq!(retain(&v, NOW), [2, 3, 4, 5, 6]);
    }

    #[test]
    fn versions_from_the_future_count_as_today() {
        let mut times = vec![NOW + 5 * DAY_MS];
        times.extend((0..6).map(|i| NOW - 2 * DAY_MS - i));
        // The future one is the newest; the 4 newest of day 2 follow; nothing else qualifies.
        assert_eq!(retain(&metas(&times), NOW), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn never_keeps_more_than_ten() {
        let times: Vec<i64> = (0..200).map(|i| NOW - i * HOUR).collect();
        let kept = retain(&metas(&times), NOW);
        assert!(kept.len() <= MAX_KEPT);
        assert!(kept.contains(&0), "the newest is always kept");
    }

    #[test]
    fn a_backup_is_due_after_ten_minutes_or_when_the_clock_went_back() {
        assert!(is_due(None, NOW));
        assert!(!is_due(Some(NOW), NOW));
        assert!(!is_due(Some(NOW - MIN_INTERVAL_MS + 1), NOW));
        assert!(is_due(Some(NOW - MIN_INTERVAL_MS), NOW));
        assert!(is_due(Some(NOW + HOUR), NOW));
    }
}
