//! `aws-day-one status` end to end: the real binary and the real AWS SDK against a moto
//! emulator seeded into each state a verdict rule distinguishes.

mod support;

use serde_json::Value;
use support::app::{Run, TEST_CREDENTIALS, run_app};
use support::moto::{ACCOUNT_ID, Moto};
use support::seed;

/// Run `status --output json` against the emulator.
fn status(moto: &Moto, extra: &[&str]) -> (Run, Value) {
    let url = moto.url();
    let mut args = vec!["status", "--output", "json", "--endpoint-url", url.as_str()];
    args.extend_from_slice(extra);
    let run = run_app(&args, &TEST_CREDENTIALS);
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "status printed no JSON ({e}); stdout: {}; stderr: {}",
            run.stdout, run.stderr
        )
    });
    (run, json)
}

/// The (status, detail) of one check.
fn verdict<'a>(json: &'a Value, id: &str) -> (&'a str, &'a str) {
    let check = json["checks"]
        .as_array()
        .expect("checks array")
        .iter()
        .find(|check| check["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {json}"));
    (
        check["status"].as_str().expect("status"),
        check["detail"].as_str().expect("detail"),
    )
}

fn assert_status(json: &Value, id: &str, expected: &str) {
    let (status, detail) = verdict(json, id);
    assert_eq!(status, expected, "{id}: {detail}");
}

