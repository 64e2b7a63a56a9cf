//! Faults injected into real SDK calls against moto. Throttling and server errors are
//! retried by the SDK's standard retry mode; a service that stays down marks only its
//! own steps `error`, with a reason; and every fix, cut off at each of its calls in
//! turn, says exactly what it made, and finishes the job when run again.

mod support;

use aws_config::SdkConfig;
use aws_day_one::account::aws::AwsAccount;
use aws_day_one::account::{
    Account, AccountError, AlternateContact, BudgetAlert, BudgetPlan, ContactKind, Password, PasswordPolicy,
};
use aws_day_one::checklist::{Status, StepId};
use aws_day_one::clock::{Clock, SystemClock};
use aws_day_one::i18n::{Lang, Localize};
use aws_day_one::journal::Journal;
use aws_day_one::mfa::totp;
use aws_day_one::steps;
use aws_day_one::steps::fix;
use aws_day_one::steps::{CHECK_TIMEOUT, Facts};
use futures::StreamExt;
use futures::future::BoxFuture;
use std::sync::atomic::Ordering;
use support::faults::{Answer, CallFault, Cut, ServiceFaults, Target, account_with};
use support::moto::{ACCOUNT_ID, Moto};

async fn statuses(account: &AwsAccount) -> Vec<(StepId, Status, String)> {
    let identity = account.identity().await.expect("identity");
    steps::check_everything(account, &identity)
        .await
        .into_iter()
        .map(|r| (r.id, r.status, r.detail(Lang::En)))
        .collect()
}

#[tokio::test]
async fn a_server_error_that_passes_is_retried_away() {
    let moto = Moto::start();
    let (faults, injected) = ServiceFaults::interceptor("guardduty", Answer::Unavailable, 2);
    let results = statuses(&account_with(&moto.sdk_config(), faults)).await;
    assert_eq!(injected.load(Ordering::SeqCst), 2, "the faults were hit");
    let errors: Vec<_> = results.iter().filter(|r| r.1 == Status::Error).collect();
    assert!(errors.is_empty(), "retries should have hidden them: {errors:?}");
}

