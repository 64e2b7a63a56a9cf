//! `organizations` (advanced): several accounts under one organization. Optional, so a
//! standalone account is `skipped`, not failed.

use super::{Facts, Outcome};
use crate::checklist::{Finding, Status};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    Ok(match facts.account.organization().await? {
        Some(org) => {
            let is_management = org.management_account_id == facts.identity.account_id;
            (
                Status::Pass,
                Finding::InOrganization {
                    id: org.id,
                    is_management,
                },
            )
        }
        None => (Status::Skipped, Finding::NoOrganization),
    })
}