#[tokio::test]
async fn a_new_account_fails_every_automatic_check_but_root_keys() {
    let moto = Moto::start();
    let (run, json) = status(&moto, &[]);
    assert_eq!(run.code, 1, "some checks fail: {}", run.stderr);
    assert_eq!(json["account_id"], ACCOUNT_ID);
    assert_eq!(json["principal_arn"], "arn:aws:sts::123456789012:user/moto");
    let got: Vec<(&str, &str)> = json["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| (c["id"].as_str().expect("id"), c["status"].as_str().expect("status")))
        .collect();
    assert_eq!(
        got,
        [
            ("authenticator-app", "manual"),
            ("root-mfa", "fail"),
            ("root-access-keys", "pass"),
            ("account-alias", "fail"),
            ("password-policy", "fail"),
            ("admin-group", "fail"),
            ("admin-user", "fail"),
            ("user-mfa", "fail"),
            ("billing-access", "manual"),
            ("budget", "fail"),
            ("cost-explorer", "manual"),
            ("cloudtrail", "fail"),
            ("config", "fail"),
            ("guardduty", "fail"),
            ("security-contact", "fail"),
            ("trusted-advisor", "manual"),
            ("organizations", "skipped"),
        ]
    );
    for check in json["checks"].as_array().expect("checks") {
        let keys: Vec<&str> = check.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(keys, ["detail", "id", "status", "title"]);
        assert!(!check["title"].as_str().expect("title").is_empty());
        assert!(!check["detail"].as_str().expect("detail").is_empty());
    }
    let (_, alias_detail) = verdict(&json, "account-alias");
    assert!(
        alias_detail.contains("https://123456789012.signin.aws.amazon.com/console"),
        "{alias_detail}"
    );
}

#[tokio::test]
async fn a_fully_set_up_account_passes_and_exits_zero() {
    let mut moto = Moto::start();
    let config = moto.sdk_config();
    moto.set_root_mfa(true);
    seed::alias(&config, "day-one-team").await;
    seed::password_policy(&config, 14, true).await;
    seed::group(&config, "Administrators", true).await;
    seed::user(&config, "ada", true, Some("Administrators")).await;
    seed::mfa(&config, "ada").await;
    seed::budget(&config, "monthly", true).await;
    seed::trail(&config, "management-events", true, true).await;
    seed::config_recorder(&config, true, true, true, true).await;
    seed::config_rule(&config, "root-account-mfa-enabled", "ROOT_ACCOUNT_MFA_ENABLED").await;
    seed::config_rule(&config, "cloudtrail-enabled", "CLOUD_TRAIL_ENABLED").await;
    seed::guardduty(&config, true).await;
    seed::security_contact(&config, "security@example.com").await;
    seed::organization(&config).await;

    let (run, json) = status(&moto, &[]);
    for id in [
        "root-mfa",
        "root-access-keys",
        "account-alias",
        "password-policy",
        "admin-group",
        "admin-user",
        "user-mfa",
        "budget",
        "cloudtrail",
        "config",
        "guardduty",
        "security-contact",
        "organizations",
    ] {
        assert_status(&json, id, "pass");
    }
    for id in [
        "authenticator-app",
        "billing-access",
        "cost-explorer",
        "trusted-advisor",
    ] {
        assert_status(&json, id, "manual");
    }
    assert_eq!(run.code, 0, "nothing fails");
    assert!(
        verdict(&json, "account-alias")
            .1
            .contains("https://day-one-team.signin.aws.amazon.com/console")
    );
    assert!(verdict(&json, "admin-user").1.contains("ada"));
    assert!(verdict(&json, "security-contact").1.contains("security@example.com"));
    assert!(verdict(&json, "organizations").1.contains("management account"));
    let config_detail = verdict(&json, "config").1;
    assert!(
        config_detail.contains("rules root-account-mfa-enabled and cloudtrail-enabled are in place"),
        "{config_detail}"
    );

    let text = run_app(&["status", "--endpoint-url", &moto.url()], &TEST_CREDENTIALS);
    assert_eq!(text.code, 0);
    assert!(
        text.stdout.ends_with("13 of 13 automatic checks pass\n"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains('\x1b'), "no colour when not a terminal");
}

#[tokio::test]
async fn root_checks_follow_the_account_summary() {
    let mut moto = Moto::start();
    moto.set_root_mfa(true);
    moto.set_root_access_keys(true);
    let (_, json) = status(&moto, &[]);
    assert_status(&json, "root-mfa", "pass");
    assert_status(&json, "root-access-keys", "fail");
}

#[tokio::test]
async fn password_policy_needs_fourteen_or_eight_with_every_class() {
    let moto = Moto::start();
    let config = moto.sdk_config();

    seed::password_policy(&config, 10, false).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "password-policy");
    assert_eq!(state, "fail");
    assert!(
        detail.contains("Minimum length 10") && detail.contains("uppercase, lowercase, digits, symbols"),
        "{detail}"
    );

    seed::password_policy(&config, 8, true).await;
    assert_status(&status(&moto, &[]).1, "password-policy", "pass");

    seed::password_policy(&config, 14, false).await;
    assert_status(&status(&moto, &[]).1, "password-policy", "pass");
}

#[tokio::test]
async fn admin_user_needs_a_console_password_and_an_admin_group() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    seed::group(&config, "Developers", false).await;
    seed::user(&config, "dev", true, Some("Developers")).await;
    let (_, json) = status(&moto, &[]);
    assert_status(&json, "admin-group", "fail");
    assert_status(&json, "admin-user", "fail");

    seed::group(&config, "Admins", true).await;
    seed::user(&config, "robot", false, Some("Admins")).await;
    let (_, json) = status(&moto, &[]);
    assert_status(&json, "admin-group", "pass");
    assert!(verdict(&json, "admin-group").1.contains("Admins"));
    assert_status(&json, "admin-user", "fail");

    seed::user(&config, "grace", true, Some("Admins")).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "admin-user");
    assert_eq!(state, "pass");
    assert!(
        detail.contains("grace") && !detail.contains("robot") && !detail.contains("dev,"),
        "{detail}"
    );
}

#[tokio::test]
async fn user_mfa_counts_only_console_users_and_names_the_ones_without() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    seed::user(&config, "ci-robot", false, None).await;
    let (_, json) = status(&moto, &[]);
    assert_status(&json, "user-mfa", "fail");
    assert!(verdict(&json, "user-mfa").1.contains("No IAM user can sign in"));

    seed::user(&config, "ada", true, None).await;
    seed::user(&config, "grace", true, None).await;
    seed::mfa(&config, "ada").await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "user-mfa");
    assert_eq!(state, "fail");
    assert!(
        detail.contains("grace") && !detail.contains("ada") && !detail.contains("ci-robot"),
        "{detail}"
    );

    seed::mfa(&config, "grace").await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "user-mfa");
    assert_eq!(state, "pass", "{detail}");
    assert!(detail.contains("All 2 console user(s)"), "{detail}");
}

