//! Checks on what the user types, before anything is sent to AWS, with the reason said
//! in the user's language. The rules are AWS's own (IAM API reference).

use crate::i18n::{Lang, Localize};

/// Why a name cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    #[error("empty")]
    Empty,
    #[error("too short (at least {min})")]
    TooShort { min: usize },
    #[error("too long (at most {max})")]
    TooLong { max: usize },
    #[error("character '{0}' is not allowed")]
    BadCharacter(char),
    #[error("starts or ends with a hyphen")]
    EdgeHyphen,
    #[error("two hyphens in a row")]
    DoubleHyphen,
}

/// An account alias: 3 to 63 lowercase letters, digits and hyphens, no hyphen at
/// either end and no two in a row.
pub fn account_alias(alias: &str) -> Result<(), NameProblem> {
    if alias.is_empty() {
        return Err(NameProblem::Empty);
    }
    if let Some(bad) = alias
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(NameProblem::BadCharacter(bad));
    }
    let length = alias.len();
    if length < 3 {
        return Err(NameProblem::TooShort { min: 3 });
    }
    if length > 63 {
        return Err(NameProblem::TooLong { max: 63 });
    }
    if alias.starts_with('-') || alias.ends_with('-') {
        return Err(NameProblem::EdgeHyphen);
    }
    if alias.contains("--") {
        return Err(NameProblem::DoubleHyphen);
    }
    Ok(())
}

fn iam_name(name: &str, max: usize) -> Result<(), NameProblem> {
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
    if let Some(bad) = name.chars().find(|c| !allowed(*c)) {
        return Err(NameProblem::BadCharacter(bad));
    }
    if name.len() > max {
        return Err(NameProblem::TooLong { max });
    }
    Ok(())
}

/// An IAM user name: 1 to 64 letters, digits and `+=,.@_-`.
pub fn user_name(name: &str) -> Result<(), NameProblem> {
    iam_name(name, 64)
}

/// An IAM group name: 1 to 128 letters, digits and `+=,.@_-`.
pub fn group_name(name: &str) -> Result<(), NameProblem> {
    iam_name(name, 128)
}

impl Localize for NameProblem {
    fn localize(&self, lang: Lang) -> String {
        match (self, lang) {
            (NameProblem::Empty, Lang::En) => "Type a name.".into(),
            (NameProblem::Empty, Lang::Ja) => "名前を入力してください。".into(),
            (NameProblem::TooShort { min }, Lang::En) => format!("Use at least {min} characters."),
            (NameProblem::TooShort { min }, Lang::Ja) => format!("{min} 文字以上にしてください。"),
            (NameProblem::TooLong { max }, Lang::En) => format!("Use at most {max} characters."),
            (NameProblem::TooLong { max }, Lang::Ja) => format!("{max} 文字以内にしてください。"),
            (NameProblem::BadCharacter(c), Lang::En) => format!("'{c}' is not allowed here."),
            (NameProblem::BadCharacter(c), Lang::Ja) => format!("「{c}」は使えません。"),
            (NameProblem::EdgeHyphen, Lang::En) => "It cannot start or end with a hyphen.".into(),
            (NameProblem::EdgeHyphen, Lang::Ja) => "先頭と末尾にハイフンは使えません。".into(),
            (NameProblem::DoubleHyphen, Lang::En) => "Two hyphens in a row are not allowed.".into(),
            (NameProblem::DoubleHyphen, Lang::Ja) => "ハイフンを 2 つ続けることはできません。".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_rules() {
        assert_eq!(account_alias("my-team-2026"), Ok(()));
        assert_eq!(account_alias(""), Err(NameProblem::Empty));
        assert_eq!(account_alias("ab"), Err(NameProblem::TooShort { min: 3 }));
        assert_eq!(account_alias(&"a".repeat(64)), Err(NameProblem::TooLong { max: 63 }));
        assert_eq!(account_alias("My-team"), Err(NameProblem::BadCharacter('M')));
        assert_eq!(account_alias("チーム"), Err(NameProblem::BadCharacter('チ')));
        assert_eq!(account_alias("-team"), Err(NameProblem::EdgeHyphen));
        assert_eq!(account_alias("team-"), Err(NameProblem::EdgeHyphen));
        assert_eq!(account_alias("my--team"), Err(NameProblem::DoubleHyphen));
    }

    #[test]
    fn iam_name_rules() {
        assert_eq!(user_name("ada.lovelace@example.com"), Ok(()));
        assert_eq!(user_name("ada lovelace"), Err(NameProblem::BadCharacter(' ')));
        assert_eq!(user_name(&"a".repeat(65)), Err(NameProblem::TooLong { max: 64 }));
        assert_eq!(group_name(&"a".repeat(128)), Ok(()));
    }
}
