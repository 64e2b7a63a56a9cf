//! The command line, as MISSION.md fixes it. Flags mean what they mean to the AWS CLI,
//! so a beginner's muscle memory (`--profile`, `--region`, `--endpoint-url`) carries over.

use crate::checklist::StepId;
use crate::i18n::Lang;
use clap::{Parser, Subcommand, ValueEnum};

/// Walk a new AWS account through its first-day security and billing setup.
#[derive(Debug, Parser)]
#[command(name = "aws-day-one", version, about, long_about = None)]
pub struct Cli {
    /// Use this named profile from the AWS config and credentials files.
    #[arg(long, global = true, value_name = "NAME")]
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

fn parse_step(value: &str) -> Result<StepId, String> {
    value.parse().map_err(|error: crate::checklist::UnknownStepId| {
        format!("is not a step; valid ids: {}", crate::checklist::valid_ids()).replace("unknown step id", &error.given)
    })
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
              value_parser = clap::value_parser!(u64).range(1..=3600))]
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

fn parse_endpoint_url(value: &str) -> Result<String, String> {
    let rest = value
        .strip_prefix("http://")
        .or_else(|| value.strip_prefix("https://"))
        .ok_or("must start with http:// or https://, e.g. http://127.0.0.1:5000")?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err("needs a host, e.g. http://127.0.0.1:5000".into());
    }
    Ok(value.trim_end_matches('/').to_owned())
}

fn parse_region(value: &str) -> Result<String, String> {
    let valid = !value.is_empty()
        && value.split('-').count() >= 3
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(value.to_owned())
    } else {
        Err("is not a region name; use one like us-east-1 or ap-northeast-1".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_need_a_scheme_and_a_host() {
        assert_eq!(
            parse_endpoint_url("http://127.0.0.1:5000/").as_deref(),
            Ok("http://127.0.0.1:5000")
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

    #[test]
    fn regions_look_like_regions() {
        assert!(parse_region("ap-northeast-1").is_ok());
        assert!(parse_region("us-gov-west-1").is_ok());
        assert!(parse_region("Tokyo").is_err());
        assert!(parse_region("us_east_1").is_err());
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
