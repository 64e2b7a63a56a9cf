//! `account-alias`: a friendly sign-in URL for IAM users instead of the account number.

use super::{Facts, Outcome};
use crate::checklist::{Finding, Status};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    Ok(match facts.account.account_alias().await? {
        Some(alias) => (Status::Pass, Finding::AliasSet { alias }),
        None => (
            Status::Fail,
            Finding::AliasMissing {
                account_id: facts.identity.account_id.clone(),
            },
        ),
    })
}
