//! `aws-day-one status`: every check at once, then a table for people or JSON for
//! scripts, and an exit status a workshop script can branch on.

use super::{CannotRun, cannot_run};
use crate::account::{Account, Identity};
use crate::checklist::{CheckKind, CheckResult, Status};
use crate::cli::Output;
use crate::i18n::{Lang, Localize};
use crate::state::AccountMemory;
use crate::steps;
use crate::textwrap::wrap;
use serde::Serialize;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// Exit status when some automatic check fails or errs.
pub const EXIT_SOME_FAIL: u8 = 1;
/// The width the text table is laid out for.
const TABLE_WIDTH: usize = 80;
const WORD_COLUMN: usize = 6;
const ID_COLUMN: usize = 17;

/// How to run and print `status`.
#[derive(Clone, Copy, Debug)]
pub struct How {
    pub output: Output,
    pub colour: bool,
    /// Apply the manual steps the user confirmed earlier (not for practice).
    pub remember: bool,
    /// Run again after this long, until interrupted.
    pub watch: Option<std::time::Duration>,
}

/// Run every check and print the report (again and again with `watch`).
pub async fn run(account: &dyn Account, region: &str, lang: Lang, how: How) -> ExitCode {
    let Some(every) = how.watch else {
        return match check(account, region, how.remember).await {
            Ok(report) => {
                print_report(&report, lang, how, false);
                ExitCode::from(report.exit_code())
            }
            Err(error) => cannot_run(CannotRun::Account(error), lang),
        };
    };
    loop {
        // A projector should ride out a network blip: say what went wrong, try again.
        match check(account, region, how.remember).await {
            Ok(report) => print_report(&report, lang, how, true),
            Err(error) => eprintln!("aws-day-one: {}", CannotRun::Account(error).localize(lang)),
        }
        if how.output == Output::Text {
            println!("{}", watch_footer(lang, every.as_secs(), &clock_time()));
        }
        tokio::time::sleep(every).await;
    }
}

async fn check(account: &dyn Account, region: &str, remember: bool) -> Result<Report, crate::account::AccountError> {
    let identity = account.identity().await?;
    let mut results = steps::check_everything(account, &identity).await;
    if remember && let Some(memory) = AccountMemory::for_account(&identity.account_id) {
        steps::apply_confirmations(&mut results, &memory.confirmed());
    }
    Ok(Report {
        identity,
        region: region.to_owned(),
        results,
    })
}

fn print_report(report: &Report, lang: Lang, how: How, watching: bool) {
    match how.output {
        // One document per line, so a script can read the stream line by line.
        Output::Json if watching => println!("{}", report.json_line(lang)),
        Output::Json => println!("{}", report.json(lang)),
        Output::Text => {
            if watching && how.colour {
                // Redraw in place on a terminal: clear the screen, cursor home.
                print!("\x1b[2J\x1b[H");
            }
            print!("{}", report.text(lang, how.colour))
        }
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

/// The time of day in UTC, `HH:MM:SS`, for the watch footer.
fn clock_time() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = seconds % 86_400;
    format!("{:02}:{:02}:{:02} UTC", day / 3600, day % 3600 / 60, day % 60)
}

/// The line under each watched report.
fn watch_footer(lang: Lang, every: u64, at: &str) -> String {
    match lang {
        Lang::En => format!("Checked at {at}; again every {every} s. Ctrl-C stops."),
        Lang::Ja => format!("{at} に確認。{every} 秒ごとに再確認します。Ctrl-C で終了。"),
    }
}

/// The outcome of a full status run.
pub struct Report {
    pub identity: Identity,
    /// The region the regional checks (CloudTrail, Config, GuardDuty) looked at.
    pub region: String,
    pub results: Vec<CheckResult>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    account_id: &'a str,
    principal_arn: &'a str,
    checks: Vec<JsonCheck>,
}

#[derive(Serialize)]
struct JsonCheck {
    id: &'static str,
    status: Status,
    title: &'static str,
    detail: String,
}

impl Report {
    /// 0 when no check fails or errs, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        let bad = self
            .results
            .iter()
            .any(|r| matches!(r.status, Status::Fail | Status::Error));
        if bad { EXIT_SOME_FAIL } else { 0 }
    }

    /// (passing, answered) automatic checks.
    pub fn tally(&self) -> (usize, usize) {
        let automatic = self
            .results
            .iter()
            .filter(|r| r.id.kind() != CheckKind::Manual && r.status.is_automatic());
        let passing = automatic.clone().filter(|r| r.status == Status::Pass).count();
        (passing, automatic.count())
    }

    /// The JSON document of MISSION.md, text in the user's language.
    pub fn json(&self, lang: Lang) -> String {
        serde_json::to_string_pretty(&self.json_report(lang))
            .unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"))
    }

    /// The same document on one line (for `--watch`).
    pub fn json_line(&self, lang: Lang) -> String {
        serde_json::to_string(&self.json_report(lang)).unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"))
    }

    fn json_report(&self, lang: Lang) -> JsonReport<'_> {
        JsonReport {
            account_id: &self.identity.account_id,
            principal_arn: &self.identity.principal_arn,
            checks: self
                .results
                .iter()
                .map(|r| JsonCheck {
                    id: r.id.as_str(),
                    status: r.status,
                    title: r.id.title(lang),
                    detail: r.detail(lang),
                })
                .collect(),
        }
    }

    /// The table for people: a status word (coloured on a terminal), the id, the
    /// title, then the detail wrapped to 80 columns.
    pub fn text(&self, lang: Lang, colour: bool) -> String {
        let mut out = String::new();
        let (account, region, principal) = match lang {
            Lang::En => ("Account", "Region", "Signed in as"),
            Lang::Ja => ("アカウント", "リージョン", "認証情報"),
        };
        out.push_str(&format!(
            "{account} {}  {region} {}\n{principal} {}\n\n",
            self.identity.account_id, self.region, self.identity.principal_arn
        ));
        let indent = " ".repeat(WORD_COLUMN + 1);
        for result in &self.results {
            let word = pad(result.status.word(lang), WORD_COLUMN);
            let word = if colour { paint(result.status, &word) } else { word };
            out.push_str(&format!(
                "{word} {}  {}\n",
                pad(result.id.as_str(), ID_COLUMN),
                result.id.title(lang)
            ));
            for line in wrap(&result.detail(lang), TABLE_WIDTH - indent.len()) {
                out.push_str(&format!("{indent}{line}\n"));
            }
        }
        let (passing, total) = self.tally();
        out.push('\n');
        out.push_str(&match lang {
            Lang::En => format!("{passing} of {total} automatic checks pass\n"),
            Lang::Ja => format!("自動チェック {total} 項目中 {passing} 項目が合格\n"),
        });
        out
    }
}

