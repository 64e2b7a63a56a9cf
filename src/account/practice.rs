//! The practice account: a brand-new AWS account simulated in memory, for rehearsals,
//! projectors and first runs without credentials or network. It answers like AWS
//! does, including the checks AWS makes that an emulator skips (the password policy on
//! new passwords, real TOTP codes on `EnableMFADevice`), so what works here works on a
//! real account. The contract tests hold it to the same scenarios as the SDK.

use super::Password;
use super::{
    ADMINISTRATOR_ACCESS_ARN, Account, AccountError, AccountSummary, AdvisorCheck, AlternateContact, BudgetAlert,
    BudgetNotification, BudgetPlan, ConfigRecorder, ConfigSetup, ContactKind, CostBudget, Detector, Identity,
    NewVirtualMfa, Organization, PasswordPolicy, Trail,
};
use crate::clock::Clock;
use crate::i18n::{Lang, Localize};
use crate::journal::Resource;
use crate::mfa::{MfaSeed, totp};
use async_trait::async_trait;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use zeroize::Zeroizing;

/// The practice account's id: the example id from the AWS documentation.
pub const PRACTICE_ACCOUNT_ID: &str = "111122223333";

/// Where the practice account's regional resources live (Tokyo, as in the articles).
pub const PRACTICE_REGION: &str = "ap-northeast-1";

/// The id GuardDuty gives the practice account's detector.
const PRACTICE_DETECTOR_ID: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

/// The practice root user's one access key, which the practice run "signs" with.
pub const PRACTICE_ROOT_KEY: &str = "AKIAPRACTICE0ROOTKEY";

#[derive(Default)]
struct Group {
    policies: BTreeSet<String>,
    members: BTreeSet<String>,
}

#[derive(Default)]
struct User {
    console_password: bool,
    mfa_devices: Vec<String>,
}

struct VirtualMfa {
    seed: MfaSeed,
    assigned_to: Option<String>,
}

/// Everything a new account can come to have.
struct State {
    root_mfa: bool,
    root_access_keys: Vec<String>,
    alias: Option<String>,
    password_policy: Option<PasswordPolicy>,
    groups: BTreeMap<String, Group>,
    users: BTreeMap<String, User>,
    virtual_mfas: BTreeMap<String, VirtualMfa>,
    budgets: Vec<CostBudget>,
    trails: Vec<Trail>,
    config: ConfigSetup,
    detectors: Vec<Detector>,
    contacts: HashMap<ContactKind, AlternateContact>,
    organization: Option<Organization>,
    buckets: BTreeMap<String, Bucket>,
    config_role: bool,
}

/// A simulated S3 bucket: only what the fixes set on it.
#[derive(Default)]
struct Bucket {
    public_access_blocked: bool,
    policy: Option<String>,
    expire_after_days: Option<i32>,
}

impl State {
    /// A brand-new account: nothing set up, root without MFA, one root access key.
    fn brand_new() -> State {
        State {
            root_mfa: false,
            root_access_keys: vec![PRACTICE_ROOT_KEY.to_owned()],
            alias: None,
            password_policy: None,
            groups: BTreeMap::new(),
            users: BTreeMap::new(),
            virtual_mfas: BTreeMap::new(),
            budgets: Vec::new(),
            trails: Vec::new(),
            config: ConfigSetup::default(),
            detectors: Vec::new(),
            contacts: HashMap::new(),
            organization: None,
            buckets: BTreeMap::new(),
            config_role: false,
        }
    }
}

/// A simulated brand-new account, shared between the UI and its worker.
#[derive(Clone)]
pub struct PracticeAccount {
    state: Arc<Mutex<State>>,
    clock: Arc<dyn Clock>,
}

fn no_such_entity(action: &'static str, what: &str) -> AccountError {
    AccountError::Service {
        action,
        code: "NoSuchEntity".into(),
        message: format!("{what} does not exist"),
    }
}

fn invalid(action: &'static str, message: impl Into<String>) -> AccountError {
    AccountError::InvalidInput {
        action,
        message: message.into(),
    }
}

