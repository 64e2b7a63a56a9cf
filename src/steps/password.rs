//! Console passwords generated to satisfy the account's policy, so the new user's first
//! sign-in never fails on a rule. The password lives in a wiped-on-drop string and is
//! shown once; it is never stored.

use crate::account::{Password, PasswordPolicy};
use zeroize::Zeroizing;

const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const DIGITS: &[u8] = b"23456789";
/// Symbols that survive copy and paste and shell quoting.
const SYMBOLS: &[u8] = b"!#%+-=?@^_";
/// Never shorter than this, whatever the policy allows.
const MIN_LENGTH: usize = 20;

/// A random password with every character class, at least as long as the policy asks
/// (and at least 20). Look-alike characters (0/O, 1/l/I) are left out.
pub fn generate(policy: Option<&PasswordPolicy>) -> Result<Password, getrandom::Error> {
    let length = policy.map_or(0, |p| p.minimum_length.max(0) as usize).max(MIN_LENGTH);
    let all: Vec<u8> = [UPPER, LOWER, DIGITS, SYMBOLS].concat();
    let mut random = Zeroizing::new(vec![0u8; length * 2]);
    getrandom::fill(random.as_mut_slice())?;
    let mut chars = Zeroizing::new(Vec::with_capacity(length));
    // One of each class first, then any; then a shuffle so the classes are not in order.
    for (index, class) in [UPPER, LOWER, DIGITS, SYMBOLS].iter().enumerate() {
        chars.push(class[random[index] as usize % class.len()]);
    }
    for byte in &random[4..length] {
        chars.push(all[*byte as usize % all.len()]);
    }
    for index in (1..chars.len()).rev() {
        let other = random[length + index] as usize % (index + 1);
        chars.swap(index, other);
    }
    Ok(Password::new(chars.iter().map(|b| *b as char).collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_satisfy_a_strict_policy() {
        let policy = PasswordPolicy {
            minimum_length: 32,
            ..PasswordPolicy::default()
        };
        for _ in 0..50 {
            let password = generate(Some(&policy)).expect("random");
            let password = password.expose();
            assert_eq!(password.len(), 32);
            assert!(password.chars().any(|c| c.is_ascii_uppercase()));
            assert!(password.chars().any(|c| c.is_ascii_lowercase()));
            assert!(password.chars().any(|c| c.is_ascii_digit()));
            assert!(password.chars().any(|c| c.is_ascii_punctuation()));
        }
    }

    #[test]
    fn without_a_policy_the_password_is_still_long() {
        assert_eq!(generate(None).expect("random").expose().len(), MIN_LENGTH);
        assert_ne!(generate(None).expect("random"), generate(None).expect("random"));
    }
}
