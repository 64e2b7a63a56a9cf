//! Checks on the budget and contact forms, before anything is sent to AWS, with the
//! reason said in the user's language. Limits are the services' own (Budgets and
//! Account API references).

use super::validate::NameProblem;
use crate::i18n::{Lang, Localize};

/// Budgets sends one alert to at most this many email addresses.
pub const MAX_BUDGET_EMAILS: usize = 10;

/// Why a field's value cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    Name(NameProblem),
    /// Not a number above zero.
    NotAPositiveAmount,
    /// More than two digits after the point (cents are the smallest unit).
    TooManyDecimals,
    ThresholdOutOfRange,
    NoEmail,
    BadEmail(String),
    TooManyEmails,
    BadPhone,
    /// A set of boxes where at least one must be ticked.
    NothingChosen,
}

/// A budget name: 1 to 100 characters, without ':' or '\'.
pub fn budget_name(name: &str) -> Result<(), FieldProblem> {
    text(name, 100)?;
    match name.chars().find(|c| matches!(c, ':' | '\\')) {
        Some(bad) => Err(FieldProblem::Name(NameProblem::BadCharacter(bad))),
        None => Ok(()),
    }
}

/// A free-text field (a contact's name or title) of at most `max` characters.
pub fn text(value: &str, max: usize) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        return Err(FieldProblem::Name(NameProblem::Empty));
    }
    if value.chars().count() > max {
        return Err(FieldProblem::Name(NameProblem::TooLong { max }));
    }
    Ok(())
}

/// An amount in US dollars above zero with at most two decimals ("10", "1.5", "0.01").
pub fn amount_usd(value: &str) -> Result<(), FieldProblem> {
    let value = value.trim();
    let (whole, cents) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(cents) || (value.contains('.') && cents.is_empty()) {
        return Err(FieldProblem::NotAPositiveAmount);
    }
    if cents.len() > 2 {
        return Err(FieldProblem::TooManyDecimals);
    }
    if whole.len() > 12 {
        return Err(FieldProblem::Name(NameProblem::TooLong { max: 12 }));
    }
    if !value.parse::<f64>().is_ok_and(|amount| amount > 0.0) {
        return Err(FieldProblem::NotAPositiveAmount);
    }
    Ok(())
}

/// An alert threshold: a whole percentage from 1 to 1000 (over 100 warns of overspend).
pub fn threshold_percent(value: &str) -> Result<u32, FieldProblem> {
    match value.trim().parse::<u32>() {
        Ok(percent) if (1..=1000).contains(&percent) => Ok(percent),
        _ => Err(FieldProblem::ThresholdOutOfRange),
    }
}

/// One email address, checked the way a form should: one '@', a dotted domain, no
/// spaces; the mail server has the last word.
pub fn email(value: &str) -> Result<(), FieldProblem> {
    let bad = || FieldProblem::BadEmail(value.to_owned());
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let local_ok = !local.is_empty() && local.chars().all(|c| c.is_ascii_graphic() && c != '@');
    if value.len() > 254 || !local_ok || !domain_ok {
        return Err(bad());
    }
    Ok(())
}

/// Email addresses separated by commas or spaces: at least one, at most ten, each valid.
pub fn emails(value: &str) -> Result<Vec<String>, FieldProblem> {
    let list: Vec<String> = value
        .split([',', ' ', ';'])
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect();
    if list.is_empty() {
        return Err(FieldProblem::NoEmail);
    }
    if list.len() > MAX_BUDGET_EMAILS {
        return Err(FieldProblem::TooManyEmails);
    }
    for address in &list {
        email(address)?;
    }
    Ok(list)
}

/// A phone number as the Account API takes it: digits, spaces, '+', '-', '(' and ')',
/// at most 25 characters, with at least one digit.
pub fn phone(value: &str) -> Result<(), FieldProblem> {
    let allowed = value.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if value.len() > 25 || !allowed || !value.chars().any(|c| c.is_ascii_digit()) {
        return Err(FieldProblem::BadPhone);
    }
    Ok(())
}

