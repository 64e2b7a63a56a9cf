//! The logging and monitoring fixes: GuardDuty and the alternate contacts.

use crate::account::{Account, AccountError, AlternateContact, ContactKind};
use crate::journal::{Journal, Resource};

/// GuardDuty on in this region: a disabled detector is enabled, otherwise one is made.
pub async fn guardduty(account: &dyn Account, journal: &Journal) -> Result<(), AccountError> {
    let detectors = account.guardduty_detectors().await?;
    if detectors.iter().any(|d| d.enabled) {
        return Ok(());
    }
    if let Some(disabled) = detectors.first() {
        return account.enable_detector(&disabled.id).await;
    }
    let id = account.create_detector().await?;
    journal.record(Resource::GuardDutyDetector {
        region: account.region(),
        id,
    });
    Ok(())
}

/// The contact's name in the journal and on screen.
pub fn contact_kind_name(kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::Billing => "billing",
        ContactKind::Operations => "operations",
        ContactKind::Security => "security",
    }
}

/// Set `contact` for each of `kinds`. A contact the account had is replaced (the user
/// saw it on the form); one it did not have is journaled.
pub async fn alternate_contacts(
    account: &dyn Account,
    journal: &Journal,
    kinds: &[ContactKind],
    contact: &AlternateContact,
) -> Result<(), AccountError> {
    for &kind in kinds {
        let before = account.alternate_contact(kind).await?;
        if before.as_ref() == Some(contact) {
            continue;
        }
        account.put_alternate_contact(kind, contact).await?;
        if before.is_none() {
            journal.record(Resource::AlternateContact {
                kind: contact_kind_name(kind).to_owned(),
            });
        }
    }
    Ok(())
}
