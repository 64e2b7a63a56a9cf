//! What aws-day-one remembers about an account between runs: the manual steps the user
//! confirmed (no API can tell whether billing access is on, for instance). One small
//! JSON file per account id in the platform's state directory. Step ids only: nothing
//! secret is ever written here.

use crate::checklist::StepId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Overrides the state directory (tests, or a shared workshop machine).
pub const STATE_DIR_VARIABLE: &str = "AWS_DAY_ONE_STATE_DIR";

/// The directory aws-day-one keeps its state in.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(STATE_DIR_VARIABLE) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("", "", "aws-day-one")?;
    Some(dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir()).to_path_buf())
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct AccountState {
    confirmed: BTreeSet<String>,
}

/// The remembered state of one account.
pub struct AccountMemory {
    path: PathBuf,
}

impl AccountMemory {
    /// The memory of `account_id` under `dir`.
    pub fn new(dir: &Path, account_id: &str) -> AccountMemory {
        let file: String = account_id.chars().filter(char::is_ascii_alphanumeric).collect();
        AccountMemory {
            path: dir.join("accounts").join(format!("{file}.json")),
        }
    }

    /// The memory of `account_id` in the usual state directory, if there is one.
    pub fn for_account(account_id: &str) -> Option<AccountMemory> {
        state_dir().map(|dir| AccountMemory::new(&dir, account_id))
    }

    fn load(&self) -> AccountState {
        // A missing or unreadable file means nothing was confirmed yet.
        std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The manual steps the user confirmed for this account.
    pub fn confirmed(&self) -> Vec<StepId> {
        self.load().confirmed.iter().filter_map(|id| id.parse().ok()).collect()
    }

    /// Remember that the user confirmed `step`.
    pub fn confirm(&self, step: StepId) -> std::io::Result<()> {
        let mut state = self.load();
        state.confirmed.insert(step.as_str().to_owned());
        if let Some(parent) = self.path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let json = serde_json::to_vec_pretty(&state).map_err(std::io::Error::other)?;
        let temporary = self.path.with_extension("json.tmp");
        std::fs::write(&temporary, json)?;
        std::fs::rename(&temporary, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirmations_are_remembered_per_account() {
        let dir = std::env::temp_dir().join(format!("aws-day-one-state-{}", std::process::id()));
        let memory = AccountMemory::new(&dir, "111122223333");
        assert!(memory.confirmed().is_empty());
        memory.confirm(StepId::BillingAccess).expect("write");
        memory.confirm(StepId::BillingAccess).expect("write again");
        memory.confirm(StepId::CostExplorer).expect("write");
        assert_eq!(memory.confirmed(), [StepId::BillingAccess, StepId::CostExplorer]);
        assert!(AccountMemory::new(&dir, "444455556666").confirmed().is_empty());
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
