//! The checks, one module per step, written once against the [`Account`] port so the
//! same code serves `status`, the wizard and the tests. This module runs them: all at
//! once, each under its own time limit, results streamed as they arrive, so one slow or
//! failing service never holds up the rest.

mod account_alias;
mod admin;
mod budget;
pub mod cloudtrail;
mod config;
mod facts;
pub mod fix;
mod guardduty;
mod organizations;
pub mod password;
pub mod password_policy;
mod root;
mod security_contact;
pub mod user_mfa;
pub mod validate;
pub mod validate_fields;

pub use facts::Facts;

use crate::account::{Account, AccountError, Identity};
use crate::checklist::{CheckResult, Finding, Status, StepId};
use futures::stream::FuturesUnordered;
use std::time::Duration;

/// What a check decides, or why it could not.
pub type Outcome = Result<(Status, Finding), AccountError>;

/// How long one check may take before it is reported as an error. The SDK's own
/// operation timeout is shorter, so this only fires for checks that fan out.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(30);

/// Run one step's check. Never fails: problems become an `error` result.
pub async fn check(step: StepId, facts: &Facts<'_>, timeout: Duration) -> CheckResult {
    let outcome = tokio::time::timeout(timeout, decide(step, facts)).await;
    let (status, finding) = match outcome {
        Ok(Ok(verdict)) => verdict,
        Ok(Err(error)) => (Status::Error, Finding::CheckFailed(error)),
        Err(_) => (Status::Error, Finding::TimedOut { after: timeout }),
    };
    CheckResult {
        id: step,
        status,
        finding,
    }
}

async fn decide(step: StepId, facts: &Facts<'_>) -> Outcome {
    match step {
        StepId::AuthenticatorApp => Ok((Status::Manual, Finding::ConfirmAuthenticatorApp)),
        StepId::RootMfa => root::check_root_mfa(facts).await,
        StepId::RootAccessKeys => root::check_root_access_keys(facts).await,
        StepId::AccountAlias => account_alias::check(facts).await,
        StepId::PasswordPolicy => password_policy::check(facts).await,
        StepId::AdminGroup => admin::check_group(facts).await,
        StepId::AdminUser => admin::check_user(facts).await,
        StepId::UserMfa => user_mfa::check(facts).await,
        StepId::BillingAccess => Ok((Status::Manual, Finding::ConfirmBillingAccess)),
        StepId::Budget => budget::check(facts).await,
        // Never called: every Cost Explorer API request is billed.
        StepId::CostExplorer => Ok((Status::Manual, Finding::ConfirmCostExplorer)),
        StepId::Cloudtrail => cloudtrail::check(facts).await,
        StepId::Config => config::check(facts).await,
        StepId::Guardduty => guardduty::check(facts).await,
        StepId::SecurityContact => security_contact::check(facts).await,
        StepId::TrustedAdvisor => Ok((Status::Manual, Finding::ConfirmTrustedAdvisor)),
        StepId::Organizations => organizations::check(facts).await,
    }
}

/// Every given check at once; results arrive in the order they finish.
pub fn check_all<'f>(
    steps: &[StepId],
    facts: &'f Facts<'f>,
    timeout: Duration,
) -> FuturesUnordered<impl Future<Output = CheckResult> + Send + 'f> {
    let running = FuturesUnordered::new();
    for &step in steps {
        running.push(check(step, facts, timeout));
    }
    running
}

/// Run every check of the checklist and return the results in checklist order.
pub async fn check_everything(account: &dyn Account, identity: &Identity) -> Vec<CheckResult> {
    use futures::StreamExt;
    let facts = Facts::new(account, identity);
    let mut results: Vec<CheckResult> = check_all(&StepId::ALL, &facts, CHECK_TIMEOUT).collect().await;
    results.sort_by_key(|result| result.id);
    results
}

/// Mark the manual steps the user confirmed as passing, "confirmed by you".
pub fn apply_confirmations(results: &mut [CheckResult], confirmed: &[StepId]) {
    for result in results.iter_mut() {
        if result.status == Status::Manual && confirmed.contains(&result.id) {
            result.status = Status::Pass;
            result.finding = Finding::ConfirmedByYou;
        }
    }
}
