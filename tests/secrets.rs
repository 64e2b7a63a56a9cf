//! The MFA seed and the generated password exist in memory and on one screen each,
//! and nowhere else: after a real enrolment against moto, nothing under the state
//! directory, in any command or answer's debug form (what a log would hold), on the
//! screens after them, or in what the real binary writes to its terminal contains
//! either.

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
        for answer in &w.answers_seen {
            assert!(!answer.contains(secret), "the {what} is in the answer {answer}");
        }
        assert!(!w.screen().contains(secret), "the {what} is still on screen");
        assert!(!format!("{:?}", w.app.screen).contains(secret));
    }
}

/// The real binary in a terminal, against moto: a user made with a typed password,
/// MFA enrolled by scanning (the key is never asked for on screen). Neither the
/// password nor the seed is ever written to the terminal, the state directory, or what
/// is printed after the wizard.
#[cfg(unix)]
#[test]
fn the_binary_never_writes_a_typed_password_or_an_unshown_seed() {
    use aws_day_one::mfa::MfaSeed;
    use std::time::Duration;
    use support::pty::Pty;

    const PATIENCE: Duration = Duration::from_secs(30);
    let password = "Fake-Passw0rd-typed-in-a-test!";
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let moto = support::moto::Moto::start();
    let config = moto.sdk_config();
    runtime.block_on(support::seed::group(&config, "Administrators", true));
    let state = std::env::temp_dir().join(format!("aws-day-one-secrets-binary-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let state_dir = state.to_string_lossy().into_owned();
    let url = moto.url();
    let mut env = support::app::TEST_CREDENTIALS.to_vec();
    env.push(("AWS_DAY_ONE_STATE_DIR", &state_dir));
    let binary = env!("CARGO_BIN_EXE_aws-day-one");
    let mut pty = Pty::spawn(
        binary.as_ref(),
        &["--step", "admin-user", "--endpoint-url", &url],
        &env,
        100,
        32,
    );
    pty.wait_for_screen("q quit", PATIENCE);

    pty.send(b"\rgrace\t");
    pty.send(password.as_bytes());
    pty.send(b"\r");
    pty.wait_for_screen("Done.", PATIENCE);
    pty.send(b"\x1b[B\r");
    pty.wait_for_screen("> grace", PATIENCE);
    pty.send(b"\r");
    pty.wait_for_screen("digits type", PATIENCE);

    // moto, unlike AWS, lists the key: the test's phone.
    let iam = aws_sdk_iam::Client::new(&config);
    let listed = runtime
        .block_on(iam.list_virtual_mfa_devices().send())
        .expect("list devices");
    let seed = listed.virtual_mfa_devices()[0]
        .base32_string_seed()
        .map(|blob| String::from_utf8_lossy(blob.as_ref()).into_owned())
        .expect("moto lists the seed");
    let device_seed = MfaSeed::from_base32(&seed);
    let now = SystemClock.now_unix();
    let first = totp::code_at(&device_seed, now - totp::STEP_SECONDS).expect("code");
    let second = totp::code_at(&device_seed, now).expect("code");
    pty.send(format!("{first}{second}\r").as_bytes());
    pty.wait_for_screen("MFA is on for this user.", PATIENCE);
    pty.send(b"q");
    assert_eq!(pty.exit_code(PATIENCE), Some(0));

    let output = pty.output();
    let grouped = format!("{} {}", &seed[..4], &seed[4..8]);
    for (what, secret) in [
        ("password", password),
        ("seed", seed.as_str()),
        ("grouped seed", &grouped),
    ] {
        assert!(!output.contains(secret), "the {what} was written to the terminal");
        for file in files_under(&state) {
            let written = std::fs::read_to_string(&file).expect("read state file");
            assert!(!written.contains(secret), "the {what} is in {file:?}");
        }
    }
    assert!(!files_under(&state).is_empty(), "the journal was written");
    let _ = std::fs::remove_dir_all(&state);
}