#[tokio::test]
async fn budget_needs_an_alert_that_reaches_someone() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    seed::budget(&config, "silent", false).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "budget");
    assert_eq!(state, "fail");
    assert!(detail.contains("silent") && detail.contains("no alert"), "{detail}");

    seed::budget(&config, "monthly", true).await;
    let (_, json) = status(&moto, &[]);
    assert_status(&json, "budget", "pass");
    assert!(verdict(&json, "budget").1.contains("monthly"));
}

#[tokio::test]
async fn cloudtrail_needs_a_multi_region_trail_that_logs() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    seed::trail(&config, "one-region", false, true).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "cloudtrail");
    assert_eq!(state, "fail");
    assert!(
        detail.contains("one-region") && detail.contains("one region only"),
        "{detail}"
    );

    seed::trail(&config, "all-regions", true, false).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "cloudtrail");
    assert_eq!(state, "fail");
    assert!(
        detail.contains("all-regions") && detail.contains("logging is stopped"),
        "{detail}"
    );

    aws_sdk_cloudtrail::Client::new(&config)
        .start_logging()
        .name("all-regions")
        .send()
        .await
        .expect("start logging");
    assert_status(&status(&moto, &[]).1, "cloudtrail", "pass");
}

#[tokio::test]
async fn config_needs_every_resource_recorded_and_delivered() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    seed::config_recorder(&config, true, false, false, true).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "config");
    assert_eq!(state, "fail");
    assert!(
        detail.contains("Global resources (IAM)") && detail.contains("stopped"),
        "{detail}"
    );

    seed::config_recorder(&config, true, true, true, false).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "config");
    assert_eq!(state, "pass", "{detail}");
    assert!(
        detail.contains("rules not yet added: root-account-mfa-enabled, cloudtrail-enabled"),
        "{detail}"
    );
}

#[tokio::test]
async fn guardduty_needs_an_enabled_detector() {
    let moto = Moto::start();
    let config = moto.sdk_config();
    seed::guardduty(&config, false).await;
    let (_, json) = status(&moto, &[]);
    let (state, detail) = verdict(&json, "guardduty");
    assert_eq!(state, "fail");
    assert!(detail.contains("suspended"), "{detail}");
}

#[tokio::test]
async fn a_denied_call_is_an_error_naming_the_action_and_the_rest_still_answer() {
    let mut moto = Moto::start();
    let config = moto.sdk_config();
    let (key, secret) = seed::user_denied(&config, "auditor", "iam:ListAccountAliases").await;
    moto.enforce_auth();
    let url = moto.url();
    let run = run_app(
        &["status", "--output", "json", "--endpoint-url", &url],
        &[
            ("AWS_ACCESS_KEY_ID", &key),
            ("AWS_SECRET_ACCESS_KEY", &secret),
            ("AWS_REGION", "us-east-1"),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let (state, detail) = verdict(&json, "account-alias");
    assert_eq!(state, "error");
    assert!(
        detail.contains("iam:ListAccountAliases") && detail.contains("assets/status-policy.json"),
        "{detail}"
    );
    assert_status(&json, "root-access-keys", "pass");
    assert_status(&json, "cloudtrail", "fail");
    assert_eq!(json["principal_arn"], "arn:aws:iam::123456789012:user/auditor");
}

#[tokio::test]
async fn japanese_output_is_japanese() {
    let moto = Moto::start();
    let (_, json) = status(&moto, &["--lang", "ja"]);
    assert_eq!(
        verdict(&json, "guardduty").1,
        "このリージョンで GuardDuty が有効になっていません。"
    );
    let text = run_app(
        &["status", "--endpoint-url", &moto.url()],
        &[
            TEST_CREDENTIALS[0],
            TEST_CREDENTIALS[1],
            TEST_CREDENTIALS[2],
            ("LANG", "ja_JP.UTF-8"),
        ],
    );
    assert!(text.stdout.contains("手動   authenticator-app"), "{}", text.stdout);
    assert!(
        text.stdout.ends_with("自動チェック 12 項目中 1 項目が合格\n"),
        "{}",
        text.stdout
    );
}

#[test]
fn no_credentials_exits_two_with_one_line() {
    let run = run_app(
        &["status", "--endpoint-url", "http://127.0.0.1:9"],
        &[("AWS_REGION", "us-east-1")],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("No AWS credentials"), "{}", run.stderr);
}

#[test]
fn unreachable_aws_exits_two_with_one_line() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let run = run_app(&["status", "--endpoint-url", &url], &TEST_CREDENTIALS);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("Could not reach AWS"), "{}", run.stderr);
}

