//! Cleanup: the end of a hands-on, removing what aws-day-one created in an account and
//! nothing else. The list comes from the journal alone; each item is checked to be
//! still there as it was made, described with what deleting it means, and removed
//! newest first (so a user goes before its group, a trail before its bucket).

use crate::account::{Account, AccountError};
use crate::i18n::Lang;
use crate::journal::{Entry, Journal, Resource};

/// One journaled resource and whether it is still there.
#[derive(Debug)]
pub struct Item {
    pub entry: Entry,
    pub present: bool,
}

/// The journal, newest first, each entry checked against the account.
pub async fn survey(account: &dyn Account, account_id: &str, entries: &[Entry]) -> Result<Vec<Item>, AccountError> {
    let mut items = Vec::new();
    for entry in entries.iter().rev() {
        let present = account.still_exists(account_id, &entry.resource).await?;
        items.push(Item {
            entry: entry.clone(),
            present,
        });
    }
    Ok(items)
}

/// Remove every present item in order, striking each from the journal once gone (and
/// the ones already gone without a call). A failure is reported and the rest go on:
/// what could not go stays in the journal for the next run.
pub async fn remove_all(
    account: &dyn Account,
    account_id: &str,
    items: &[Item],
    journal: &Journal,
) -> Vec<(Resource, Result<(), AccountError>)> {
    let mut outcomes = Vec::new();
    for item in items {
        let resource = &item.entry.resource;
        let result = if item.present {
            account.remove(account_id, resource).await
        } else {
            Ok(())
        };
        if result.is_ok() {
            journal.forget(resource);
        }
        if item.present {
            outcomes.push((resource.clone(), result));
        }
    }
    outcomes
}

/// What the resource is and what deleting it means, in one line.
pub fn describe(resource: &Resource, lang: Lang) -> String {
    let name = name(resource, lang);
    match deleting_means(resource, lang) {
        Some(meaning) if matches!(resource, Resource::Bucket { .. }) => format!("{name} {meaning}"),
        Some(meaning) => format!("{name}: {meaning}"),
        None => name,
    }
}

/// What the resource is, with its name.
pub fn name(resource: &Resource, lang: Lang) -> String {
    let en = lang == Lang::En;
    match resource {
        Resource::AccountAlias { alias } if en => format!("account alias {alias}"),
        Resource::AccountAlias { alias } => format!("アカウントエイリアス {alias}"),
        Resource::PasswordPolicy if en => "password policy".into(),
        Resource::PasswordPolicy => "パスワードポリシー".into(),
        Resource::Group { name } if en => format!("IAM group {name}"),
        Resource::Group { name } => format!("IAM グループ {name}"),
        Resource::GroupPolicy { group, policy_arn } if en => format!("{} on group {group}", short_arn(policy_arn)),
        Resource::GroupPolicy { group, policy_arn } => format!("グループ {group} の {}", short_arn(policy_arn)),
        Resource::User { name } if en => format!("IAM user {name}"),
        Resource::User { name } => format!("IAM ユーザー {name}"),
        Resource::LoginProfile { user } if en => format!("console password of {user}"),
        Resource::LoginProfile { user } => format!("{user} のコンソールパスワード"),
        Resource::GroupMembership { user, group } if en => format!("{user} in group {group}"),
        Resource::GroupMembership { user, group } => format!("グループ {group} の {user}"),
        Resource::VirtualMfaDevice { serial_number } if en => {
            format!("virtual MFA device {}", short_arn(serial_number))
        }
        Resource::VirtualMfaDevice { serial_number } => format!("仮想 MFA デバイス {}", short_arn(serial_number)),
        Resource::MfaAssignment { user, .. } if en => format!("MFA of {user}"),
        Resource::MfaAssignment { user, .. } => format!("{user} の MFA"),
        Resource::Budget { name } if en => format!("budget {name}"),
        Resource::Budget { name } => format!("予算 {name}"),
        Resource::BudgetAlert { budget, threshold, .. } if en => format!("alert at {threshold} % of budget {budget}"),
        Resource::BudgetAlert { budget, threshold, .. } => format!("予算 {budget} の {threshold} % の通知"),
        Resource::GuardDutyDetector { region, .. } if en => format!("GuardDuty in {region}"),
        Resource::GuardDutyDetector { region, .. } => format!("{region} の GuardDuty"),
        Resource::AlternateContact { kind } if en => format!("{kind} contact"),
        Resource::AlternateContact { kind } => format!("{kind} の連絡先"),
        Resource::Organization { id } if en => format!("organization {id}"),
        Resource::Organization { id } => format!("組織 {id}"),
        Resource::Bucket { name } if en => format!("bucket {name}"),
        Resource::Bucket { name } => format!("バケット {name}"),
        Resource::Trail { region, arn } if en => format!("trail {} ({region})", short_arn(arn)),
        Resource::Trail { region, arn } => format!("証跡 {} ({region})", short_arn(arn)),
        Resource::ServiceLinkedRole { name } if en => format!("role {name}"),
        Resource::ServiceLinkedRole { name } => format!("ロール {name}"),
        Resource::ConfigRecorder { region, name } if en => format!("Config recorder {name} ({region})"),
        Resource::ConfigRecorder { region, name } => format!("Config レコーダー {name} ({region})"),
        Resource::DeliveryChannel { region, name } if en => format!("Config delivery channel {name} ({region})"),
        Resource::DeliveryChannel { region, name } => format!("Config 配信チャネル {name} ({region})"),
        Resource::ConfigRule { region, name } if en => format!("Config rule {name} ({region})"),
        Resource::ConfigRule { region, name } => format!("Config ルール {name} ({region})"),
    }
}

