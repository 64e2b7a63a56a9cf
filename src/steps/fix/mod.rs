//! The fixes: each written once against the account port, each creating only what is
//! missing (so a second run changes nothing and a run after a failure finishes the
//! job), and each journaling what it creates the moment it exists.

mod billing;
pub mod bucket_policy;
mod iam;
mod logging;
mod monitoring;
mod organizations;

pub use billing::*;
pub use iam::*;
pub use logging::*;
pub use monitoring::*;
pub use organizations::*;

use crate::account::AccountError;

/// Tolerate "already exists": the thing we wanted is there. True when this call made it.
fn created(result: Result<(), AccountError>) -> Result<bool, AccountError> {
    match result {
        Ok(()) => Ok(true),
        Err(AccountError::AlreadyExists { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}