/// Pad to a display width (Japanese characters take two columns).
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

fn paint(status: Status, text: &str) -> String {
    let code = match status {
        Status::Pass => "32",
        Status::Fail => "31",
        Status::Manual => "33",
        Status::Error => "35",
        Status::Skipped => "90",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Finding, StepId};

    fn report(statuses: &[(StepId, Status)]) -> Report {
        Report {
            identity: Identity {
                account_id: "123456789012".into(),
                principal_arn: "arn:aws:iam::123456789012:user/ada".into(),
            },
            region: "ap-northeast-1".into(),
            results: statuses
                .iter()
                .map(|&(id, status)| CheckResult {
                    id,
                    status,
                    finding: Finding::RootMfaOn,
                })
                .collect(),
        }
    }

    #[test]
    fn exit_code_is_one_for_a_failure_or_an_error_only() {
        assert_eq!(
            report(&[
                (StepId::RootMfa, Status::Pass),
                (StepId::Organizations, Status::Skipped)
            ])
            .exit_code(),
            0
        );
        assert_eq!(report(&[(StepId::AuthenticatorApp, Status::Manual)]).exit_code(), 0);
        assert_eq!(report(&[(StepId::RootMfa, Status::Fail)]).exit_code(), 1);
        assert_eq!(report(&[(StepId::RootMfa, Status::Error)]).exit_code(), 1);
    }

    #[test]
    fn tally_counts_only_automatic_answers() {
        let r = report(&[
            (StepId::RootMfa, Status::Pass),
            (StepId::RootAccessKeys, Status::Fail),
            (StepId::Budget, Status::Error),
            (StepId::CostExplorer, Status::Manual),
            (StepId::Organizations, Status::Skipped),
        ]);
        assert_eq!(r.tally(), (1, 3));
        assert!(r.text(Lang::En, false).ends_with("1 of 3 automatic checks pass\n"));
        assert!(
            r.text(Lang::Ja, false)
                .ends_with("自動チェック 3 項目中 1 項目が合格\n")
        );
    }

    #[test]
    fn plain_text_has_no_escape_codes_and_colour_does() {
        let r = report(&[(StepId::RootMfa, Status::Pass)]);
        assert!(!r.text(Lang::En, false).contains('\x1b'));
        assert!(r.text(Lang::En, true).contains("\x1b[32mOK"));
    }

    #[test]
    fn every_line_fits_eighty_columns_in_both_languages() {
        let long = Finding::PasswordPolicyWeak {
            min_length: 6,
            missing: vec![
                crate::checklist::CharClass::Uppercase,
                crate::checklist::CharClass::Symbol,
            ],
        };
        for lang in [Lang::En, Lang::Ja] {
            let mut r = report(&[(StepId::PasswordPolicy, Status::Fail)]);
            r.results[0].finding = long.clone();
            let text = r.text(lang, false);
            for line in text.lines() {
                assert!(line.width() <= TABLE_WIDTH, "{} columns: {line}", line.width());
            }
        }
    }
}
