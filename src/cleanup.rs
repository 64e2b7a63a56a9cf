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
    let en = lang == Lang::En;
    match resource {
        Resource::AccountAlias { alias } if en => {
            format!("account alias {alias}: the sign-in URL goes back to the account id")
        }
        Resource::AccountAlias { alias } => {
            format!("アカウントエイリアス {alias}: サインイン URL がアカウント ID に戻ります")
        }
        Resource::PasswordPolicy if en => "password policy: IAM's default rules apply again".into(),
        Resource::PasswordPolicy => "パスワードポリシー: IAM の既定のルールに戻ります".into(),
        Resource::Group { name } if en => format!("IAM group {name}"),
        Resource::Group { name } => format!("IAM グループ {name}"),
        Resource::GroupPolicy { group, policy_arn } if en => {
            format!(
                "{} on group {group}: its members lose those rights",
                short_arn(policy_arn)
            )
        }
        Resource::GroupPolicy { group, policy_arn } => {
            format!(
                "グループ {group} の {}: メンバーはその権限を失います",
                short_arn(policy_arn)
            )
        }
        Resource::User { name } if en => format!("IAM user {name}: can no longer sign in"),
        Resource::User { name } => format!("IAM ユーザー {name}: サインインできなくなります"),
        Resource::LoginProfile { user } if en => format!("console password of {user}"),
        Resource::LoginProfile { user } => format!("{user} のコンソールパスワード"),
        Resource::GroupMembership { user, group } if en => format!("{user} in group {group}"),
        Resource::GroupMembership { user, group } => format!("グループ {group} の {user}"),
        Resource::VirtualMfaDevice { serial_number } if en => {
            format!("virtual MFA device {}", short_arn(serial_number))
        }
        Resource::VirtualMfaDevice { serial_number } => format!("仮想 MFA デバイス {}", short_arn(serial_number)),
        Resource::MfaAssignment { user, .. } if en => format!("MFA of {user}: the app's codes stop working"),
        Resource::MfaAssignment { user, .. } => format!("{user} の MFA: アプリのコードは使えなくなります"),
        Resource::Budget { name } if en => format!("budget {name}: no more alert emails"),
        Resource::Budget { name } => format!("予算 {name}: 通知メールが届かなくなります"),
        Resource::BudgetAlert { budget, threshold, .. } if en => format!("alert at {threshold} % of budget {budget}"),
        Resource::BudgetAlert { budget, threshold, .. } => format!("予算 {budget} の {threshold} % の通知"),
        Resource::GuardDutyDetector { region, .. } if en => format!("GuardDuty in {region}: threats go unnoticed"),
        Resource::GuardDutyDetector { region, .. } => format!("{region} の GuardDuty: 脅威の検出が止まります"),
        Resource::AlternateContact { kind } if en => format!("{kind} contact: AWS writes to the root email only"),
        Resource::AlternateContact { kind } => format!("{kind} の連絡先: AWS からの連絡はルートのメールだけに"),
        Resource::Organization { id } if en => format!("organization {id}"),
        Resource::Organization { id } => format!("組織 {id}"),
        Resource::Bucket { name } if en => format!("bucket {name} and every log in it"),
        Resource::Bucket { name } => format!("バケット {name} と中のすべてのログ"),
        Resource::Trail { region, arn } if en => {
            format!("trail {} ({region}): API activity is no longer kept", short_arn(arn))
        }
        Resource::Trail { region, arn } => format!("証跡 {} ({region}): API の記録が残らなくなります", short_arn(arn)),
        Resource::ServiceLinkedRole { name } if en => format!("role {name}"),
        Resource::ServiceLinkedRole { name } => format!("ロール {name}"),
        Resource::ConfigRecorder { region, name } if en => {
            format!("Config recorder {name} ({region}): changes are no longer recorded")
        }
        Resource::ConfigRecorder { region, name } => {
            format!("Config レコーダー {name} ({region}): 変更が記録されなくなります")
        }
        Resource::DeliveryChannel { region, name } if en => format!("Config delivery channel {name} ({region})"),
        Resource::DeliveryChannel { region, name } => format!("Config 配信チャネル {name} ({region})"),
        Resource::ConfigRule { region, name } if en => format!("Config rule {name} ({region})"),
        Resource::ConfigRule { region, name } => format!("Config ルール {name} ({region})"),
    }
}

/// The last part of an ARN (`policy/AdministratorAccess` → `AdministratorAccess`).
fn short_arn(arn: &str) -> &str {
    arn.rsplit(['/', ':']).next().unwrap_or(arn)
}
