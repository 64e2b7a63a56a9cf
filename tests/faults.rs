//! Faults injected into real SDK calls against moto, through an interceptor that
//! rewrites the answers of one service: throttling and server errors are retried by the
//! SDK's standard retry mode, and a service that stays down marks only its own steps
//! `error`, with a reason, while every other step still answers.

mod support;

use aws_day_one::account::aws::{AwsAccount, SharedInterceptor};
use aws_day_one::account::{Account, AccountError, Password};
use aws_day_one::checklist::{Status, StepId};
use aws_day_one::i18n::Lang;
use aws_day_one::journal::Journal;
use aws_day_one::steps;
use aws_day_one::steps::fix;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextMut;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::moto::Moto;

/// How an injected answer looks.
#[derive(Debug, Clone, Copy)]
enum Fault {
    /// 503 with an empty body: the service is down.
    Unavailable,
    /// IAM's (awsQuery) throttling error.
    Throttling,
}

/// Replaces the next `times` answers of `service` with `fault`.
#[derive(Debug)]
struct Faults {
    service: &'static str,
    fault: Fault,
    times: AtomicUsize,
    injected: Arc<AtomicUsize>,
}

impl Intercept for Faults {
    fn name(&self) -> &'static str {
        "Faults"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let ours = cfg
            .load::<Metadata>()
            .is_some_and(|metadata| metadata.service().eq_ignore_ascii_case(self.service));
        let left = self.times.load(Ordering::SeqCst);
        if !ours || left == 0 {
            return Ok(());
        }
        self.times.store(left - 1, Ordering::SeqCst);
        self.injected.fetch_add(1, Ordering::SeqCst);
        let response = context.response_mut();
        match self.fault {
            Fault::Unavailable => {
                *response.status_mut() = StatusCode::try_from(503)?;
                *response.body_mut() = SdkBody::empty();
            }
            Fault::Throttling => {
                *response.status_mut() = StatusCode::try_from(400)?;
                *response.body_mut() = SdkBody::from(
                    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>\
                     <Message>Rate exceeded</Message></Error><RequestId>fault</RequestId></ErrorResponse>",
                );
            }
        }
        Ok(())
    }
}

/// An account whose `service` answers with `fault` `times` times; and the count of
/// answers actually replaced.
fn faulty(moto: &Moto, service: &'static str, fault: Fault, times: usize) -> (AwsAccount, Arc<AtomicUsize>) {
    let injected = Arc::new(AtomicUsize::new(0));
    let faults = Faults {
        service,
        fault,
        times: AtomicUsize::new(times),
        injected: injected.clone(),
    };
    let account = AwsAccount::with_interceptors(&moto.sdk_config(), vec![SharedInterceptor::new(faults)]);
    (account, injected)
}

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
    let (account, injected) = faulty(&moto, "guardduty", Fault::Unavailable, 2);
    let results = statuses(&account).await;
    assert_eq!(injected.load(Ordering::SeqCst), 2, "the faults were hit");
    let errors: Vec<_> = results.iter().filter(|r| r.1 == Status::Error).collect();
    assert!(errors.is_empty(), "retries should have hidden them: {errors:?}");
}

