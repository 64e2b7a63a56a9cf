//! Console passwords generated to satisfy the account's policy, so the new user's first
//! sign-in never fails on a rule. The password lives in a wiped-on-drop string and is
//! shown once; it is never stored.

use crate::account::{Password, PasswordPolicy};
use crate::i18n::{Lang, Localize};
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

/// IAM's longest console password.
pub const MAX_LENGTH: usize = 128;

/// A rule of the password policy that a password breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordRule {
    MinLength(usize),
    MaxLength,
    Uppercase,
    Lowercase,
    Digit,
    Symbol,
    /// Without a policy of its own, IAM asks for three of the four classes.
    ThreeClasses,
}

/// The rules `password` breaks under the account's policy (or IAM's default one,
/// when the account has none), in the order IAM lists them.
pub fn broken_rules(password: &str, policy: Option<&PasswordPolicy>) -> Vec<PasswordRule> {
    let length = password.chars().count();
    let min = policy.map_or(8, |p| p.minimum_length.max(1) as usize);
    let has = |test: fn(&char) -> bool| password.chars().any(|c| test(&c));
    let classes = [
        (PasswordRule::Uppercase, has(char::is_ascii_uppercase)),
        (PasswordRule::Lowercase, has(char::is_ascii_lowercase)),
        (PasswordRule::Digit, has(char::is_ascii_digit)),
        (PasswordRule::Symbol, has(char::is_ascii_punctuation)),
    ];
    let mut broken = Vec::new();
    if length < min {
        broken.push(PasswordRule::MinLength(min));
    }
    if length > MAX_LENGTH {
        broken.push(PasswordRule::MaxLength);
    }
    match policy {
        Some(policy) => {
            let required = [
                policy.require_uppercase,
                policy.require_lowercase,
                policy.require_numbers,
                policy.require_symbols,
            ];
            for ((rule, present), required) in classes.into_iter().zip(required) {
                if required && !present {
                    broken.push(rule);
                }
            }
        }
        None if classes.iter().filter(|(_, present)| *present).count() < 3 => broken.push(PasswordRule::ThreeClasses),
        None => {}
    }
    broken
}

impl Localize for PasswordRule {
    fn localize(&self, lang: Lang) -> String {
        match (self, lang) {
            (PasswordRule::MinLength(min), Lang::En) => format!("at least {min} characters"),
            (PasswordRule::MinLength(min), Lang::Ja) => format!("{min} 文字以上"),
            (PasswordRule::MaxLength, Lang::En) => format!("at most {MAX_LENGTH} characters"),
            (PasswordRule::MaxLength, Lang::Ja) => format!("{MAX_LENGTH} 文字以下"),
            (PasswordRule::Uppercase, Lang::En) => "an uppercase letter".to_owned(),
            (PasswordRule::Uppercase, Lang::Ja) => "英大文字".to_owned(),
            (PasswordRule::Lowercase, Lang::En) => "a lowercase letter".to_owned(),
            (PasswordRule::Lowercase, Lang::Ja) => "英小文字".to_owned(),
            (PasswordRule::Digit, Lang::En) => "a digit".to_owned(),
            (PasswordRule::Digit, Lang::Ja) => "数字".to_owned(),
            (PasswordRule::Symbol, Lang::En) => "a symbol".to_owned(),
            (PasswordRule::Symbol, Lang::Ja) => "記号".to_owned(),
            (PasswordRule::ThreeClasses, Lang::En) => "three of: uppercase, lowercase, digits, symbols".to_owned(),
            (PasswordRule::ThreeClasses, Lang::Ja) => "英大文字・英小文字・数字・記号のうち 3 種類".to_owned(),
        }
    }
}

/// One sentence naming everything `rules` asks for, or `None` when nothing is broken.
pub fn describe_broken_rules(rules: &[PasswordRule], lang: Lang) -> Option<String> {
    if rules.is_empty() {
        return None;
    }
    let named: Vec<String> = rules.iter().map(|rule| rule.localize(lang)).collect();
    Some(match lang {
        Lang::En => format!("The account's password policy asks for {}.", named.join(", ")),
        Lang::Ja => format!("アカウントのパスワードポリシーでは次が必要です: {}。", named.join("、")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_passwords_are_held_to_the_policy_or_to_iams_default() {
        let strict = PasswordPolicy {
            minimum_length: 14,
            require_uppercase: true,
            require_lowercase: true,
            require_numbers: true,
            require_symbols: true,
            ..PasswordPolicy::default()
        };
        assert_eq!(
            broken_rules("short", Some(&strict)),
            [
                PasswordRule::MinLength(14),
                PasswordRule::Uppercase,
                PasswordRule::Digit,
                PasswordRule::Symbol
            ]
        );
        assert!(broken_rules("Correct-Horse-Battery-9", Some(&strict)).is_empty());
        assert_eq!(broken_rules("alllowercase9", None), [PasswordRule::ThreeClasses]);
        assert_eq!(broken_rules("Seven77", None), [PasswordRule::MinLength(8)]);
        assert!(broken_rules("Eight888", None).is_empty());
        assert_eq!(broken_rules(&"Aa1!".repeat(33), None), [PasswordRule::MaxLength]);
        assert_eq!(
            describe_broken_rules(&[PasswordRule::MinLength(14), PasswordRule::Symbol], Lang::En).as_deref(),
            Some("The account's password policy asks for at least 14 characters, a symbol.")
        );
        assert_eq!(describe_broken_rules(&[], Lang::Ja), None);
    }

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
