//! The real binary in a pseudo-terminal: whichever way the wizard is left (`q`,
//! Ctrl-C, a SIGTERM from `kill`), the terminal gets back every setting it had, the
//! alternate screen is left and the cursor shown again.
#![cfg(unix)]

mod support;

use std::time::Duration;
use support::pty::Pty;

const PATIENCE: Duration = Duration::from_secs(20);

/// `aws-day-one args` in a terminal of that size.
fn app(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
    Pty::spawn(env!("CARGO_BIN_EXE_aws-day-one").as_ref(), args, env, cols, rows)
}

/// Open the practice wizard and wait for its first frame.
fn practice(lang: &str) -> Pty {
    let pty = app(&["--practice", "--lang", lang], &[], 80, 24);
    pty.wait_for("aws-day-one", PATIENCE);
    pty
}

fn assert_restored(pty: &Pty) {
    assert_eq!(pty.modes(), pty.before, "the terminal settings are back");
    let output = pty.output();
    let entered = output
        .rfind("\x1b[?1049h")
        .expect("the wizard used the alternate screen");
    let after = &output[entered..];
    assert!(after.contains("\x1b[?1049l"), "the alternate screen was left");
    assert!(after.contains("\x1b[?25h"), "the cursor is shown again");
}

#[test]
fn q_restores_the_terminal() {
    let mut pty = practice("en");
    assert_ne!(pty.modes(), pty.before, "the wizard runs in raw mode");
    pty.send(b"q");
    assert_eq!(pty.exit_code(PATIENCE), Some(0));
    assert_restored(&pty);
}

#[test]
fn ctrl_c_restores_the_terminal() {
    let mut pty = practice("ja");
    // Wide glyphs are drawn one cell at a time: look for one.
    assert!(pty.output().contains('練'), "the Japanese practice badge");
    pty.send(b"\x03");
    assert_eq!(pty.exit_code(PATIENCE), Some(0));
    assert_restored(&pty);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = practice("en");
    let pid = i32::try_from(pty.child.id()).expect("a pid");
    // SAFETY: a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(pty.exit_code(PATIENCE), Some(0), "it left as if asked to");
    assert_restored(&pty);
}

/// Against moto behind a proxy that drops every CreateTrail: the CloudTrail fix stops
/// after making the bucket, the page says so, and
/// after `q` the restored terminal names the bucket and how to finish.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_done_fix_is_named_after_the_terminal_is_restored() {
    let moto = support::moto::Moto::start();
    let proxy = support::proxy::Proxy::start(moto.port).await;
    let state = std::env::temp_dir().join(format!("aws-day-one-terminal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let state_dir = state.to_string_lossy().into_owned();
    let url = proxy.url();
    let mut env = support::app::TEST_CREDENTIALS.to_vec();
    env.push(("AWS_DAY_ONE_STATE_DIR", &state_dir));
    let mut pty = app(&["--step", "cloudtrail", "--endpoint-url", &url], &env, 100, 30);
    pty.wait_for("aws-day-one", PATIENCE);
    pty.send(b"\r");
    pty.wait_for("Log bucket", PATIENCE);
    proxy.fail_operation("cloudtrail", "CreateTrail", support::proxy::Failure::Drop);
    pty.send(b"\r");
    pty.wait_for("stopped halfway", PATIENCE);
    pty.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(300));
    pty.send(b"q");
    assert_eq!(pty.exit_code(PATIENCE), Some(0));
    assert_restored(&pty);
    let output = pty.output();
    let after = &output[output.rfind("\x1b[?1049l").expect("left the alternate screen")..];
    for expected in [
        "CloudTrail in all regions is not finished",
        "bucket aws-day-one-logs-123456789012-us-east-1",
        "aws-day-one --step cloudtrail",
    ] {
        assert!(after.contains(expected), "{expected}: {after:?}");
    }
    let _ = std::fs::remove_dir_all(&state);
}

/// Without credentials the first frame comes at once, says so, and `p` opens the
/// practice account in the same terminal.
#[test]
fn without_credentials_p_opens_the_practice_account() {
    let mut pty = app(
        &["--endpoint-url", "http://127.0.0.1:9"],
        &[("AWS_REGION", "us-east-1")],
        80,
        24,
    );
    pty.wait_for("No AWS credentials found", PATIENCE);
    pty.send(b"p");
    pty.wait_for("PRACTICE", PATIENCE);
    pty.send(b"q");
    assert_eq!(pty.exit_code(PATIENCE), Some(0));
    assert_restored(&pty);
}

/// Credentials AWS refuses: the wizard says so on screen, and after `q` the reason is
/// printed again in the restored terminal and the exit status is 2.
#[test]
fn refused_credentials_are_said_again_after_the_wizard() {
    let mut moto = support::moto::Moto::start();
    moto.enforce_auth();
    let url = moto.url();
    let mut pty = app(&["--endpoint-url", &url], &support::app::TEST_CREDENTIALS, 80, 24);
    pty.wait_for("cannot reach your AWS account", PATIENCE);
    pty.send(b"q");
    assert_eq!(pty.exit_code(PATIENCE), Some(2));
    assert_restored(&pty);
    let output = pty.output();
    let after = &output[output.rfind("\x1b[?1049l").expect("left the alternate screen")..];
    assert!(after.contains("did not accept the credentials"), "{after:?}");
}
