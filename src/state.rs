//! What aws-day-one remembers about an account between runs: the manual steps the user
//! confirmed (no API can tell whether billing access is on, for instance) and the
//! journal of what its fixes created (so cleanup removes that and nothing else). One
//! small JSON file per account id in the platform's state directory. Step ids and
//! resource names only: nothing secret is ever written here.

use crate::checklist::StepId;
use crate::journal::{Entry, Resource};
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
    #[serde(default)]
    confirmed: BTreeSet<String>,
    /// What aws-day-one created, oldest first.
    #[serde(default)]
    created: Vec<Entry>,
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
        self.change(|state| {
            state.confirmed.insert(step.as_str().to_owned());
        })
    }

    /// Everything the journal holds for this account, oldest first.
    pub fn created(&self) -> Vec<Entry> {
        self.load().created
    }

    /// Journal that `entry` now exists (once: a resource already journaled is kept
    /// with its first date).
    pub fn record(&self, entry: Entry) -> std::io::Result<()> {
        self.change(|state| {
            if !state.created.iter().any(|e| e.resource == entry.resource) {
                state.created.push(entry);
            }
        })
    }

    /// Drop `resource` from the journal: it was deleted again.
    pub fn forget(&self, resource: &Resource) -> std::io::Result<()> {
        self.change(|state| state.created.retain(|e| e.resource != *resource))
    }

    /// Load, change and write back atomically (a temporary file, then a rename).
    fn change(&self, edit: impl FnOnce(&mut AccountState)) -> std::io::Result<()> {
        let mut state = self.load();
        edit(&mut state);
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

    #[test]
    fn the_journal_keeps_each_resource_once_and_forgets_deleted_ones() {
        let dir = std::env::temp_dir().join(format!("aws-day-one-journal-{}", std::process::id()));
        let memory = AccountMemory::new(&dir, "111122223333");
        memory.confirm(StepId::BillingAccess).expect("write");
        let group = Resource::Group { name: "Admins".into() };
        let user = Resource::User { name: "ada".into() };
        memory.record(Entry::at(group.clone(), 10)).expect("write");
        memory.record(Entry::at(user.clone(), 20)).expect("write");
        memory.record(Entry::at(group.clone(), 30)).expect("write again");
        let created = memory.created();
        assert_eq!(created, [Entry::at(group.clone(), 10), Entry::at(user.clone(), 20)]);
        memory.forget(&user).expect("write");
        assert_eq!(memory.created(), [Entry::at(group, 10)]);
        // Confirmations and the journal live side by side.
        assert_eq!(memory.confirmed(), [StepId::BillingAccess]);
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
