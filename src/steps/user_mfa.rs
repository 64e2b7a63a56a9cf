//! `user-mfa`: every IAM user who can sign in to the console has an MFA device (CIS 2.9).
//! Users without a console password (automation) do not count.

use super::{Facts, Outcome};
use crate::account::{Account, AccountError};
use crate::checklist::{Finding, Status};
use futures::{StreamExt, TryStreamExt, stream};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    let users = facts.console_users().await?;
    if users.is_empty() {
        return Ok((Status::Fail, Finding::UserMfaNoConsoleUsers));
    }
    let count = users.len();
    let without = without_mfa_among(facts.account, users).await?;
    Ok(if without.is_empty() {
        (Status::Pass, Finding::UserMfaAll { users: count })
    } else {
        (Status::Fail, Finding::UserMfaMissing { users: without })
    })
}

/// Console users who have no MFA device: the ones the MFA step can help.
pub async fn console_users_without_mfa(facts: &Facts<'_>) -> Result<Vec<String>, AccountError> {
    without_mfa_among(facts.account, facts.console_users().await?).await
}

/// Those of `users` who have no MFA device, in the given order.
async fn without_mfa_among(account: &dyn Account, users: Vec<String>) -> Result<Vec<String>, AccountError> {
    stream::iter(users)
        .map(|user| without_mfa(account, user))
        .buffered(8)
        .try_filter_map(|user| async move { Ok(user) })
        .try_collect()
        .await
}

/// The user's name when they have no MFA device. A named function keeps the future
/// `Send` for the wizard's worker tasks.
async fn without_mfa(account: &dyn Account, user: String) -> Result<Option<String>, AccountError> {
    let devices = account.mfa_devices(&user).await?;
    Ok(devices.is_empty().then_some(user))
}
