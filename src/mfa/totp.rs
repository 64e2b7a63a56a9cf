//! Checking the two codes AWS asks for before asking AWS. `EnableMFADevice` wants the
//! codes of two *consecutive* 30-second steps; a typo, the same code twice or a phone
//! whose clock is off would only come back as a vague `InvalidAuthenticationCode`, or,
//! against an emulator, not at all. Time is always passed in, so tests fix the clock.

use super::MfaSeed;
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Seconds per code, as RFC 6238 and AWS use.
pub const STEP_SECONDS: u64 = 30;
/// Digits per code.
pub const DIGITS: usize = 6;
/// How many steps back the second code may be: the user types the first code, waits
/// for the next one, types it, and may take another half minute to press Enter.
const STEPS_LATE: u64 = 2;
/// How many steps ahead the second code may be, for a phone clock slightly ahead.
const STEPS_EARLY: u64 = 1;
/// How far back a pair of codes is still recognised as "old" rather than "wrong".
const STEPS_RECOGNISED: u64 = 20;

/// Which of the two code fields a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeField {
    First,
    Second,
}

/// Why two codes were not accepted. Nothing is sent to AWS in any of these cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeRejection {
    #[error("the {0:?} code is not six digits")]
    NotSixDigits(CodeField),
    #[error("the two codes are the same; wait for the next code")]
    SameCode,
    #[error("the codes are in the wrong order")]
    Swapped,
    #[error("both codes are valid but not consecutive")]
    NotConsecutive,
    #[error("the codes are consecutive but old")]
    Stale,
    #[error("the codes do not match this device")]
    Wrong,
    #[error("the seed is not valid base32")]
    InvalidSeed,
}

fn totp(seed: &MfaSeed) -> Result<Totp, CodeRejection> {
    let secret = Secret::try_from_base32(seed.expose()).map_err(|_| CodeRejection::InvalidSeed)?;
    if secret.as_bytes().is_empty() {
        return Err(CodeRejection::InvalidSeed);
    }
    // AWS seeds are 40 bytes, well over the 128 bits RFC 4226 asks for; the length
    // check is skipped so that the RFC's own 20-byte test vector can be used.
    Ok(Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(DIGITS as u8)
        .with_step_duration(STEP_SECONDS)
        .with_skew(0)
        .with_secret(secret)
        .build_noncompliant())
}

fn six_digits(code: &str, field: CodeField) -> Result<(), CodeRejection> {
    if code.len() == DIGITS && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(CodeRejection::NotSixDigits(field))
    }
}

/// The code for the step that contains `unix_seconds`.
pub fn code_at(seed: &MfaSeed, unix_seconds: u64) -> Result<String, CodeRejection> {
    Ok(totp(seed)?.generate(unix_seconds).to_string())
}

/// Seconds until the authenticator app shows its next code.
pub fn seconds_until_next_code(unix_seconds: u64) -> u64 {
    STEP_SECONDS - unix_seconds % STEP_SECONDS
}

