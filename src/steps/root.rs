//! `root-mfa` and `root-access-keys`: both answered live by IAM's account summary
//! (the credential report's root row can be hours old). Root MFA itself can only be
//! turned on in the console; no API can do it.

use super::{Facts, Outcome};
use crate::checklist::{Finding, Status};

pub async fn check_root_mfa(facts: &Facts<'_>) -> Outcome {
    let summary = facts.summary().await?;
    Ok(if summary.root_mfa_enabled {
        (Status::Pass, Finding::RootMfaOn)
    } else {
        (Status::Fail, Finding::RootMfaOff)
    })
}

pub async fn check_root_access_keys(facts: &Facts<'_>) -> Outcome {
    let summary = facts.summary().await?;
    Ok(if summary.root_access_keys_present {
        (Status::Fail, Finding::RootKeysPresent)
    } else {
        (Status::Pass, Finding::RootKeysAbsent)
    })
}
