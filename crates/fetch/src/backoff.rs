//! Retry timing: exponential backoff with full jitter, and `Retry-After` parsing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, NaiveDateTime, Utc};

/// A tiny thread-safe random source for jitter (no `rand` dependency).
/// splitmix64 over an atomic counter: every call gets a distinct, well-mixed value.
#[derive(Debug)]
pub(crate) struct Jitter {
    state: AtomicU64,
}

static INSTANCES: AtomicU64 = AtomicU64::new(0);

impl Jitter {
    pub(crate) fn new() -> Jitter {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        // The instance counter keeps two fetchers built in the same nanosecond apart.
        let n = INSTANCES.fetch_add(1, Ordering::Relaxed);
        Jitter {
            state: AtomicU64::new(nanos ^ n.wrapping_mul(0xA076_1D64_78BD_642F)),
        }
    }

    pub(crate) fn next_u64(&self) -> u64 {
        let mut z = self
            .state
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-ish in `[0, max]`.
    pub(crate) fn below(&self, max: Duration) -> Duration {
        let max_ns = max.as_nanos().min(u64::MAX as u128) as u64;
        if max_ns == 0 {
            return Duration::ZERO;
        }
        Duration::from_nanos(self.next_u64() % (max_ns + 1))
    }
}

/// The ceiling for the wait before retry number `retry` (0-based): `base * 2^retry`,
/// capped at `max`. Full jitter then picks uniformly below it, which spreads out
/// many pollers that failed at the same moment.
pub(crate) fn backoff_ceiling(retry: u32, base: Duration, max: Duration) -> Duration {
    let factor = 1u32.checked_shl(retry.min(31)).unwrap_or(u32::MAX);
    base.checked_mul(factor).unwrap_or(max).min(max)
}

/// `Retry-After` is either delay-seconds or an HTTP-date. Returns `None` when unparseable.
pub(crate) fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        // Absurdly long digit strings saturate instead of failing.
        return Some(Duration::from_secs(v.parse::<u64>().unwrap_or(u64::MAX)));
    }
    let when = parse_http_date(v)?;
    Some((when - now).to_std().unwrap_or(Duration::ZERO))
}

/// RFC 9110 §5.6.7: IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
fn parse_http_date(v: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(v, fmt) {
            return Some(d.and_utc());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2015, 10, 21, 7, 28, 0)
            .single()
            .expect("valid date")
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(
            parse_retry_after("120", now()),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now()), Some(Duration::ZERO));
        assert!(parse_retry_after("99999999999999999999999", now()).is_some());
        assert_eq!(parse_retry_after("", now()), None);
        assert_eq!(parse_retry_after("-5", now()), None);
        assert_eq!(parse_retry_after("soon", now()), None);
    }

    #[test]
    fn retry_after_dates() {
        let d = |s| parse_retry_after(s, now());
        assert_eq!(
            d("Wed, 21 Oct 2015 07:28:30 GMT"),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            d("Wednesday, 21-Oct-15 07:29:00 GMT"),
            Some(Duration::from_secs(60))
        );
        assert_eq!(d("Wed Oct 21 07:28:05 2015"), Some(Duration::from_secs(5)));
        // A date in the past means "now".
        assert_eq!(d("Wed, 21 Oct 2015 07:00:00 GMT"), Some(Duration::ZERO));
    }

    #[test]
    fn ceiling_grows_and_caps() {
        let base = Duration::from_millis(500);
        let max = Duration::from_secs(60);
        assert_eq!(backoff_ceiling(0, base, max), Duration::from_millis(500));
        assert_eq!(backoff_ceiling(3, base, max), Duration::from_secs(4));
        assert_eq!(backoff_ceiling(10, base, max), max);
        assert_eq!(backoff_ceiling(1000, base, max), max);
    }

    #[test]
    fn jitter_stays_in_range_and_varies() {
        let j = Jitter::new();
        let max = Duration::from_millis(100);
        let samples: Vec<Duration> = (0..1000).map(|_| j.below(max)).collect();
        assert!(samples.iter().all(|d| *d <= max));
        let low = samples.iter().filter(|d| **d < max / 2).count();
        assert!(
            (350..650).contains(&low),
            "skewed jitter: {low}/1000 below half"
        );
        assert_eq!(j.below(Duration::ZERO), Duration::ZERO);
    }

    proptest::proptest! {
        #[test]
        fn retry_after_never_panics(v in "\\PC{0,40}") {
            let _ = parse_retry_after(&v, now());
        }

        #[test]
        fn ceiling_never_exceeds_max(retry in 0u32..10_000, base_ms in 0u64..100_000, max_ms in 0u64..1_000_000) {
            let max = Duration::from_millis(max_ms);
            proptest::prop_assert!(backoff_ceiling(retry, Duration::from_millis(base_ms), max) <= max);
        }
    }
}
