//! The account port: what aws-day-one needs to know about (and later do to) an AWS
//! account, in domain terms. Checks and fixes are written once against [`Account`];
//! the AWS SDK implementation lives in [`aws`], and no other module names an SDK type.

pub mod aws;
mod error;
pub mod practice;

pub use error::AccountError;

use crate::journal::Resource;
use crate::mfa::MfaSeed;
use async_trait::async_trait;
use zeroize::Zeroizing;

/// The ARN of the AWS managed policy that makes a principal an administrator.
pub const ADMINISTRATOR_ACCESS_ARN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

/// Who the credentials belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account_id: String,
    pub principal_arn: String,
}

impl Identity {
    /// Whether these are the root user's own credentials (`arn:aws:iam::ACCOUNT:root`).
    pub fn is_root(&self) -> bool {
        self.principal_arn.ends_with(":root")
    }
}

/// The live root-user facts from IAM's account summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountSummary {
    pub root_mfa_enabled: bool,
    pub root_access_keys_present: bool,
}

/// An IAM account password policy, as far as the checks need it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PasswordPolicy {
    pub minimum_length: i32,
    pub require_uppercase: bool,
    pub require_lowercase: bool,
    pub require_numbers: bool,
    pub require_symbols: bool,
    pub allow_users_to_change: bool,
    pub reuse_prevention: Option<i32>,
    pub max_age_days: Option<i32>,
}

/// A cost budget and its alerts.
#[derive(Clone, Debug, PartialEq)]
pub struct CostBudget {
    pub name: String,
    pub notifications: Vec<BudgetNotification>,
}

/// One alert of a budget. AWS keeps no alert without at least one subscriber.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetNotification {
    /// `ACTUAL` or `FORECASTED`.
    pub kind: String,
    /// Percent of the budgeted amount.
    pub threshold: f64,
}

/// A budget alert to create: when spend (actual, or forecast for the month) passes
/// `threshold` percent of the budget, every address gets an email.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetAlert {
    /// `ACTUAL` or `FORECASTED`.
    pub kind: String,
    pub threshold: f64,
    pub emails: Vec<String>,
}

/// A monthly cost budget to create, in USD, with its alert.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetPlan {
    pub name: String,
    /// The amount as typed and validated ("10", "1.50"): Budgets takes a decimal string.
    pub amount_usd: String,
    pub alert: BudgetAlert,
}

/// One of Trusted Advisor's security checks and its current result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdvisorCheck {
    /// The check's name, in the language asked for.
    pub name: String,
    /// `ok`, `warning`, `error` or `not_available`; `None` when the result could not
    /// be read.
    pub status: Option<String>,
}

/// A CloudTrail trail with its logging state (asked of its home region).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trail {
    pub name: String,
    pub arn: String,
    pub home_region: String,
    pub multi_region: bool,
    pub is_logging: bool,
}

/// A configuration recorder and whether it is running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigRecorder {
    pub name: String,
    pub all_supported: bool,
    pub include_global_resources: bool,
    pub recording: bool,
}

/// AWS Config's setup in the current region.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ConfigSetup {
    pub recorders: Vec<ConfigRecorder>,
    pub delivery_channels: Vec<String>,
    /// Source identifiers of the AWS managed rules in place (`ROOT_ACCOUNT_MFA_ENABLED`, …).
    pub managed_rules: Vec<String>,
}

/// A GuardDuty detector in the current region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detector {
    pub id: String,
    pub enabled: bool,
}

/// The kinds of alternate contact an account can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactKind {
    Billing,
    Operations,
    Security,
}

/// A person AWS notifies besides the root email.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlternateContact {
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

/// The organization an account belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    pub id: String,
    pub management_account_id: String,
}

/// A console password: wiped from memory when dropped and never shown by `Debug`, so
/// it cannot reach a log, a panic message or a snapshot by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(Zeroizing<String>);

impl Password {
    pub fn new(text: impl Into<String>) -> Password {
        Password(Zeroizing::new(text.into()))
    }

    /// An empty password with room for IAM's longest one, so typing into it never
    /// moves (and so copies) the characters already typed.
    pub fn empty() -> Password {
        Password(Zeroizing::new(String::with_capacity(4 * 128)))
    }

    /// The password itself, for the one screen that shows it and the one call that sets it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Add a typed character (ignored once the room is full).
    pub fn push(&mut self, c: char) {
        if self.0.len() + c.len_utf8() <= self.0.capacity() {
            self.0.push(c);
        }
    }

