//! Every sentence the wizard shows (beyond the checklist's own), in both languages.
//! One enum, one exhaustive match: a missing translation does not compile.

use crate::i18n::{Lang, Localize};

/// A fixed piece of wizard text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    AppName,
    Practice,
    RootWarning,
    Checking,
    Done,
    GroupRootUser,
    GroupIam,
    GroupBilling,
    GroupMonitoring,
    GroupMultiAccount,
    Why,
    Risk,
    Answer,
    Price,
    Console,
    KeysChecklist,
    KeysForm,
    KeysPassword,
    KeysMfaCodes,
    KeysChooseUser,
    HelpTitle,
    Help,
    TooSmall,
    ActFixAlias,
    ActFixPolicy,
    ActFixGroup,
    ActFixUser,
    ActFixMfa,
    ActConfirmManual,
    ActPracticeConsole,
    ActWatching,
    ActConsoleOnly,
    AlreadyDone,
    ConfirmedByYou,
    AliasPrompt,
    AliasWillCreate,
    PolicyWillSet,
    PolicyKeys,
    GroupPrompt,
    GroupWillCreate,
    UserPrompt,
    UserWillCreate,
    ResetRequired,
    PasswordOnceTitle,
    PasswordOnceBody,
    PasswordUnchanged,
    Working,
    Applied,
    MfaChooseUser,
    MfaNoUsers,
    MfaScan,
    MfaFirstCode,
    MfaSecondCode,
    MfaNextCodeIn,
    MfaSecretHidden,
    MfaSecretShown,
    MfaEnabled,
    MfaDiscarded,
    QrTooSmall,
    ClockSkew,
    NotRemembered,
    NotJournaled,
    KeysUserForm,
    UserPasswordLabel,
    UserPasswordGenerate,
    UserPasswordType,
    ActFixRootKeys,
    KeysRootKeys,
    KeysRootKeysConfirm,
    RootKeysListed,
    RootKeyInUse,
    RootKeysWhy,
    HalfDoneHeading,
    HalfDoneMade,
    HalfDoneAgain,
    KeysHalfDone,
    Stopping,
    NoAccountTitle,
    NoAccountPractice,
    NoAccountQuit,
    KeysNoAccount,
    KeysNoAccountPractice,
    RootKeysDeleteOthers,
    RootKeysOnlyInUse,
    RootKeysConfirm,
    KeyInUseDeleted,
    KeysFieldForm,
    KeysConfirm,
    KeysConfirmYes,
    ActFixBudget,
    ActFixContacts,
    ActFixGuardDuty,
    ActFixOrganization,
    BudgetName,
    BudgetAmount,
    BudgetThreshold,
    BudgetBasis,
    BudgetEmails,
    BudgetWillCreate,
    BudgetPrice,
    BudgetCreated,
    BudgetAlertAdded,
    BudgetAlreadyThere,
    ContactName,
    ContactTitle,
    ContactEmail,
    ContactPhone,
    ContactBilling,
    ContactOperations,
    ContactSecurity,
    ContactsWillSet,
    GuardDutyPlan,
    GuardDutyPrice,
    OrganizationsPlan,
    OrganizationsConfirm,
    Region,
    KeysTrail,
    KeysWrapUp,
    WrapUpHeading,
    WrapUpTitle,
    WrapUpMore,
    WrapUpType,
    WrapUpWrongName,
    NothingToClean,
    CleanedUp,
    CleanupLeft,
    KeysConfirmManual,
    SuccessLooksLike,
    SuccessGeneric,
    ConfirmManualDone,
    KeysAdvisor,
    AdvisorChecks,
    AdvisorNeedsPlan,
    AdvisorFailed,
    AdvisorReviewed,
    AdvisorUnknown,
    ActOpenAdvisor,
    TrailLabel,
    TrailCreates,
    TrailBucket,
    TrailBucketPrivate,
    TrailNew,
    TrailRetention,
    TrailKeepForever,
    TrailDays,
    TrailPrice,
    TrailRepair,
    TrailMakeMultiRegion,
    TrailStart,
    ConfigPlan,
    ConfigPrice,
    ActFixTrail,
    ActFixConfig,
}

impl Localize for Ui {
    fn localize(&self, lang: Lang) -> String {
        self.text(lang).to_owned()
    }
}

