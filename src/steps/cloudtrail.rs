//! `cloudtrail`: a multi-region trail that is logging (CIS 4.1); without one, API
//! activity is kept only 90 days in the event history.

use super::{Facts, Outcome};
use crate::account::Trail;
use crate::checklist::{Finding, Status, TrailGap};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    Ok(judge(&facts.account.trails().await?))
}

fn gaps(trail: &Trail) -> Vec<TrailGap> {
    let mut gaps = Vec::new();
    if !trail.multi_region {
        gaps.push(TrailGap::SingleRegion);
    }
    if !trail.is_logging {
        gaps.push(TrailGap::NotLogging);
    }
    gaps
}

/// The trail closest to complete: it speaks for the account, and it is the one to
/// repair rather than adding a second.
pub fn best(trails: &[Trail]) -> Option<&Trail> {
    trails
        .iter()
        .min_by_key(|trail| (gaps(trail).len(), !trail.multi_region))
}

/// The verdict on the trails.
pub fn judge(trails: &[Trail]) -> (Status, Finding) {
    match best(trails) {
        None => (Status::Fail, Finding::TrailMissing),
        Some(trail) => {
            let gaps = gaps(trail);
            let name = trail.name.clone();
            if gaps.is_empty() {
                (Status::Pass, Finding::TrailLogging { name })
            } else {
                (Status::Fail, Finding::TrailIncomplete { name, gaps })
            }
        }
    }
}