    /// Remove the last typed character.
    pub fn pop(&mut self) {
        self.0.pop();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Length in characters, for a masked display.
    pub fn chars(&self) -> usize {
        self.0.chars().count()
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// A virtual MFA device just created and not yet enabled.
#[derive(Debug)]
pub struct NewVirtualMfa {
    /// The device's ARN, which `EnableMFADevice` calls its serial number.
    pub serial_number: String,
    pub seed: MfaSeed,
}

/// An AWS account as aws-day-one sees it. "Not found" answers are normal values here
/// (`None`, empty lists), never errors: a new account has almost nothing.
#[async_trait]
pub trait Account: Send + Sync {
    /// Who is calling (STS GetCallerIdentity).
    async fn identity(&self) -> Result<Identity, AccountError>;
    /// How far AWS's clock is ahead of this machine's, in seconds, as last seen in a
    /// response's `Date` header; `None` before any answer (or for the practice account).
    /// A phone and a computer whose clocks disagree with AWS make MFA codes fail.
    async fn clock_skew_seconds(&self) -> Option<i64> {
        None
    }
    /// Root MFA and root access keys, live.
    async fn account_summary(&self) -> Result<AccountSummary, AccountError>;
    /// The account alias, if one is set (an account has at most one).
    async fn account_alias(&self) -> Result<Option<String>, AccountError>;
    /// The password policy, if one is set.
    async fn password_policy(&self) -> Result<Option<PasswordPolicy>, AccountError>;
    /// Names of the groups the given managed policy is attached to.
    async fn groups_with_policy(&self, policy_arn: &str) -> Result<Vec<String>, AccountError>;
    /// Names of a group's members.
    async fn group_members(&self, group: &str) -> Result<Vec<String>, AccountError>;
    /// Names of every IAM user.
    async fn users(&self) -> Result<Vec<String>, AccountError>;
    /// Whether the user can sign in to the console (has a login profile).
    async fn has_console_password(&self, user: &str) -> Result<bool, AccountError>;
    /// Serial numbers of the user's MFA devices.
    async fn mfa_devices(&self, user: &str) -> Result<Vec<String>, AccountError>;
    /// Every COST budget of the account, with its alerts.
    async fn cost_budgets(&self, account_id: &str) -> Result<Vec<CostBudget>, AccountError>;
    /// Every trail visible from the current region, including multi-region trails
    /// homed elsewhere.
    async fn trails(&self) -> Result<Vec<Trail>, AccountError>;
    /// AWS Config's recorders, delivery channels and managed rules in this region.
    async fn config_setup(&self) -> Result<ConfigSetup, AccountError>;
    /// GuardDuty detectors in this region.
    async fn guardduty_detectors(&self) -> Result<Vec<Detector>, AccountError>;
    /// One alternate contact, if set.
    async fn alternate_contact(&self, kind: ContactKind) -> Result<Option<AlternateContact>, AccountError>;
    /// The organization the account belongs to, if any.
    async fn organization(&self) -> Result<Option<Organization>, AccountError>;

    // Changes. Each does one API call's worth of work; the steps compose them into
    // idempotent fixes.

    /// Set the account alias (an account has at most one).
    async fn create_account_alias(&self, alias: &str) -> Result<(), AccountError>;
    /// Replace the whole password policy (AWS resets every field not sent).
    async fn update_password_policy(&self, policy: &PasswordPolicy) -> Result<(), AccountError>;
    async fn create_group(&self, group: &str) -> Result<(), AccountError>;
    async fn attach_group_policy(&self, group: &str, policy_arn: &str) -> Result<(), AccountError>;
    async fn create_user(&self, user: &str) -> Result<(), AccountError>;
    /// Give the user a console password.
    async fn create_login_profile(
        &self,
        user: &str,
        password: &Password,
        reset_required: bool,
    ) -> Result<(), AccountError>;
    async fn add_user_to_group(&self, user: &str, group: &str) -> Result<(), AccountError>;
    /// Create a virtual MFA device; its seed is returned once and never stored.
    async fn create_virtual_mfa(&self, device_name: &str) -> Result<NewVirtualMfa, AccountError>;
    /// Attach the device to the user, proven by two consecutive codes.
    async fn enable_mfa_device(
        &self,
        user: &str,
        serial_number: &str,
        code1: &str,
        code2: &str,
    ) -> Result<(), AccountError>;
    /// Delete a virtual MFA device that was never enabled.
    async fn delete_virtual_mfa(&self, serial_number: &str) -> Result<(), AccountError>;
    /// Serial numbers of virtual MFA devices not assigned to anyone.
    async fn unassigned_virtual_mfas(&self) -> Result<Vec<String>, AccountError>;
    /// Create a monthly COST budget with its alert.
    async fn create_cost_budget(&self, account_id: &str, plan: &BudgetPlan) -> Result<(), AccountError>;
    /// Add an alert to an existing budget.
    async fn add_budget_alert(&self, account_id: &str, budget: &str, alert: &BudgetAlert) -> Result<(), AccountError>;
    /// Create a GuardDuty detector in this region (enabled); its id.
    async fn create_detector(&self) -> Result<String, AccountError>;
    /// Turn a suspended detector back on.
    async fn enable_detector(&self, id: &str) -> Result<(), AccountError>;
    /// Set (or replace) one alternate contact.
    async fn put_alternate_contact(&self, kind: ContactKind, contact: &AlternateContact) -> Result<(), AccountError>;
    /// Create an organization with all features, this account its management account.
    async fn create_organization(&self) -> Result<Organization, AccountError>;
    /// The region regional resources are made in.
    fn region(&self) -> String;
    /// Whether a resource aws-day-one journaled is still there, as it was made (an
    /// alias still the same alias, a detector with the same id).
    async fn still_exists(&self, account_id: &str, resource: &Resource) -> Result<bool, AccountError>;
    /// Delete a resource aws-day-one journaled (a bucket with its objects).
    async fn remove(&self, account_id: &str, resource: &Resource) -> Result<(), AccountError>;
    /// Trusted Advisor's security checks with their results, names in `language`
    /// (`en` or `ja`). Accounts on the Basic or Developer support plan get
    /// `SubscriptionRequired`: the API is for Business support and above.
    async fn trusted_advisor_security_checks(&self, language: &str) -> Result<Vec<AdvisorCheck>, AccountError>;
    /// Whether this account has a bucket of that name (a name another account holds is
    /// an `AlreadyExists` error: bucket names are global).
    async fn bucket_exists(&self, bucket: &str) -> Result<bool, AccountError>;
    /// Create a bucket in the current region.
    async fn create_bucket(&self, bucket: &str) -> Result<(), AccountError>;
    /// Turn on all four public access blocks of the bucket.
    async fn block_public_access(&self, bucket: &str) -> Result<(), AccountError>;
    /// The bucket's policy document, if it has one.
    async fn bucket_policy(&self, bucket: &str) -> Result<Option<String>, AccountError>;
    async fn put_bucket_policy(&self, bucket: &str, policy: &str) -> Result<(), AccountError>;
    /// Delete the bucket's objects `days` after they are written.
    async fn expire_objects_after(&self, bucket: &str, days: i32) -> Result<(), AccountError>;
    /// Create a multi-region trail with global events and log file validation, writing
    /// to `bucket` (it does not log until started).
    async fn create_trail(&self, name: &str, bucket: &str) -> Result<Trail, AccountError>;
    /// Make an existing trail record every region (and global services).
    async fn make_trail_multi_region(&self, trail: &Trail) -> Result<(), AccountError>;
    async fn start_logging(&self, trail: &Trail) -> Result<(), AccountError>;
    /// Create AWS Config's service-linked role (`AlreadyExists` when it is there); its ARN.
    async fn create_config_role(&self) -> Result<String, AccountError>;
    /// Create or update the recorder to record every supported resource, global ones too.
    async fn put_config_recorder(&self, name: &str, role_arn: &str) -> Result<(), AccountError>;
    async fn put_delivery_channel(&self, name: &str, bucket: &str, prefix: &str) -> Result<(), AccountError>;
    async fn start_config_recorder(&self, name: &str) -> Result<(), AccountError>;
    /// Add an AWS managed Config rule (`periodic` for rules that run on a schedule).
    async fn put_managed_rule(
        &self,
        rule_name: &str,
        source_identifier: &str,
        periodic: bool,
    ) -> Result<(), AccountError>;

    /// The id of the access key these credentials sign with (temporary credentials,
    /// from SSO or CloudShell, have one too; it is simply never among a user's keys).
    async fn access_key_in_use(&self) -> Option<String>;
    /// Ids of the caller's own access keys (the root user's, when the caller is root).
    async fn own_access_keys(&self) -> Result<Vec<String>, AccountError>;
    /// Delete one of the caller's own access keys.
    async fn delete_own_access_key(&self, access_key_id: &str) -> Result<(), AccountError>;
}
