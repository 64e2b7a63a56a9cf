//! `admin-group` and `admin-user`: daily work happens as a personal IAM user who gets
//! administrator rights from a group, never as the root user.

use super::{Facts, Outcome};
use crate::checklist::{Finding, Status};

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
    let mut lookups = Vec::with_capacity(groups.len());
    for group in &groups {
        lookups.push(facts.account.group_members(group));
    }
    let members: Vec<Vec<String>> = futures::future::try_join_all(lookups).await?;
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
