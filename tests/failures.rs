//! The real binary, with its own SDK configuration, meeting what goes wrong outside
//! it: a proxy in front of moto throttles, expires tokens and drops connections of
//! one service, and AWS config files point at a missing profile or an SSO sign-in
//! that has run out. Each says what happened and what to do, and only the service
//! that failed shows an error.

mod support;

use serde_json::Value;
use support::app::{Run, TEST_CREDENTIALS, run_app};
use support::moto::Moto;
use support::proxy::{Failure, Proxy};

async fn status_through(proxy: &Proxy, extra: &[&str]) -> Run {
    let url = proxy.url();
    let mut args: Vec<String> = ["status", "--output", "json", "--endpoint-url", &url]
        .map(str::to_owned)
        .to_vec();
    args.extend(extra.iter().map(|arg| (*arg).to_owned()));
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_app(&args, &TEST_CREDENTIALS)
    })
    .await
    .expect("the binary ran")
}

fn checks(run: &Run) -> Vec<(String, String, String)> {
    let json: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {} / {}", run.stdout, run.stderr));
    json["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|check| {
            let text = |key: &str| check[key].as_str().unwrap_or_default().to_owned();
            (text("id"), text("status"), text("detail"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_and_server_errors_that_pass_are_retried_by_the_binary() {
    let moto = Moto::start();
    let proxy = Proxy::start(moto.port).await;
    proxy.fail("iam", Failure::query_error(400, "Throttling", "Rate exceeded"), 2);
    proxy.fail(
        "guardduty",
        Failure::Answer {
            status: 503,
            body: String::new(),
        },
        2,
    );
    let run = status_through(&proxy, &[]).await;
    assert_eq!(proxy.failed(), 4, "every fault was met");
    let errors: Vec<_> = checks(&run).into_iter().filter(|c| c.1 == "error").collect();
    assert!(errors.is_empty(), "the standard retry mode hid them: {errors:?}");
    assert_eq!(run.code, 1, "a new account still fails its checks: {}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_service_that_cannot_be_reached_errs_alone_and_says_so() {
    let moto = Moto::start();
    let proxy = Proxy::start(moto.port).await;
    proxy.fail("guardduty", Failure::Drop, usize::MAX);
    let run = status_through(&proxy, &[]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (id, status, detail) in checks(&run) {
        if id == "guardduty" {
            assert_eq!(status, "error");
            assert!(
                detail.contains("Could not reach AWS for guardduty:ListDetectors"),
                "{detail}"
            );
        } else {
            assert_ne!(status, "error", "{id}: {detail}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_credentials_exit_two_and_say_how_to_sign_in_again() {
    let moto = Moto::start();
    let proxy = Proxy::start(moto.port).await;
    let expired = Failure::query_error(
        403,
        "ExpiredToken",
        "The security token included in the request is expired",
    );
    proxy.fail("sts", expired, usize::MAX);
    for (lang, sign_in) in [("en", "Sign in again"), ("ja", "再度サインイン")] {
        let run = status_through(&proxy, &["--lang", lang]).await;
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        for expected in ["expired", "aws sso login", sign_in] {
            assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
        }
    }
}

/// A home directory with an AWS config file holding one SSO profile, `dev`, and the
/// SSO token cache with `token` (expired) when given.
fn sso_home(name: &str, token: bool) -> std::path::PathBuf {
    let home = std::env::temp_dir().join(format!("aws-day-one-sso-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let cache = home.join(".aws/sso/cache");
    std::fs::create_dir_all(&cache).expect("make the cache directory");
    std::fs::write(
        home.join(".aws/config"),
        "[profile dev]\nsso_session = workshop\nsso_account_id = 123456789012\n\
         sso_role_name = AdministratorAccess\nregion = ap-northeast-1\n\n\
         [sso-session workshop]\nsso_start_url = https://example.awsapps.com/start\n\
         sso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n",
    )
    .expect("write the config file");
    if token {
        // The cache file is named after the SHA-1 of the session name.
        std::fs::write(
            cache.join("e17a11ce647850135b2c5f25235d57f4fe8fe1c6.json"),
            r#"{"startUrl":"https://example.awsapps.com/start","region":"ap-northeast-1","accessToken":"not-a-real-token","expiresAt":"2020-01-01T00:00:00Z"}"#,
        )
        .expect("write the token cache");
    }
    home
}

fn run_with_home(home: &std::path::Path, args: &[&str]) -> Run {
    let home = home.to_string_lossy().into_owned();
    let config = format!("{home}/.aws/config");
    run_app(args, &[("HOME", &home), ("AWS_CONFIG_FILE", &config)])
}

#[test]
fn an_expired_sso_sign_in_says_to_run_aws_sso_login() {
    for (name, token) in [("expired", true), ("never", false)] {
        let home = sso_home(name, token);
        let run = run_with_home(&home, &["status", "--profile", "dev"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("aws sso login --profile dev") && run.stderr.contains("expired"),
            "{name}: {}",
            run.stderr
        );
        let japanese = run_with_home(&home, &["status", "--profile", "dev", "--lang", "ja"]);
        assert!(
            japanese.stderr.contains("aws sso login --profile dev") && japanese.stderr.contains("期限切れ"),
            "{}",
            japanese.stderr
        );
        let _ = std::fs::remove_dir_all(&home);
    }
}

#[test]
fn an_unknown_profile_is_named_with_the_ones_that_exist() {
    let home = sso_home("unknown", false);
    let run = run_with_home(&home, &["status", "--profile", "prod"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    for expected in ["prod", "Profiles there: dev", "aws configure sso --profile prod"] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
    let wizard = run_with_home(&home, &["--profile", "prod", "--lang", "ja"]);
    assert_eq!(wizard.code, 2);
    assert!(wizard.stderr.contains("プロファイル prod"), "{}", wizard.stderr);
    let _ = std::fs::remove_dir_all(&home);
}
