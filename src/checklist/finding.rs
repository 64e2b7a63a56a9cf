//! What a check found, as data, and how to say it in each language. Checks never build
//! sentences; they return a [`Finding`], and this catalog turns it into text. A new
//! finding without both translations does not compile.

use crate::account::AccountError;
use crate::i18n::{Lang, Localize};
use std::time::Duration;

/// A character class a password policy can require.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    Uppercase,
    Lowercase,
    Digit,
    Symbol,
}

/// Why an AWS Config setup does not yet record the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigGap {
    /// No configuration recorder exists in this region.
    NoRecorder,
    /// The recorder records only some resource types.
    NotAllResources,
    /// The recorder leaves out global resources such as IAM.
    NoGlobalResources,
    /// The recorder exists but is stopped.
    NotRecording,
    /// Nowhere to deliver the recorded items.
    NoDeliveryChannel,
}

/// The AWS managed Config rules the workshop adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManagedRule {
    RootAccountMfaEnabled,
    CloudTrailEnabled,
}

impl ManagedRule {
    pub const ALL: [ManagedRule; 2] = [ManagedRule::RootAccountMfaEnabled, ManagedRule::CloudTrailEnabled];

    /// The rule's source identifier in AWS Config.
    pub fn source_identifier(self) -> &'static str {
        match self {
            ManagedRule::RootAccountMfaEnabled => "ROOT_ACCOUNT_MFA_ENABLED",
            ManagedRule::CloudTrailEnabled => "CLOUD_TRAIL_ENABLED",
        }
    }

    /// The rule's name as the console and the slides show it.
    pub fn rule_name(self) -> &'static str {
        match self {
            ManagedRule::RootAccountMfaEnabled => "root-account-mfa-enabled",
            ManagedRule::CloudTrailEnabled => "cloudtrail-enabled",
        }
    }
}

/// Why the best trail found does not yet cover the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrailGap {
    /// It records one region only.
    SingleRegion,
    /// It exists but does not log.
    NotLogging,
}

/// What a check found. Each variant carries just the facts its sentence needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    // Root user.
    RootMfaOn,
    RootMfaOff,
    RootKeysAbsent,
    RootKeysPresent,
    // IAM.
    AliasSet {
        alias: String,
    },
    AliasMissing {
        account_id: String,
    },
    PasswordPolicyMissing,
    PasswordPolicyStrong {
        min_length: i32,
    },
    PasswordPolicyWeak {
        min_length: i32,
        missing: Vec<CharClass>,
    },
    AdminGroupFound {
        groups: Vec<String>,
    },
    AdminGroupMissing,
    AdminUserFound {
        users: Vec<String>,
    },
    AdminUserMissing {
        admin_groups: usize,
    },
    UserMfaAll {
        users: usize,
    },
    UserMfaNoConsoleUsers,
    UserMfaMissing {
        users: Vec<String>,
    },
    // Billing.
    BudgetAlerting {
        name: String,
    },
    BudgetMissing,
    BudgetWithoutAlert {
        names: Vec<String>,
    },
    // Logging and monitoring.
    TrailLogging {
        name: String,
    },
    TrailMissing,
    TrailIncomplete {
        name: String,
        gaps: Vec<TrailGap>,
    },
    ConfigRecording {
        rules_missing: Vec<ManagedRule>,
    },
    ConfigIncomplete {
        gaps: Vec<ConfigGap>,
    },
    GuardDutyEnabled,
    GuardDutyDisabled,
    GuardDutyMissing,
    SecurityContactSet {
        email: String,
    },
    SecurityContactMissing,
    // Multi-account.
    InOrganization {
        id: String,
        is_management: bool,
    },
    NoOrganization,
    // Steps no API can answer.
    ConfirmAuthenticatorApp,
    ConfirmBillingAccess,
    ConfirmCostExplorer,
    ConfirmTrustedAdvisor,
    /// A manual step the user said is done.
    ConfirmedByYou,
    // The check itself failed.
    CheckFailed(AccountError),
    TimedOut {
        after: Duration,
    },
}

/// The console sign-in URL for an alias or an account id.
pub fn sign_in_url(alias_or_account: &str) -> String {
    format!("https://{alias_or_account}.signin.aws.amazon.com/console")
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn class_word(class: CharClass, lang: Lang) -> &'static str {
    match (class, lang) {
        (CharClass::Uppercase, Lang::En) => "uppercase",
        (CharClass::Uppercase, Lang::Ja) => "大文字",
        (CharClass::Lowercase, Lang::En) => "lowercase",
        (CharClass::Lowercase, Lang::Ja) => "小文字",
        (CharClass::Digit, Lang::En) => "digits",
        (CharClass::Digit, Lang::Ja) => "数字",
        (CharClass::Symbol, Lang::En) => "symbols",
        (CharClass::Symbol, Lang::Ja) => "記号",
    }
}

