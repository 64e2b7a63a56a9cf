//! Virtual MFA enrolment without a phone-to-browser round trip: the seed AWS returns is
//! turned into the otpauth URI an authenticator app scans, drawn as a QR code, and the
//! two codes the user types are checked here first, because AWS (and moto) would
//! otherwise be the first to notice a typo or a skewed clock.

pub mod otpauth;
pub mod qr;
mod seed;
pub mod totp;

pub use seed::MfaSeed;
