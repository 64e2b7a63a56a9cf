//! Properties over inputs no one would think to type: the validators, the TOTP checker,
//! the otpauth URI builder and the whole wizard must answer every one of them without
//! panicking, and what they accept must really follow the rules.

mod support;

use aws_day_one::checklist::StepId;
use aws_day_one::i18n::Lang;
use aws_day_one::mfa::{MfaSeed, otpauth::otpauth_uri, totp};
use aws_day_one::steps::validate;
use aws_day_one::steps::validate_fields as fields;
use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;
use support::wizard::Wizard;

/// A base32 seed of the length AWS gives (64 characters).
fn seed() -> impl Strategy<Value = MfaSeed> {
    "[A-Z2-7]{64}".prop_map(MfaSeed::from_base32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_accepted_alias_follows_every_rule(alias in "\\PC{0,70}") {
        if validate::account_alias(&alias).is_ok() {
            prop_assert!((3..=63).contains(&alias.len()));
            prop_assert!(alias.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            prop_assert!(!alias.starts_with('-') && !alias.ends_with('-') && !alias.contains("--"));
        }
    }

    #[test]
    fn name_and_field_validators_answer_anything(text in "\\PC{0,300}") {
        let _ = validate::user_name(&text);
        let _ = validate::group_name(&text);
        let _ = fields::budget_name(&text);
        let _ = fields::text(&text, 64);
        let _ = fields::emails(&text);
        let _ = fields::phone(&text);
        let _ = fields::threshold_percent(&text);
        if fields::amount_usd(&text).is_ok() {
            let amount: f64 = text.trim().parse().expect("an accepted amount is a number");
            prop_assert!(amount > 0.0);
            prop_assert!(text.trim().split_once('.').is_none_or(|(_, cents)| cents.len() <= 2));
        }
    }

    #[test]
    fn accepted_emails_have_one_at_and_a_dotted_domain(text in "[a-z0-9@. ,]{0,60}") {
        if let Ok(list) = fields::emails(&text) {
            for address in list {
                let (local, domain) = address.split_once('@').expect("an @");
                prop_assert!(!local.is_empty() && !domain.contains('@') && domain.contains('.'));
            }
        }
    }

    #[test]
    fn two_consecutive_codes_are_accepted_and_nothing_else_panics(
        seed in seed(),
        now in 1_000_000u64..4_000_000_000u64,
        first in "\\PC{0,10}",
        second in "\\PC{0,10}",
    ) {
        let previous = totp::code_at(&seed, now - totp::STEP_SECONDS).expect("code");
        let current = totp::code_at(&seed, now).expect("code");
        prop_assert_eq!(totp::check_consecutive(&seed, &previous, &current, now), Ok(()));
        prop_assert!(totp::check_consecutive(&seed, &current, &current, now).is_err(), "the same code twice");
        let _ = totp::check_consecutive(&seed, &first, &second, now);
    }

    #[test]
    fn the_otpauth_label_decodes_back_to_user_and_account(
        seed in seed(),
        user in "\\PC{1,40}",
        account in "[a-z0-9-]{3,20}",
    ) {
        let uri = otpauth_uri(&user, &account, &seed);
        let rest = uri.strip_prefix("otpauth://totp/").expect("scheme");
        let (label, query) = rest.split_once('?').expect("query");
        prop_assert!(!label.contains(['?', '&', '#', ' ', '/']), "the label is fully encoded: {}", label);
        let decoded = percent_decode_str(label).decode_utf8().expect("utf-8");
        prop_assert_eq!(decoded.as_ref(), format!("{user}@{account}"));
        let secret = format!("secret={}", seed.expose());
        prop_assert!(query.split('&').any(|pair| pair == secret));
    }
}

fn key(index: u8) -> KeyCode {
    const KEYS: [KeyCode; 16] = [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Char('x'),
        KeyCode::Char('y'),
        KeyCode::Char('c'),
        KeyCode::Char('r'),
        KeyCode::Char('s'),
        KeyCode::Char('1'),
        KeyCode::Char('?'),
    ];
    KEYS[usize::from(index) % KEYS.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any key sequence, on any step, in any language and at 80x24: the wizard draws
    /// every frame and never panics.
    #[test]
    fn the_wizard_survives_any_key_sequence(
        start in 0usize..StepId::ALL.len(),
        japanese in any::<bool>(),
        keys in proptest::collection::vec(any::<u8>(), 1..60),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async {
            let lang = if japanese { Lang::Ja } else { Lang::En };
            let mut w = Wizard::open(lang, 80, 24).await;
            w.select(StepId::ALL[start]).await;
            for index in keys {
                if w.app.quit {
                    break;
                }
                w.press(key(index)).await;
                w.draw();
            }
        });
    }
}
