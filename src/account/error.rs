//! Our one error type for anything the account answered badly. The AWS implementation
//! turns SDK errors into these at the port, naming the IAM action that was attempted,
//! so a beginner reads "your credentials lack iam:GetAccountSummary" rather than a
//! stack of SDK types.

use crate::i18n::{Lang, Localize};

/// Where the least-privilege policy for `status` lives in the project.
pub const STATUS_POLICY_PATH: &str = "assets/status-policy.json";
/// Where the policy for the wizard's fixes and cleanup (reads and changes) lives.
pub const SETUP_POLICY_PATH: &str = "assets/setup-policy.json";

/// The policy to point at when `action` is denied: the read-only one when it has the
/// action, else the one for setting up.
pub fn policy_allowing(action: &str) -> &'static str {
    let status_policy = include_str!("../../assets/status-policy.json");
    if status_policy.contains(&format!("\"{action}\"")) {
        STATUS_POLICY_PATH
    } else {
        SETUP_POLICY_PATH
    }
}

/// Why a call to the account did not answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    /// The credentials are not allowed to call `action` (e.g. `iam:GetAccountSummary`).
    #[error("access denied for {action}")]
    Denied { action: &'static str },
    /// The credential chain found no credentials at all.
    #[error("no AWS credentials found")]
    NoCredentials,
    /// Credentials AWS does not accept (expired, revoked, wrong).
    #[error("credentials problem: {message}")]
    Credentials { message: String },
    /// The profile signs in through IAM Identity Center (SSO) and its sign-in has
    /// expired, or never happened on this machine.
    #[error("the SSO sign-in of profile {profile} has expired or is missing")]
    SsoSignIn { profile: String },
    /// The service could not be reached (for `action`).
    #[error("network problem calling {action}: {message}")]
    Network { action: &'static str, message: String },
    /// The service answered with a server error (5xx) even after the SDK's retries.
    #[error("{action} unavailable (HTTP {status})")]
    Unavailable { action: &'static str, status: u16 },
    /// The service kept throttling after the SDK's retries.
    #[error("throttled while calling {action}")]
    Throttled { action: &'static str },
    /// The API needs a paid plan or an opt-in this account does not have.
    #[error("{action} needs a subscription this account does not have")]
    SubscriptionRequired { action: &'static str },
    /// The thing to create exists already (for an alias: in some account).
    #[error("{action}: it already exists")]
    AlreadyExists { action: &'static str },
    /// The service refused the input itself (a password the policy rejects, MFA codes
    /// that do not match); `message` is the service's explanation.
    #[error("{action} refused the input: {message}")]
    InvalidInput { action: &'static str, message: String },
    /// Anything else the service answered.
    #[error("{action} failed: {code}: {message}")]
    Service {
        action: &'static str,
        code: String,
        message: String,
    },
}

impl AccountError {
    /// Whether the error means the tool cannot talk to AWS at all (as opposed to one
    /// service or permission failing).
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            AccountError::Credentials { .. } | AccountError::SsoSignIn { .. } | AccountError::Network { .. }
        )
    }
}

impl Localize for AccountError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            AccountError::Denied { action } => {
                let policy = policy_allowing(action);
                match lang {
                    Lang::En => format!("Access denied: the credentials lack {action}. Allow it (see {policy})."),
                    Lang::Ja => format!(
                        "アクセスが拒否されました。{action} の権限がありません ({policy} を参照して許可してください)。"
                    ),
                }
            }
            AccountError::NoCredentials => match lang {
                Lang::En => "No AWS credentials found. Sign in (aws sso login, aws login or aws configure), pass --profile, or run in AWS CloudShell.".into(),
                Lang::Ja => "AWS の認証情報が見つかりません。aws sso login、aws login または aws configure でサインインするか、--profile を指定するか、AWS CloudShell で実行してください。".into(),
            },
            AccountError::Credentials { message } => match lang {
                Lang::En => format!(
                    "AWS did not accept the credentials ({message}). Sign in again (aws sso login, aws login or aws configure) or pass --profile."
                ),
                Lang::Ja => format!(
                    "認証情報が受け付けられませんでした ({message})。aws sso login、aws login または aws configure で再度サインインするか、--profile を指定してください。"
                ),
            },
            AccountError::SsoSignIn { profile } => match lang {
                Lang::En => format!(
                    "The IAM Identity Center (SSO) sign-in of profile {profile} has expired or has not happened on this machine. Run: aws sso login --profile {profile}"
                ),
                Lang::Ja => format!(
                    "プロファイル {profile} の IAM Identity Center (SSO) のサインインが期限切れか、この端末でまだ行われていません。次を実行してください: aws sso login --profile {profile}"
                ),
            },
            AccountError::Network { action, message } => match lang {
                Lang::En => format!(
                    "Could not reach AWS for {action} ({message}). Check the network, proxy and region."
                ),
                Lang::Ja => format!(
                    "{action} で AWS に接続できません ({message})。ネットワーク、プロキシ、リージョンを確認してください。"
                ),
            },
            AccountError::Unavailable { action, status } => match lang {
                Lang::En => format!(
                    "AWS did not answer {action} (HTTP {status}) even after retries; the service may be down. Try again later."
                ),
                Lang::Ja => format!(
                    "{action} に再試行後も応答がありません (HTTP {status})。サービスが停止している可能性があります。しばらくして再実行してください。"
                ),
            },
            AccountError::Throttled { action } => match lang {
                Lang::En => {
                    format!("AWS throttled {action} even after retries; try again in a minute.")
                }
                Lang::Ja => format!(
                    "{action} が再試行後もスロットリングされました。1 分ほど待って再実行してください。"
                ),
            },
            AccountError::SubscriptionRequired { action } => match lang {
                Lang::En => format!(
                    "{action} needs a paid support plan or an opt-in; use the console instead."
                ),
                Lang::Ja => format!(
                    "{action} には有料サポートプランまたはオプトインが必要です。コンソールを使ってください。"
                ),
            },
            AccountError::AlreadyExists { action } => match lang {
                Lang::En => format!("{action}: it already exists (possibly in another account); choose another name."),
                Lang::Ja => format!("{action}: すでに存在します (別のアカウントかもしれません)。別の名前を選んでください。"),
            },
            AccountError::InvalidInput { action, message } => match lang {
                Lang::En => format!("{action} refused the input: {message}"),
                Lang::Ja => format!("{action} が入力を受け付けませんでした: {message}"),
            },
            AccountError::Service {
                action,
                code,
                message,
            } => match lang {
                Lang::En => format!("{action} failed: {code}: {message}"),
                Lang::Ja => format!("{action} が失敗しました: {code}: {message}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denied_names_the_action_and_the_policy_file() {
        let error = AccountError::Denied {
            action: "guardduty:ListDetectors",
        };
        for lang in [Lang::En, Lang::Ja] {
            let text = error.localize(lang);
            assert!(text.contains("guardduty:ListDetectors"), "{text}");
            assert!(text.contains(STATUS_POLICY_PATH), "{text}");
        }
    }

    #[test]
    fn a_denied_change_points_to_the_setup_policy() {
        let error = AccountError::Denied {
            action: "iam:CreateAccountAlias",
        };
        for lang in [Lang::En, Lang::Ja] {
            let text = error.localize(lang);
            assert!(text.contains("iam:CreateAccountAlias"), "{text}");
            assert!(text.contains(SETUP_POLICY_PATH), "{text}");
        }
        assert_eq!(policy_allowing("iam:ListUsers"), STATUS_POLICY_PATH);
        assert_eq!(policy_allowing("iam:ListVirtualMFADevices"), SETUP_POLICY_PATH);
    }

    #[test]
    fn only_credentials_and_network_are_fatal() {
        assert!(
            AccountError::Credentials {
                message: "expired".into()
            }
            .is_fatal()
        );
        assert!(
            AccountError::Network {
                action: "sts:GetCallerIdentity",
                message: "refused".into()
            }
            .is_fatal()
        );
        assert!(
            !AccountError::Denied {
                action: "iam:ListUsers"
            }
            .is_fatal()
        );
    }
}