/// The problems AWS would name for a password under a policy (or the default policy).
fn password_violations(password: &str, policy: Option<&PasswordPolicy>) -> Option<String> {
    let problems = crate::steps::password::broken_rules(password, policy);
    (!problems.is_empty()).then(|| {
        let named: Vec<String> = problems.iter().map(|rule| rule.localize(Lang::En)).collect();
        format!("Password should have {}", named.join(", "))
    })
}

/// A fresh random seed in the form AWS gives it (40 bytes, base32).
fn new_seed() -> Result<MfaSeed, AccountError> {
    let mut bytes = Zeroizing::new([0u8; 40]);
    getrandom::fill(bytes.as_mut()).map_err(|error| AccountError::Service {
        action: "iam:CreateVirtualMFADevice",
        code: "NoRandomness".into(),
        message: error.to_string(),
    })?;
    let secret = totp_rs::Secret::new(bytes.to_vec().into_boxed_slice());
    Ok(MfaSeed::from_base32(secret.to_base32()))
}

impl PracticeAccount {
    /// A brand-new simulated account whose MFA checks use `clock`.
    pub fn new(clock: Arc<dyn Clock>) -> PracticeAccount {
        PracticeAccount {
            state: Arc::new(Mutex::new(State::brand_new())),
            clock,
        }
    }

    fn with_bucket(
        &self,
        action: &'static str,
        bucket: &str,
        change: impl FnOnce(&mut Bucket),
    ) -> Result<(), AccountError> {
        match self.state().buckets.get_mut(bucket) {
            Some(found) => {
                change(found);
                Ok(())
            }
            None => Err(AccountError::Service {
                action,
                code: "NoSuchBucket".into(),
                message: format!("The specified bucket does not exist: {bucket}"),
            }),
        }
    }

