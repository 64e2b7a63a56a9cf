//! The IAM fixes (alias, password policy, admin group and user, MFA enrolment) and the
//! deletion of the root user's own access keys.

use crate::account::{ADMINISTRATOR_ACCESS_ARN, Account, AccountError, NewVirtualMfa, Password, PasswordPolicy};
use crate::journal::{Journal, Resource};

use super::created;

/// The workshop's baseline: 14 characters, every class, users may change their own
/// password, the last 24 cannot be reused. A stricter current setting is kept.
pub fn baseline_password_policy(current: Option<&PasswordPolicy>) -> PasswordPolicy {
    PasswordPolicy {
        minimum_length: current.map_or(14, |p| p.minimum_length.max(14)),
        require_uppercase: true,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: true,
        allow_users_to_change: true,
        reuse_prevention: Some(24),
        max_age_days: current.and_then(|p| p.max_age_days),
    }
}

/// Set the account alias.
pub async fn account_alias(account: &dyn Account, journal: &Journal, alias: &str) -> Result<(), AccountError> {
    if account.account_alias().await?.as_deref() == Some(alias) {
        return Ok(());
    }
    account.create_account_alias(alias).await?;
    journal.record(Resource::AccountAlias {
        alias: alias.to_owned(),
    });
    Ok(())
}

/// Replace the password policy with `policy` (journaled only when there was none: a
/// policy the account had before is the owner's, even after an edit).
pub async fn password_policy(
    account: &dyn Account,
    journal: &Journal,
    policy: &PasswordPolicy,
) -> Result<(), AccountError> {
    let had_one = account.password_policy().await?.is_some();
    account.update_password_policy(policy).await?;
    if !had_one {
        journal.record(Resource::PasswordPolicy);
    }
    Ok(())
}

/// Create the admin group if needed and make sure AdministratorAccess is attached.
pub async fn admin_group(account: &dyn Account, journal: &Journal, group: &str) -> Result<(), AccountError> {
    if created(account.create_group(group).await)? {
        journal.record(Resource::Group { name: group.to_owned() });
    }
    let attached = account.groups_with_policy(ADMINISTRATOR_ACCESS_ARN).await?;
    if !attached.iter().any(|g| g == group) {
        account.attach_group_policy(group, ADMINISTRATOR_ACCESS_ARN).await?;
        journal.record(Resource::GroupPolicy {
            group: group.to_owned(),
            policy_arn: ADMINISTRATOR_ACCESS_ARN.to_owned(),
        });
    }
    Ok(())
}

/// A personal admin user: the user, a console password, membership of the admin group.
/// No access keys. An existing user is completed; if it already had a console
/// password, that password is left alone and the answer is `false` (the new one was
/// not used and must not be shown as theirs).
pub async fn admin_user(
    account: &dyn Account,
    journal: &Journal,
    user: &str,
    group: &str,
    password: &Password,
    reset_required: bool,
) -> Result<bool, AccountError> {
    if created(account.create_user(user).await)? {
        journal.record(Resource::User { name: user.to_owned() });
    }
    let password_set = !account.has_console_password(user).await?;
    if password_set {
        account.create_login_profile(user, password, reset_required).await?;
        journal.record(Resource::LoginProfile { user: user.to_owned() });
    }
    if !account.group_members(group).await?.iter().any(|member| member == user) {
        account.add_user_to_group(user, group).await?;
        journal.record(Resource::GroupMembership {
            user: user.to_owned(),
            group: group.to_owned(),
        });
    }
    Ok(password_set)
}

/// A virtual MFA device for `user`, journaled until it is enabled or deleted, so even a
/// run killed mid-enrolment leaves a record of it. A device of that name that no one
/// enabled (an enrolment cut off after AWS made the device) is of no use without its
/// key, which AWS shows only once: it is replaced.
pub async fn create_virtual_mfa(
    account: &dyn Account,
    journal: &Journal,
    user: &str,
) -> Result<NewVirtualMfa, AccountError> {
    let device = match account.create_virtual_mfa(user).await {
        Err(exists @ AccountError::AlreadyExists { .. }) => {
            let unused = account
                .unassigned_virtual_mfas()
                .await?
                .into_iter()
                .find(|serial| serial.rsplit('/').next() == Some(user));
            let Some(serial_number) = unused else {
                return Err(exists);
            };
            discard_virtual_mfa(account, journal, &serial_number).await?;
            account.create_virtual_mfa(user).await?
        }
        created => created?,
    };
    journal.record(Resource::VirtualMfaDevice {
        serial_number: device.serial_number.clone(),
    });
    Ok(device)
}

/// Enable the device for `user` with two consecutive codes.
pub async fn enable_mfa(
    account: &dyn Account,
    journal: &Journal,
    user: &str,
    serial_number: &str,
    codes: (&str, &str),
) -> Result<(), AccountError> {
    account.enable_mfa_device(user, serial_number, codes.0, codes.1).await?;
    journal.record(Resource::MfaAssignment {
        user: user.to_owned(),
        serial_number: serial_number.to_owned(),
    });
    Ok(())
}

/// Delete a device that was never enabled, and strike it from the journal.
pub async fn discard_virtual_mfa(
    account: &dyn Account,
    journal: &Journal,
    serial_number: &str,
) -> Result<(), AccountError> {
    account.delete_virtual_mfa(serial_number).await?;
    journal.forget(&Resource::VirtualMfaDevice {
        serial_number: serial_number.to_owned(),
    });
    Ok(())
}

/// The caller's access keys and which one signs the current calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnKeys {
    pub keys: Vec<String>,
    /// The key in use, when it is one of `keys` (temporary credentials never are).
    pub in_use: Option<String>,
}

impl OwnKeys {
    /// The keys that can go without cutting off this session.
    pub fn others(&self) -> impl Iterator<Item = &String> {
        self.keys.iter().filter(|key| Some(*key) != self.in_use.as_ref())
    }
}

/// The caller's own access keys (the root user's, when run as root).
pub async fn own_access_keys(account: &dyn Account) -> Result<OwnKeys, AccountError> {
    let keys = account.own_access_keys().await?;
    let in_use = account.access_key_in_use().await.filter(|key| keys.contains(key));
    Ok(OwnKeys { keys, in_use })
}

/// Delete the caller's access keys: every key but the one in use, and then that one
/// too, last, only when `include_in_use` (after it, these credentials stop working).
/// Answers with the keys left.
pub async fn delete_own_access_keys(account: &dyn Account, include_in_use: bool) -> Result<OwnKeys, AccountError> {
    let found = own_access_keys(account).await?;
    let mut left = found.clone();
    for key in found.others() {
        account.delete_own_access_key(key).await?;
        left.keys.retain(|k| k != key);
    }
    if include_in_use && let Some(key) = &found.in_use {
        account.delete_own_access_key(key).await?;
        left.keys.retain(|k| k != key);
    }
    Ok(left)
}