#[test]
fn no_region_exits_two_and_says_how_to_set_one() {
    let run = run_app(&["status"], &TEST_CREDENTIALS[..2]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--region"), "{}", run.stderr);
}

#[tokio::test]
async fn rejected_credentials_exit_two() {
    let mut moto = Moto::start();
    moto.enforce_auth();
    let run = run_app(&["status", "--endpoint-url", &moto.url()], &TEST_CREDENTIALS);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("did not accept the credentials"), "{}", run.stderr);
}

#[test]
fn practice_status_needs_no_credentials_and_shows_a_brand_new_account() {
    let run = run_app(&["status", "--practice", "--output", "json"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["account_id"], "111122223333");
    assert_eq!(json["principal_arn"], "arn:aws:iam::111122223333:root");
    assert_status(&json, "root-mfa", "fail");
    assert_status(&json, "root-access-keys", "fail");
    assert_status(&json, "organizations", "skipped");
}

#[tokio::test]
async fn manual_steps_confirmed_in_the_wizard_pass_in_status() {
    let moto = Moto::start();
    let state = std::env::temp_dir().join(format!("aws-day-one-status-state-{}", std::process::id()));
    aws_day_one::state::AccountMemory::new(&state, ACCOUNT_ID)
        .confirm(aws_day_one::checklist::StepId::BillingAccess)
        .expect("write state");
    let state_dir = state.to_string_lossy().into_owned();
    let url = moto.url();
    let mut env = TEST_CREDENTIALS.to_vec();
    env.push((aws_day_one::state::STATE_DIR_VARIABLE, &state_dir));
    let run = run_app(&["status", "--output", "json", "--endpoint-url", &url], &env);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(verdict(&json, "billing-access"), ("pass", "Confirmed by you."));
    assert_status(&json, "cost-explorer", "manual");
    let text = run_app(&["status", "--endpoint-url", &url], &env);
    assert!(
        text.stdout.ends_with("1 of 12 automatic checks pass\n"),
        "confirmed manual steps are not automatic: {}",
        text.stdout
    );
    std::fs::remove_dir_all(&state).expect("clean up");
}

/// `--watch` re-checks on its own: a change made while it runs shows in the next round,
/// one JSON document per line.
#[tokio::test]
async fn watch_shows_a_change_in_the_next_round() {
    use std::io::BufRead;
    let moto = Moto::start();
    let url = moto.url();
    let args = [
        "status",
        "--output",
        "json",
        "--watch",
        "1",
        "--endpoint-url",
        url.as_str(),
    ];
    let mut child = support::app::spawn_app(&args, &TEST_CREDENTIALS);
    let stdout = child.stdout.take().expect("stdout");
    let (lines, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let next = || -> Value {
        let line = received
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("a report within 30 s");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not one JSON document per line ({e}): {line}"))
    };
    assert_status(&next(), "account-alias", "fail");
    seed::alias(&moto.sdk_config(), "watched-team").await;
    // A round may have started before the alias existed; the one after it sees it.
    let changed = (0..3).any(|_| verdict(&next(), "account-alias").0 == "pass");
    let _ = child.kill();
    let _ = child.wait();
    assert!(changed, "the alias never showed as pass");
}

#[test]
fn watch_rejects_a_zero_interval() {
    let run = run_app(&["status", "--watch", "0", "--practice"], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--watch"), "{}", run.stderr);
}