#[tokio::test]
async fn throttling_that_passes_is_retried_away() {
    let moto = Moto::start();
    let (faults, injected) = ServiceFaults::interceptor("iam", Answer::Throttling, 2);
    let results = statuses(&account_with(&moto.sdk_config(), faults)).await;
    assert_eq!(injected.load(Ordering::SeqCst), 2);
    let errors: Vec<_> = results.iter().filter(|r| r.1 == Status::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[tokio::test]
async fn a_service_that_stays_down_marks_only_its_own_step() {
    let moto = Moto::start();
    let (faults, injected) = ServiceFaults::interceptor("guardduty", Answer::Unavailable, usize::MAX);
    let results = statuses(&account_with(&moto.sdk_config(), faults)).await;
    assert!(
        injected.load(Ordering::SeqCst) >= 3,
        "the standard mode tried three times"
    );
    for (id, status, detail) in &results {
        if *id == StepId::Guardduty {
            assert_eq!(*status, Status::Error);
            assert!(detail.contains("guardduty:ListDetectors"), "{detail}");
            assert!(detail.contains("HTTP 503") && detail.contains("Try again"), "{detail}");
        } else {
            assert_ne!(*status, Status::Error, "{id} should not suffer: {detail}");
        }
    }
}

#[tokio::test]
async fn a_slow_service_runs_out_of_time_alone() {
    let moto = Moto::start();
    let proxy = support::proxy::Proxy::start(moto.port).await;
    let config = moto.sdk_config().to_builder().endpoint_url(proxy.url()).build();
    let account = AwsAccount::new(&config);
    let identity = account.identity().await.expect("identity");
    // moto loads each service on first use: warm them all before timing anything.
    steps::check_everything(&account, &identity).await;
    proxy.fail(
        "guardduty",
        support::proxy::Failure::Delay(std::time::Duration::from_secs(8)),
        usize::MAX,
    );
    let facts = Facts::new(&account, &identity);
    let results: Vec<_> = steps::check_all(&StepId::ALL, &facts, std::time::Duration::from_secs(2))
        .collect()
        .await;
    for result in results {
        let detail = result.detail(Lang::En);
        if result.id == StepId::Guardduty {
            assert_eq!(result.status, Status::Error);
            assert!(detail.contains("No answer within 2 s"), "{detail}");
        } else {
            assert_ne!(result.status, Status::Error, "{}: {detail}", result.id);
        }
    }
}

#[tokio::test]
async fn lasting_throttling_says_so_and_names_the_call() {
    let moto = Moto::start();
    let (faults, _) = ServiceFaults::interceptor("iam", Answer::Throttling, usize::MAX);
    let account = account_with(&moto.sdk_config(), faults);
    let identity = account.identity().await.expect("identity (STS is not throttled)");
    let results = steps::check_everything(&account, &identity).await;
    let alias = results.iter().find(|r| r.id == StepId::AccountAlias).expect("alias");
    assert_eq!(alias.status, Status::Error);
    let detail = alias.detail(Lang::En);
    assert!(detail.contains("throttled iam:ListAccountAliases"), "{detail}");
    let guardduty = results.iter().find(|r| r.id == StepId::Guardduty).expect("guardduty");
    assert_ne!(guardduty.status, Status::Error, "GuardDuty is not IAM");
}

#[tokio::test]
async fn expired_credentials_say_how_to_sign_in_again() {
    let moto = Moto::start();
    let (faults, _) = ServiceFaults::interceptor("sts", Answer::ExpiredToken, usize::MAX);
    let error = account_with(&moto.sdk_config(), faults)
        .identity()
        .await
        .expect_err("expired");
    assert!(error.is_fatal(), "{error:?}");
    for lang in [Lang::En, Lang::Ja] {
        let text = error.localize(lang);
        assert!(text.contains("expired") && text.contains("aws sso login"), "{text}");
    }
}

/// The kinds of resource a journal holds ("bucket", "trail", ...), sorted.
fn kinds(journal: &Journal) -> Vec<String> {
    let mut kinds: Vec<String> = journal
        .entries()
        .iter()
        .map(|entry| {
            let json = serde_json::to_value(entry).expect("an entry is JSON");
            json["resource"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    kinds.sort();
    kinds
}

type Prepare = for<'a> fn(&'a SdkConfig) -> BoxFuture<'a, ()>;
type Fix = for<'a> fn(&'a AwsAccount, &'a Journal) -> BoxFuture<'a, Result<(), AccountError>>;

/// Run `fix` on a prepared account with each of its calls failing in turn, both ways a
/// call can fail. After a call that never left, everything the journal names exists.
/// After either kind, running the same fix again (same journal, no faults) makes the
/// step pass, with each journaled resource there exactly once; and when the failed
/// call never left, the journal ends up naming the same kinds of resource as a run
/// that never failed: nothing made went unrecorded.
async fn survives_a_failure_at_every_call(step: StepId, prepare: Prepare, fix: Fix) {
    let mut moto = Moto::start();
    let config = moto.sdk_config();
    for cut in [Cut::Unsent, Cut::AnswerLost] {
        let mut after_rerun = Vec::new();
        let clean_run = loop {
            let at = after_rerun.len();
            moto.reset();
            prepare(&config).await;
            let (fault, failed) = CallFault::interceptor(Target::Nth(at), cut);
            let journal = Journal::in_memory();
            let outcome = fix(&account_with(&config, fault), &journal).await;
            if failed.load(Ordering::SeqCst) == 0 {
                outcome.unwrap_or_else(|e| panic!("{step}: without a fault the fix fails: {e}"));
                assert!(at > 0, "{step}: the fix made no call");
                break kinds(&journal);
            }
            let account = AwsAccount::new(&config);
            let identity = account.identity().await.expect("identity");
            if cut == Cut::Unsent {
                for entry in journal.entries() {
                    let exists = account
                        .still_exists(&identity.account_id, &entry.resource)
                        .await
                        .expect("look");
                    assert!(exists, "{step}, call {at} unsent: journaled but missing: {entry:?}");
                }
            }
            fix(&account, &journal)
                .await
                .unwrap_or_else(|e| panic!("{step}, call {at} {cut:?}: running it again failed: {e}"));
            let result = steps::check(step, &Facts::new(&account, &identity), CHECK_TIMEOUT).await;
            assert_eq!(
                result.status,
                Status::Pass,
                "{step}, call {at} {cut:?}: {}",
                result.detail(Lang::En)
            );
            let entries = journal.entries();
            for (index, entry) in entries.iter().enumerate() {
                assert!(
                    !entries[..index].iter().any(|e| e.resource == entry.resource),
                    "{step}: journaled twice: {entry:?}"
                );
                let exists = account
                    .still_exists(&identity.account_id, &entry.resource)
                    .await
                    .expect("look");
                assert!(exists, "{step}, call {at} {cut:?}: journaled but missing: {entry:?}");
            }
            after_rerun.push(kinds(&journal));
        };
        if cut == Cut::Unsent {
            for (at, kinds) in after_rerun.iter().enumerate() {
                assert_eq!(kinds, &clean_run, "{step}: after call {at} failed unsent");
            }
        }
    }
}

fn nothing(_: &SdkConfig) -> BoxFuture<'_, ()> {
    Box::pin(async {})
}

fn a_budget_plan() -> BudgetPlan {
    BudgetPlan {
        name: "monthly".into(),
        amount_usd: "10".into(),
        alert: BudgetAlert {
            kind: "ACTUAL".into(),
            threshold: 80.0,
            emails: vec!["billing@example.com".into()],
        },
    }
}

#[tokio::test]
async fn a_half_done_alias_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::AccountAlias, nothing, |account, journal| {
        Box::pin(fix::account_alias(account, journal, "day-one-faults"))
    })
    .await;
}

#[tokio::test]
async fn a_half_done_password_policy_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::PasswordPolicy, nothing, |account, journal| {
        Box::pin(async move {
            let policy: PasswordPolicy = fix::baseline_password_policy(None);
            fix::password_policy(account, journal, &policy).await
        })
    })
    .await;
}

