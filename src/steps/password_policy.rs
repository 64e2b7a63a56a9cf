//! `password-policy`: strong enough means at least 14 characters (CIS 2.7), or at least
//! 8 with all four character classes required, as the workshop sets it.

use super::{Facts, Outcome};
use crate::account::PasswordPolicy;
use crate::checklist::{CharClass, Finding, Status};

/// The length that is strong on its own.
pub const STRONG_LENGTH: i32 = 14;
/// The length that is strong when every character class is required.
pub const STRONG_LENGTH_WITH_ALL_CLASSES: i32 = 8;

pub async fn check(facts: &Facts<'_>) -> Outcome {
    Ok(judge(facts.account.password_policy().await?.as_ref()))
}

/// The verdict on a password policy (or on its absence).
pub fn judge(policy: Option<&PasswordPolicy>) -> (Status, Finding) {
    let Some(policy) = policy else {
        return (Status::Fail, Finding::PasswordPolicyMissing);
    };
    let missing: Vec<CharClass> = [
        (CharClass::Uppercase, policy.require_uppercase),
        (CharClass::Lowercase, policy.require_lowercase),
        (CharClass::Digit, policy.require_numbers),
        (CharClass::Symbol, policy.require_symbols),
    ]
    .into_iter()
    .filter(|(_, required)| !required)
    .map(|(class, _)| class)
    .collect();
    let min_length = policy.minimum_length;
    let strong = min_length >= STRONG_LENGTH || (min_length >= STRONG_LENGTH_WITH_ALL_CLASSES && missing.is_empty());
    if strong {
        (Status::Pass, Finding::PasswordPolicyStrong { min_length })
    } else {
        (Status::Fail, Finding::PasswordPolicyWeak { min_length, missing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(min: i32, classes: [bool; 4]) -> PasswordPolicy {
        PasswordPolicy {
            minimum_length: min,
            require_uppercase: classes[0],
            require_lowercase: classes[1],
            require_numbers: classes[2],
            require_symbols: classes[3],
            ..PasswordPolicy::default()
        }
    }

    #[test]
    fn no_policy_fails() {
        assert_eq!(judge(None), (Status::Fail, Finding::PasswordPolicyMissing));
    }

    #[test]
    fn fourteen_characters_pass_without_classes() {
        assert_eq!(judge(Some(&policy(14, [false; 4]))).0, Status::Pass);
        assert_eq!(judge(Some(&policy(13, [false; 4]))).0, Status::Fail);
    }

    #[test]
    fn eight_characters_pass_only_with_all_four_classes() {
        assert_eq!(judge(Some(&policy(8, [true; 4]))).0, Status::Pass);
        assert_eq!(judge(Some(&policy(7, [true; 4]))).0, Status::Fail);
        assert_eq!(
            judge(Some(&policy(8, [true, true, true, false]))),
            (
                Status::Fail,
                Finding::PasswordPolicyWeak {
                    min_length: 8,
                    missing: vec![CharClass::Symbol]
                }
            )
        );
    }
}
