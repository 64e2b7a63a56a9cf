//! `admin-group` and `admin-user`: daily work happens as a personal IAM user who gets
//! administrator rights from a group, never as the root user.

use super::{Facts, Outcome};
use crate::account::AccountError;
use crate::checklist::{Finding, Status};
use futures::{StreamExt, TryStreamExt, stream};

pub async fn check_group(facts: &Facts<'_>) -> Outcome {
    let groups = facts.admin_groups().await?;
    Ok(if groups.is_empty() {
        (Status::Fail, Finding::AdminGroupMissing)
    } else {
        (Status::Pass, Finding::AdminGroupFound { groups })
    })
}

pub async fn check_user(facts: &Facts<'_>) -> Outcome {
    let (groups, console_users) = futures::try_join!(facts.admin_groups(), facts.console_users())?;
    let members: Vec<Vec<String>> = stream::iter(&groups)
        .map(|group| facts.account.group_members(group))
        .buffered(4)
        .try_collect::<Vec<_>>()
        .await
        .map_err(|e: AccountError| e)?;
    let mut admins: Vec<String> = console_users
        .into_iter()
        .filter(|user| members.iter().any(|group| group.contains(user)))
        .collect();
    admins.sort();
    Ok(if admins.is_empty() {
        (
            Status::Fail,
            Finding::AdminUserMissing {
                admin_groups: groups.len(),
            },
        )
    } else {
        (Status::Pass, Finding::AdminUserFound { users: admins })
    })
}