/// Accept `first` and `second` only if they are the codes of two consecutive steps,
/// the second of them current (give or take the slack above).
pub fn check_consecutive(seed: &MfaSeed, first: &str, second: &str, unix_seconds: u64) -> Result<(), CodeRejection> {
    six_digits(first, CodeField::First)?;
    six_digits(second, CodeField::Second)?;
    if first == second {
        return Err(CodeRejection::SameCode);
    }
    let totp = totp(seed)?;
    let code = |step: u64| totp.generate(step * STEP_SECONDS).to_string();
    let now = unix_seconds / STEP_SECONDS;
    let pair_at = |step: u64| step >= 1 && code(step - 1) == first && code(step) == second;

    let accepted = now.saturating_sub(STEPS_LATE)..=now + STEPS_EARLY;
    if accepted.clone().any(pair_at) {
        return Ok(());
    }
    if accepted
        .clone()
        .any(|step| step >= 1 && code(step) == first && code(step - 1) == second)
    {
        return Err(CodeRejection::Swapped);
    }
    let recognised = now.saturating_sub(STEPS_RECOGNISED)..=now + STEPS_EARLY;
    if recognised.clone().any(pair_at) {
        return Err(CodeRejection::Stale);
    }
    let known = |wanted: &str| recognised.clone().any(|step| code(step) == wanted);
    if known(first) && known(second) {
        return Err(CodeRejection::NotConsecutive);
    }
    Err(CodeRejection::Wrong)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An obviously fake seed: never a real device's.
    const FAKE_SEED: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /// A fixed "now": 2026-11-23 12:00:10 UTC, ten seconds into a step.
    const NOW: u64 = 1_795_435_210;

    fn seed() -> MfaSeed {
        MfaSeed::from_base32(FAKE_SEED)
    }

    fn code(steps_from_now: i64) -> String {
        let at = (NOW as i64 + steps_from_now * STEP_SECONDS as i64) as u64;
        code_at(&seed(), at).expect("valid seed")
    }

    #[test]
    fn the_current_and_previous_codes_are_accepted() {
        assert_eq!(check_consecutive(&seed(), &code(-1), &code(0), NOW), Ok(()));
    }

    #[test]
    fn a_slow_typist_and_a_fast_phone_clock_are_tolerated() {
        assert_eq!(check_consecutive(&seed(), &code(-3), &code(-2), NOW), Ok(()));
        assert_eq!(check_consecutive(&seed(), &code(0), &code(1), NOW), Ok(()));
    }

    #[test]
    fn the_same_code_twice_is_rejected() {
        let current = code(0);
        assert_eq!(
            check_consecutive(&seed(), &current, &current, NOW),
            Err(CodeRejection::SameCode)
        );
    }

    #[test]
    fn swapped_codes_are_rejected() {
        assert_eq!(
            check_consecutive(&seed(), &code(0), &code(-1), NOW),
            Err(CodeRejection::Swapped)
        );
    }

    #[test]
    fn codes_a_step_apart_are_rejected() {
        assert_eq!(
            check_consecutive(&seed(), &code(-2), &code(0), NOW),
            Err(CodeRejection::NotConsecutive)
        );
    }

    #[test]
    fn old_codes_are_rejected_as_stale() {
        assert_eq!(
            check_consecutive(&seed(), &code(-11), &code(-10), NOW),
            Err(CodeRejection::Stale)
        );
    }

    #[test]
    fn codes_from_another_device_are_wrong() {
        let other = MfaSeed::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        let first = code_at(&other, NOW - STEP_SECONDS).expect("valid");
        let second = code_at(&other, NOW).expect("valid");
        assert_eq!(
            check_consecutive(&seed(), &first, &second, NOW),
            Err(CodeRejection::Wrong)
        );
    }

    #[test]
    fn anything_but_six_digits_is_rejected_before_computing() {
        assert_eq!(
            check_consecutive(&seed(), "12345", &code(0), NOW),
            Err(CodeRejection::NotSixDigits(CodeField::First))
        );
        assert_eq!(
            check_consecutive(&seed(), &code(-1), "12a456", NOW),
            Err(CodeRejection::NotSixDigits(CodeField::Second))
        );
        assert_eq!(
            check_consecutive(&seed(), &code(-1), "１２３４５６", NOW),
            Err(CodeRejection::NotSixDigits(CodeField::Second))
        );
    }

    #[test]
    fn matches_the_rfc_6238_sha1_test_vector() {
        // RFC 6238 appendix B: seed "12345678901234567890", T = 59 s → 94287082 (8 digits);
        // the six-digit code is its last six digits.
        let seed = MfaSeed::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(code_at(&seed, 59).expect("valid"), "287082");
    }

    #[test]
    fn countdown_reaches_the_next_step() {
        assert_eq!(seconds_until_next_code(NOW), 20);
        assert_eq!(seconds_until_next_code(NOW + 20), 30);
    }
}
