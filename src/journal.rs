//! The journal of what aws-day-one created in an account. Each resource is written down
//! the moment the call that made it returns, before the next call of the fix, so a
//! fix that fails (or a terminal that closes) halfway still leaves an exact record.
//! Cleanup works from this record alone: a resource that existed before the tool, or
//! that the user made by hand, is never in it.

use crate::checklist::StepId;
use crate::state::AccountMemory;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Something aws-day-one created. Names and ARNs only: never a password or a seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "resource", rename_all = "kebab-case")]
pub enum Resource {
    AccountAlias {
        alias: String,
    },
    /// A password policy where the account had none.
    PasswordPolicy,
    Group {
        name: String,
    },
    /// A managed policy attached to a group by aws-day-one.
    GroupPolicy {
        group: String,
        policy_arn: String,
    },
    User {
        name: String,
    },
    /// A user's console password (the login profile, not the password).
    LoginProfile {
        user: String,
    },
    GroupMembership {
        user: String,
        group: String,
    },
    VirtualMfaDevice {
        serial_number: String,
    },
    /// A virtual MFA device enabled for a user.
    MfaAssignment {
        user: String,
        serial_number: String,
    },
    Budget {
        name: String,
    },
    /// An alert added to a budget the owner made.
    BudgetAlert {
        budget: String,
        kind: String,
        threshold: String,
    },
    GuardDutyDetector {
        region: String,
        id: String,
    },
    /// An alternate contact set where the account had none (`billing`, `operations`,
    /// `security`).
    AlternateContact {
        kind: String,
    },
    Organization {
        id: String,
    },
    /// A bucket for CloudTrail's and Config's logs.
    Bucket {
        name: String,
    },
    Trail {
        region: String,
        arn: String,
    },
    /// A service-linked role (AWS Config's).
    ServiceLinkedRole {
        name: String,
    },
    ConfigRecorder {
        region: String,
        name: String,
    },
    DeliveryChannel {
        region: String,
        name: String,
    },
    ConfigRule {
        region: String,
        name: String,
    },
}

impl Resource {
    /// Whether `step`'s fix makes this kind of resource (the log bucket serves both
    /// CloudTrail and Config).
    pub fn serves(&self, step: StepId) -> bool {
        let steps: &[StepId] = match self {
            Resource::AccountAlias { .. } => &[StepId::AccountAlias],
            Resource::PasswordPolicy => &[StepId::PasswordPolicy],
            Resource::Group { .. } | Resource::GroupPolicy { .. } => &[StepId::AdminGroup],
            Resource::User { .. } | Resource::LoginProfile { .. } | Resource::GroupMembership { .. } => {
                &[StepId::AdminUser]
            }
            Resource::VirtualMfaDevice { .. } | Resource::MfaAssignment { .. } => &[StepId::UserMfa],
            Resource::Budget { .. } | Resource::BudgetAlert { .. } => &[StepId::Budget],
            Resource::GuardDutyDetector { .. } => &[StepId::Guardduty],
            Resource::AlternateContact { .. } => &[StepId::SecurityContact],
            Resource::Organization { .. } => &[StepId::Organizations],
            Resource::Bucket { .. } => &[StepId::Cloudtrail, StepId::Config],
            Resource::Trail { .. } => &[StepId::Cloudtrail],
            Resource::ServiceLinkedRole { .. }
            | Resource::ConfigRecorder { .. }
            | Resource::DeliveryChannel { .. }
            | Resource::ConfigRule { .. } => &[StepId::Config],
        };
        steps.contains(&step)
    }
}

/// One journal line: what was created and when (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(flatten)]
    pub resource: Resource,
    pub created_at: u64,
}

impl Entry {
    pub fn at(resource: Resource, created_at: u64) -> Entry {
        Entry { resource, created_at }
    }
}

/// Where a run journals to: the account's memory on disk, or only memory (the practice
/// account, which is new on every run, or a machine without a state directory).
pub struct Journal {
    memory: Option<AccountMemory>,
    entries: Mutex<Vec<Entry>>,
    /// Why the last write to disk failed, until someone reads it.
    problem: Mutex<Option<String>>,
    /// What the journal held when this run opened it: everything else was made by this
    /// run.
    at_open: Vec<Resource>,
    /// Counts every change, so a reader can tell whether to look again.
    version: AtomicU64,
}

impl Journal {
    /// A journal kept in memory only.
    pub fn in_memory() -> Journal {
        Journal {
            memory: None,
            entries: Mutex::new(Vec::new()),
            problem: Mutex::new(None),
            at_open: Vec::new(),
            version: AtomicU64::new(0),
        }
    }

    /// A journal written to the account's memory as it goes.
    pub fn on_disk(memory: AccountMemory) -> Journal {
        let entries = memory.created();
        Journal {
            memory: Some(memory),
            at_open: entries.iter().map(|e| e.resource.clone()).collect(),
            entries: Mutex::new(entries),
            problem: Mutex::new(None),
            version: AtomicU64::new(0),
        }
    }

