//! `aws-day-one cleanup`: the end of a hands-on, removing what aws-day-one created in
//! this account and nothing else. The list comes from the journal alone; each item is
//! checked to be still there as it was made, shown with what deleting it means, and
//! removed newest first (so a user goes before its group, a trail before its bucket),
//! only after the user types the account's alias or id, or passes `--yes`.

use super::{CannotRun, cannot_run};
use crate::account::{Account, AccountError};
use crate::i18n::{Lang, Localize};
use crate::journal::{Entry, Journal, Resource};
use crate::state::AccountMemory;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

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

/// Run `cleanup`: list, ask (unless `yes`), remove. Exit 0 when everything listed is
/// gone (or there was nothing), 1 when something stayed or the user said no.
pub async fn run(account: &dyn Account, lang: Lang, yes: bool) -> ExitCode {
    let identity = match account.identity().await {
        Ok(identity) => identity,
        Err(error) => return cannot_run(CannotRun::Account(error), lang),
    };
    let account_id = identity.account_id.as_str();
    let Some(memory) = AccountMemory::for_account(account_id) else {
        println!("{}", text(Say::Nothing(account_id), lang));
        return ExitCode::SUCCESS;
    };
    let journal = Journal::on_disk(memory);
    let items = match survey(account, account_id, &journal.entries()).await {
        Ok(items) => items,
        Err(error) => return cannot_run(CannotRun::Account(error), lang),
    };
    let present = items.iter().filter(|item| item.present).count();
    if present == 0 {
        // Forget what is already gone, so the next run says the same without asking.
        remove_all(account, account_id, &items, &journal).await;
        println!("{}", text(Say::Nothing(account_id), lang));
        return ExitCode::SUCCESS;
    }
    println!("{}", text(Say::Listing(present, account_id), lang));
    for item in &items {
        let mark = if item.present { "-" } else { "·" };
        let gone = if item.present {
            String::new()
        } else {
            text(Say::AlreadyGone, lang)
        };
        println!("  {mark} {}{gone}", describe(&item.entry.resource, lang));
    }
    if !yes {
        let alias = account.account_alias().await.ok().flatten();
        if !std::io::stdin().is_terminal() {
            eprintln!("aws-day-one: {}", text(Say::NeedsYes, lang));
            return ExitCode::from(super::EXIT_CANNOT_RUN);
        }
        print!(
            "{} ",
            text(Say::TypeToConfirm(alias.as_deref().unwrap_or(account_id)), lang)
        );
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        let answer = answer.trim();
        if answer.is_empty() || (answer != account_id && Some(answer) != alias.as_deref()) {
            println!("{}", text(Say::Kept, lang));
            return ExitCode::from(1);
        }
    }
    let outcomes = remove_all(account, account_id, &items, &journal).await;
    let mut failed = 0;
    for (resource, result) in &outcomes {
        match result {
            Ok(()) => println!("  {} {}", text(Say::Deleted, lang), describe(resource, lang)),
            Err(error) => {
                failed += 1;
                println!(
                    "  {} {}: {}",
                    text(Say::NotDeleted, lang),
                    describe(resource, lang),
                    error.localize(lang)
                );
            }
        }
    }
    if let Some(problem) = journal.take_problem() {
        eprintln!("aws-day-one: {} ({problem})", text(Say::JournalNotSaved, lang));
    }
    if failed > 0 {
        println!("{}", text(Say::SomeLeft(failed), lang));
        return ExitCode::from(1);
    }
    println!("{}", text(Say::AllGone, lang));
    ExitCode::SUCCESS
}

enum Say<'a> {
    Nothing(&'a str),
    Listing(usize, &'a str),
    AlreadyGone,
    NeedsYes,
    TypeToConfirm(&'a str),
    Kept,
    Deleted,
    NotDeleted,
    SomeLeft(usize),
    AllGone,
    JournalNotSaved,
}

fn text(say: Say<'_>, lang: Lang) -> String {
    match (say, lang) {
        (Say::Nothing(id), Lang::En) => {
            format!("Nothing to clean up: aws-day-one has nothing of its own left in account {id}.")
        }
        (Say::Nothing(id), Lang::Ja) => {
            format!("削除する物はありません: アカウント {id} に aws-day-one が作成した物は残っていません。")
        }
        (Say::Listing(n, id), Lang::En) => {
            format!("aws-day-one created these {n} items in account {id}; cleanup deletes them, newest first:")
        }
        (Say::Listing(n, id), Lang::Ja) => {
            format!("aws-day-one がアカウント {id} に作成した次の {n} 件を、新しい順に削除します:")
        }
        (Say::AlreadyGone, Lang::En) => " (already gone)".into(),
        (Say::AlreadyGone, Lang::Ja) => " (削除済み)".into(),
        (Say::NeedsYes, Lang::En) => {
            "cleanup asks for confirmation on a terminal; to run it from a script, add --yes.".into()
        }
        (Say::NeedsYes, Lang::Ja) => {
            "cleanup は端末で確認を求めます。スクリプトから実行するには --yes を付けてください。".into()
        }
        (Say::TypeToConfirm(name), Lang::En) => format!("Type {name} to delete them (anything else keeps everything):"),
        (Say::TypeToConfirm(name), Lang::Ja) => {
            format!("削除するには {name} と入力してください (それ以外なら何も削除しません):")
        }
        (Say::Kept, Lang::En) => "Nothing was deleted.".into(),
        (Say::Kept, Lang::Ja) => "何も削除していません。".into(),
        (Say::Deleted, Lang::En) => "deleted".into(),
        (Say::Deleted, Lang::Ja) => "削除".into(),
        (Say::NotDeleted, Lang::En) => "NOT deleted".into(),
        (Say::NotDeleted, Lang::Ja) => "削除できず".into(),
        (Say::SomeLeft(n), Lang::En) => format!(
            "{n} items could not be deleted; they stay in the journal: fix the reason shown and run cleanup again."
        ),
        (Say::SomeLeft(n), Lang::Ja) => format!(
            "{n} 件を削除できませんでした。記録には残しています。表示された原因を解消して、もう一度 cleanup を実行してください。"
        ),
        (Say::AllGone, Lang::En) => "Done: everything aws-day-one created here is gone.".into(),
        (Say::AllGone, Lang::Ja) => "完了: aws-day-one がここで作成した物はすべて削除しました。".into(),
        (Say::JournalNotSaved, Lang::En) => "the journal could not be updated".into(),
        (Say::JournalNotSaved, Lang::Ja) => "記録を更新できませんでした".into(),
    }
}
