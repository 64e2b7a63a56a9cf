//! The page text of each step, told the way the workshop tells it: why it matters, what
//! goes wrong without it, what the step sets up, what it costs, and for the steps done
//! in the AWS console, the clicks. One exhaustive match per language, so a step without
//! its page text in both languages does not compile.

use super::StepId;
use crate::i18n::Lang;

/// What a step's page explains to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guide {
    /// Why this step matters.
    pub why: &'static str,
    /// What goes wrong without it.
    pub risk: &'static str,
    /// What the step sets up.
    pub answer: &'static str,
    /// What it costs, when it costs anything.
    pub price: Option<&'static str>,
    /// Numbered instructions for the steps done in the AWS console.
    pub console_steps: &'static [&'static str],
    /// What the console shows once it worked.
    pub success_sign: Option<&'static str>,
}

const fn page(why: &'static str, risk: &'static str, answer: &'static str) -> Guide {
    Guide {
        why,
        risk,
        answer,
        price: None,
        console_steps: &[],
        success_sign: None,
    }
}

impl StepId {
    /// This step's page text in `lang`.
    pub fn guide(self, lang: Lang) -> Guide {
        use Lang::{En, Ja};
        match (self, lang) {
            (StepId::AuthenticatorApp, En) => Guide {
                console_steps: &[
                    "Install Google Authenticator, Microsoft Authenticator or Authy.",
                    "When you add an account, save its secret key somewhere safe too.",
                ],
                success_sign: Some("The app shows a six-digit code that changes every 30 seconds."),
                ..page(
                    "MFA codes come from an app on your phone; every later step needs one.",
                    "A lost phone without a backup of the keys locks you out of the account.",
                    "An authenticator app, plus a safe copy of each secret key it holds.",
                )
            },
            (StepId::AuthenticatorApp, Ja) => Guide {
                console_steps: &[
                    "Google Authenticator、Microsoft Authenticator、Authy などを入れます。",
                    "アカウント追加時の秘密鍵も安全な場所に保管します。",
                ],
                success_sign: Some("30 秒ごとに変わる 6 桁のコードが表示されます。"),
                ..page(
                    "MFA のコードはスマホのアプリで作ります。以降の手順で必要です。",
                    "鍵のバックアップがないと、スマホ紛失時にサインインできなくなります。",
                    "認証アプリを入れ、秘密鍵の控えを安全に保管します。",
                )
            },
            (StepId::RootMfa, En) => Guide {
                console_steps: &[
                    "Sign in to the console as the root user (your email address).",
                    "Open Security credentials from the account menu, top right.",
                    "Under Multi-factor authentication, choose Assign MFA device.",
                    "Choose Authenticator app, scan the QR code, type two codes.",
                ],
                success_sign: Some("The MFA devices list shows your new device."),
                ..page(
                    "The root user can do anything, including closing the account (CIS 2.4).",
                    "With a password alone, one phishing email hands over the whole account.",
                    "MFA on the root user. Only the console can do it: no API exists.",
                )
            },
            (StepId::RootMfa, Ja) => Guide {
                console_steps: &[
                    "ルートユーザー (メールアドレス) でコンソールにサインインします。",
                    "右上のアカウント名から「セキュリティ認証情報」を開きます。",
                    "「多要素認証」で「MFA デバイスの割り当て」を選びます。",
                    "「認証アプリ」を選び、QR を読み取り、コードを 2 つ入力します。",
                ],
                success_sign: Some("MFA デバイスの一覧に新しいデバイスが表示されます。"),
                ..page(
                    "ルートユーザーは解約も含めて何でもできます (CIS 2.4)。",
                    "パスワードだけでは、フィッシング 1 通でアカウント全体を奪われます。",
                    "ルートユーザーに MFA を設定します。API はなくコンソールのみです。",
                )
            },
            (StepId::RootAccessKeys, En) => Guide {
                console_steps: &[
                    "Sign in to the console as the root user.",
                    "Open Security credentials from the account menu, top right.",
                    "Under Access keys, deactivate and then delete every key.",
                ],
                success_sign: Some("Access keys shows no keys."),
                ..page(
                    "Root keys cannot be limited by any policy (CIS 2.3).",
                    "A key leaked in code or a screenshot gives strangers the whole account.",
                    "No access keys for the root user; daily work uses IAM users instead.",
                )
            },
            (StepId::RootAccessKeys, Ja) => Guide {
                console_steps: &[
                    "ルートユーザーでコンソールにサインインします。",
                    "右上のアカウント名から「セキュリティ認証情報」を開きます。",
                    "「アクセスキー」のキーを無効化してから削除します。",
                ],
                success_sign: Some("アクセスキーが 1 つも表示されなくなります。"),
                ..page(
                    "ルートのキーはどのポリシーでも制限できません (CIS 2.3)。",
                    "コードや画面写真から漏れると、アカウント全体を他人に使われます。",
                    "ルートのアクセスキーは持たず、普段は IAM ユーザーを使います。",
                )
            },
            (StepId::AccountAlias, En) => page(
                "IAM users sign in through an account-specific URL.",
                "A 12-digit number is easy to mistype and hard to tell apart from others.",
                "A memorable alias, so the sign-in URL becomes ALIAS.signin.aws.amazon.com.",
            ),
            (StepId::AccountAlias, Ja) => page(
                "IAM ユーザーはアカウント専用の URL からサインインします。",
                "12 桁の番号は打ち間違えやすく、他のアカウントと見分けにくいです。",
                "覚えやすいエイリアスを付け、サインイン URL を分かりやすくします。",
            ),
            (StepId::PasswordPolicy, En) => page(
                "Console passwords of IAM users follow the account's password policy.",
                "The default allows short passwords that are guessed quickly (CIS 2.7, 2.8).",
                "At least 14 characters, all four character classes, no reuse of the last 24.",
            ),
            (StepId::PasswordPolicy, Ja) => page(
                "IAM ユーザーのパスワードはアカウントのポリシーに従います。",
                "既定のままでは短いパスワードも使え、推測されやすいです (CIS 2.7, 2.8)。",
                "14 文字以上、4 種類の文字を必須、直近 24 個の再利用を禁止します。",
            ),
            (StepId::AdminGroup, En) => page(
                "Rights given to a group apply to everyone you add to it.",
                "Policies attached user by user drift apart and are hard to review.",
                "A group with the AWS managed policy AdministratorAccess.",
            ),
            (StepId::AdminGroup, Ja) => page(
                "グループに付けた権限は、そのグループの全員に適用されます。",
                "ユーザーごとに権限を付けると、ばらつき、見直しも難しくなります。",
                "AWS 管理ポリシー AdministratorAccess を付けたグループを作ります。",
            ),
            (StepId::AdminUser, En) => page(
                "Everyday work should not use the root user.",
                "Working as root makes every mistake or stolen session unlimited.",
                "A personal IAM user in the admin group, console password only, no keys.",
            ),
            (StepId::AdminUser, Ja) => page(
                "日々の作業にルートユーザーを使うべきではありません。",
                "ルートで作業すると、ミスや乗っ取りの影響に上限がありません。",
                "管理者グループに入れた個人用 IAM ユーザーを作ります (キーなし)。",
            ),
            (StepId::UserMfa, En) => page(
                "Every console user can change the account as far as their rights go.",
                "A reused or phished password is enough to get in (CIS 2.9).",
                "A virtual MFA device for each console user, enrolled right here.",
            ),
            (StepId::UserMfa, Ja) => page(
                "コンソールユーザーは権限の範囲でアカウントを変更できます。",
                "使い回しや盗まれたパスワードだけで侵入されます (CIS 2.9)。",
                "各コンソールユーザーに仮想 MFA を、この画面で設定します。",
            ),
            (StepId::BillingAccess, En) => Guide {
                console_steps: &[
                    "Sign in to the console as the root user.",
                    "Open Account from the account menu, top right.",
                    "Find IAM user and role access to Billing information; choose Edit.",
                    "Tick Activate IAM Access and choose Update.",
                ],
                success_sign: Some("The page says IAM user/role access to billing information is activated."),
                ..page(
                    "Even an administrator IAM user cannot see bills until root allows it.",
                    "Only root can watch costs, so people sign in as root just to check them.",
                    "Let IAM users and roles see billing. Root does it in the console.",
                )
            },
            (StepId::BillingAccess, Ja) => Guide {
                console_steps: &[
                    "ルートユーザーでコンソールにサインインします。",
                    "右上のアカウント名から「アカウント」を開きます。",
                    "「請求情報への IAM ユーザーおよびロールのアクセス」を編集します。",
                    "「IAM アクセスをアクティブ化」を選び、更新します。",
                ],
                success_sign: Some("IAM ユーザー/ロールのアクセスが有効と表示されます。"),
                ..page(
                    "管理者の IAM ユーザーでも、ルートが許可するまで請求を見られません。",
                    "請求を見るためだけにルートでサインインすることになります。",
                    "IAM から請求情報を見られるようにします。ルートがコンソールで行います。",
                )
            },
            (StepId::Budget, En) => Guide {
                price: Some(
                    "Budgets that only send alerts are free; with actions, USD 0.10 a day after 62 free budget-days.",
                ),
                ..page(
                    "Charges build up quietly: a forgotten instance bills every hour.",
                    "Without an alert, a surprise shows up only on the monthly invoice.",
                    "A monthly cost budget that emails you at, say, 80 % of the amount.",
                )
            },
            (StepId::Budget, Ja) => Guide {
                price: Some("通知だけの予算は無料です。アクション付きは無料枠 (62 予算日) の後 1 日 0.10 USD です。"),
                ..page(
                    "料金は静かに増えます。消し忘れたインスタンスは毎時課金されます。",
                    "通知がないと、想定外の請求に気づくのは請求書が届いてからです。",
                    "月額の予算を作り、例えば 80 % に達したらメールで知らせます。",
                )
            },
            (StepId::CostExplorer, En) => Guide {
                price: Some("The console is free; each Cost Explorer API call costs USD 0.01."),
                console_steps: &[
                    "Sign in to the console (root, or IAM with billing access).",
                    "Open Billing and Cost Management, then Cost Explorer.",
                    "Choose Launch Cost Explorer if it asks; data appears within 24 hours.",
                ],
                success_sign: Some("A chart of this month's costs by service."),
                ..page(
                    "It shows where the money goes, by service and by day.",
                    "Without it the bill shows totals, not which service or day caused them.",
                    "Enable Cost Explorer once in the console. aws-day-one never polls it.",
                )
            },
            (StepId::CostExplorer, Ja) => Guide {
                price: Some("コンソールは無料、API は 1 回 0.01 USD です。"),
                console_steps: &[
                    "コンソールにサインインします (ルートか請求権限のある IAM)。",
                    "「請求とコスト管理」から「Cost Explorer」を開きます。",
                    "起動を求められたら起動します。データは 24 時間以内に出ます。",
                ],
                success_sign: Some("今月の料金がサービス別のグラフで表示されます。"),
                ..page(
                    "サービス別、日別にどこで料金がかかっているかが分かります。",
                    "有効にしないと、請求の合計は分かっても原因のサービスや日が分かりません。",
                    "コンソールで一度有効にします。aws-day-one は API を呼びません。",
                )
            },
            (StepId::Cloudtrail, En) => Guide {
                price: Some("The first copy of management events is free; the S3 storage is billed."),
                ..page(
                    "It records who called which API, from where and when (CIS 4.1).",
                    "Event history keeps only 90 days: older incidents cannot be traced.",
                    "A multi-region trail with log file validation, logging to a private bucket.",
                )
            },
            (StepId::Cloudtrail, Ja) => Guide {
                price: Some("管理イベントの最初のコピーは無料、S3 の保存料金はかかります。"),
                ..page(
                    "誰がいつどこからどの API を呼んだかを記録します (CIS 4.1)。",
                    "イベント履歴は 90 日分だけで、それ以前の調査ができません。",
                    "全リージョンの証跡を作り、非公開バケットに保存し、改ざんを検証します。",
                )
            },
            (StepId::Config, En) => Guide {
                price: Some("Billed per configuration item recorded and per rule evaluation."),
                ..page(
                    "It keeps the history of every resource's settings (CIS 4.3).",
                    "Without it you cannot tell what a resource looked like before a change.",
                    "Record all resources incl. IAM, plus rules for root MFA and CloudTrail.",
                )
            },
            (StepId::Config, Ja) => Guide {
                price: Some("記録した設定項目の数とルールの評価回数で課金されます。"),
                ..page(
                    "すべてのリソースの設定履歴を残します (CIS 4.3)。",
                    "変更前にどんな設定だったかを後から確かめられません。",
                    "IAM を含む全リソースを記録し、ルート MFA と証跡のルールを足します。",
                )
            },
            (StepId::Guardduty, En) => Guide {
                price: Some("30-day free trial, then billed by the events and logs it analyses."),
                ..page(
                    "It watches logs for signs of attack, such as keys used from odd places.",
                    "A stolen key mining cryptocurrency can run unnoticed for weeks.",
                    "A GuardDuty detector in this region.",
                )
            },
            (StepId::Guardduty, Ja) => Guide {
                price: Some("30 日間の無料期間の後、分析した量に応じて課金されます。"),
                ..page(
                    "ログを見張り、不審な場所からのキー利用などの攻撃の兆候を知らせます。",
                    "盗まれたキーでの仮想通貨採掘などに何週間も気づけません。",
                    "このリージョンで GuardDuty を有効にします。",
                )
            },
            (StepId::SecurityContact, En) => page(
                "AWS sends abuse and security notices to the account's contacts (CIS 2.2).",
                "If they reach only the root mailbox, nobody may read them in time.",
                "Billing, operations and security contacts that reach real people.",
            ),
            (StepId::SecurityContact, Ja) => page(
                "AWS は不正利用やセキュリティの通知を連絡先に送ります (CIS 2.2)。",
                "ルートのメールだけだと、誰も読まずに手遅れになることがあります。",
                "請求、運用、セキュリティの連絡先を実際の担当者に設定します。",
            ),
            (StepId::TrustedAdvisor, En) => Guide {
                console_steps: &[
                    "Sign in to the console.",
                    "Open Trusted Advisor and choose Security.",
                    "Read each red or yellow check and fix what it names.",
                ],
                success_sign: Some("The security checks show green or a reason you accept."),
                ..page(
                    "Its free checks look for common mistakes such as open security groups.",
                    "Known gaps stay open when nobody looks at the list.",
                    "Review the free security checks in the console now and then.",
                )
            },
            (StepId::TrustedAdvisor, Ja) => Guide {
                console_steps: &[
                    "コンソールにサインインします。",
                    "Trusted Advisor を開き、「セキュリティ」を選びます。",
                    "赤や黄色の項目を読み、示された点を直します。",
                ],
                success_sign: Some("セキュリティの項目が緑になるか、納得できる理由があります。"),
                ..page(
                    "無料のチェックが、開きっぱなしのポートなどのよくある誤りを探します。",
                    "一覧を誰も見なければ、分かっている穴が開いたままになります。",
                    "コンソールで無料のセキュリティチェックを時々確認します。",
                )
            },
            (StepId::Organizations, En) => page(
                "Separate accounts keep work, tests and billing apart.",
                "One account for everything means one mistake can touch everything.",
                "(Optional) An organization with consolidated billing and switch role.",
            ),
            (StepId::Organizations, Ja) => page(
                "アカウントを分けると、本番、検証、請求を切り離せます。",
                "1 つのアカウントに全部あると、1 つのミスが全体に及びます。",
                "(任意) 一括請求とスイッチロールが使える組織を作ります。",
            ),
        }
    }

