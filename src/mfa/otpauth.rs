//! The otpauth URI an authenticator app scans. AWS's own QR code encodes
//! `otpauth://totp/DEVICE@ACCOUNT?secret=SEED`; this builds the same, with the label
//! percent-encoded and an `issuer` so the app shows where the code is for.

use super::MfaSeed;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use zeroize::Zeroizing;

/// What the app shows as the code's origin.
pub const ISSUER: &str = "Amazon Web Services";

/// Characters left as they are: RFC 3986's unreserved set.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// `otpauth://totp/DEVICE%40ACCOUNT?secret=SEED&issuer=Amazon%20Web%20Services`.
/// The result holds the seed, so it is wiped when dropped.
pub fn otpauth_uri(device_name: &str, account: &str, seed: &MfaSeed) -> Zeroizing<String> {
    let label = format!("{device_name}@{account}");
    Zeroizing::new(format!(
        "otpauth://totp/{}?secret={}&issuer={}",
        utf8_percent_encode(&label, KEEP),
        seed.expose(),
        utf8_percent_encode(ISSUER, KEEP)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_uri_aws_uses_with_an_issuer() {
        let seed = MfaSeed::from_base32("FAKEFAKEFAKEFAKE");
        assert_eq!(
            otpauth_uri("ada", "my-team", &seed).as_str(),
            "otpauth://totp/ada%40my-team?secret=FAKEFAKEFAKEFAKE&issuer=Amazon%20Web%20Services"
        );
    }

    #[test]
    fn labels_with_spaces_colons_and_japanese_are_encoded() {
        let seed = MfaSeed::from_base32("FAKE");
        let uri = otpauth_uri("山田 太郎", "team:1", &seed);
        assert!(
            uri.starts_with("otpauth://totp/%E5%B1%B1%E7%94%B0%20%E5%A4%AA%E9%83%8E%40team%3A1?"),
            "{}",
            uri.as_str()
        );
    }
}