#[tokio::test]
async fn throttling_that_passes_is_retried_away() {
    let moto = Moto::start();
    let (account, injected) = faulty(&moto, "iam", Fault::Throttling, 2);
    let results = statuses(&account).await;
    assert_eq!(injected.load(Ordering::SeqCst), 2);
    let errors: Vec<_> = results.iter().filter(|r| r.1 == Status::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[tokio::test]
async fn a_service_that_stays_down_marks_only_its_own_step() {
    let moto = Moto::start();
    let (account, injected) = faulty(&moto, "guardduty", Fault::Unavailable, usize::MAX);
    let results = statuses(&account).await;
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
async fn lasting_throttling_says_so_and_names_the_call() {
    let moto = Moto::start();
    let (account, _) = faulty(&moto, "iam", Fault::Throttling, usize::MAX);
    let identity = account.identity().await.expect("identity (STS is not throttled)");
    let results = steps::check_everything(&account, &identity).await;
    let alias = results.iter().find(|r| r.id == StepId::AccountAlias).expect("alias");
    assert_eq!(alias.status, Status::Error);
    let detail = alias.detail(Lang::En);
    assert!(detail.contains("throttled iam:ListAccountAliases"), "{detail}");
    let guardduty = results.iter().find(|r| r.id == StepId::Guardduty).expect("guardduty");
    assert_ne!(guardduty.status, Status::Error, "GuardDuty is not IAM");
}

/// Fails the `at`-th answer of the run (counting from 0) with a plain HTTP 400, which
/// no retry hides: the fix stops right there.
#[derive(Debug)]
struct FailAt {
    at: usize,
    seen: AtomicUsize,
}

impl Intercept for FailAt {
    fn name(&self) -> &'static str {
        "FailAt"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if self.seen.fetch_add(1, Ordering::SeqCst) == self.at {
            let response = context.response_mut();
            *response.status_mut() = StatusCode::try_from(400)?;
            *response.body_mut() = SdkBody::empty();
        }
        Ok(())
    }
}

/// Run `fix` with a failure after each of its calls in turn; after every failure, the
/// same fix run again (same journal, no faults) must finish the job: its step passes,
/// and everything journaled exists exactly once.
async fn survives_a_failure_after_every_call<F>(step: StepId, fix: F)
where
    F: for<'a> Fn(&'a AwsAccount, &'a Journal) -> futures::future::BoxFuture<'a, Result<(), AccountError>>,
{
    for at in 0.. {
        let moto = Moto::start();
        let interceptor = FailAt {
            at,
            seen: AtomicUsize::new(0),
        };
        let failing = AwsAccount::with_interceptors(&moto.sdk_config(), vec![SharedInterceptor::new(interceptor)]);
        let journal = Journal::in_memory();
        if fix(&failing, &journal).await.is_ok() {
            assert!(at > 0, "{step}: the fix made no call");
            return;
        }
        let account = AwsAccount::new(&moto.sdk_config());
        fix(&account, &journal)
            .await
            .unwrap_or_else(|e| panic!("{step}, failure at call {at}: rerun failed: {e}"));
        let identity = account.identity().await.expect("identity");
        let result = steps::check_everything(&account, &identity)
            .await
            .into_iter()
            .find(|r| r.id == step)
            .expect("checked");
        assert_eq!(
            result.status,
            Status::Pass,
            "{step}, failure at call {at}: {}",
            result.detail(Lang::En)
        );
        let entries = journal.entries();
        for (index, entry) in entries.iter().enumerate() {
            assert!(
                !entries[..index].iter().any(|e| e.resource == entry.resource),
                "journaled twice"
            );
            let exists = account
                .still_exists(&identity.account_id, &entry.resource)
                .await
                .expect("look");
            assert!(
                exists,
                "{step}, failure at call {at}: journaled but missing: {:?}",
                entry.resource
            );
        }
    }
}

#[tokio::test]
async fn a_half_done_cloudtrail_fix_is_finished_by_running_it_again() {
    survives_a_failure_after_every_call(StepId::Cloudtrail, |account, journal| {
        Box::pin(fix::cloudtrail(account, journal, support::moto::ACCOUNT_ID, Some(365)))
    })
    .await;
}

#[tokio::test]
async fn a_half_done_config_fix_is_finished_by_running_it_again() {
    survives_a_failure_after_every_call(StepId::Config, |account, journal| {
        Box::pin(fix::config(account, journal, support::moto::ACCOUNT_ID))
    })
    .await;
}

#[tokio::test]
async fn a_half_done_admin_user_is_finished_by_running_it_again() {
    survives_a_failure_after_every_call(StepId::AdminUser, |account, journal| {
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
