//! A step's verdict. Checks produce language-free results; the words are chosen only
//! when something is shown, so the same result serves the table, JSON and the wizard.

use super::{Finding, StepId};
use crate::i18n::{Lang, Localize};
use serde::Serialize;

/// The verdict of one check, as it appears in `status` JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The account meets this step.
    Pass,
    /// The account does not meet this step yet.
    Fail,
    /// No API can tell; the user confirms it.
    Manual,
    /// The check could not be answered (denied, timed out, service down).
    Error,
    /// An optional step that does not apply to this account.
    Skipped,
}

impl Status {
    /// The short word shown beside the colour, so status never depends on colour alone.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Pass, _) => "OK",
            (Status::Fail, _) => "NG",
            (Status::Manual, Lang::En) => "MANUAL",
            (Status::Manual, Lang::Ja) => "手動",
            (Status::Error, Lang::En) => "ERROR",
            (Status::Error, Lang::Ja) => "エラー",
            (Status::Skipped, Lang::En) => "SKIP",
            (Status::Skipped, Lang::Ja) => "対象外",
        }
    }

    /// Whether this verdict counts as an answered automatic check.
    pub fn is_automatic(self) -> bool {
        matches!(self, Status::Pass | Status::Fail | Status::Error)
    }
}

/// One step's verdict and the reason for it.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    pub id: StepId,
    pub status: Status,
    pub finding: Finding,
}

impl CheckResult {
    /// The reason, in the user's language.
    pub fn detail(&self, lang: Lang) -> String {
        self.finding.localize(lang)
    }
}
