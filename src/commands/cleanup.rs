//! `aws-day-one cleanup`: lists what aws-day-one created here (see [`crate::cleanup`])
//! and removes it only after the user types the account's alias or id, or passes
//! `--yes`.

use super::{CannotRun, cannot_run};
use crate::account::Account;
use crate::cleanup::{describe, remove_all, survey};
use crate::i18n::{Lang, Localize};
use crate::journal::Journal;
use crate::state::AccountMemory;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

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
        let mark = if item.present { "-" } else { " " };
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