impl Localize for FieldProblem {
    fn localize(&self, lang: Lang) -> String {
        match (self, lang) {
            (FieldProblem::Name(problem), _) => problem.localize(lang),
            (FieldProblem::NotAPositiveAmount, Lang::En) => "Type an amount in USD above zero, like 10 or 1.50.".into(),
            (FieldProblem::NotAPositiveAmount, Lang::Ja) => {
                "0 より大きい米ドルの金額を入力してください (例: 10、1.50)。".into()
            }
            (FieldProblem::TooManyDecimals, Lang::En) => "Use at most two decimals (cents).".into(),
            (FieldProblem::TooManyDecimals, Lang::Ja) => "小数点以下は 2 桁 (セント) までです。".into(),
            (FieldProblem::ThresholdOutOfRange, Lang::En) => "Type a whole percentage from 1 to 1000.".into(),
            (FieldProblem::ThresholdOutOfRange, Lang::Ja) => "1 から 1000 までの整数 (%) を入力してください。".into(),
            (FieldProblem::NoEmail, Lang::En) => "Type at least one email address.".into(),
            (FieldProblem::NoEmail, Lang::Ja) => "メールアドレスを 1 つ以上入力してください。".into(),
            (FieldProblem::BadEmail(address), Lang::En) => format!("'{address}' is not an email address."),
            (FieldProblem::BadEmail(address), Lang::Ja) => format!("「{address}」はメールアドレスではありません。"),
            (FieldProblem::TooManyEmails, Lang::En) => format!("At most {MAX_BUDGET_EMAILS} addresses per alert."),
            (FieldProblem::TooManyEmails, Lang::Ja) => {
                format!("1 つの通知に登録できるのは {MAX_BUDGET_EMAILS} 件までです。")
            }
            (FieldProblem::BadPhone, Lang::En) => "Use digits, spaces, + - ( ) only, like +81 3-1234-5678.".into(),
            (FieldProblem::BadPhone, Lang::Ja) => {
                "数字・空白・+ - ( ) だけで入力してください (例: +81 3-1234-5678)。".into()
            }
            (FieldProblem::NothingChosen, Lang::En) => "Tick at least one.".into(),
            (FieldProblem::NothingChosen, Lang::Ja) => "少なくとも 1 つ選んでください。".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_positive_with_at_most_cents() {
        for good in ["1", "10", "1.5", "0.01", "1000.00"] {
            assert_eq!(amount_usd(good), Ok(()), "{good}");
        }
        assert_eq!(amount_usd("0"), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd("0.00"), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd("-5"), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd("1."), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd("$10"), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd("1e3"), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd(""), Err(FieldProblem::NotAPositiveAmount));
        assert_eq!(amount_usd("1.005"), Err(FieldProblem::TooManyDecimals));
    }

    #[test]
    fn thresholds_are_whole_percentages_up_to_1000() {
        assert_eq!(threshold_percent("80"), Ok(80));
        assert_eq!(threshold_percent("1000"), Ok(1000));
        for bad in ["0", "1001", "80.5", "-1", "", "eighty"] {
            assert_eq!(threshold_percent(bad), Err(FieldProblem::ThresholdOutOfRange), "{bad}");
        }
    }

    #[test]
    fn email_lists_are_split_and_each_address_checked() {
        assert_eq!(
            emails("ops@example.com, ada@example.co.jp").expect("valid"),
            ["ops@example.com", "ada@example.co.jp"]
        );
        assert_eq!(emails(" , "), Err(FieldProblem::NoEmail));
        assert_eq!(
            emails("ops@example.com nobody"),
            Err(FieldProblem::BadEmail("nobody".into()))
        );
        for bad in [
            "a@b",
            "@example.com",
            "a@.example.com",
            "a@example..com",
            "a@exa mple.com",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        let many = ["a@example.com"; 11].join(",");
        assert_eq!(emails(&many), Err(FieldProblem::TooManyEmails));
    }

    #[test]
    fn phones_and_names() {
        assert_eq!(phone("+81 3-1234-5678"), Ok(()));
        assert_eq!(phone("(555) 010-0000"), Ok(()));
        assert_eq!(phone("call me"), Err(FieldProblem::BadPhone));
        assert_eq!(phone("+ - ()"), Err(FieldProblem::BadPhone));
        assert_eq!(budget_name("monthly-budget"), Ok(()));
        assert_eq!(
            budget_name("a:b"),
            Err(FieldProblem::Name(NameProblem::BadCharacter(':')))
        );
        assert_eq!(text("  ", 64), Err(FieldProblem::Name(NameProblem::Empty)));
        assert_eq!(
            text(&"x".repeat(65), 64),
            Err(FieldProblem::Name(NameProblem::TooLong { max: 64 }))
        );
    }
}
