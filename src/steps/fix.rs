//! The IAM fixes, written once against the account port. Each one creates only what is
//! missing, so running it again after a failure finishes the job instead of failing
//! on what the first run made.

use crate::account::{ADMINISTRATOR_ACCESS_ARN, Account, AccountError, Password, PasswordPolicy};

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

/// Tolerate "already exists": the thing we wanted is there.
fn exists_ok(result: Result<(), AccountError>) -> Result<(), AccountError> {
    match result {
        Err(AccountError::AlreadyExists { .. }) => Ok(()),
        other => other,
    }
}

/// Create the admin group if needed and make sure AdministratorAccess is attached.
pub async fn admin_group(account: &dyn Account, group: &str) -> Result<(), AccountError> {
    exists_ok(account.create_group(group).await)?;
    account.attach_group_policy(group, ADMINISTRATOR_ACCESS_ARN).await
}

/// A personal admin user: the user, a console password, membership of the admin group.
/// No access keys. An existing user is completed; if it already had a console
/// password, that password is left alone and the answer is `false` (the generated one
/// was not used and must not be shown as theirs).
pub async fn admin_user(
    account: &dyn Account,
    user: &str,
    group: &str,
    password: &Password,
    reset_required: bool,
) -> Result<bool, AccountError> {
    exists_ok(account.create_user(user).await)?;
    let password_set = !account.has_console_password(user).await?;
    if password_set {
        account.create_login_profile(user, password, reset_required).await?;
    }
    account.add_user_to_group(user, group).await?;
    Ok(password_set)
}
