//! The MFA seed and the generated password exist in memory and on one screen each,
//! and nowhere else: after a real enrolment against moto, nothing under the state
//! directory, in any command or answer's debug form, or on the screens after them
//! contains either.

mod support;

use aws_day_one::account::Account;
use aws_day_one::account::aws::AwsAccount;
use aws_day_one::checklist::{Status, StepId};
use aws_day_one::clock::{Clock, FixedClock, SystemClock};
use aws_day_one::i18n::Lang;
use aws_day_one::mfa::totp;
use aws_day_one::tui::app::{MfaStage, Screen};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;
use support::wizard::Wizard;

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[tokio::test]
async fn no_secret_outlives_its_screen() {
    let moto = support::moto::Moto::start();
    let account: Arc<dyn Account> = Arc::new(AwsAccount::new(&moto.sdk_config()));
    let now = SystemClock.now_unix();
    let mut w = Wizard::open_on(account, None, FixedClock::at(now), Lang::En, 100, 32).await;
    w.select(StepId::AdminGroup).await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;
    w.select(StepId::AdminUser).await;
    w.press(KeyCode::Enter).await;
    w.type_text("grace").await;
    w.press(KeyCode::Enter).await;
    let Screen::PasswordOnce { password, .. } = &w.app.screen else {
        panic!("no password screen: {:?}", w.app.screen)
    };
    let password = password.expose().to_owned();
    w.press(KeyCode::Enter).await;

    w.select(StepId::UserMfa).await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;
    let Screen::Mfa(MfaStage::Codes { device, .. }) = &w.app.screen else {
        panic!("no MFA screen: {:?}", w.app.screen)
    };
    let seed = device.seed.expose().to_owned();
    let first = totp::code_at(&device.seed, now - totp::STEP_SECONDS).expect("code");
    let second = totp::code_at(&device.seed, now).expect("code");
    // As the screen shows it: in groups of four.
    let grouped = format!("{} {}", &seed[..4], &seed[4..8]);
    w.press(KeyCode::Char('s')).await;
    assert!(
        w.screen().contains(&grouped),
        "the secret is on its screen when asked for"
    );
    w.type_text(&first).await;
    w.type_text(&second).await;
    w.press(KeyCode::Enter).await;
    assert_eq!(w.app.status(StepId::UserMfa), Some(Status::Pass));
    w.select(StepId::BillingAccess).await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;

    let state = w.state_dir.clone();
    let files = files_under(&state);
    assert!(!files.is_empty(), "the journal and the confirmation were written");
    let mut written = String::new();
    for file in &files {
        written.push_str(&std::fs::read_to_string(file).expect("read state file"));
    }
    assert!(written.contains("grace"), "the journal names the user: {written}");
    for (what, secret) in [
        ("password", password.as_str()),
        ("seed", seed.as_str()),
        ("grouped seed", &grouped),
    ] {
        assert!(!written.contains(secret), "the {what} was written to {files:?}");
        for command in &w.commands {
            assert!(!format!("{command:?}").contains(secret), "the {what} is in {command:?}");
        }
        assert!(!w.screen().contains(secret), "the {what} is still on screen");
        assert!(!format!("{:?}", w.app.screen).contains(secret));
    }
}
