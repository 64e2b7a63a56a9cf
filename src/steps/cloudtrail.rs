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

/// The verdict on the trails: the trail closest to complete speaks for the account.
pub fn judge(trails: &[Trail]) -> (Status, Finding) {
    let best = trails
        .iter()
        .min_by_key(|trail| (gaps(trail).len(), !trail.multi_region));
    match best {
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
