//! The checklist as data: every step of a new account's first day, with the stable id
//! that the CLI, the JSON output and the tests use. Everything else (the status table,
//! the checks, later the screens) is generated from this one list, so adding a step
//! touches one place.

mod finding;
mod guide;
mod status;

pub use finding::{CharClass, ConfigGap, Finding, ManagedRule, TrailGap, sign_in_url};
pub use guide::Guide;
pub use status::{CheckResult, Status};

use crate::i18n::Lang;
use std::fmt;
use std::str::FromStr;

/// One step of the checklist, in the order a beginner should take them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepId {
    /// Install an authenticator app and keep its secret key as a backup.
    AuthenticatorApp,
    /// The root user has MFA.
    RootMfa,
    /// The root user has no access keys.
    RootAccessKeys,
    /// The account has an alias (a friendly sign-in URL).
    AccountAlias,
    /// A strong IAM password policy.
    PasswordPolicy,
    /// A group with the AdministratorAccess managed policy.
    AdminGroup,
    /// A personal IAM user with a console password in that group.
    AdminUser,
    /// Every IAM user with a console password has MFA.
    UserMfa,
    /// IAM users and roles may see billing information.
    BillingAccess,
    /// A monthly cost budget with an email alert.
    Budget,
    /// Cost Explorer is enabled.
    CostExplorer,
    /// A multi-region CloudTrail trail that is logging.
    Cloudtrail,
    /// AWS Config records every resource and delivers it somewhere.
    Config,
    /// GuardDuty watches the home region.
    Guardduty,
    /// Alternate contacts so AWS's notices reach a person.
    SecurityContact,
    /// Look at Trusted Advisor's free checks.
    TrustedAdvisor,
    /// (advanced) Several accounts under AWS Organizations.
    Organizations,
}

/// How a step's status can be known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckKind {
    /// An API answers it.
    Automatic,
    /// No API can tell: the user confirms it.
    Manual,
    /// An API answers it, but not having it is a choice, not a gap.
    Optional,
}

/// The sections the checklist is grouped into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    RootUser,
    Iam,
    Billing,
    Monitoring,
    MultiAccount,
}

impl StepId {
    /// Every step, in checklist order.
    pub const ALL: [StepId; 17] = [
        StepId::AuthenticatorApp,
        StepId::RootMfa,
        StepId::RootAccessKeys,
        StepId::AccountAlias,
        StepId::PasswordPolicy,
        StepId::AdminGroup,
        StepId::AdminUser,
        StepId::UserMfa,
        StepId::BillingAccess,
        StepId::Budget,
        StepId::CostExplorer,
        StepId::Cloudtrail,
        StepId::Config,
        StepId::Guardduty,
        StepId::SecurityContact,
        StepId::TrustedAdvisor,
        StepId::Organizations,
    ];

