//! The subcommands. Each one connects to the account, runs, and turns what happened
//! into an exit status; nothing here panics on a failure from outside.

pub mod status;

use crate::account::AccountError;
use crate::account::aws::{AwsAccount, ConnectOptions, load_config};
use crate::account::practice::PracticeAccount;
use crate::cli::{Cli, Command};
use crate::clock::SystemClock;
use crate::i18n::{Lang, Localize};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

/// Exit status when the command could not run at all.
pub const EXIT_CANNOT_RUN: u8 = 2;

/// Why a command could not start, in words the user can act on.
#[derive(Debug)]
pub enum CannotRun {
    NoRegion,
    Account(AccountError),
}

impl Localize for CannotRun {
    fn localize(&self, lang: Lang) -> String {
        match self {
            CannotRun::NoRegion => match lang {
                Lang::En => "No AWS region is set. Pass --region (e.g. --region ap-northeast-1), set AWS_REGION, or add a region to your profile.".into(),
                Lang::Ja => "AWS リージョンが設定されていません。--region (例: --region ap-northeast-1) を指定するか、AWS_REGION またはプロファイルでリージョンを設定してください。".into(),
            },
            CannotRun::Account(error) => match lang {
                Lang::En => format!("Cannot check the account: {}", error.localize(lang)),
                Lang::Ja => format!("アカウントを確認できません: {}", error.localize(lang)),
            },
        }
    }
}

/// Print why the command could not run and return the matching exit status.
pub fn cannot_run(reason: CannotRun, lang: Lang) -> ExitCode {
    eprintln!("aws-day-one: {}", reason.localize(lang));
    ExitCode::from(EXIT_CANNOT_RUN)
}

/// The region the practice account pretends to be in unless `--region` says otherwise.
const PRACTICE_REGION: &str = "ap-northeast-1";

/// Colour on a terminal, unless `NO_COLOR` or a dumb terminal says no.
fn colour_wanted() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map_or(true, |term| term != "dumb")
}

/// Run the parsed command line.
pub async fn run(cli: Cli, lang: Lang) -> ExitCode {
    if cli.practice {
        let account = PracticeAccount::new(Arc::new(SystemClock));
        let region = cli.region.unwrap_or_else(|| PRACTICE_REGION.to_owned());
        return match cli.command {
            Command::Status { output } => {
                status::run(&account, &region, lang, output, colour_wanted()).await
            }
        };
    }
    let options = ConnectOptions {
        profile: cli.profile,
        region: cli.region,
        endpoint_url: cli.endpoint_url,
    };
    let config = load_config(&options).await;
    let Some(region) = config.region().map(|region| region.to_string()) else {
        return cannot_run(CannotRun::NoRegion, lang);
    };
    let account = AwsAccount::new(&config);
    match cli.command {
        Command::Status { output } => {
            status::run(&account, &region, lang, output, colour_wanted()).await
        }
    }
}