    fn with_trail(
        &self,
        action: &'static str,
        trail: &Trail,
        change: impl FnOnce(&mut Trail),
    ) -> Result<(), AccountError> {
        match self.state().trails.iter_mut().find(|t| t.name == trail.name) {
            Some(found) => {
                change(found);
                Ok(())
            }
            None => Err(AccountError::Service {
                action,
                code: "TrailNotFoundException".into(),
                message: format!("Unknown trail: {}", trail.name),
            }),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the simulation half-changed in a
        // way that matters more than losing it; keep going with what is there.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the user does in the console for the root user: turn on root MFA.
    pub fn console_enable_root_mfa(&self) {
        self.state().root_mfa = true;
    }

    /// What the user does in the console for the root user: delete its access keys.
    pub fn console_delete_root_access_keys(&self) {
        self.state().root_access_keys.clear();
    }
}

#[async_trait]
impl Account for PracticeAccount {
    async fn identity(&self) -> Result<Identity, AccountError> {
        Ok(Identity {
            account_id: PRACTICE_ACCOUNT_ID.into(),
            principal_arn: format!("arn:aws:iam::{PRACTICE_ACCOUNT_ID}:root"),
        })
    }

    async fn account_summary(&self) -> Result<AccountSummary, AccountError> {
        let state = self.state();
        Ok(AccountSummary {
            root_mfa_enabled: state.root_mfa,
            root_access_keys_present: !state.root_access_keys.is_empty(),
        })
    }

    async fn account_alias(&self) -> Result<Option<String>, AccountError> {
        Ok(self.state().alias.clone())
    }

    async fn password_policy(&self) -> Result<Option<PasswordPolicy>, AccountError> {
        Ok(self.state().password_policy.clone())
    }

    async fn groups_with_policy(&self, policy_arn: &str) -> Result<Vec<String>, AccountError> {
        let state = self.state();
        Ok(state
            .groups
            .iter()
            .filter(|(_, g)| g.policies.contains(policy_arn))
            .map(|(name, _)| name.clone())
            .collect())
    }

    async fn group_members(&self, group: &str) -> Result<Vec<String>, AccountError> {
        let state = self.state();
        let group = state
            .groups
            .get(group)
            .ok_or_else(|| no_such_entity("iam:GetGroup", group))?;
        Ok(group.members.iter().cloned().collect())
    }

    async fn users(&self) -> Result<Vec<String>, AccountError> {
        Ok(self.state().users.keys().cloned().collect())
    }

    async fn has_console_password(&self, user: &str) -> Result<bool, AccountError> {
        let state = self.state();
        let user = state
            .users
            .get(user)
            .ok_or_else(|| no_such_entity("iam:GetLoginProfile", user))?;
        Ok(user.console_password)
    }

    async fn mfa_devices(&self, user: &str) -> Result<Vec<String>, AccountError> {
        let state = self.state();
        let user = state
            .users
            .get(user)
            .ok_or_else(|| no_such_entity("iam:ListMFADevices", user))?;
        Ok(user.mfa_devices.clone())
    }

    async fn cost_budgets(&self, _account_id: &str) -> Result<Vec<CostBudget>, AccountError> {
        Ok(self.state().budgets.clone())
    }

    async fn trails(&self) -> Result<Vec<Trail>, AccountError> {
        Ok(self.state().trails.clone())
    }

    async fn config_setup(&self) -> Result<ConfigSetup, AccountError> {
        Ok(self.state().config.clone())
    }

    async fn guardduty_detectors(&self) -> Result<Vec<Detector>, AccountError> {
        Ok(self.state().detectors.clone())
    }

    async fn alternate_contact(&self, kind: ContactKind) -> Result<Option<AlternateContact>, AccountError> {
        Ok(self.state().contacts.get(&kind).cloned())
    }

    async fn organization(&self) -> Result<Option<Organization>, AccountError> {
        Ok(self.state().organization.clone())
    }

    async fn create_account_alias(&self, alias: &str) -> Result<(), AccountError> {
        // AWS keeps one alias per account; creating another replaces it.
        self.state().alias = Some(alias.to_owned());
        Ok(())
    }

    async fn update_password_policy(&self, policy: &PasswordPolicy) -> Result<(), AccountError> {
        if !(6..=128).contains(&policy.minimum_length) {
            return Err(invalid(
                "iam:UpdateAccountPasswordPolicy",
                "MinimumPasswordLength must be 6 to 128",
            ));
        }
        self.state().password_policy = Some(policy.clone());
        Ok(())
    }

    async fn create_group(&self, group: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        if state.groups.contains_key(group) {
            return Err(AccountError::AlreadyExists {
                action: "iam:CreateGroup",
            });
        }
        state.groups.insert(group.to_owned(), Group::default());
        Ok(())
    }

    async fn attach_group_policy(&self, group: &str, policy_arn: &str) -> Result<(), AccountError> {
        let action = "iam:AttachGroupPolicy";
        if policy_arn != ADMINISTRATOR_ACCESS_ARN {
            return Err(invalid(
                action,
                format!("Policy {policy_arn} does not exist or is not attachable."),
            ));
        }
        let mut state = self.state();
        let group = state
            .groups
            .get_mut(group)
            .ok_or_else(|| no_such_entity(action, group))?;
        group.policies.insert(policy_arn.to_owned());
        Ok(())
    }

    async fn create_user(&self, user: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        if state.users.contains_key(user) {
            return Err(AccountError::AlreadyExists {
                action: "iam:CreateUser",
            });
        }
        state.users.insert(user.to_owned(), User::default());
        Ok(())
    }

    async fn create_login_profile(
        &self,
        user: &str,
        password: &Password,
        _reset_required: bool,
    ) -> Result<(), AccountError> {
        let action = "iam:CreateLoginProfile";
        let mut state = self.state();
        if let Some(problem) = password_violations(password.expose(), state.password_policy.as_ref()) {
            return Err(invalid(action, problem));
        }
        let entry = state.users.get_mut(user).ok_or_else(|| no_such_entity(action, user))?;
        if entry.console_password {
            return Err(AccountError::AlreadyExists { action });
        }
        entry.console_password = true;
        Ok(())
    }

    async fn add_user_to_group(&self, user: &str, group: &str) -> Result<(), AccountError> {
        let action = "iam:AddUserToGroup";
        let mut state = self.state();
        if !state.users.contains_key(user) {
            return Err(no_such_entity(action, user));
        }
        let group = state
            .groups
            .get_mut(group)
            .ok_or_else(|| no_such_entity(action, group))?;
        group.members.insert(user.to_owned());
        Ok(())
    }

    async fn create_virtual_mfa(&self, device_name: &str) -> Result<NewVirtualMfa, AccountError> {
        let serial_number = format!("arn:aws:iam::{PRACTICE_ACCOUNT_ID}:mfa/{device_name}");
        let seed = new_seed()?;
        let mut state = self.state();
        if state.virtual_mfas.contains_key(&serial_number) {
            return Err(AccountError::AlreadyExists {
                action: "iam:CreateVirtualMFADevice",
            });
        }
        state.virtual_mfas.insert(
            serial_number.clone(),
            VirtualMfa {
                seed: seed.clone(),
                assigned_to: None,
            },
        );
        Ok(NewVirtualMfa { serial_number, seed })
    }

    async fn enable_mfa_device(
        &self,
        user: &str,
        serial_number: &str,
        code1: &str,
        code2: &str,
    ) -> Result<(), AccountError> {
        let action = "iam:EnableMFADevice";
        let now = self.clock.now_unix();
        let mut state = self.state();
        if !state.users.contains_key(user) {
            return Err(no_such_entity(action, user));
        }
        let device = state
            .virtual_mfas
            .get_mut(serial_number)
            .ok_or_else(|| no_such_entity(action, serial_number))?;
        if device.assigned_to.is_some() {
            return Err(AccountError::AlreadyExists { action });
        }
        if totp::check_consecutive(&device.seed, code1, code2, now).is_err() {
            return Err(invalid(action, "Authentication code for the MFA device is not valid."));
        }
        device.assigned_to = Some(user.to_owned());
        if let Some(user) = state.users.get_mut(user) {
            user.mfa_devices.push(serial_number.to_owned());
        }
        Ok(())
    }

    async fn delete_virtual_mfa(&self, serial_number: &str) -> Result<(), AccountError> {
        let action = "iam:DeleteVirtualMFADevice";
        let mut state = self.state();
        match state.virtual_mfas.get(serial_number) {
            None => Err(no_such_entity(action, serial_number)),
            Some(device) if device.assigned_to.is_some() => Err(AccountError::Service {
                action,
                code: "DeleteConflict".into(),
                message: "the device is in use".into(),
            }),
            Some(_) => {
                state.virtual_mfas.remove(serial_number);
                Ok(())
            }
        }
    }

    async fn create_cost_budget(&self, _account_id: &str, plan: &BudgetPlan) -> Result<(), AccountError> {
        let action = "budgets:ModifyBudget";
        if !plan.amount_usd.parse::<f64>().is_ok_and(|amount| amount > 0.0) {
            return Err(invalid(action, "the budget amount must be a positive number"));
        }
        let mut state = self.state();
        if state.budgets.iter().any(|b| b.name == plan.name) {
            return Err(AccountError::AlreadyExists { action });
        }
        state.budgets.push(CostBudget {
            name: plan.name.clone(),
            notifications: vec![BudgetNotification {
                kind: plan.alert.kind.clone(),
                threshold: plan.alert.threshold,
            }],
        });
        Ok(())
    }

    async fn add_budget_alert(&self, _account_id: &str, budget: &str, alert: &BudgetAlert) -> Result<(), AccountError> {
        let action = "budgets:ModifyBudget";
        let mut state = self.state();
        let Some(existing) = state.budgets.iter_mut().find(|b| b.name == budget) else {
            return Err(AccountError::Service {
                action,
                code: "NotFoundException".into(),
                message: format!("Unable to get budget: {budget} - the budget doesn't exist."),
            });
        };
        let notification = BudgetNotification {
            kind: alert.kind.clone(),
            threshold: alert.threshold,
        };
        if existing.notifications.contains(&notification) {
            return Err(AccountError::AlreadyExists { action });
        }
        existing.notifications.push(notification);
        Ok(())
    }

    async fn create_detector(&self) -> Result<String, AccountError> {
        let mut state = self.state();
        if !state.detectors.is_empty() {
            // GuardDuty allows one detector per account and region.
            return Err(invalid(
                "guardduty:CreateDetector",
                "The request is rejected because a detector already exists for the current account.",
            ));
        }
        let id = PRACTICE_DETECTOR_ID.to_owned();
        state.detectors.push(Detector {
            id: id.clone(),
            enabled: true,
        });
        Ok(id)
    }

    async fn enable_detector(&self, id: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        match state.detectors.iter_mut().find(|d| d.id == id) {
            Some(detector) => {
                detector.enabled = true;
                Ok(())
            }
            None => Err(invalid("guardduty:UpdateDetector", format!("no detector {id}"))),
        }
    }

    async fn put_alternate_contact(&self, kind: ContactKind, contact: &AlternateContact) -> Result<(), AccountError> {
        self.state().contacts.insert(kind, contact.clone());
        Ok(())
    }

    async fn create_organization(&self) -> Result<Organization, AccountError> {
        let mut state = self.state();
        if state.organization.is_some() {
            return Err(AccountError::AlreadyExists {
                action: "organizations:CreateOrganization",
            });
        }
        let organization = Organization {
            id: "o-practice01".to_owned(),
            management_account_id: PRACTICE_ACCOUNT_ID.to_owned(),
        };
        state.organization = Some(organization.clone());
        Ok(organization)
    }

    fn region(&self) -> String {
        PRACTICE_REGION.to_owned()
    }

    async fn still_exists(&self, _account_id: &str, resource: &Resource) -> Result<bool, AccountError> {
        let state = self.state();
        Ok(match resource {
            Resource::AccountAlias { alias } => state.alias.as_ref() == Some(alias),
            Resource::PasswordPolicy => state.password_policy.is_some(),
            Resource::Group { name } => state.groups.contains_key(name),
            Resource::GroupPolicy { group, policy_arn } => {
                state.groups.get(group).is_some_and(|g| g.policies.contains(policy_arn))
            }
            Resource::User { name } => state.users.contains_key(name),
            Resource::LoginProfile { user } => state.users.get(user).is_some_and(|u| u.console_password),
            Resource::GroupMembership { user, group } => {
                state.groups.get(group).is_some_and(|g| g.members.contains(user))
            }
            Resource::VirtualMfaDevice { serial_number } => state.virtual_mfas.contains_key(serial_number),
            Resource::MfaAssignment { user, serial_number } => state
                .users
                .get(user)
                .is_some_and(|u| u.mfa_devices.contains(serial_number)),
            Resource::Budget { name } => state.budgets.iter().any(|b| b.name == *name),
            Resource::BudgetAlert {
                budget,
                kind,
                threshold,
            } => state.budgets.iter().any(|b| {
                b.name == *budget
                    && b.notifications
                        .iter()
                        .any(|n| n.kind == *kind && n.threshold.to_string() == *threshold)
            }),
            Resource::GuardDutyDetector { id, .. } => state.detectors.iter().any(|d| d.id == *id),
            Resource::AlternateContact { kind } => state
                .contacts
                .keys()
                .any(|k| crate::steps::fix::contact_kind_name(*k) == kind),
            Resource::Organization { id } => state.organization.as_ref().is_some_and(|o| o.id == *id),
            Resource::Bucket { name } => state.buckets.contains_key(name),
            Resource::Trail { arn, .. } => state.trails.iter().any(|t| t.arn == *arn),
            Resource::ServiceLinkedRole { .. } => state.config_role,
            Resource::ConfigRecorder { name, .. } => state.config.recorders.iter().any(|r| r.name == *name),
            Resource::DeliveryChannel { name, .. } => state.config.delivery_channels.contains(name),
            Resource::ConfigRule { name, .. } => {
                let identifier = crate::checklist::ManagedRule::ALL
                    .into_iter()
                    .find(|rule| rule.rule_name() == name)
                    .map(|rule| rule.source_identifier());
                identifier.is_some_and(|id| state.config.managed_rules.iter().any(|r| r == id))
            }
        })
    }

    async fn remove(&self, _account_id: &str, resource: &Resource) -> Result<(), AccountError> {
        let mut state = self.state();
        match resource {
            Resource::AccountAlias { .. } => state.alias = None,
            Resource::PasswordPolicy => state.password_policy = None,
            Resource::Group { name } => {
                if state
                    .groups
                    .get(name)
                    .is_some_and(|g| !g.members.is_empty() || !g.policies.is_empty())
                {
                    return Err(AccountError::Service {
                        action: "iam:DeleteGroup",
                        code: "DeleteConflict".into(),
                        message: "Cannot delete entity, must remove users and policies from group first.".into(),
                    });
                }
                state.groups.remove(name);
            }
            Resource::GroupPolicy { group, policy_arn } => {
                if let Some(g) = state.groups.get_mut(group) {
                    g.policies.remove(policy_arn);
                }
            }
            Resource::User { name } => {
                let busy = state
                    .users
                    .get(name)
                    .is_some_and(|u| u.console_password || !u.mfa_devices.is_empty())
                    || state.groups.values().any(|g| g.members.contains(name));
                if busy {
                    return Err(AccountError::Service {
                        action: "iam:DeleteUser",
                        code: "DeleteConflict".into(),
                        message: "Cannot delete entity, must remove its password, MFA devices and groups first.".into(),
                    });
                }
                state.users.remove(name);
            }
            Resource::LoginProfile { user } => {
                if let Some(u) = state.users.get_mut(user) {
                    u.console_password = false;
                }
            }
            Resource::GroupMembership { user, group } => {
                if let Some(g) = state.groups.get_mut(group) {
                    g.members.remove(user);
                }
            }
            Resource::VirtualMfaDevice { serial_number } => {
                state.virtual_mfas.remove(serial_number);
            }
            Resource::MfaAssignment { user, serial_number } => {
                if let Some(u) = state.users.get_mut(user) {
                    u.mfa_devices.retain(|d| d != serial_number);
                }
                if let Some(device) = state.virtual_mfas.get_mut(serial_number) {
                    device.assigned_to = None;
                }
            }
            Resource::Budget { name } => state.budgets.retain(|b| b.name != *name),
            Resource::BudgetAlert {
                budget,
                kind,
                threshold,
            } => {
                for b in state.budgets.iter_mut().filter(|b| b.name == *budget) {
                    b.notifications
                        .retain(|n| !(n.kind == *kind && n.threshold.to_string() == *threshold));
                }
            }
            Resource::GuardDutyDetector { id, .. } => state.detectors.retain(|d| d.id != *id),
            Resource::AlternateContact { kind } => state
                .contacts
                .retain(|k, _| crate::steps::fix::contact_kind_name(*k) != kind),
            Resource::Organization { .. } => state.organization = None,
            Resource::Bucket { name } => {
                state.buckets.remove(name);
            }
            Resource::Trail { arn, .. } => state.trails.retain(|t| t.arn != *arn),
            Resource::ServiceLinkedRole { .. } => state.config_role = false,
            Resource::ConfigRecorder { name, .. } => state.config.recorders.retain(|r| r.name != *name),
            Resource::DeliveryChannel { name, .. } => state.config.delivery_channels.retain(|c| c != name),
            Resource::ConfigRule { name, .. } => {
                if let Some(rule) = crate::checklist::ManagedRule::ALL
                    .into_iter()
                    .find(|rule| rule.rule_name() == name)
                {
                    state.config.managed_rules.retain(|r| r != rule.source_identifier());
                }
            }
        }
        Ok(())
    }

    async fn trusted_advisor_security_checks(&self, _language: &str) -> Result<Vec<AdvisorCheck>, AccountError> {
        // A new account is on the Basic support plan, as AWS would answer it.
        Err(AccountError::SubscriptionRequired {
            action: "support:DescribeTrustedAdvisorChecks",
        })
    }

    async fn bucket_exists(&self, bucket: &str) -> Result<bool, AccountError> {
        Ok(self.state().buckets.contains_key(bucket))
    }

    async fn create_bucket(&self, bucket: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        if state.buckets.contains_key(bucket) {
            return Err(AccountError::AlreadyExists {
                action: "s3:CreateBucket",
            });
        }
        state.buckets.insert(bucket.to_owned(), Bucket::default());
        Ok(())
    }

    async fn block_public_access(&self, bucket: &str) -> Result<(), AccountError> {
        self.with_bucket("s3:PutBucketPublicAccessBlock", bucket, |b| {
            b.public_access_blocked = true
        })
    }

    async fn bucket_policy(&self, bucket: &str) -> Result<Option<String>, AccountError> {
        let mut policy = None;
        self.with_bucket("s3:GetBucketPolicy", bucket, |b| policy = b.policy.clone())?;
        Ok(policy)
    }

    async fn put_bucket_policy(&self, bucket: &str, policy: &str) -> Result<(), AccountError> {
        if serde_json::from_str::<serde_json::Value>(policy).is_err() {
            return Err(invalid("s3:PutBucketPolicy", "Policies must be valid JSON"));
        }
        self.with_bucket("s3:PutBucketPolicy", bucket, |b| b.policy = Some(policy.to_owned()))
    }

    async fn expire_objects_after(&self, bucket: &str, days: i32) -> Result<(), AccountError> {
        if days < 1 {
            return Err(invalid(
                "s3:PutLifecycleConfiguration",
                "Days must be a positive integer",
            ));
        }
        self.with_bucket("s3:PutLifecycleConfiguration", bucket, |b| {
            b.expire_after_days = Some(days)
        })
    }

    async fn create_trail(&self, name: &str, bucket: &str) -> Result<Trail, AccountError> {
        let action = "cloudtrail:CreateTrail";
        let mut state = self.state();
        if state.trails.iter().any(|t| t.name == name) {
            return Err(AccountError::AlreadyExists { action });
        }
        // As AWS does (and moto does not): the bucket must let CloudTrail write.
        let allowed = state
            .buckets
            .get(bucket)
            .and_then(|b| b.policy.as_deref())
            .is_some_and(|policy| policy.contains("cloudtrail.amazonaws.com"));
        if !allowed {
            return Err(AccountError::Service {
                action,
                code: "InsufficientS3BucketPolicyException".into(),
                message: format!("Incorrect S3 bucket policy is detected for bucket: {bucket}"),
            });
        }
        let trail = Trail {
            name: name.to_owned(),
            arn: format!("arn:aws:cloudtrail:{PRACTICE_REGION}:{PRACTICE_ACCOUNT_ID}:trail/{name}"),
            home_region: PRACTICE_REGION.to_owned(),
            multi_region: true,
            is_logging: false,
        };
        state.trails.push(trail.clone());
        Ok(trail)
    }

    async fn make_trail_multi_region(&self, trail: &Trail) -> Result<(), AccountError> {
        self.with_trail("cloudtrail:UpdateTrail", trail, |t| t.multi_region = true)
    }

    async fn start_logging(&self, trail: &Trail) -> Result<(), AccountError> {
        self.with_trail("cloudtrail:StartLogging", trail, |t| t.is_logging = true)
    }

    async fn create_config_role(&self) -> Result<String, AccountError> {
        let mut state = self.state();
        if state.config_role {
            return Err(AccountError::AlreadyExists {
                action: "iam:CreateServiceLinkedRole",
            });
        }
        state.config_role = true;
        Ok(crate::steps::fix::config_role_arn(PRACTICE_ACCOUNT_ID))
    }

    async fn put_config_recorder(&self, name: &str, _role_arn: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        let recorders = &mut state.config.recorders;
        let empty = recorders.is_empty();
        match recorders.iter_mut().find(|r| r.name == name) {
            Some(recorder) => {
                recorder.all_supported = true;
                recorder.include_global_resources = true;
            }
            None if empty => recorders.push(ConfigRecorder {
                name: name.to_owned(),
                all_supported: true,
                include_global_resources: true,
                recording: false,
            }),
            None => {
                return Err(AccountError::Service {
                    action: "config:PutConfigurationRecorder",
                    code: "MaxNumberOfConfigurationRecordersExceededException".into(),
                    message: "one recorder per region".into(),
                });
            }
        }
        Ok(())
    }

    async fn put_delivery_channel(&self, name: &str, bucket: &str, _prefix: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        if !state.buckets.contains_key(bucket) {
            return Err(AccountError::Service {
                action: "config:PutDeliveryChannel",
                code: "NoSuchBucketException".into(),
                message: format!("Cannot find a S3 bucket with an appropriate bucket policy: {bucket}"),
            });
        }
        if !state.config.delivery_channels.iter().any(|c| c == name) {
            state.config.delivery_channels.push(name.to_owned());
        }
        Ok(())
    }

    async fn start_config_recorder(&self, name: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        if state.config.delivery_channels.is_empty() {
            return Err(AccountError::Service {
                action: "config:StartConfigurationRecorder",
                code: "NoAvailableDeliveryChannelException".into(),
                message: "a delivery channel is needed first".into(),
            });
        }
        match state.config.recorders.iter_mut().find(|r| r.name == name) {
            Some(recorder) => {
                recorder.recording = true;
                Ok(())
            }
            None => Err(AccountError::Service {
                action: "config:StartConfigurationRecorder",
                code: "NoSuchConfigurationRecorderException".into(),
                message: format!("no recorder named {name}"),
            }),
        }
    }

    async fn put_managed_rule(
        &self,
        _rule_name: &str,
        source_identifier: &str,
        _periodic: bool,
    ) -> Result<(), AccountError> {
        let mut state = self.state();
        if !state.config.managed_rules.iter().any(|r| r == source_identifier) {
            state.config.managed_rules.push(source_identifier.to_owned());
        }
        Ok(())
    }

    async fn access_key_in_use(&self) -> Option<String> {
        // The practice run plays the situation the articles warn about: working as
        // the root user with the root user's own access key.
        Some(PRACTICE_ROOT_KEY.to_owned())
    }

    async fn own_access_keys(&self) -> Result<Vec<String>, AccountError> {
        Ok(self.state().root_access_keys.clone())
    }

    async fn delete_own_access_key(&self, access_key_id: &str) -> Result<(), AccountError> {
        let mut state = self.state();
        let before = state.root_access_keys.len();
        state.root_access_keys.retain(|key| key != access_key_id);
        if state.root_access_keys.len() == before {
            return Err(no_such_entity(
                "iam:DeleteAccessKey",
                &format!("The Access Key with id {access_key_id}"),
            ));
        }
        Ok(())
    }

    async fn unassigned_virtual_mfas(&self) -> Result<Vec<String>, AccountError> {
        let state = self.state();
        Ok(state
            .virtual_mfas
            .iter()
            .filter(|(_, d)| d.assigned_to.is_none())
            .map(|(serial, _)| serial.clone())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_held_to_the_policy_like_aws_does() {
        let policy = PasswordPolicy {
            minimum_length: 14,
            require_uppercase: true,
            require_lowercase: true,
            require_numbers: true,
            require_symbols: true,
            ..PasswordPolicy::default()
        };
        assert_eq!(
            password_violations("Short1!", Some(&policy)).as_deref(),
            Some("Password should have at least 14 characters")
        );
        assert!(password_violations("alllowercaseletters", Some(&policy)).is_some_and(|p| p.contains("a digit")));
        assert_eq!(password_violations("Correct-Horse-Battery-9", Some(&policy)), None);
        assert!(
            password_violations("seven77", None).is_some(),
            "the default policy wants 8"
        );
    }

    #[test]
    fn seeds_are_random_and_in_aws_form() {
        let (a, b) = (new_seed().expect("random"), new_seed().expect("random"));
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 64, "40 bytes of base32");
    }
}
