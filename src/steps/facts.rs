//! Facts several checks share, fetched once per run. Checks still run concurrently:
//! the first check to need a fact starts the call and the others wait for its answer,
//! so a full status never asks AWS the same question twice.

use crate::account::{ADMINISTRATOR_ACCESS_ARN, Account, AccountError, AccountSummary, Identity};
use futures::{StreamExt, TryStreamExt, stream};
use tokio::sync::OnceCell;

/// How many per-user calls run at once.
const FAN_OUT: usize = 8;

type Shared<T> = OnceCell<Result<T, AccountError>>;

/// The account being checked, who is checking it, and the answers shared between checks.
pub struct Facts<'a> {
    pub account: &'a dyn Account,
    pub identity: &'a Identity,
    summary: Shared<AccountSummary>,
    admin_groups: Shared<Vec<String>>,
    console_users: Shared<Vec<String>>,
}

impl<'a> Facts<'a> {
    pub fn new(account: &'a dyn Account, identity: &'a Identity) -> Facts<'a> {
        Facts {
            account,
            identity,
            summary: OnceCell::new(),
            admin_groups: OnceCell::new(),
            console_users: OnceCell::new(),
        }
    }

    /// GetAccountSummary: answers both root checks with one call.
    pub async fn summary(&self) -> Result<AccountSummary, AccountError> {
        self.summary
            .get_or_init(|| self.account.account_summary())
            .await
            .clone()
    }

    /// Groups with the AdministratorAccess managed policy attached.
    pub async fn admin_groups(&self) -> Result<Vec<String>, AccountError> {
        self.admin_groups
            .get_or_init(|| self.account.groups_with_policy(ADMINISTRATOR_ACCESS_ARN))
            .await
            .clone()
    }

    /// IAM users who have a console password, in ListUsers order.
    pub async fn console_users(&self) -> Result<Vec<String>, AccountError> {
        self.console_users
            .get_or_init(|| self.fetch_console_users())
            .await
            .clone()
    }

    async fn fetch_console_users(&self) -> Result<Vec<String>, AccountError> {
        let users = self.account.users().await?;
        let flagged: Vec<(String, bool)> = stream::iter(users)
            .map(|user| console_flag(self.account, user))
            .buffered(FAN_OUT)
            .try_collect()
            .await?;
        Ok(flagged
            .into_iter()
            .filter(|(_, console)| *console)
            .map(|(user, _)| user)
            .collect())
    }
}

/// A user and whether they have a console password. A named function rather than a
/// closure's async block, so the future's lifetimes are explicit and it stays `Send`.
async fn console_flag(account: &dyn Account, user: String) -> Result<(String, bool), AccountError> {
    let console = account.has_console_password(&user).await?;
    Ok((user, console))
}