#[tokio::test]
async fn a_half_done_admin_user_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::AdminUser, nothing, |account, journal| {
        Box::pin(async move {
            fix::admin_group(account, journal, "Administrators").await?;
            let password = Password::new("Example-Passw0rd-For-Tests!");
            fix::admin_user(account, journal, "ada", "Administrators", &password, true)
                .await
                .map(|_| ())
        })
    })
    .await;
}

#[tokio::test]
async fn a_half_done_mfa_enrolment_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(
        StepId::UserMfa,
        |config| Box::pin(support::seed::user(config, "ada", true, None)),
        |account, journal| {
            Box::pin(async move {
                // As the wizard does: only users without MFA are offered.
                if !account.mfa_devices("ada").await?.is_empty() {
                    return Ok(());
                }
                let device = fix::create_virtual_mfa(account, journal, "ada").await?;
                let now = SystemClock.now_unix();
                let first = totp::code_at(&device.seed, now - totp::STEP_SECONDS).expect("code");
                let second = totp::code_at(&device.seed, now).expect("code");
                fix::enable_mfa(account, journal, "ada", &device.serial_number, (&first, &second)).await
            })
        },
    )
    .await;
}

fn budget_fix<'a>(account: &'a AwsAccount, journal: &'a Journal) -> BoxFuture<'a, Result<(), AccountError>> {
    Box::pin(async move {
        fix::budget(account, journal, ACCOUNT_ID, &a_budget_plan())
            .await
            .map(|_| ())
    })
}

#[tokio::test]
async fn a_half_done_budget_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::Budget, nothing, budget_fix).await;
}

#[tokio::test]
async fn an_alert_added_halfway_to_an_owners_budget_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(
        StepId::Budget,
        |config| Box::pin(support::seed::budget(config, "monthly", false)),
        budget_fix,
    )
    .await;
}

#[tokio::test]
async fn half_done_contacts_are_finished_by_running_them_again() {
    survives_a_failure_at_every_call(StepId::SecurityContact, nothing, |account, journal| {
        Box::pin(async move {
            let contact = AlternateContact {
                name: "Ada Lovelace".into(),
                title: "Owner".into(),
                email: "security@example.com".into(),
                phone: "+81 3-0000-0000".into(),
            };
            let kinds = [ContactKind::Billing, ContactKind::Operations, ContactKind::Security];
            fix::alternate_contacts(account, journal, &kinds, &contact).await
        })
    })
    .await;
}

#[tokio::test]
async fn a_half_done_guardduty_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::Guardduty, nothing, |account, journal| {
        Box::pin(fix::guardduty(account, journal))
    })
    .await;
    survives_a_failure_at_every_call(
        StepId::Guardduty,
        |config| Box::pin(support::seed::guardduty(config, false)),
        |account, journal| Box::pin(fix::guardduty(account, journal)),
    )
    .await;
}

#[tokio::test]
async fn a_half_done_organization_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::Organizations, nothing, |account, journal| {
        Box::pin(async move { fix::organization(account, journal).await.map(|_| ()) })
    })
    .await;
}

#[tokio::test]
async fn a_half_done_cloudtrail_fix_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::Cloudtrail, nothing, |account, journal| {
        Box::pin(fix::cloudtrail(account, journal, ACCOUNT_ID, Some(365)))
    })
    .await;
}

#[tokio::test]
async fn a_half_done_config_fix_is_finished_by_running_it_again() {
    survives_a_failure_at_every_call(StepId::Config, nothing, |account, journal| {
        Box::pin(fix::config(account, journal, ACCOUNT_ID))
    })
    .await;
}

/// The root user's key deletion (proven, as in the contract suite, with a user signing
/// with one of its two keys, since moto has no root keys): cut off at any call, the
/// next run still deletes every key but the one in use.
#[tokio::test]
async fn a_half_done_key_deletion_is_finished_by_running_it_again() {
    let mut moto = Moto::start();
    for cut in [Cut::Unsent, Cut::AnswerLost] {
        for at in 0.. {
            moto.reset();
            let keys = support::seed::user_with_access_keys(&moto.sdk_config(), "keyholder", 2).await;
            let in_use = &keys[0];
            let config = moto.sdk_config_signed_by(&in_use.0, &in_use.1);
            let (fault, failed) = CallFault::interceptor(Target::Nth(at), cut);
            let outcome = fix::delete_own_access_keys(&account_with(&config, fault), false).await;
            if failed.load(Ordering::SeqCst) == 0 {
                outcome.expect("without a fault");
                assert!(at > 0);
                break;
            }
            let left = fix::delete_own_access_keys(&AwsAccount::new(&config), false)
                .await
                .unwrap_or_else(|e| panic!("call {at} {cut:?}: again: {e}"));
            assert_eq!(left.keys, std::slice::from_ref(&in_use.0), "call {at} {cut:?}");
        }
    }
}
