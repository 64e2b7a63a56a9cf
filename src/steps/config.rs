//! `config`: AWS Config records every supported resource, global ones (IAM) included,
//! and delivers the history to a bucket (CIS 4.3). The workshop's two managed rules are
//! reported but not required.

use super::{Facts, Outcome};
use crate::account::{ConfigRecorder, ConfigSetup};
use crate::checklist::{ConfigGap, Finding, ManagedRule, Status};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    Ok(judge(&facts.account.config_setup().await?))
}

fn recorder_gaps(recorder: &ConfigRecorder) -> Vec<ConfigGap> {
    let mut gaps = Vec::new();
    if !recorder.all_supported {
        gaps.push(ConfigGap::NotAllResources);
    } else if !recorder.include_global_resources {
        gaps.push(ConfigGap::NoGlobalResources);
    }
    if !recorder.recording {
        gaps.push(ConfigGap::NotRecording);
    }
    gaps
}

/// The verdict on a region's Config setup.
pub fn judge(setup: &ConfigSetup) -> (Status, Finding) {
    let mut gaps = setup
        .recorders
        .iter()
        .map(recorder_gaps)
        .min_by_key(Vec::len)
        .unwrap_or_else(|| vec![ConfigGap::NoRecorder]);
    if setup.delivery_channels.is_empty() {
        gaps.push(ConfigGap::NoDeliveryChannel);
    }
    if !gaps.is_empty() {
        return (Status::Fail, Finding::ConfigIncomplete { gaps });
    }
    let rules_missing = ManagedRule::ALL
        .into_iter()
        .filter(|rule| !setup.managed_rules.iter().any(|id| id == rule.source_identifier()))
        .collect();
    (Status::Pass, Finding::ConfigRecording { rules_missing })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorder(all: bool, global: bool, recording: bool) -> ConfigRecorder {
        ConfigRecorder {
            name: "default".into(),
            all_supported: all,
            include_global_resources: global,
            recording,
        }
    }

    #[test]
    fn nothing_set_up_names_both_missing_parts() {
        assert_eq!(
            judge(&ConfigSetup::default()),
            (
                Status::Fail,
                Finding::ConfigIncomplete {
                    gaps: vec![ConfigGap::NoRecorder, ConfigGap::NoDeliveryChannel]
                }
            )
        );
    }

    #[test]
    fn a_stopped_recorder_fails_even_with_a_channel() {
        let setup = ConfigSetup {
            recorders: vec![recorder(true, true, false)],
            delivery_channels: vec!["default".into()],
            managed_rules: vec![],
        };
        assert_eq!(
            judge(&setup),
            (
                Status::Fail,
                Finding::ConfigIncomplete {
                    gaps: vec![ConfigGap::NotRecording]
                }
            )
        );
    }

    #[test]
    fn recording_everything_passes_and_reports_missing_rules() {
        let setup = ConfigSetup {
            recorders: vec![recorder(true, true, true)],
            delivery_channels: vec!["default".into()],
            managed_rules: vec!["CLOUD_TRAIL_ENABLED".into()],
        };
        assert_eq!(
            judge(&setup),
            (
                Status::Pass,
                Finding::ConfigRecording {
                    rules_missing: vec![ManagedRule::RootAccountMfaEnabled]
                }
            )
        );
    }

    #[test]
    fn leaving_out_global_resources_fails() {
        let setup = ConfigSetup {
            recorders: vec![recorder(true, false, true)],
            delivery_channels: vec!["default".into()],
            managed_rules: vec![],
        };
        assert_eq!(judge(&setup).0, Status::Fail);
    }
}
