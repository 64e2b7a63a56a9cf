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
    let without: Vec<String> = stream::iter(users)
        .map(|user| without_mfa(facts.account, user))
        .buffered(8)
        .try_filter_map(|user| async move { Ok(user) })
        .try_collect()
        .await?;
    Ok(if without.is_empty() {
        (Status::Pass, Finding::UserMfaAll { users: count })
    } else {
        (Status::Fail, Finding::UserMfaMissing { users: without })
    })
}

/// The user's name when they have no MFA device. A named function keeps the future
/// `Send` for the wizard's worker tasks.
async fn without_mfa(account: &dyn Account, user: String) -> Result<Option<String>, AccountError> {
    let devices = account.mfa_devices(&user).await?;
    Ok(devices.is_empty().then_some(user))
}