impl Ui {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::{En, Ja};
        match (self, lang) {
            (Ui::AppName, _) => "aws-day-one",
            (Ui::Practice, En) => "PRACTICE",
            (Ui::Practice, Ja) => "練習モード",
            (Ui::RootWarning, En) => "You are the root user: after this list, work as your admin user.",
            (Ui::RootWarning, Ja) => "ルートユーザーで操作中です。設定後は管理者ユーザーで作業しましょう。",
            (Ui::Checking, En) => "checking...",
            (Ui::Checking, Ja) => "確認中...",
            (Ui::Done, En) => "done",
            (Ui::Done, Ja) => "完了",
            (Ui::GroupRootUser, En) => "Root user",
            (Ui::GroupRootUser, Ja) => "ルートユーザー",
            (Ui::GroupIam, En) => "IAM",
            (Ui::GroupIam, Ja) => "IAM",
            (Ui::GroupBilling, En) => "Billing",
            (Ui::GroupBilling, Ja) => "請求",
            (Ui::GroupMonitoring, En) => "Logging and monitoring",
            (Ui::GroupMonitoring, Ja) => "ログと監視",
            (Ui::GroupMultiAccount, En) => "Multi-account",
            (Ui::GroupMultiAccount, Ja) => "複数アカウント",
            (Ui::Why, En) => "Why",
            (Ui::Why, Ja) => "なぜ",
            (Ui::Risk, En) => "Risk",
            (Ui::Risk, Ja) => "リスク",
            (Ui::Answer, En) => "Answer",
            (Ui::Answer, Ja) => "対策",
            (Ui::Price, En) => "Cost",
            (Ui::Price, Ja) => "料金",
            (Ui::Console, En) => "Console",
            (Ui::Console, Ja) => "コンソール",
            (Ui::KeysChecklist, En) => "up/down move  Enter act  r re-check  x wrap up  ? help  q quit",
            (Ui::KeysChecklist, Ja) => "上下 移動  Enter 実行  r 再確認  x 片付け  ? ヘルプ  q 終了",
            (Ui::KeysForm, En) => "Enter confirm  Tab toggle  Esc back",
            (Ui::KeysForm, Ja) => "Enter 確定  Tab 切替  Esc 戻る",
            (Ui::KeysPassword, En) => "Enter I saved it  (shown only once)",
            (Ui::KeysPassword, Ja) => "Enter 保存しました (一度だけ表示)",
            (Ui::KeysMfaCodes, En) => "digits type  Enter send  s secret  Esc cancel",
            (Ui::KeysMfaCodes, Ja) => "数字 入力  Enter 送信  s 秘密鍵  Esc 中止",
            (Ui::KeysChooseUser, En) => "up/down choose  Enter start  Esc back",
            (Ui::KeysChooseUser, Ja) => "上下 選択  Enter 開始  Esc 戻る",
            (Ui::HelpTitle, En) => "Keys",
            (Ui::HelpTitle, Ja) => "キー操作",
            (Ui::Help, En) => {
                "up/down or j/k: choose a step\nEnter: do the selected step\nr: check every step again\nx: wrap up (delete what aws-day-one made)\nc: (practice) I did it in the console\n?: this help\nq or Esc: back, or quit\n\nGreen OK = done, red NG = not yet,\nyellow = you confirm it, grey = optional."
            }
            (Ui::Help, Ja) => {
                "上下 または j/k: 項目を選ぶ\nEnter: 選んだ項目を実行\nr: すべて再確認\nx: 片付け (aws-day-one が作った物を削除)\nc: (練習) コンソールで設定した\n?: このヘルプ\nq または Esc: 戻る / 終了\n\n緑の OK は完了、赤の NG は未設定、\n黄は手動確認、灰は任意の項目です。"
            }
            (Ui::TooSmall, En) => "The terminal is too small: aws-day-one needs 80x24.",
            (Ui::TooSmall, Ja) => "端末が小さすぎます。80x24 以上にしてください。",
            (Ui::ActFixAlias, En) => "Enter: choose an alias",
            (Ui::ActFixAlias, Ja) => "Enter: エイリアスを設定",
            (Ui::ActFixPolicy, En) => "Enter: review and apply the baseline policy",
            (Ui::ActFixPolicy, Ja) => "Enter: 推奨ポリシーを確認して適用",
            (Ui::ActFixGroup, En) => "Enter: create the admin group",
            (Ui::ActFixGroup, Ja) => "Enter: 管理者グループを作成",
            (Ui::ActFixUser, En) => "Enter: create your admin user",
            (Ui::ActFixUser, Ja) => "Enter: 管理者ユーザーを作成",
            (Ui::ActFixMfa, En) => "Enter: set up MFA for a user here",
            (Ui::ActFixMfa, Ja) => "Enter: ここでユーザーの MFA を設定",
            (Ui::ActConfirmManual, En) => "Enter: I have done this",
            (Ui::ActConfirmManual, Ja) => "Enter: 設定しました",
            (Ui::ActPracticeConsole, En) => "c: I did it in the console (practice)",
            (Ui::ActPracticeConsole, Ja) => "c: コンソールで設定した (練習)",
            (Ui::ActWatching, En) => "Watching: this turns green once it is done.",
            (Ui::ActWatching, Ja) => "監視中: 設定されると緑に変わります。",
            (Ui::ActConsoleOnly, En) => "Set this up in the console (link above).",
            (Ui::ActConsoleOnly, Ja) => "コンソールで設定してください (上のリンク)。",
            (Ui::AlreadyDone, En) => "Already done.",
            (Ui::AlreadyDone, Ja) => "設定済みです。",
            (Ui::ConfirmedByYou, En) => "Confirmed by you.",
            (Ui::ConfirmedByYou, Ja) => "確認済み (手動)。",
            (Ui::AliasPrompt, En) => "Account alias (3-63: a-z, 0-9, -)",
            (Ui::AliasPrompt, Ja) => "エイリアス (3-63 文字: a-z、0-9、-)",
            (Ui::AliasWillCreate, En) => "IAM users will sign in at:",
            (Ui::AliasWillCreate, Ja) => "IAM ユーザーのサインイン URL:",
            (Ui::PolicyWillSet, En) => "The recommended policy, beside the current one:",
            (Ui::PolicyWillSet, Ja) => "推奨のポリシーと現在の設定です:",
            (Ui::PolicyKeys, En) => "up/down row, left/right change, Enter apply (replaces the whole policy)",
            (Ui::PolicyKeys, Ja) => "上下で行、左右で変更、Enter で適用 (ポリシー全体を置き換えます)",
            (Ui::GroupPrompt, En) => "Group name",
            (Ui::GroupPrompt, Ja) => "グループ名",
            (Ui::GroupWillCreate, En) => "Creates the group and attaches AdministratorAccess.",
            (Ui::GroupWillCreate, Ja) => "グループを作成し AdministratorAccess を付けます。",
            (Ui::UserPrompt, En) => "Your user name",
            (Ui::UserPrompt, Ja) => "ユーザー名",
            (Ui::UserWillCreate, En) => "Creates the user with a console password (no access keys) in the admin group.",
            (Ui::UserWillCreate, Ja) => {
                "ユーザーを作成し、コンソールパスワードを設定して管理者グループに入れます (アクセスキーなし)。"
            }
            (Ui::KeysUserForm, En) => "Tab next field  left/right choose  Enter create  Esc back",
            (Ui::KeysUserForm, Ja) => "Tab 次の項目  左右 選択  Enter 作成  Esc 戻る",
            (Ui::UserPasswordLabel, En) => "Console password",
            (Ui::UserPasswordLabel, Ja) => "コンソールパスワード",
            (Ui::UserPasswordGenerate, En) => "generate one (shown once)",
            (Ui::UserPasswordGenerate, Ja) => "自動生成 (一度だけ表示)",
            (Ui::UserPasswordType, En) => "type my own",
            (Ui::UserPasswordType, Ja) => "自分で入力",
            (Ui::ActFixRootKeys, En) => "Enter: delete the root user's access keys",
            (Ui::ActFixRootKeys, Ja) => "Enter: ルートユーザーのアクセスキーを削除",
            (Ui::KeysRootKeys, En) => "Enter delete  Esc back",
            (Ui::KeysRootKeys, Ja) => "Enter 削除  Esc 戻る",
            (Ui::KeysRootKeysConfirm, En) => "y delete the key in use  Esc keep it",
            (Ui::KeysRootKeysConfirm, Ja) => "y 使用中のキーを削除  Esc 残す",
            (Ui::RootKeysListed, En) => "The root user has these access keys:",
            (Ui::RootKeysListed, Ja) => "ルートユーザーのアクセスキー:",
            (Ui::RootKeyInUse, En) => "(in use by this run)",
            (Ui::RootKeyInUse, Ja) => "(この実行で使用中)",
            (Ui::RootKeysWhy, En) => "Daily work needs none of them: your admin user does it, signing in with MFA.",
            (Ui::RootKeysWhy, Ja) => "日常の作業には不要です。MFA でサインインする管理者ユーザーで行います。",
            (Ui::RootKeysDeleteOthers, En) => {
                "Enter deletes every key not in use. The key in use stays until the very last step."
            }
            (Ui::RootKeysDeleteOthers, Ja) => {
                "Enter で使用中以外のキーをすべて削除します。使用中のキーは最後まで残します。"
            }
            (Ui::RootKeysOnlyInUse, En) => "Only the key in use is left. Enter: delete it too (asks once more).",
            (Ui::RootKeysOnlyInUse, Ja) => "残りは使用中のキーだけです。Enter: これも削除 (もう一度確認します)。",
            (Ui::RootKeysConfirm, En) => {
                "Delete the key this run signs with? Every later call of this run fails, and any CLI profile \
                 using it stops working. Afterwards, sign in as your admin user."
            }
            (Ui::RootKeysConfirm, Ja) => {
                "この実行が使っているキーを削除しますか? 以降のこの実行の呼び出しはすべて失敗し、このキーを使う \
                 CLI プロファイルも使えなくなります。削除後は管理者ユーザーでサインインしてください。"
            }
            (Ui::KeysFieldForm, En) => "Tab/up/down field  space/left/right change  Enter apply  Esc back",
            (Ui::KeysFieldForm, Ja) => "Tab/上下 項目  空白/左右 切替  Enter 適用  Esc 戻る",
            (Ui::KeysConfirm, En) => "Enter apply  Esc back",
            (Ui::KeysConfirm, Ja) => "Enter 適用  Esc 戻る",
            (Ui::KeysConfirmYes, En) => "y create  Esc back",
            (Ui::KeysConfirmYes, Ja) => "y 作成  Esc 戻る",
            (Ui::ActFixBudget, En) => "Enter: set up a budget alert",
            (Ui::ActFixBudget, Ja) => "Enter: 予算とメール通知を作成",
            (Ui::ActFixContacts, En) => "Enter: set the alternate contacts",
            (Ui::ActFixContacts, Ja) => "Enter: 代替連絡先を設定",
            (Ui::ActFixGuardDuty, En) => "Enter: turn GuardDuty on in this region",
            (Ui::ActFixGuardDuty, Ja) => "Enter: GuardDuty を有効化",
            (Ui::ActFixOrganization, En) => "Enter: create an organization",
            (Ui::ActFixOrganization, Ja) => "Enter: 組織を作成 (確認あり)",
            (Ui::BudgetName, En) => "Budget name",
            (Ui::BudgetName, Ja) => "予算名",
            (Ui::BudgetAmount, En) => "USD per month",
            (Ui::BudgetAmount, Ja) => "月額 (米ドル)",
            (Ui::BudgetThreshold, En) => "Alert at %",
            (Ui::BudgetThreshold, Ja) => "しきい値 %",
            (Ui::BudgetBasis, En) => "Compared with",
            (Ui::BudgetBasis, Ja) => "比較対象",
            (Ui::BudgetEmails, En) => "Email to",
            (Ui::BudgetEmails, Ja) => "通知先メール",
            (Ui::BudgetWillCreate, En) => {
                "Creates a monthly COST budget with this alert. A budget of the same name is kept as it is; \
                 only the alert is added to it."
            }
            (Ui::BudgetWillCreate, Ja) => {
                "この通知付きの月次コスト予算を作成します。同じ名前の予算があれば変更せず、通知だけを追加します。"
            }
            (Ui::BudgetPrice, En) => "none; a budget that only sends alerts is free.",
            (Ui::BudgetPrice, Ja) => "無料 (通知だけの予算に料金はかかりません)。",
            (Ui::BudgetCreated, En) => "The budget is created; its alert emails the addresses given.",
            (Ui::BudgetCreated, Ja) => "予算を作成しました。通知は指定したアドレスに届きます。",
            (Ui::BudgetAlertAdded, En) => {
                "A budget of that name existed: its amount is unchanged, the alert was added."
            }
            (Ui::BudgetAlertAdded, Ja) => "同じ名前の予算がありました。金額は変えず、通知を追加しました。",
            (Ui::BudgetAlreadyThere, En) => "A budget of that name already has this alert: nothing was changed.",
            (Ui::BudgetAlreadyThere, Ja) => "同じ名前の予算に同じ通知が既にあります。何も変更していません。",
            (Ui::ContactName, En) => "Name",
            (Ui::ContactName, Ja) => "氏名",
            (Ui::ContactTitle, En) => "Title",
            (Ui::ContactTitle, Ja) => "役職",
            (Ui::ContactEmail, En) => "Email",
            (Ui::ContactEmail, Ja) => "メール",
            (Ui::ContactPhone, En) => "Phone",
            (Ui::ContactPhone, Ja) => "電話番号",
            (Ui::ContactBilling, En) => "Set billing",
            (Ui::ContactBilling, Ja) => "請求に設定",
            (Ui::ContactOperations, En) => "Set operations",
            (Ui::ContactOperations, Ja) => "運用に設定",
            (Ui::ContactSecurity, En) => "Set security",
            (Ui::ContactSecurity, Ja) => "セキュリティに設定",
            (Ui::ContactsWillSet, En) => "Sets this person for each ticked contact (replacing what is there).",
            (Ui::ContactsWillSet, Ja) => "チェックした連絡先にこの人を設定します (既存の設定は置き換えます)。",
            (Ui::GuardDutyPlan, En) => {
                "Turns GuardDuty on in this region: a detector is created, or the suspended one is \
                 enabled again. Findings then appear in the GuardDuty console."
            }
            (Ui::GuardDutyPlan, Ja) => {
                "このリージョンで GuardDuty を有効にします。ディテクターを作成するか、停止中のものを再開します。\
                 検出結果は GuardDuty コンソールに表示されます。"
            }
            (Ui::GuardDutyPrice, En) => {
                "30 days free, then billed by the logs and events analysed. The protection plans it turns on \
                 (S3, EKS audit logs, malware scan, RDS, Lambda) are part of that bill."
            }
            (Ui::GuardDutyPrice, Ja) => {
                "30 日間は無料、その後は分析したログとイベントの量で課金されます。同時に有効になる保護プラン \
                 (S3、EKS 監査ログ、マルウェアスキャン、RDS、Lambda) も課金対象です。"
            }
            (Ui::OrganizationsPlan, En) => {
                "Several accounts help when you separate work (test, production) and switch between them \
                 with roles, paying one consolidated bill. This creates an organization with all \
                 features, and this account becomes its management account."
            }
            (Ui::OrganizationsPlan, Ja) => {
                "作業 (テストと本番など) を分け、ロールの切り替えで行き来し、請求を一括にしたいときに複数\
                 アカウントが役立ちます。すべての機能を有効にした組織を作成し、このアカウントが管理アカウントに\
                 なります。"
            }
            (Ui::KeysTrail, En) => "left/right how long logs stay  Enter apply  Esc back",
            (Ui::KeysTrail, Ja) => "左右 ログの保存期間  Enter 適用  Esc 戻る",
            (Ui::KeysAdvisor, En) => "Enter I reviewed them  Esc back",
            (Ui::KeysAdvisor, Ja) => "Enter 確認した  Esc 戻る",
            (Ui::AdvisorChecks, En) => "Trusted Advisor's security checks, as it sees them now:",
            (Ui::AdvisorChecks, Ja) => "Trusted Advisor のセキュリティチェックの現在の結果:",
            (Ui::AdvisorNeedsPlan, En) => {
                "The Trusted Advisor API needs the Business support plan or higher, so it does not answer \
                 here. The console shows the free security checks on every plan: open it, look at each \
                 red or yellow item, and come back."
            }
            (Ui::AdvisorNeedsPlan, Ja) => {
                "Trusted Advisor の API はビジネスサポート以上のプランが必要なため、ここでは使えません。無料の\
                 セキュリティチェックはどのプランでもコンソールで見られます。開いて赤と黄色の項目を確認してから\
                 戻ってください。"
            }
            (Ui::AdvisorFailed, En) => "Trusted Advisor did not answer; review it in the console instead.",
            (Ui::AdvisorFailed, Ja) => "Trusted Advisor から応答がありません。コンソールで確認してください。",
            (Ui::AdvisorReviewed, En) => "Enter: I reviewed them",
            (Ui::AdvisorReviewed, Ja) => "Enter: 確認した",
            (Ui::AdvisorUnknown, En) => "?",
            (Ui::AdvisorUnknown, Ja) => "?",
            (Ui::ActOpenAdvisor, En) => "Enter: look at Trusted Advisor's checks",
            (Ui::ActOpenAdvisor, Ja) => "Enter: Trusted Advisor のチェックを見る",
            (Ui::KeysConfirmManual, En) => "Enter it is done  Esc not yet",
            (Ui::KeysConfirmManual, Ja) => "Enter 完了した  Esc まだ",
            (Ui::SuccessLooksLike, En) => "When it worked:",
            (Ui::SuccessLooksLike, Ja) => "うまくいったときの表示:",
            (Ui::SuccessGeneric, En) => "The console shows the setting as on.",
            (Ui::SuccessGeneric, Ja) => "コンソールで設定が有効と表示されます。",
            (Ui::ConfirmManualDone, En) => "Did you see this? Enter marks the step done (remembered for this account).",
            (Ui::ConfirmManualDone, Ja) => {
                "この表示を確認しましたか? Enter で完了にします (このアカウントについて記録します)。"
            }
            (Ui::KeysWrapUp, En) => "type the name, Enter delete  Esc keep everything",
            (Ui::KeysWrapUp, Ja) => "名前を入力して Enter で削除  Esc 何も削除しない",
            (Ui::WrapUpHeading, En) => "Wrap up",
            (Ui::WrapUpHeading, Ja) => "片付け",
            (Ui::WrapUpTitle, En) => "aws-day-one made these here; they are deleted newest first:",
            (Ui::WrapUpTitle, Ja) => "aws-day-one がここで作成した物を新しい順に削除します:",
            (Ui::WrapUpMore, En) => "more (aws-day-one cleanup lists them all)",
            (Ui::WrapUpMore, Ja) => "件 (aws-day-one cleanup ですべて表示)",
            (Ui::WrapUpType, En) => "Type the account alias or id to delete them:",
            (Ui::WrapUpType, Ja) => "削除するにはアカウントのエイリアスか ID を入力:",
            (Ui::WrapUpWrongName, En) => "That is not this account's alias or id; nothing was deleted.",
            (Ui::WrapUpWrongName, Ja) => "このアカウントのエイリアスでも ID でもありません。何も削除していません。",
            (Ui::NothingToClean, En) => "Nothing to wrap up: aws-day-one has nothing of its own left here.",
            (Ui::NothingToClean, Ja) => "片付ける物はありません: aws-day-one が作成した物は残っていません。",
            (Ui::CleanedUp, En) => "Wrapped up: what aws-day-one made here is deleted.",
            (Ui::CleanedUp, Ja) => "片付けました: aws-day-one が作成した物を削除しました。",
            (Ui::CleanupLeft, En) => "could not be deleted; run aws-day-one cleanup to see why and retry.",
            (Ui::CleanupLeft, Ja) => {
                "件を削除できませんでした。aws-day-one cleanup で原因を確認し、再実行してください。"
            }
            (Ui::TrailLabel, En) => "Trail",
            (Ui::TrailLabel, Ja) => "証跡",
            (Ui::TrailCreates, En) => "Creates what the console would make for you:",
            (Ui::TrailCreates, Ja) => "コンソールが自動で作る物を作成します:",
            (Ui::TrailBucket, En) => "Log bucket",
            (Ui::TrailBucket, Ja) => "ログ用バケット",
            (Ui::TrailBucketPrivate, En) => "private, public access blocked, only this trail may write",
            (Ui::TrailBucketPrivate, Ja) => "非公開 (パブリックアクセスをブロック)、書き込めるのはこの証跡だけ",
            (Ui::TrailNew, En) => "all regions, log file validation, logging started",
            (Ui::TrailNew, Ja) => "全リージョン、ログファイルの検証あり、記録を開始",
            (Ui::TrailRetention, En) => "Delete logs after",
            (Ui::TrailRetention, Ja) => "ログの削除まで",
            (Ui::TrailKeepForever, En) => "never (they pile up)",
            (Ui::TrailKeepForever, Ja) => "削除しない (たまり続けます)",
            (Ui::TrailDays, En) => "days",
            (Ui::TrailDays, Ja) => "日",
            (Ui::TrailPrice, En) => {
                "one copy of management events is free; the bucket's storage is billed (little for a new account)."
            }
            (Ui::TrailPrice, Ja) => {
                "管理イベントの 1 つ目のコピーは無料。バケットの保存料金はかかります (新しいアカウントならわずか)。"
            }
            (Ui::TrailRepair, En) => {
                "This trail exists; it is repaired instead of adding a second (a second copy is billed):"
            }
            (Ui::TrailRepair, Ja) => "既存の証跡を修正します (2 つ目の証跡はコピーとして課金されるため追加しません):",
            (Ui::TrailMakeMultiRegion, En) => "record every region",
            (Ui::TrailMakeMultiRegion, Ja) => "全リージョンを記録",
            (Ui::TrailStart, En) => "start logging",
            (Ui::TrailStart, Ja) => "記録を開始",
            (Ui::ConfigPlan, En) => {
                "Records every supported resource in this region, IAM included, into the log bucket under \
                 config/ (made if needed, private), using Config's service-linked role. Adds the rules \
                 root-account-mfa-enabled and cloudtrail-enabled. An existing recorder is repaired."
            }
            (Ui::ConfigPlan, Ja) => {
                "このリージョンのすべての対応リソース (IAM を含む) を記録し、ログ用バケットの config/ に保存します \
                 (必要なら非公開で作成、Config のサービスリンクロールを使用)。ルール root-account-mfa-enabled と \
                 cloudtrail-enabled を追加します。既存のレコーダーは修正します。"
            }
            (Ui::ConfigPrice, En) => {
                "billed per configuration item recorded and per rule evaluation: cents a month for a quiet new \
                 account, more for a busy one."
            }
            (Ui::ConfigPrice, Ja) => {
                "記録した設定項目ごと、ルールの評価ごとに課金されます。新しく静かなアカウントなら月数セント程度、\
                 変更が多いと増えます。"
            }
            (Ui::ActFixTrail, En) => "Enter: set up CloudTrail (shows the plan)",
            (Ui::ActFixTrail, Ja) => "Enter: CloudTrail を設定 (内容を表示)",
            (Ui::ActFixConfig, En) => "Enter: set up AWS Config (shows the plan)",
            (Ui::ActFixConfig, Ja) => "Enter: AWS Config を設定 (内容を表示)",
            (Ui::Region, En) => "Region",
            (Ui::Region, Ja) => "リージョン",
            (Ui::OrganizationsConfirm, En) => {
                "Only do this if this account is meant to manage others. Press y to create the organization."
            }
            (Ui::OrganizationsConfirm, Ja) => {
                "このアカウントで他のアカウントを管理する場合だけ実行してください。y で組織を作成します。"
            }
            (Ui::KeyInUseDeleted, En) => {
                "The root user has no access keys now. The credentials this run used no longer work: quit \
                 (q) and sign in as your admin user."
            }
            (Ui::KeyInUseDeleted, Ja) => {
                "ルートユーザーのアクセスキーはなくなりました。この実行の認証情報はもう使えません。q で終了し、\
                 管理者ユーザーでサインインしてください。"
            }
            (Ui::ResetRequired, En) => "Must change the password at first sign-in",
            (Ui::ResetRequired, Ja) => "初回サインイン時にパスワード変更が必要",
            (Ui::PasswordOnceTitle, En) => "Console password (shown once)",
            (Ui::PasswordOnceTitle, Ja) => "コンソールパスワード (一度だけ表示)",
            (Ui::PasswordOnceBody, En) => "Store it in your password manager now. aws-day-one keeps no copy.",
            (Ui::PasswordOnceBody, Ja) => "今すぐパスワード管理ツールに保存してください。aws-day-one には残りません。",
            (Ui::PasswordUnchanged, En) => "The user already had a console password; it was left as it is.",
            (Ui::PasswordUnchanged, Ja) => "このユーザーには既にパスワードがあるため、変更していません。",
            (Ui::Working, En) => "Working...",
            (Ui::Working, Ja) => "処理中...",
            (Ui::Applied, En) => "Done.",
            (Ui::Applied, Ja) => "完了しました。",
            (Ui::MfaChooseUser, En) => "Console users without MFA:",
            (Ui::MfaChooseUser, Ja) => "MFA のないコンソールユーザー:",
            (Ui::MfaNoUsers, En) => "Every console user has MFA already.",
            (Ui::MfaNoUsers, Ja) => "すべてのコンソールユーザーに MFA があります。",
            (Ui::MfaScan, En) => "Scan the code with your authenticator app, then type two codes in a row.",
            (Ui::MfaScan, Ja) => "認証アプリでコードを読み取り、続けて表示される 2 つのコードを入力します。",
            (Ui::MfaFirstCode, En) => "Code 1",
            (Ui::MfaFirstCode, Ja) => "コード 1",
            (Ui::MfaSecondCode, En) => "Code 2",
            (Ui::MfaSecondCode, Ja) => "コード 2",
            (Ui::MfaNextCodeIn, En) => "next code in",
            (Ui::MfaNextCodeIn, Ja) => "次のコードまで",
            (Ui::MfaSecretHidden, En) => "s: show the secret key (backup)",
            (Ui::MfaSecretHidden, Ja) => "s: 秘密鍵を表示 (バックアップ用)",
            (Ui::MfaSecretShown, En) => "Secret key (keep it safe):",
            (Ui::MfaSecretShown, Ja) => "秘密鍵 (安全に保管):",
            (Ui::MfaEnabled, En) => "MFA is on for this user.",
            (Ui::MfaEnabled, Ja) => "このユーザーの MFA を有効にしました。",
            (Ui::MfaDiscarded, En) => "Cancelled: the unused MFA device was deleted.",
            (Ui::MfaDiscarded, Ja) => "中止しました。使わなかった MFA デバイスは削除しました。",
            (Ui::NotRemembered, En) => "Confirmed for now, but it could not be saved for next time",
            (Ui::NotRemembered, Ja) => "確認済みにしましたが、次回のために保存できませんでした",
            (Ui::NotJournaled, En) => "Done, but the record of what aws-day-one created could not be saved",
            (Ui::NotJournaled, Ja) => "完了しましたが、aws-day-one が作成した物の記録を保存できませんでした",
            (Ui::ClockSkew, En) => {
                "This computer's clock is off from AWS's; codes may be refused. Set the clock (and the phone's) automatically"
            }
            (Ui::ClockSkew, Ja) => {
                "この PC の時計が AWS とずれています。コードが拒否されることがあります。時計 (スマホも) を自動設定にしてください"
            }
            (Ui::QrTooSmall, En) => "Enlarge the terminal to show the QR code, or press s and type the key.",
            (Ui::QrTooSmall, Ja) => "QR コードを表示するには端末を広げるか、s で秘密鍵を表示して入力してください。",
            (Ui::HalfDoneHeading, En) => "This fix stopped halfway.",
            (Ui::HalfDoneHeading, Ja) => "この設定は途中で止まりました。",
            (Ui::HalfDoneMade, En) => "Made so far by aws-day-one, and still in the account:",
            (Ui::HalfDoneMade, Ja) => "ここまでに aws-day-one が作成し、アカウントに残っているもの:",
            (Ui::HalfDoneAgain, En) => {
                "Enter runs the fix again: it makes only what is missing and finishes the job. Or leave it: `aws-day-one cleanup` removes what is listed."
            }
            (Ui::HalfDoneAgain, Ja) => {
                "Enter でもう一度実行すると、足りない物だけを作成して完了させます。やめる場合は `aws-day-one cleanup` で一覧の物を削除できます。"
            }
            (Ui::KeysHalfDone, En) => "Enter run it again  Esc back",
            (Ui::KeysHalfDone, Ja) => "Enter もう一度実行  Esc 戻る",
            (Ui::NoAccountTitle, En) => "aws-day-one cannot reach your AWS account.",
            (Ui::NoAccountTitle, Ja) => "AWS アカウントに接続できません",
            (Ui::NoAccountPractice, En) => {
                "p opens the practice account: a simulated brand-new account in memory, with the same steps and screens, where nothing is sent to AWS."
            }
            (Ui::NoAccountPractice, Ja) => {
                "p で練習用アカウントを開きます。メモリー上に作った新規アカウントで、同じ手順と画面を試せます。AWS には何も送信しません。"
            }
            (Ui::NoAccountQuit, En) => "q quits; the reason is printed again in your terminal.",
            (Ui::NoAccountQuit, Ja) => "q で終了します。理由はターミナルにも表示されます。",
            (Ui::KeysNoAccount, En) => "q quit",
            (Ui::KeysNoAccount, Ja) => "q 終了",
            (Ui::KeysNoAccountPractice, En) => "p practice account  q quit",
            (Ui::KeysNoAccountPractice, Ja) => "p 練習用アカウント  q 終了",
            (Ui::Stopping, En) => "Stopping once AWS answers the change in progress. Ctrl-C again leaves now.",
            (Ui::Stopping, Ja) => "実行中の変更に AWS が応答したら終了します。すぐに終了するにはもう一度 Ctrl-C。",
        }
    }
}

