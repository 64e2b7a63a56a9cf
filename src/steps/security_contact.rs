//! `security-contact`: an alternate security contact (CIS 2.2), so AWS's notices about
//! abuse or compromise reach a person and not only the root mailbox.

use super::{Facts, Outcome};
use crate::account::ContactKind;
use crate::checklist::{Finding, Status};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    Ok(match facts.account.alternate_contact(ContactKind::Security).await? {
        Some(contact) => (Status::Pass, Finding::SecurityContactSet { email: contact.email }),
        None => (Status::Fail, Finding::SecurityContactMissing),
    })
}
