//! Creating an organization: asked for only after a clear confirmation, since it makes
//! this account the management account of everything joined to it later.

use crate::account::{Account, AccountError, Organization};
use crate::journal::{Journal, Resource};

/// The organization the account is in, created (all features) if there is none.
pub async fn organization(account: &dyn Account, journal: &Journal) -> Result<Organization, AccountError> {
    if let Some(existing) = account.organization().await? {
        return Ok(existing);
    }
    let created = account.create_organization().await?;
    journal.record(Resource::Organization { id: created.id.clone() });
    Ok(created)
}
