//! The command line, as MISSION.md fixes it. Flags mean what they mean to the AWS CLI,
//! so a beginner's muscle memory (`--profile`, `--region`, `--endpoint-url`) carries over.

use crate::checklist::StepId;
use crate::i18n::{Lang, Localize};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Parser, Subcommand, ValueEnum};

/// Walk a new AWS account through its first-day security and billing setup.
#[derive(Debug, Parser)]
#[command(name = "aws-day-one", version, about, long_about = None)]
pub struct Cli {
    /// Use this named profile from the AWS config and credentials files.
    #[arg(long, global = true, value_name = "NAME", value_parser = parse_profile)]
    pub profile: Option<String>,

    /// The AWS region to check (default: from the profile or AWS_REGION).
    #[arg(long, global = true, value_name = "REGION", value_parser = parse_region)]
    pub region: Option<String>,

    /// Send every AWS request to this URL (an emulator or a proxy); AWS_ENDPOINT_URL
    /// is honoured too.
    #[arg(long, global = true, value_name = "URL", value_parser = parse_endpoint_url)]
    pub endpoint_url: Option<String>,

    /// Language of all text (default: from LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Use a simulated brand-new account: no credentials, no network.
    #[arg(long, global = true)]
    pub practice: bool,

    /// Open the wizard at this step (e.g. user-mfa).
    #[arg(long, value_name = "ID", value_parser = parse_step)]
    pub step: Option<StepId>,

    /// Without a command, the step-by-step wizard opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_step(value: &str) -> Result<StepId, FlagProblem> {
    value.parse().map_err(|_| FlagProblem::Step)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every check at once and print each step's status.
    ///
    /// Exit status: 0 when no automatic check fails, 1 when some do, 2 when the checks
    /// could not run at all (no credentials, no network).
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Output::Text)]
        output: Output,
        /// Check again every SECONDS (10 when no number is given) until Ctrl-C, for a
        /// projector showing a room's progress. With `--output json`, one document per
        /// line.
        #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "10",
              value_parser = parse_watch)]
        watch: Option<u64>,
    },
    /// Delete what aws-day-one created in this account (and nothing else), newest
    /// first, after listing it and asking you to type the account alias or id.
    ///
    /// Exit status: 0 when everything listed is gone, 1 when something stayed or you
    /// said no, 2 when it could not run.
    Cleanup {
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
}

/// How `status` prints its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// A table for people (coloured on a terminal).
    Text,
    /// One JSON document for scripts.
    Json,
}

/// What is wrong with a flag's value. Each says what a good value looks like, in
/// both languages; the English form is what clap shows in its own messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagProblem {
    Region,
    EndpointScheme,
    EndpointHost,
    Step,
    WatchSeconds,
    ProfileName,
}

impl Localize for FlagProblem {
    fn localize(&self, lang: Lang) -> String {
        match (self, lang) {
            (FlagProblem::Region, Lang::En) => "is not a region name; use one like us-east-1 or ap-northeast-1".into(),
            (FlagProblem::Region, Lang::Ja) => {
                "はリージョン名ではありません。us-east-1 や ap-northeast-1 のように指定してください".into()
            }
            (FlagProblem::EndpointScheme, Lang::En) => {
                "must start with http:// or https://, e.g. http://127.0.0.1:5000".into()
            }
            (FlagProblem::EndpointScheme, Lang::Ja) => {
                "は http:// か https:// で始めてください (例: http://127.0.0.1:5000)".into()
            }
            (FlagProblem::EndpointHost, Lang::En) => "needs a host, e.g. http://127.0.0.1:5000".into(),
            (FlagProblem::EndpointHost, Lang::Ja) => "にホスト名がありません (例: http://127.0.0.1:5000)".into(),
            (FlagProblem::Step, Lang::En) => {
                format!("is not a step; valid ids: {}", crate::checklist::valid_ids())
            }
            (FlagProblem::Step, Lang::Ja) => {
                format!(
                    "というステップはありません。使える ID: {}",
                    crate::checklist::valid_ids()
                )
            }
            (FlagProblem::WatchSeconds, Lang::En) => "must be a whole number of seconds from 1 to 3600".into(),
            (FlagProblem::WatchSeconds, Lang::Ja) => "は 1 から 3600 までの秒数 (整数) で指定してください".into(),
            (FlagProblem::ProfileName, Lang::En) => {
                "is not a profile name: it must not be empty or hold spaces, brackets or control characters".into()
            }
            (FlagProblem::ProfileName, Lang::Ja) => {
                "はプロファイル名として使えません。空にせず、空白・角かっこ・制御文字を含めないでください".into()
            }
        }
    }
}

