//! The subcommands. Each one connects to the account, runs, and turns what happened
//! into an exit status; nothing here panics on a failure from outside.

pub mod cleanup;
pub mod status;

use crate::account::aws::{AwsAccount, ConnectOptions, load_config};
use crate::account::practice::{PRACTICE_REGION, PracticeAccount};
use crate::account::{Account, AccountError};
use crate::checklist::StepId;
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
    /// `--profile` or `AWS_PROFILE` names a profile the config files do not define.
    UnknownProfile {
        name: String,
        known: Vec<String>,
    },
    Account(AccountError),
}

impl Localize for CannotRun {
    fn localize(&self, lang: Lang) -> String {
        match self {
            CannotRun::NoRegion => match lang {
                Lang::En => "No AWS region is set. Pass --region (e.g. --region ap-northeast-1), set AWS_REGION, or add a region to your profile.".into(),
                Lang::Ja => "AWS リージョンが設定されていません。--region (例: --region ap-northeast-1) を指定するか、AWS_REGION またはプロファイルでリージョンを設定してください。".into(),
            },
            CannotRun::UnknownProfile { name, known } => {
                let known = known.join(", ");
                match (lang, known.is_empty()) {
                    (Lang::En, false) => format!(
                        "The profile {name} is not in your AWS config files (~/.aws/config, ~/.aws/credentials). Profiles there: {known}. Create it with aws configure sso --profile {name} or aws configure --profile {name}."
                    ),
                    (Lang::En, true) => format!(
                        "The profile {name} is not in your AWS config files: they define no profile. Create it with aws configure sso --profile {name} or aws configure --profile {name}."
                    ),
                    (Lang::Ja, false) => format!(
                        "プロファイル {name} は AWS の設定ファイル (~/.aws/config、~/.aws/credentials) にありません。定義済みのプロファイル: {known}。aws configure sso --profile {name} または aws configure --profile {name} で作成してください。"
                    ),
                    (Lang::Ja, true) => format!(
                        "プロファイル {name} は AWS の設定ファイルにありません (プロファイルが 1 つも定義されていません)。aws configure sso --profile {name} または aws configure --profile {name} で作成してください。"
                    ),
                }
            }
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

/// Colour on a terminal, unless `NO_COLOR` or a dumb terminal says no.
fn colour_wanted() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map_or(true, |term| term != "dumb")
}

/// How `status` runs: `remember` applies confirmed manual steps (not for practice).
fn status_how(output: crate::cli::Output, watch: Option<u64>, remember: bool) -> status::How {
    status::How {
        output,
        colour: colour_wanted(),
        remember,
        watch: watch.map(std::time::Duration::from_secs),
    }
}

/// Run the parsed command line.
pub async fn run(cli: Cli, lang: Lang) -> ExitCode {
    if cli.practice {
        return run_practice(cli.command, cli.step, cli.region, lang).await;
    }
    let options = ConnectOptions {
        profile: cli.profile,
        region: cli.region,
        endpoint_url: cli.endpoint_url,
    };
    let profile = crate::account::aws::profile(&options).await;
    if profile.chosen && !profile.exists {
        let reason = CannotRun::UnknownProfile {
            name: profile.name,
            known: profile.known,
        };
        return cannot_run(reason, lang);
    }
    let config = load_config(&options).await;
    let Some(region) = config.region().map(|region| region.to_string()) else {
        return cannot_run(CannotRun::NoRegion, lang);
    };
    let connect = move || AwsAccount::new(&config).signing_in_with(&profile);
    match cli.command {
        Some(Command::Status { output, watch }) => {
            status::run(&connect(), &region, lang, status_how(output, watch, true)).await
        }
        Some(Command::Cleanup { yes }) => cleanup::run(&connect(), lang, yes).await,
        None => {
            // Connected while the wizard draws its first frame.
            let connecting = tokio::task::spawn_blocking(move || Arc::new(connect()) as Arc<dyn Account>);
            let account = async move {
                match connecting.await {
                    Ok(account) => account,
                    Err(failed) => std::panic::resume_unwind(failed.into_panic()),
                }
            };
            wizard(account, None, cli.step, lang).await
        }
    }
}

/// The same commands against the simulated brand-new account.
async fn run_practice(command: Option<Command>, step: Option<StepId>, region: Option<String>, lang: Lang) -> ExitCode {
    let account = PracticeAccount::new(Arc::new(SystemClock));
    match command {
        Some(Command::Status { output, watch }) => {
            let region = region.unwrap_or_else(|| PRACTICE_REGION.to_owned());
            status::run(&account, &region, lang, status_how(output, watch, false)).await
        }
        Some(Command::Cleanup { yes }) => cleanup::run(&account, lang, yes).await,
        None => {
            let shared: Arc<dyn Account> = Arc::new(account.clone());
            wizard(std::future::ready(shared), Some(account), step, lang).await
        }
    }
}

async fn wizard(
    account: impl Future<Output = Arc<dyn Account>> + Send + 'static,
    practice: Option<PracticeAccount>,
    step: Option<StepId>,
    lang: Lang,
) -> ExitCode {
    let options = crate::tui::Options {
        lang,
        start_at: step.unwrap_or(StepId::AuthenticatorApp),
        clock: Arc::new(SystemClock),
    };
    match crate::tui::run(account, practice, options).await {
        Ok(ending) if ending.practice => Box::pin(run_practice(None, step, None, lang)).await,
        Ok(ending) => match ending.cannot_reach {
            Some(error) => cannot_run(CannotRun::Account(error), lang),
            None => ExitCode::SUCCESS,
        },
        Err(error) => {
            eprintln!("aws-day-one: the terminal failed: {error}");
            ExitCode::from(EXIT_CANNOT_RUN)
        }
    }
}
