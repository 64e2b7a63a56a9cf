//! `guardduty`: threat detection in the home region. GuardDuty is regional, so this
//! checks the region the tool runs in.

use super::{Facts, Outcome};
use crate::checklist::{Finding, Status};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    let detectors = facts.account.guardduty_detectors().await?;
    Ok(if detectors.iter().any(|d| d.enabled) {
        (Status::Pass, Finding::GuardDutyEnabled)
    } else if detectors.is_empty() {
        (Status::Fail, Finding::GuardDutyMissing)
    } else {
        (Status::Fail, Finding::GuardDutyDisabled)
    })
}