fn config_gap(gap: ConfigGap, lang: Lang) -> &'static str {
    match (gap, lang) {
        (ConfigGap::NoRecorder, Lang::En) => "no configuration recorder in this region",
        (ConfigGap::NoRecorder, Lang::Ja) => "このリージョンに記録設定 (レコーダー) がありません",
        (ConfigGap::NotAllResources, Lang::En) => "the recorder skips some resource types",
        (ConfigGap::NotAllResources, Lang::Ja) => "一部のリソースタイプしか記録していません",
        (ConfigGap::NoGlobalResources, Lang::En) => "global resources (IAM) are not recorded",
        (ConfigGap::NoGlobalResources, Lang::Ja) => "グローバルリソース (IAM) を記録していません",
        (ConfigGap::NotRecording, Lang::En) => "the recorder is stopped",
        (ConfigGap::NotRecording, Lang::Ja) => "レコーダーが停止しています",
        (ConfigGap::NoDeliveryChannel, Lang::En) => "no delivery channel (S3 bucket)",
        (ConfigGap::NoDeliveryChannel, Lang::Ja) => "配信チャネル (S3 バケット) がありません",
    }
}

fn trail_gap(gap: TrailGap, lang: Lang) -> &'static str {
    match (gap, lang) {
        (TrailGap::SingleRegion, Lang::En) => "records one region only",
        (TrailGap::SingleRegion, Lang::Ja) => "1 つのリージョンしか記録していません",
        (TrailGap::NotLogging, Lang::En) => "logging is stopped",
        (TrailGap::NotLogging, Lang::Ja) => "ログ記録が停止しています",
    }
}

fn joined<T: Copy>(items: &[T], lang: Lang, word: fn(T, Lang) -> &'static str) -> String {
    let separator = match lang {
        Lang::En => "; ",
        Lang::Ja => "。",
    };
    items
        .iter()
        .map(|item| word(*item, lang))
        .collect::<Vec<_>>()
        .join(separator)
}

