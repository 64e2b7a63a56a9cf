//! Half-done fixes and leaving in the middle of one, against moto through the real SDK:
//! a fix cut off after making something shows what exists now and finishes when run
//! again; Ctrl-C while AWS is changing something waits for the answer, deletes an MFA
//! device that would be left unused, and says on the way out what is half-made.

mod support;

use aws_day_one::account::Account;
use aws_day_one::account::aws::{AwsAccount, SharedInterceptor};
use aws_day_one::checklist::{Status, StepId};
use aws_day_one::clock::FixedClock;
use aws_day_one::i18n::Lang;
use aws_day_one::journal::Resource;
use aws_day_one::tui::app::{MfaStage, Msg, Screen};
use aws_day_one::tui::farewell::farewell;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use support::faults::{CallFault, Cut, Gate, Target, account_with};
use support::moto::Moto;
use support::wizard::{NOW, Wizard};

fn ctrl_c() -> KeyEvent {
    KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::from(code)
}

async fn open(account: AwsAccount, lang: Lang) -> Wizard {
    let account: Arc<dyn Account> = Arc::new(account);
    Wizard::open_on(account, None, FixedClock::at(NOW), lang, 80, 24).await
}

/// The CloudTrail fix loses its connection at CreateTrail, after the bucket is made:
/// the page lists the bucket, and Enter runs the fix again to the end.
async fn half_done_trail(lang: Lang, suffix: &str) {
    let moto = Moto::start();
    let (fault, failed) = CallFault::interceptor(Target::Operation("CreateTrail"), Cut::Unsent);
    let mut w = open(account_with(&moto.sdk_config(), fault), lang).await;
    w.select(StepId::Cloudtrail).await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;
    assert_eq!(failed.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert!(
        matches!(
            w.app.screen,
            Screen::HalfDone {
                step: StepId::Cloudtrail,
                ..
            }
        ),
        "{:?}",
        w.app.screen
    );
    let bucket = w
        .app
        .made
        .iter()
        .find_map(|r| match r {
            Resource::Bucket { name } => Some(name.clone()),
            _ => None,
        })
        .expect("the bucket is journaled");
    let screen = w.screen();
    assert!(screen.contains(&bucket), "{screen}");
    assert!(screen.contains("cloudtrail:CreateTrail"), "{screen}");
    insta::assert_snapshot!(format!("trail_half_done_{suffix}"), screen);
    let words = farewell(&w.app).expect("leaving now would say so");
    assert!(
        words.contains(&bucket) && words.contains("--step cloudtrail"),
        "{words}"
    );

    // Enter: the plan again (the bucket is kept), then the fix finishes.
    w.press(KeyCode::Enter).await;
    assert!(matches!(w.app.screen, Screen::Trail { .. }), "{:?}", w.app.screen);
    w.press(KeyCode::Enter).await;
    assert_eq!(w.app.status(StepId::Cloudtrail), Some(Status::Pass));
    assert_eq!(farewell(&w.app), None, "nothing is half-done any more");
    let buckets = w
        .app
        .made
        .iter()
        .filter(|r| matches!(r, Resource::Bucket { .. }))
        .count();
    assert_eq!(buckets, 1, "the second run kept the first run's bucket");
}

#[tokio::test]
async fn a_half_done_trail_is_listed_and_finished_in_english() {
    half_done_trail(Lang::En, "en").await;
}

#[tokio::test]
async fn a_half_done_trail_is_listed_and_finished_in_japanese() {
    half_done_trail(Lang::Ja, "ja").await;
}

/// Open the admin user form and submit "ada": the fix starts and is held at
/// CreateLoginProfile, after CreateUser has made the user.
async fn user_creation_held(moto: &Moto, gate: &Gate, extra: Option<SharedInterceptor>) -> Wizard {
    let config = moto.sdk_config();
    support::seed::group(&config, "Administrators", true).await;
    let mut interceptors = vec![gate.interceptor()];
    interceptors.extend(extra);
    let account = AwsAccount::with_interceptors(&config, interceptors);
    let mut w = open(account, Lang::En).await;
    w.select(StepId::AdminUser).await;
    w.press(KeyCode::Enter).await;
    w.type_text("ada").await;
    w.press_live(key(KeyCode::Enter));
    gate.reached().await;
    w
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_while_a_user_is_made_waits_for_aws_and_shows_the_password_once() {
    let moto = Moto::start();
    let gate = Gate::new("CreateLoginProfile");
    let mut w = user_creation_held(&moto, &gate, None).await;

    w.press_live(ctrl_c());
    assert!(w.app.stopping && !w.app.quit, "waits for AWS");
    assert!(w.screen().contains("Stopping once AWS answers"), "{}", w.screen());
    w.press_live(key(KeyCode::Char('q')));
    assert!(!w.app.quit, "only a second Ctrl-C leaves at once");

    gate.open();
    w.until("the password", |app| matches!(app.screen, Screen::PasswordOnce { .. }))
        .await;
    assert!(!w.app.quit, "a password shown once is not skipped");
    w.press_live(key(KeyCode::Enter));
    assert!(w.app.quit, "then the wizard leaves");
    assert_eq!(farewell(&w.app), None, "the user was made whole");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_left_half_made_after_ctrl_c_is_named_on_the_way_out() {
    let moto = Moto::start();
    let gate = Gate::new("CreateLoginProfile");
    let (fault, _) = CallFault::interceptor(Target::Operation("AddUserToGroup"), Cut::Unsent);
    let mut w = user_creation_held(&moto, &gate, Some(fault)).await;

    w.press_live(ctrl_c());
    gate.open();
    w.until("leaving", |app| app.quit).await;
    let words = farewell(&w.app).expect("something is half-made");
    for expected in [
        "IAM user ada",
        "console password of ada",
        "--step admin-user",
        "cleanup",
    ] {
        assert!(words.contains(expected), "{expected}: {words}");
    }
    assert!(!words.contains("You left while"), "the answer came: {words}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_ctrl_c_leaves_at_once_and_says_the_change_may_go_through() {
    let moto = Moto::start();
    let gate = Gate::new("CreateLoginProfile");
    let mut w = user_creation_held(&moto, &gate, None).await;

    w.press_live(ctrl_c());
    w.press_live(ctrl_c());
    assert!(w.app.quit);
    assert_eq!(w.app.left_mid_change, Some(StepId::AdminUser));
    w.app.made = w.worker.made_this_run();
    gate.open();
    let words = farewell(&w.app).expect("said");
    assert!(words.contains("You left while AWS was still answering"), "{words}");
    assert!(words.contains("IAM user ada"), "CreateUser had answered: {words}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_while_an_mfa_device_is_made_deletes_it_before_leaving() {
    let moto = Moto::start();
    support::seed::user(&moto.sdk_config(), "ada", true, None).await;
    let gate = Gate::new("CreateVirtualMFADevice");
    let account = account_with(&moto.sdk_config(), gate.interceptor());
    let mut w = open(account, Lang::Ja).await;
    w.select(StepId::UserMfa).await;
    w.press_live(key(KeyCode::Enter));
    w.until("the user list", |app| {
        matches!(app.screen, Screen::Mfa(MfaStage::Choose { .. }))
    })
    .await;
    w.press_live(key(KeyCode::Enter));
    gate.reached().await;

    w.press_live(ctrl_c());
    assert!(w.screen().contains("Ctrl-C"), "{}", w.screen());
    gate.open();
    w.until("leaving", |app| app.quit).await;
    let unassigned = w.worker.account().await.unassigned_virtual_mfas().await.expect("list");
    assert!(unassigned.is_empty(), "left behind: {unassigned:?}");
    assert!(w.worker.made_this_run().is_empty(), "struck from the journal");
    assert_eq!(farewell(&w.app), None);
}

#[tokio::test]
async fn a_signal_leaves_like_ctrl_c() {
    let mut w = Wizard::open(Lang::En, 80, 24).await;
    let commands = w.app.update(Msg::Interrupt);
    assert!(commands.is_empty());
    assert!(w.app.quit, "nothing was running: it leaves at once");
}