impl std::fmt::Display for FlagProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for FlagProblem {}

fn parse_endpoint_url(value: &str) -> Result<String, FlagProblem> {
    let rest = value
        .strip_prefix("http://")
        .or_else(|| value.strip_prefix("https://"))
        .ok_or(FlagProblem::EndpointScheme)?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err(FlagProblem::EndpointHost);
    }
    Ok(value.trim_end_matches('/').to_owned())
}

fn parse_region(value: &str) -> Result<String, FlagProblem> {
    let valid = value.split('-').count() >= 3
        && value.split('-').all(|part| !part.is_empty())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(value.to_owned())
    } else {
        Err(FlagProblem::Region)
    }
}

fn parse_watch(value: &str) -> Result<u64, FlagProblem> {
    match value.trim().parse::<u64>() {
        Ok(seconds) if (1..=3600).contains(&seconds) => Ok(seconds),
        _ => Err(FlagProblem::WatchSeconds),
    }
}

fn parse_profile(value: &str) -> Result<String, FlagProblem> {
    let valid = !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '[' || c == ']');
    if valid {
        Ok(value.to_owned())
    } else {
        Err(FlagProblem::ProfileName)
    }
}

/// The language asked for on the command line (`--lang ja` or `--lang=ja`), else the
/// environment's; read before parsing, so a message about a bad flag is already in it.
pub fn lang_of<I: AsRef<str>>(args: &[I], env_lang: Lang) -> Lang {
    let mut previous_was_flag = false;
    for arg in args.iter().map(AsRef::as_ref) {
        let value = match arg.strip_prefix("--lang=") {
            Some(value) => Some(value),
            None if previous_was_flag => Some(arg),
            None => None,
        };
        previous_was_flag = arg == "--lang";
        match value {
            Some("ja") => return Lang::Ja,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    env_lang
}

/// A command-line mistake in the user's language: which flag, which value, and what
/// a good one looks like. `None` for what clap says best itself (help, version).
pub fn flag_error(error: &clap::Error, lang: Lang) -> Option<String> {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        _ => None,
    };
    let flag = context(ContextKind::InvalidArg)
        .map(|arg| arg.split_whitespace().next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let help = match lang {
        Lang::En => "See aws-day-one --help.",
        Lang::Ja => "aws-day-one --help で使い方を表示します。",
    };
    let problem = match error.kind() {
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .and_then(|source| source.downcast_ref::<FlagProblem>())
                .map(|problem| problem.localize(lang));
            match (reason, lang) {
                (Some(reason), Lang::En) => format!("{flag} {value:?} {reason}."),
                (Some(reason), Lang::Ja) => format!("{flag} の値 {value:?} {reason}。"),
                (None, Lang::En) => format!("{flag} {value:?} is not a valid value."),
                (None, Lang::Ja) => format!("{flag} の値 {value:?} は使えません。"),
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => match lang {
            Lang::En => format!("{flag} needs a value."),
            Lang::Ja => format!("{flag} には値が必要です。"),
        },
        ErrorKind::InvalidValue => {
            let valid = context(ContextKind::ValidValue).unwrap_or_default();
            match lang {
                Lang::En => format!("{flag} {value:?} is not one of: {valid}."),
                Lang::Ja => format!("{flag} に {value:?} は指定できません。使える値: {valid}。"),
            }
        }
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand => {
            let given = if value.is_empty() { flag } else { value };
            match lang {
                Lang::En => format!("{given} is not an option or command of aws-day-one."),
                Lang::Ja => format!("{given} は aws-day-one のオプションでもコマンドでもありません。"),
            }
        }
        ErrorKind::ArgumentConflict | ErrorKind::TooManyValues => match lang {
            Lang::En => format!("{flag} cannot be used this way here."),
            Lang::Ja => format!("{flag} はここではこのように使えません。"),
        },
        _ => return None,
    };
    let space = match lang {
        Lang::En => " ",
        Lang::Ja => "",
    };
    Some(format!("aws-day-one: {problem}{space}{help}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_need_a_scheme_and_a_host() {
        assert_eq!(
            parse_endpoint_url("http://127.0.0.1:5000/"),
            Ok("http://127.0.0.1:5000".to_owned())
        );
        assert!(parse_endpoint_url("127.0.0.1:5000").is_err());
        assert!(parse_endpoint_url("http://").is_err());
        assert!(parse_endpoint_url("https://a b").is_err());
    }

    #[test]
    fn step_ids_are_checked_and_the_valid_ones_listed() {
        let cli = Cli::try_parse_from(["aws-day-one", "--step", "user-mfa"]).expect("valid");
        assert_eq!(cli.step, Some(StepId::UserMfa));
        assert!(cli.command.is_none());
        let error = Cli::try_parse_from(["aws-day-one", "--step", "usermfa"]).expect_err("invalid");
        let message = error.to_string();
        assert!(
            message.contains("usermfa") && message.contains("root-mfa, root-access-keys"),
            "{message}"
        );
    }

    fn message(args: &[&str], lang: Lang) -> String {
        let error = Cli::try_parse_from(args).expect_err("a mistake");
        flag_error(&error, lang).expect("said in our words")
    }

    #[test]
    fn flag_mistakes_are_told_in_both_languages() {
        let en = message(&["aws-day-one", "--region", "Tokyo"], Lang::En);
        assert!(en.contains("--region \"Tokyo\" is not a region name"), "{en}");
        let ja = message(&["aws-day-one", "--region", "Tokyo"], Lang::Ja);
        assert!(
            ja.contains("--region の値 \"Tokyo\" はリージョン名ではありません"),
            "{ja}"
        );
        let ja = message(&["aws-day-one", "status", "--output", "xml"], Lang::Ja);
        assert!(
            ja.contains("--output に \"xml\" は指定できません。使える値: text, json"),
            "{ja}"
        );
        let en = message(&["aws-day-one", "status", "--watch", "0"], Lang::En);
        assert!(en.contains("1 to 3600"), "{en}");
        let ja = message(&["aws-day-one", "--step", "usermfa"], Lang::Ja);
        assert!(
            ja.contains("usermfa") && ja.contains("root-mfa, root-access-keys"),
            "{ja}"
        );
        let en = message(&["aws-day-one", "--profile", ""], Lang::En);
        assert!(en.contains("is not a profile name"), "{en}");
        let en = message(&["aws-day-one", "--regoin", "x"], Lang::En);
        assert!(en.contains("--regoin is not an option"), "{en}");
        let ja = message(&["aws-day-one", "--endpoint-url"], Lang::Ja);
        assert!(ja.contains("--endpoint-url には値が必要です"), "{ja}");
        let help = Cli::try_parse_from(["aws-day-one", "--help"]).expect_err("help is an exit");
        assert_eq!(flag_error(&help, Lang::Ja), None, "clap prints help itself");
    }

    #[test]
    fn the_language_flag_is_read_before_parsing() {
        assert_eq!(
            lang_of(&["aws-day-one", "--region", "x", "--lang", "ja"], Lang::En),
            Lang::Ja
        );
        assert_eq!(lang_of(&["aws-day-one", "--lang=en"], Lang::Ja), Lang::En);
        assert_eq!(lang_of(&["aws-day-one", "--lang"], Lang::Ja), Lang::Ja);
        assert_eq!(lang_of(&["aws-day-one", "--profile", "ja"], Lang::En), Lang::En);
    }

    #[test]
    fn regions_look_like_regions() {
        assert!(parse_region("ap-northeast-1").is_ok());
        assert!(parse_region("us-gov-west-1").is_ok());
        assert!(parse_region("Tokyo").is_err());
        assert!(parse_region("us_east_1").is_err());
        assert!(parse_region("us--1").is_err());
    }

    #[test]
    fn global_flags_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "aws-day-one",
            "status",
            "--output",
            "json",
            "--lang",
            "ja",
            "--region",
            "us-east-1",
        ])
        .expect("valid command line");
        assert_eq!(cli.lang, Some(Lang::Ja));
        assert_eq!(cli.region.as_deref(), Some("us-east-1"));
        assert!(matches!(
            cli.command,
            Some(Command::Status {
                output: Output::Json,
                watch: None
            })
        ));
    }
}
