//! Properties over inputs no one would think to type: the command line's flags, the
//! validators, the TOTP checker, the otpauth URI builder and the whole wizard must
//! answer every one of them without panicking, and what they accept must really follow
//! the rules.

mod support;

use aws_day_one::checklist::StepId;
use aws_day_one::cli::{self, Cli, Command};
use aws_day_one::i18n::Lang;
use aws_day_one::mfa::{MfaSeed, otpauth::otpauth_uri, totp};
use aws_day_one::steps::validate;
use aws_day_one::steps::validate_fields as fields;
use clap::Parser;
use clap::error::ErrorKind;
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

/// The value a flag ended up with, or `None` when the command line was refused (and
/// then the refusal reads well in both languages).
fn parsed(flag: &str, value: &str) -> Option<Cli> {
    let args = ["aws-day-one", "status", flag, value];
    match Cli::try_parse_from(args) {
        Ok(cli) => Some(cli),
        Err(error) => {
            let clap_words = matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
            for lang in [Lang::En, Lang::Ja] {
                match cli::flag_error(&error, lang) {
                    Some(message) => assert!(message.starts_with("aws-day-one: ") && message.len() > 30, "{message}"),
                    None => assert!(clap_words, "{:?} left to clap: {error}", error.kind()),
                }
            }
            None
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_accepted_region_looks_like_one(value in "\\PC{0,30}|[a-z]{2}-[a-z]{2,9}-[0-9]") {
        if let Some(cli) = parsed("--region", &value) {
            let region = cli.region.expect("set");
            prop_assert!(region.split('-').count() >= 3 && region.split('-').all(|part| !part.is_empty()));
            prop_assert!(region.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        }
    }

    #[test]
    fn an_accepted_endpoint_has_a_scheme_and_a_host(value in "\\PC{0,30}|https?://[a-z0-9.:/ ]{0,20}") {
        if let Some(cli) = parsed("--endpoint-url", &value) {
            let url = cli.endpoint_url.expect("set");
            let rest = url.strip_prefix("http://").or_else(|| url.strip_prefix("https://"));
            prop_assert!(rest.is_some_and(|host| !host.is_empty() && !host.starts_with('/') && !host.contains(' ')));
        }
    }

    #[test]
    fn an_accepted_watch_interval_is_one_second_to_an_hour(value in "\\PC{0,8}|[0-9]{1,5}") {
        if let Some(cli) = parsed("--watch", &value) {
            let Some(Command::Status { watch: Some(seconds), .. }) = cli.command else {
                panic!("--watch was accepted without a number");
            };
            prop_assert!((1..=3600).contains(&seconds));
        }
    }

    #[test]
    fn an_accepted_profile_name_can_be_a_section_name(value in "\\PC{0,20}|[a-z \\[\\]]{0,8}") {
        if let Some(cli) = parsed("--profile", &value) {
            let profile = cli.profile.expect("set");
            prop_assert!(!profile.is_empty());
            prop_assert!(!profile.contains(|c: char| c.is_whitespace() || c.is_control() || c == '[' || c == ']'));
        }
    }

    /// Any command line at all: parsed, or refused with words in both languages (or
    /// clap's own help and version), never a panic.
    #[test]
    fn any_command_line_is_parsed_or_refused_in_words(
        words in proptest::collection::vec(
            prop_oneof![
                Just("status".to_owned()), Just("cleanup".to_owned()), Just("--lang".to_owned()),
                Just("--region".to_owned()), Just("--profile".to_owned()), Just("--step".to_owned()),
                Just("--endpoint-url".to_owned()), Just("--output".to_owned()), Just("--watch".to_owned()),
                Just("--yes".to_owned()), Just("--practice".to_owned()), Just("ja".to_owned()),
                "\\PC{0,12}",
            ],
            0..8,
        )
    ) {
        let mut args = vec!["aws-day-one".to_owned()];
        args.extend(words);
        let lang = cli::lang_of(&args, Lang::En);
        if let Err(error) = Cli::try_parse_from(&args) {
            let _ = cli::flag_error(&error, lang);
            let _ = cli::flag_error(&error, Lang::Ja);
        }
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