impl Localize for crate::mfa::totp::CodeRejection {
    fn localize(&self, lang: Lang) -> String {
        use crate::mfa::totp::{CodeField, CodeRejection};
        use Lang::{En, Ja};
        let text = match (self, lang) {
            (CodeRejection::NotSixDigits(CodeField::First), En) => "Code 1 needs six digits.",
            (CodeRejection::NotSixDigits(CodeField::First), Ja) => "コード 1 は 6 桁の数字です。",
            (CodeRejection::NotSixDigits(CodeField::Second), En) => "Code 2 needs six digits.",
            (CodeRejection::NotSixDigits(CodeField::Second), Ja) => "コード 2 は 6 桁の数字です。",
            (CodeRejection::SameCode, En) => "Both codes are the same: wait for the next code for code 2.",
            (CodeRejection::SameCode, Ja) => "2 つのコードが同じです。次のコードが出るまで待ってください。",
            (CodeRejection::Swapped, En) => "The codes are in the wrong order: the older one goes first.",
            (CodeRejection::Swapped, Ja) => "順番が逆です。先に表示されたコードを 1 に入力します。",
            (CodeRejection::NotConsecutive, En) => "Use two codes in a row, without skipping one.",
            (CodeRejection::NotConsecutive, Ja) => "続けて表示された 2 つのコードを入力してください。",
            (CodeRejection::Stale, En) => "These codes are old: type the two newest codes.",
            (CodeRejection::Stale, Ja) => "古いコードです。最新の 2 つを入力してください。",
            (CodeRejection::Wrong, En) => "These codes do not match. Check the app entry and the phone's clock.",
            (CodeRejection::Wrong, Ja) => "コードが一致しません。アプリの項目とスマホの時計を確認してください。",
            (CodeRejection::InvalidSeed, En) => "The device's key is unreadable; cancel and start again.",
            (CodeRejection::InvalidSeed, Ja) => "デバイスの鍵を読めません。中止してやり直してください。",
        };
        text.to_owned()
    }
}