    /// The AWS console page where this step is done or can be seen.
    pub fn console_url(self) -> Option<&'static str> {
        Some(match self {
            StepId::AuthenticatorApp => return None,
            StepId::RootMfa | StepId::RootAccessKeys => "https://console.aws.amazon.com/iam/home#/security_credentials",
            StepId::AccountAlias => "https://console.aws.amazon.com/iam/home#/home",
            StepId::PasswordPolicy => "https://console.aws.amazon.com/iam/home#/account_settings",
            StepId::AdminGroup => "https://console.aws.amazon.com/iam/home#/groups",
            StepId::AdminUser | StepId::UserMfa => "https://console.aws.amazon.com/iam/home#/users",
            StepId::BillingAccess | StepId::SecurityContact => "https://console.aws.amazon.com/billing/home#/account",
            StepId::Budget => "https://console.aws.amazon.com/billing/home#/budgets",
            StepId::CostExplorer => "https://console.aws.amazon.com/cost-management/home#/cost-explorer",
            StepId::Cloudtrail => "https://console.aws.amazon.com/cloudtrail/home",
            StepId::Config => "https://console.aws.amazon.com/config/home",
            StepId::Guardduty => "https://console.aws.amazon.com/guardduty/home",
            StepId::TrustedAdvisor => "https://console.aws.amazon.com/trustedadvisor/home",
            StepId::Organizations => "https://console.aws.amazon.com/organizations/v2/home",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    const CONSOLE_STEPS: [StepId; 6] = [
        StepId::AuthenticatorApp,
        StepId::RootMfa,
        StepId::RootAccessKeys,
        StepId::BillingAccess,
        StepId::CostExplorer,
        StepId::TrustedAdvisor,
    ];

    fn fits(step: StepId, field: &str, text: &str, max: usize) {
        assert!(!text.is_empty(), "{step} {field} is empty");
        assert!(
            text.width() <= max,
            "{step} {field} is {} columns (max {max}): {text}",
            text.width()
        );
        for glyph in ["・", "→", "…", "×", "※", "①", "—", "“", "”"] {
            assert!(!text.contains(glyph), "{step} {field} uses the ambiguous-width {glyph}");
        }
    }

    #[test]
    fn every_page_fits_the_panel_in_both_languages() {
        for step in StepId::ALL {
            let (en, ja) = (step.guide(Lang::En), step.guide(Lang::Ja));
            assert_ne!(en.why, ja.why, "{step}");
            for guide in [en, ja] {
                fits(step, "why", guide.why, 130);
                fits(step, "risk", guide.risk, 130);
                fits(step, "answer", guide.answer, 130);
                if let Some(price) = guide.price {
                    fits(step, "price", price, 110);
                }
                assert!(guide.console_steps.len() <= 6, "{step}");
                for line in guide.console_steps {
                    fits(step, "console step", line, 76);
                }
                if let Some(sign) = guide.success_sign {
                    fits(step, "success sign", sign, 90);
                }
            }
        }
    }

    #[test]
    fn exactly_the_console_steps_have_instructions() {
        for step in StepId::ALL {
            for lang in [Lang::En, Lang::Ja] {
                let guide = step.guide(lang);
                let console = CONSOLE_STEPS.contains(&step);
                assert_eq!(!guide.console_steps.is_empty(), console, "{step} {lang}");
                assert_eq!(guide.success_sign.is_some(), console, "{step} {lang}");
            }
        }
    }

    #[test]
    fn console_links_are_https() {
        assert_eq!(StepId::AuthenticatorApp.console_url(), None);
        for step in StepId::ALL.into_iter().skip(1) {
            let url = step.console_url().expect("a console page");
            assert!(url.starts_with("https://console.aws.amazon.com/"), "{step}: {url}");
        }
    }
}