    /// The stable id used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StepId::AuthenticatorApp => "authenticator-app",
            StepId::RootMfa => "root-mfa",
            StepId::RootAccessKeys => "root-access-keys",
            StepId::AccountAlias => "account-alias",
            StepId::PasswordPolicy => "password-policy",
            StepId::AdminGroup => "admin-group",
            StepId::AdminUser => "admin-user",
            StepId::UserMfa => "user-mfa",
            StepId::BillingAccess => "billing-access",
            StepId::Budget => "budget",
            StepId::CostExplorer => "cost-explorer",
            StepId::Cloudtrail => "cloudtrail",
            StepId::Config => "config",
            StepId::Guardduty => "guardduty",
            StepId::SecurityContact => "security-contact",
            StepId::TrustedAdvisor => "trusted-advisor",
            StepId::Organizations => "organizations",
        }
    }

    /// How this step's status is known.
    pub fn kind(self) -> CheckKind {
        match self {
            StepId::AuthenticatorApp | StepId::BillingAccess | StepId::CostExplorer | StepId::TrustedAdvisor => {
                CheckKind::Manual
            }
            StepId::Organizations => CheckKind::Optional,
            _ => CheckKind::Automatic,
        }
    }

    /// The section this step belongs to.
    pub fn group(self) -> Group {
        match self {
            StepId::AuthenticatorApp | StepId::RootMfa | StepId::RootAccessKeys => Group::RootUser,
            StepId::AccountAlias
            | StepId::PasswordPolicy
            | StepId::AdminGroup
            | StepId::AdminUser
            | StepId::UserMfa => Group::Iam,
            StepId::BillingAccess | StepId::Budget | StepId::CostExplorer => Group::Billing,
            StepId::Cloudtrail
            | StepId::Config
            | StepId::Guardduty
            | StepId::SecurityContact
            | StepId::TrustedAdvisor => Group::Monitoring,
            StepId::Organizations => Group::MultiAccount,
        }
    }

    /// The step's short title.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (StepId::AuthenticatorApp, Lang::En) => "Authenticator app",
            (StepId::AuthenticatorApp, Lang::Ja) => "認証アプリの準備",
            (StepId::RootMfa, Lang::En) => "Root user has MFA",
            (StepId::RootMfa, Lang::Ja) => "ルートユーザーの MFA",
            (StepId::RootAccessKeys, Lang::En) => "No root access keys",
            (StepId::RootAccessKeys, Lang::Ja) => "ルートのアクセスキーなし",
            (StepId::AccountAlias, Lang::En) => "Account alias",
            (StepId::AccountAlias, Lang::Ja) => "アカウントエイリアス",
            (StepId::PasswordPolicy, Lang::En) => "Strong password policy",
            (StepId::PasswordPolicy, Lang::Ja) => "パスワードポリシー",
            (StepId::AdminGroup, Lang::En) => "Administrators group",
            (StepId::AdminGroup, Lang::Ja) => "管理者グループ",
            (StepId::AdminUser, Lang::En) => "Personal admin user",
            (StepId::AdminUser, Lang::Ja) => "作業用の管理者ユーザー",
            (StepId::UserMfa, Lang::En) => "MFA for console users",
            (StepId::UserMfa, Lang::Ja) => "IAM ユーザーの MFA",
            (StepId::BillingAccess, Lang::En) => "IAM access to billing",
            (StepId::BillingAccess, Lang::Ja) => "請求情報への IAM アクセス",
            (StepId::Budget, Lang::En) => "Budget with email alert",
            (StepId::Budget, Lang::Ja) => "予算とメール通知",
            (StepId::CostExplorer, Lang::En) => "Cost Explorer enabled",
            (StepId::CostExplorer, Lang::Ja) => "Cost Explorer の有効化",
            (StepId::Cloudtrail, Lang::En) => "CloudTrail in all regions",
            (StepId::Cloudtrail, Lang::Ja) => "CloudTrail (全リージョン)",
            (StepId::Config, Lang::En) => "AWS Config recording",
            (StepId::Config, Lang::Ja) => "AWS Config の記録",
            (StepId::Guardduty, Lang::En) => "GuardDuty enabled",
            (StepId::Guardduty, Lang::Ja) => "GuardDuty の有効化",
            (StepId::SecurityContact, Lang::En) => "Security contact",
            (StepId::SecurityContact, Lang::Ja) => "セキュリティの連絡先",
            (StepId::TrustedAdvisor, Lang::En) => "Trusted Advisor reviewed",
            (StepId::TrustedAdvisor, Lang::Ja) => "Trusted Advisor の確認",
            (StepId::Organizations, Lang::En) => "Organizations (advanced)",
            (StepId::Organizations, Lang::Ja) => "AWS Organizations (上級)",
        }
    }
}

impl fmt::Display for StepId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a step id that is not on the checklist; it lists the valid ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown step id '{given}'; valid ids: {}", valid_ids())]
pub struct UnknownStepId {
    pub given: String,
}

/// Every valid step id, comma separated, for error messages and help.
pub fn valid_ids() -> String {
    StepId::ALL.map(StepId::as_str).join(", ")
}

impl FromStr for StepId {
    type Err = UnknownStepId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        StepId::ALL
            .into_iter()
            .find(|id| id.as_str() == s)
            .ok_or_else(|| UnknownStepId { given: s.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for id in StepId::ALL {
            assert_eq!(id.as_str().parse::<StepId>(), Ok(id));
            assert!(seen.insert(id.as_str()), "duplicate id {id}");
        }
        assert_eq!(seen.len(), 17);
    }

    #[test]
    fn unknown_id_lists_the_valid_ones() {
        let err = "root_mfa".parse::<StepId>().unwrap_err();
        let message = err.to_string();
        assert!(message.contains("'root_mfa'"), "{message}");
        assert!(message.contains("root-mfa, root-access-keys"), "{message}");
    }

    #[test]
    fn exactly_the_four_unanswerable_steps_are_manual() {
        let manual: Vec<_> = StepId::ALL
            .into_iter()
            .filter(|id| id.kind() == CheckKind::Manual)
            .map(StepId::as_str)
            .collect();
        assert_eq!(
            manual,
            [
                "authenticator-app",
                "billing-access",
                "cost-explorer",
                "trusted-advisor"
            ]
        );
    }
}
