//! Wall-clock time, passed in rather than read, so TOTP checks, countdowns and the
//! practice account behave the same in tests every time.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch.
pub trait Clock: Send + Sync {
    fn now_unix(&self) -> u64;
}

/// The machine's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> u64 {
        // A clock before 1970 is not a state anyone can fix from here; treat it as 0.
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs())
    }
}

/// A clock that moves only when told to (tests, screenshots).
#[derive(Clone, Debug, Default)]
pub struct FixedClock(Arc<AtomicU64>);

impl FixedClock {
    pub fn at(unix_seconds: u64) -> FixedClock {
        FixedClock(Arc::new(AtomicU64::new(unix_seconds)))
    }

    pub fn advance(&self, seconds: u64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for FixedClock {
    fn now_unix(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}