    /// Write down that `resource` exists now because of aws-day-one.
    pub fn record(&self, resource: Resource) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let entry = Entry::at(resource, now);
        // One writer at a time: the lock also orders the file's load-change-write.
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.iter().any(|e| e.resource == entry.resource) {
            return;
        }
        if let Some(memory) = &self.memory {
            self.note(memory.record(entry.clone()));
        }
        entries.push(entry);
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    /// Strike `resource` from the journal: aws-day-one deleted it again.
    pub fn forget(&self, resource: &Resource) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.retain(|e| e.resource != *resource);
        if let Some(memory) = &self.memory {
            self.note(memory.forget(resource));
        }
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    /// What this run made and did not delete again, oldest first.
    pub fn made_this_run(&self) -> Vec<Resource> {
        self.entries()
            .into_iter()
            .map(|e| e.resource)
            .filter(|resource| !self.at_open.contains(resource))
            .collect()
    }

    /// A number that changes whenever the journal does.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// The journal, oldest first.
    pub fn entries(&self) -> Vec<Entry> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Why writing the journal to disk last failed, if it did (then cleared).
    pub fn take_problem(&self) -> Option<String> {
        self.problem
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
    }

    fn note(&self, written: std::io::Result<()>) {
        if let Err(error) = written {
            *self.problem.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(error.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_written_as_flat_json_without_secrets() {
        let entry = Entry::at(Resource::LoginProfile { user: "ada".to_owned() }, 1_700_000_000);
        let json = serde_json::to_string(&entry).expect("serialize");
        assert_eq!(
            json,
            r#"{"resource":"login-profile","user":"ada","created_at":1700000000}"#
        );
        assert_eq!(serde_json::from_str::<Entry>(&json).expect("parse"), entry);
    }

    #[test]
    fn a_journal_on_disk_survives_the_run_and_one_in_memory_does_not() {
        let dir = std::env::temp_dir().join(format!("aws-day-one-journal-run-{}", std::process::id()));
        let journal = Journal::on_disk(AccountMemory::new(&dir, "123456789012"));
        journal.record(Resource::Group { name: "Admins".into() });
        journal.record(Resource::Group { name: "Admins".into() });
        let device = Resource::VirtualMfaDevice {
            serial_number: "arn:aws:iam::123456789012:mfa/ada".into(),
        };
        journal.record(device.clone());
        journal.forget(&device);
        assert_eq!(journal.take_problem(), None);

        let again = Journal::on_disk(AccountMemory::new(&dir, "123456789012"));
        let kept: Vec<Resource> = again.entries().into_iter().map(|e| e.resource).collect();
        assert_eq!(kept, [Resource::Group { name: "Admins".into() }]);
        std::fs::remove_dir_all(&dir).expect("clean up");

        let memory_only = Journal::in_memory();
        memory_only.record(Resource::PasswordPolicy);
        assert_eq!(memory_only.entries().len(), 1);
    }

    #[test]
    fn made_this_run_leaves_out_what_earlier_runs_made() {
        let dir = std::env::temp_dir().join(format!("aws-day-one-journal-this-run-{}", std::process::id()));
        let earlier = Journal::on_disk(AccountMemory::new(&dir, "123456789012"));
        earlier.record(Resource::Group { name: "Admins".into() });
        let now = Journal::on_disk(AccountMemory::new(&dir, "123456789012"));
        let before = now.version();
        now.record(Resource::User { name: "ada".into() });
        assert_ne!(now.version(), before, "a change is seen");
        assert_eq!(now.made_this_run(), [Resource::User { name: "ada".into() }]);
        now.forget(&Resource::User { name: "ada".into() });
        assert!(now.made_this_run().is_empty());
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn the_log_bucket_serves_both_logging_steps() {
        let bucket = Resource::Bucket { name: "logs".into() };
        assert!(bucket.serves(StepId::Cloudtrail) && bucket.serves(StepId::Config));
        assert!(!bucket.serves(StepId::Guardduty));
        assert!(Resource::LoginProfile { user: "ada".into() }.serves(StepId::AdminUser));
    }

    #[test]
    fn a_failed_write_is_reported_and_the_run_goes_on() {
        // A file where the accounts directory should be: every write fails.
        let dir = std::env::temp_dir().join(format!("aws-day-one-journal-broken-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("accounts"), b"not a directory").expect("file");
        let journal = Journal::on_disk(AccountMemory::new(&dir, "123456789012"));
        journal.record(Resource::PasswordPolicy);
        assert!(journal.take_problem().is_some());
        assert_eq!(journal.take_problem(), None);
        assert_eq!(journal.entries().len(), 1, "kept in memory for this run");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
