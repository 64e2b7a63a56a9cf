//! `aws-day-one cleanup` end to end against moto: fixes run through the library with a
//! journal on disk, then the real binary removes exactly what they made.

mod support;

use aws_day_one::account::aws::AwsAccount;
use aws_day_one::account::{Account, AlternateContact, BudgetAlert, BudgetPlan, ContactKind, Password};
use aws_day_one::clock::{Clock, SystemClock};
use aws_day_one::journal::{Journal, Resource};
use aws_day_one::mfa::totp;
use aws_day_one::state::{AccountMemory, STATE_DIR_VARIABLE};
use aws_day_one::steps::fix;
use support::app::{TEST_CREDENTIALS, run_app};
use support::moto::{ACCOUNT_ID, Moto};
use support::seed;

fn state_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("aws-day-one-cleanup-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn cleanup(moto: &Moto, dir: &std::path::Path, extra: &[&str]) -> support::app::Run {
    let url = moto.url();
    let dir = dir.to_string_lossy().into_owned();
    let mut args = vec!["cleanup", "--endpoint-url", url.as_str()];
    args.extend_from_slice(extra);
    let mut env = TEST_CREDENTIALS.to_vec();
    env.push((STATE_DIR_VARIABLE, dir.as_str()));
    run_app(&args, &env)
}

/// Every fix, journaled to `dir` as the wizard does.
async fn run_every_fix(account: &dyn Account, dir: &std::path::Path) -> Vec<Resource> {
    let journal = Journal::on_disk(AccountMemory::new(dir, ACCOUNT_ID));
    fix::account_alias(account, &journal, "day-one-team")
        .await
        .expect("alias");
    fix::password_policy(account, &journal, &fix::baseline_password_policy(None))
        .await
        .expect("policy");
    fix::admin_group(account, &journal, "Administrators")
        .await
        .expect("group");
    let password = Password::new("Example-Passw0rd-For-Tests!");
    fix::admin_user(account, &journal, "ada", "Administrators", &password, true)
        .await
        .expect("user");
    let device = fix::create_virtual_mfa(account, &journal, "ada").await.expect("device");
    let now = SystemClock.now_unix();
    let first = totp::code_at(&device.seed, now - totp::STEP_SECONDS).expect("code");
    let second = totp::code_at(&device.seed, now).expect("code");
    fix::enable_mfa(account, &journal, "ada", &device.serial_number, (&first, &second))
        .await
        .expect("mfa");
    let plan = BudgetPlan {
        name: "monthly-budget".into(),
        amount_usd: "10".into(),
        alert: BudgetAlert {
            kind: "ACTUAL".into(),
            threshold: 80.0,
            emails: vec!["billing@example.com".into()],
        },
    };
    fix::budget(account, &journal, ACCOUNT_ID, &plan).await.expect("budget");
    fix::guardduty(account, &journal).await.expect("guardduty");
    let contact = AlternateContact {
        name: "Ada".into(),
        title: "Owner".into(),
        email: "ada@example.com".into(),
        phone: "+81 3-0000-0000".into(),
    };
    fix::alternate_contacts(account, &journal, &[ContactKind::Security], &contact)
        .await
        .expect("contact");
    fix::cloudtrail(account, &journal, ACCOUNT_ID, Some(365))
        .await
        .expect("trail");
    fix::config(account, &journal, ACCOUNT_ID).await.expect("config");
    fix::organization(account, &journal).await.expect("organization");
    assert_eq!(journal.take_problem(), None);
    journal.entries().into_iter().map(|entry| entry.resource).collect()
}

#[tokio::test]
async fn cleanup_removes_only_what_aws_day_one_made_and_twice_is_a_no_op() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    // What the owner had before: none of it is in the journal.
    seed::group(&config, "Owners", false).await;
    seed::user(&config, "bob", true, Some("Owners")).await;
    seed::budget(&config, "team-budget", true).await;
    seed::bucket(&config, "owners-bucket").await;
    let account = AwsAccount::new(&config);
    let dir = state_dir("full");
    let made = run_every_fix(&account, &dir).await;
    assert!(made.len() >= 20, "{made:?}");

    let run = cleanup(&moto, &dir, &["--yes"]);
    assert_eq!(run.code, 0, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
    assert!(run.stdout.contains("IAM user ada"), "{}", run.stdout);
    for resource in &made {
        let left = account.still_exists(ACCOUNT_ID, resource).await.expect("look");
        assert!(!left, "{resource:?} is still there");
    }
    assert!(account.users().await.expect("users").contains(&"bob".to_owned()));
    assert_eq!(account.group_members("Owners").await.expect("members"), ["bob"]);
    let budgets = account.cost_budgets(ACCOUNT_ID).await.expect("budgets");
    assert_eq!(
        budgets.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["team-budget"]
    );
    assert!(account.bucket_exists("owners-bucket").await.expect("bucket"));
    assert!(AccountMemory::new(&dir, ACCOUNT_ID).created().is_empty());

    let again = cleanup(&moto, &dir, &["--yes"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.contains("Nothing to clean up"), "{}", again.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn without_a_terminal_cleanup_wants_yes_and_deletes_nothing() {
    let moto = Moto::start();
    let account = AwsAccount::new(&moto.sdk_config());
    let dir = state_dir("no-yes");
    let journal = Journal::on_disk(AccountMemory::new(&dir, ACCOUNT_ID));
    fix::admin_group(&account, &journal, "Administrators")
        .await
        .expect("group");
    let run = cleanup(&moto, &dir, &[]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(
        account
            .groups_with_policy(aws_day_one::account::ADMINISTRATOR_ACCESS_ARN)
            .await
            .expect("groups"),
        ["Administrators"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Something the journal names that was changed by hand is not touched: an alias that
/// is no longer the one aws-day-one set is left alone.
#[tokio::test]
async fn a_resource_changed_since_is_left_alone() {
    let moto = Moto::start();
    let account = AwsAccount::new(&moto.sdk_config());
    let dir = state_dir("changed");
    let journal = Journal::on_disk(AccountMemory::new(&dir, ACCOUNT_ID));
    fix::account_alias(&account, &journal, "day-one-team")
        .await
        .expect("alias");
    let iam = aws_sdk_iam::Client::new(&moto.sdk_config());
    iam.delete_account_alias()
        .account_alias("day-one-team")
        .send()
        .await
        .expect("delete");
    seed::alias(&moto.sdk_config(), "owners-own-alias").await;
    let run = cleanup(&moto, &dir, &["--yes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Nothing to clean up"), "{}", run.stdout);
    assert_eq!(
        account.account_alias().await.expect("alias").as_deref(),
        Some("owners-own-alias")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