/// What deleting the resource means, where that is not plain from its name.
fn deleting_means(resource: &Resource, lang: Lang) -> Option<&'static str> {
    let en = lang == Lang::En;
    Some(match resource {
        Resource::AccountAlias { .. } if en => "the sign-in URL goes back to the account id",
        Resource::AccountAlias { .. } => "サインイン URL がアカウント ID に戻ります",
        Resource::PasswordPolicy if en => "IAM's default rules apply again",
        Resource::PasswordPolicy => "IAM の既定のルールに戻ります",
        Resource::GroupPolicy { .. } if en => "its members lose those rights",
        Resource::GroupPolicy { .. } => "メンバーはその権限を失います",
        Resource::User { .. } if en => "can no longer sign in",
        Resource::User { .. } => "サインインできなくなります",
        Resource::MfaAssignment { .. } if en => "the app's codes stop working",
        Resource::MfaAssignment { .. } => "アプリのコードは使えなくなります",
        Resource::Budget { .. } if en => "no more alert emails",
        Resource::Budget { .. } => "通知メールが届かなくなります",
        Resource::GuardDutyDetector { .. } if en => "threats go unnoticed",
        Resource::GuardDutyDetector { .. } => "脅威の検出が止まります",
        Resource::AlternateContact { .. } if en => "AWS writes to the root email only",
        Resource::AlternateContact { .. } => "AWS からの連絡はルートのメールだけに",
        Resource::Bucket { .. } if en => "and every log in it",
        Resource::Bucket { .. } => "と中のすべてのログ",
        Resource::Trail { .. } if en => "API activity is no longer kept",
        Resource::Trail { .. } => "API の記録が残らなくなります",
        Resource::ConfigRecorder { .. } if en => "changes are no longer recorded",
        Resource::ConfigRecorder { .. } => "変更が記録されなくなります",
        _ => return None,
    })
}

/// The last part of an ARN (`policy/AdministratorAccess` → `AdministratorAccess`).
fn short_arn(arn: &str) -> &str {
    arn.rsplit(['/', ':']).next().unwrap_or(arn)
}