impl Localize for Finding {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Finding::RootMfaOn => match lang {
                Lang::En => "MFA is on for the root user.".into(),
                Lang::Ja => "ルートユーザーに MFA が設定されています。".into(),
            },
            Finding::RootMfaOff => match lang {
                Lang::En => "The root user signs in with a password alone. Add MFA in the console (no API can).".into(),
                Lang::Ja => "ルートユーザーはパスワードだけでサインインできます。コンソールで MFA を設定してください (API では設定できません)。".into(),
            },
            Finding::RootKeysAbsent => match lang {
                Lang::En => "The root user has no access keys.".into(),
                Lang::Ja => "ルートユーザーのアクセスキーはありません。".into(),
            },
            Finding::RootKeysPresent => match lang {
                Lang::En => "The root user has an access key: anyone holding it owns the account. Delete it.".into(),
                Lang::Ja => "ルートユーザーにアクセスキーがあります。漏れるとアカウントのすべてを奪われます。削除してください。".into(),
            },
            Finding::AliasSet { alias } => match lang {
                Lang::En => format!("Alias '{alias}'. Sign in at {}", sign_in_url(alias)),
                Lang::Ja => format!("エイリアス「{alias}」。サインイン URL: {}", sign_in_url(alias)),
            },
            Finding::AliasMissing { account_id } => match lang {
                Lang::En => format!("No alias: IAM users sign in at {}", sign_in_url(account_id)),
                Lang::Ja => format!("エイリアスがありません。IAM ユーザーのサインイン URL は {} です", sign_in_url(account_id)),
            },
            Finding::PasswordPolicyMissing => match lang {
                Lang::En => "No password policy: the AWS default lets IAM users choose 8-character passwords.".into(),
                Lang::Ja => "パスワードポリシーがありません。既定のままでは 8 文字のパスワードも使えます。".into(),
            },
            Finding::PasswordPolicyStrong { min_length } => match lang {
                Lang::En => format!("Passwords need at least {min_length} characters."),
                Lang::Ja => format!("パスワードは {min_length} 文字以上が必要です。"),
            },
            Finding::PasswordPolicyWeak { min_length, missing } => {
                let classes = missing.iter().map(|c| class_word(*c, lang)).collect::<Vec<_>>();
                match lang {
                    Lang::En if classes.is_empty() => {
                        format!("Minimum length {min_length}: needs 8 with all four character classes, or 14.")
                    }
                    Lang::En => format!(
                        "Minimum length {min_length} without {} required: needs 14, or 8 with all four classes.",
                        classes.join(", ")
                    ),
                    Lang::Ja if classes.is_empty() => {
                        format!("最小文字数が {min_length} です。4 種類の文字を必須にして 8 文字以上、または 14 文字以上にしてください。")
                    }
                    Lang::Ja => format!(
                        "最小文字数 {min_length}、{} が必須ではありません。14 文字以上、または 4 種類すべて必須で 8 文字以上にしてください。",
                        classes.join("・")
                    ),
                }
            }
            Finding::AdminGroupFound { groups } => match lang {
                Lang::En => format!("AdministratorAccess is attached to group {}.", list(groups)),
                Lang::Ja => format!("グループ {} に AdministratorAccess が付いています。", list(groups)),
            },
            Finding::AdminGroupMissing => match lang {
                Lang::En => "No group has the AdministratorAccess policy.".into(),
                Lang::Ja => "AdministratorAccess ポリシーを持つグループがありません。".into(),
            },
            Finding::AdminUserFound { users } => match lang {
                Lang::En => format!("Admin users who can sign in to the console: {}.", list(users)),
                Lang::Ja => format!("コンソールにサインインできる管理者ユーザー: {}", list(users)),
            },
            Finding::AdminUserMissing { admin_groups: 0 } => match lang {
                Lang::En => "No admin user yet (create the admin group first).".into(),
                Lang::Ja => "管理者ユーザーがいません (先に管理者グループを作成します)。".into(),
            },
            Finding::AdminUserMissing { .. } => match lang {
                Lang::En => "No user with a console password is in an admin group.".into(),
                Lang::Ja => "管理者グループにコンソールパスワードを持つユーザーがいません。".into(),
            },
            Finding::UserMfaAll { users } => match lang {
                Lang::En => format!("All {users} console user(s) have MFA."),
                Lang::Ja => format!("コンソールユーザー {users} 人全員に MFA があります。"),
            },
            Finding::UserMfaNoConsoleUsers => match lang {
                Lang::En => "No IAM user can sign in to the console yet.".into(),
                Lang::Ja => "コンソールにサインインできる IAM ユーザーがまだいません。".into(),
            },
            Finding::UserMfaMissing { users } => match lang {
                Lang::En => format!("Without MFA: {}.", list(users)),
                Lang::Ja => format!("MFA がないユーザー: {}", list(users)),
            },
            Finding::BudgetAlerting { name } => match lang {
                Lang::En => format!("Budget '{name}' emails an alert."),
                Lang::Ja => format!("予算「{name}」がメールで通知します。"),
            },
            Finding::BudgetMissing => match lang {
                Lang::En => "No cost budget: a surprise bill is noticed only when it arrives.".into(),
                Lang::Ja => "コスト予算がありません。想定外の請求に気づくのは請求書が届いてからです。".into(),
            },
            Finding::BudgetWithoutAlert { names } => match lang {
                Lang::En => format!("Budget {} has no alert with a subscriber.", list(names)),
                Lang::Ja => format!("予算 {} に通知先のあるアラートがありません。", list(names)),
            },
            Finding::TrailLogging { name } => match lang {
                Lang::En => format!("Trail '{name}' logs every region."),
                Lang::Ja => format!("証跡「{name}」が全リージョンを記録しています。"),
            },
            Finding::TrailMissing => match lang {
                Lang::En => "No trail: API activity is kept only 90 days in the event history.".into(),
                Lang::Ja => "証跡がありません。操作の記録はイベント履歴に 90 日しか残りません。".into(),
            },
            Finding::TrailIncomplete { name, gaps } => match lang {
                Lang::En => format!("Trail '{name}': {}.", joined(gaps, lang, trail_gap)),
                Lang::Ja => format!("証跡「{name}」: {}。", joined(gaps, lang, trail_gap)),
            },
            Finding::ConfigRecording { rules_missing } if rules_missing.is_empty() => match lang {
                Lang::En => "Recording all resources; rules root-account-mfa-enabled and cloudtrail-enabled are in place.".into(),
                Lang::Ja => "すべてのリソースを記録中。ルール root-account-mfa-enabled と cloudtrail-enabled も設定済みです。".into(),
            },
            Finding::ConfigRecording { rules_missing } => {
                let names = rules_missing.iter().map(|r| r.rule_name()).collect::<Vec<_>>().join(", ");
                match lang {
                    Lang::En => format!("Recording all resources; rules not yet added: {names}."),
                    Lang::Ja => format!("すべてのリソースを記録中。未設定のルール: {names}"),
                }
            }
            Finding::ConfigIncomplete { gaps } => match lang {
                Lang::En => format!("{}.", capitalise(&joined(gaps, lang, config_gap))),
                Lang::Ja => format!("{}。", joined(gaps, lang, config_gap)),
            },
            Finding::GuardDutyEnabled => match lang {
                Lang::En => "A GuardDuty detector is enabled in this region.".into(),
                Lang::Ja => "このリージョンで GuardDuty が有効です。".into(),
            },
            Finding::GuardDutyDisabled => match lang {
                Lang::En => "The GuardDuty detector in this region is suspended.".into(),
                Lang::Ja => "このリージョンの GuardDuty は停止中です。".into(),
            },
            Finding::GuardDutyMissing => match lang {
                Lang::En => "GuardDuty is not enabled in this region.".into(),
                Lang::Ja => "このリージョンで GuardDuty が有効になっていません。".into(),
            },
            Finding::SecurityContactSet { email } => match lang {
                Lang::En => format!("Security notices also go to {email}."),
                Lang::Ja => format!("セキュリティの通知は {email} にも届きます。"),
            },
            Finding::SecurityContactMissing => match lang {
                Lang::En => "No security contact: AWS's security notices reach only the root email.".into(),
                Lang::Ja => "セキュリティの連絡先がありません。AWS からの通知はルートのメールにしか届きません。".into(),
            },
            Finding::InOrganization { id, is_management: true } => match lang {
                Lang::En => format!("This is the management account of organization {id}."),
                Lang::Ja => format!("組織 {id} の管理アカウントです。"),
            },
            Finding::InOrganization { id, is_management: false } => match lang {
                Lang::En => format!("This account is a member of organization {id}."),
                Lang::Ja => format!("組織 {id} のメンバーアカウントです。"),
            },
            Finding::NoOrganization => match lang {
                Lang::En => "Standalone account; Organizations is optional until you need several accounts.".into(),
                Lang::Ja => "単独のアカウントです。複数アカウントが必要になるまで Organizations は任意です。".into(),
            },
            Finding::ConfirmAuthenticatorApp => match lang {
                Lang::En => "No API can tell: confirm you have an authenticator app and its backup.".into(),
                Lang::Ja => "API では確認できません。認証アプリとそのバックアップがあるか確認してください。".into(),
            },
            Finding::ConfirmBillingAccess => match lang {
                Lang::En => "No API can tell: the root user turns it on in the console (Account page).".into(),
                Lang::Ja => "API では確認できません。ルートユーザーがコンソールの「アカウント」ページで有効にします。".into(),
            },
            Finding::ConfirmCostExplorer => match lang {
                Lang::En => "Not checked: every Cost Explorer API call is billed. Open it once in the console.".into(),
                Lang::Ja => "確認しません (Cost Explorer の API は 1 回ごとに課金されます)。コンソールで一度開いてください。".into(),
            },
            Finding::ConfirmTrustedAdvisor => match lang {
                Lang::En => "Review the free checks in the Trusted Advisor console.".into(),
                Lang::Ja => "Trusted Advisor のコンソールで無料のチェック項目を確認してください。".into(),
            },
            Finding::ConfirmedByYou => match lang {
                Lang::En => "Confirmed by you.".into(),
                Lang::Ja => "手動で確認済みです。".into(),
            },
            Finding::CheckFailed(error) => error.localize(lang),
            Finding::TimedOut { after } => match lang {
                Lang::En => format!("No answer within {} s; try again or check the network.", after.as_secs()),
                Lang::Ja => format!("{} 秒以内に応答がありません。再実行するか、ネットワークを確認してください。", after.as_secs()),
            },
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_url_uses_the_alias() {
        assert_eq!(sign_in_url("my-team"), "https://my-team.signin.aws.amazon.com/console");
    }

    #[test]
    fn weak_policy_names_what_is_missing_in_both_languages() {
        let finding = Finding::PasswordPolicyWeak {
            min_length: 8,
            missing: vec![CharClass::Symbol, CharClass::Digit],
        };
        let en = finding.localize(Lang::En);
        assert!(
            en.contains("Minimum length 8") && en.contains("symbols, digits"),
            "{en}"
        );
        let ja = finding.localize(Lang::Ja);
        assert!(ja.contains("記号・数字"), "{ja}");
    }

    #[test]
    fn config_gaps_are_listed_in_order() {
        let finding = Finding::ConfigIncomplete {
            gaps: vec![ConfigGap::NotRecording, ConfigGap::NoDeliveryChannel],
        };
        assert_eq!(
            finding.localize(Lang::En),
            "The recorder is stopped; no delivery channel (S3 bucket)."
        );
    }
}
