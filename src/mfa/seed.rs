//! The MFA seed is the one secret that makes an authenticator app's codes. It lives in
//! memory only, is wiped when dropped, and never appears in `Debug` output, so it
//! cannot leak into logs, panic messages or snapshots by accident.

use std::fmt;
use zeroize::Zeroizing;

/// A virtual MFA device's base32 seed, as `CreateVirtualMFADevice` returns it.
#[derive(Clone, PartialEq, Eq)]
pub struct MfaSeed(Zeroizing<String>);

impl MfaSeed {
    /// Wrap a base32 seed; spaces and lower case (as people copy it) are tolerated.
    pub fn from_base32(seed: impl Into<String>) -> MfaSeed {
        let raw = Zeroizing::new(seed.into());
        let normalised: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        MfaSeed(Zeroizing::new(normalised))
    }

    /// The base32 text, for the otpauth URI and for the backup shown on request.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The seed in groups of four characters, easier to copy by hand.
    pub fn grouped(&self) -> Zeroizing<String> {
        let chars: Vec<char> = self.0.chars().collect();
        Zeroizing::new(
            chars
                .chunks(4)
                .map(|group| group.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

impl fmt::Debug for MfaSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MfaSeed(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAKE_SEED: &str = "FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE";

    #[test]
    fn debug_never_shows_the_seed() {
        let seed = MfaSeed::from_base32(FAKE_SEED);
        let shown = format!("{seed:?} {:?}", Some(&seed));
        assert!(!shown.contains("FAKE"), "{shown}");
    }

    #[test]
    fn copied_seeds_are_normalised_and_grouped() {
        let seed = MfaSeed::from_base32("fake fake\tFAKE");
        assert_eq!(seed.expose(), "FAKEFAKEFAKE");
        assert_eq!(seed.grouped().as_str(), "FAKE FAKE FAKE");
    }
}
