//! The logging fixes, CloudTrail and AWS Config, which share one private log bucket per
//! account and region (Config writes under its own prefix). An existing trail or
//! recorder is repaired in place: a second trail would bill a second copy of the
//! management events, and a region holds only one recorder.

use super::bucket_policy::{self, CONFIG_PREFIX};
use crate::account::{Account, AccountError, Trail};
use crate::checklist::ManagedRule;
use crate::journal::{Journal, Resource};
use crate::steps::cloudtrail;

/// The trail the fix creates when there is none.
pub const TRAIL_NAME: &str = "aws-day-one-trail";

/// The recorder and delivery channel name the console uses too.
pub const CONFIG_NAME: &str = "default";

/// The name of the log bucket: bucket names are global, so the account id and region
/// make it this account's own.
pub fn log_bucket_name(account_id: &str, region: &str) -> String {
    format!("aws-day-one-logs-{account_id}-{region}")
}

/// AWS Config's service-linked role.
pub fn config_role_arn(account_id: &str) -> String {
    format!("arn:aws:iam::{account_id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")
}

/// What the CloudTrail fix will do, decided from the trails there are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrailPlan {
    /// A trail already records every region.
    Nothing,
    /// Repair this trail: make it multi-region and/or start it.
    Repair(Trail),
    /// Create the bucket and a new trail.
    Create { bucket: String },
}

/// Look at the trails and decide.
pub async fn trail_plan(account: &dyn Account, account_id: &str) -> Result<TrailPlan, AccountError> {
    let trails = account.trails().await?;
    Ok(match cloudtrail::best(&trails) {
        Some(trail) if trail.multi_region && trail.is_logging => TrailPlan::Nothing,
        Some(trail) => TrailPlan::Repair(trail.clone()),
        None => TrailPlan::Create {
            bucket: log_bucket_name(account_id, &account.region()),
        },
    })
}

/// The private log bucket, created if needed, with its public access blocked.
async fn log_bucket(account: &dyn Account, journal: &Journal, account_id: &str) -> Result<String, AccountError> {
    let bucket = log_bucket_name(account_id, &account.region());
    if !account.bucket_exists(&bucket).await? {
        account.create_bucket(&bucket).await?;
        journal.record(Resource::Bucket { name: bucket.clone() });
    }
    account.block_public_access(&bucket).await?;
    Ok(bucket)
}

/// Add `statements` to the bucket's policy unless they are all there already.
async fn allow_in_bucket(
    account: &dyn Account,
    bucket: &str,
    statements: &[serde_json::Value],
) -> Result<(), AccountError> {
    let existing = account.bucket_policy(bucket).await?;
    if let Some(policy) = bucket_policy::merged(existing.as_deref(), statements) {
        account.put_bucket_policy(bucket, &policy).await?;
    }
    Ok(())
}

/// A multi-region trail that is logging: the best existing trail repaired, or a new
/// one with log file validation writing to the log bucket (its old logs expiring after
/// `expire_after_days`, if given).
pub async fn cloudtrail(
    account: &dyn Account,
    journal: &Journal,
    account_id: &str,
    expire_after_days: Option<i32>,
) -> Result<(), AccountError> {
    let trail = match trail_plan(account, account_id).await? {
        TrailPlan::Nothing => return Ok(()),
        TrailPlan::Repair(trail) => {
            if !trail.multi_region {
                account.make_trail_multi_region(&trail).await?;
            }
            trail
        }
        TrailPlan::Create { .. } => {
            let bucket = log_bucket(account, journal, account_id).await?;
            if let Some(days) = expire_after_days {
                account.expire_objects_after(&bucket, days).await?;
            }
            let region = account.region();
            let arn = format!("arn:aws:cloudtrail:{region}:{account_id}:trail/{TRAIL_NAME}");
            let statements = bucket_policy::cloudtrail_statements(&bucket, account_id, &arn);
            allow_in_bucket(account, &bucket, &statements).await?;
            let trail = account.create_trail(TRAIL_NAME, &bucket).await?;
            journal.record(Resource::Trail {
                region,
                arn: trail.arn.clone(),
            });
            trail
        }
    };
    if !trail.is_logging {
        account.start_logging(&trail).await?;
    }
    Ok(())
}

/// AWS Config recording every supported resource (global ones included) into the log
/// bucket, with the workshop's two managed rules.
pub async fn config(account: &dyn Account, journal: &Journal, account_id: &str) -> Result<(), AccountError> {
    let setup = account.config_setup().await?;
    let region = account.region();
    let role_arn = match account.create_config_role().await {
        Ok(arn) => {
            // The name from the answer, not assumed: it is what cleanup must delete.
            let name = arn.rsplit('/').next().unwrap_or_default().to_owned();
            journal.record(Resource::ServiceLinkedRole { name });
            arn
        }
        Err(AccountError::AlreadyExists { .. }) => config_role_arn(account_id),
        Err(error) => return Err(error),
    };
    let existing = setup.recorders.first();
    let name = existing.map_or(CONFIG_NAME, |r| r.name.as_str()).to_owned();
    if !existing.is_some_and(|r| r.all_supported && r.include_global_resources) {
        account.put_config_recorder(&name, &role_arn).await?;
        if existing.is_none() {
            journal.record(Resource::ConfigRecorder {
                region: region.clone(),
                name: name.clone(),
            });
        }
    }
    if setup.delivery_channels.is_empty() {
        let bucket = log_bucket(account, journal, account_id).await?;
        allow_in_bucket(account, &bucket, &bucket_policy::config_statements(&bucket, account_id)).await?;
        account
            .put_delivery_channel(CONFIG_NAME, &bucket, CONFIG_PREFIX)
            .await?;
        journal.record(Resource::DeliveryChannel {
            region: region.clone(),
            name: CONFIG_NAME.to_owned(),
        });
    }
    if !existing.is_some_and(|r| r.recording) {
        account.start_config_recorder(&name).await?;
    }
    for rule in ManagedRule::ALL {
        if !setup.managed_rules.iter().any(|id| id == rule.source_identifier()) {
            // Both rules run on a schedule in AWS (every 24 hours here).
            account
                .put_managed_rule(rule.rule_name(), rule.source_identifier(), true)
                .await?;
            journal.record(Resource::ConfigRule {
                region: region.clone(),
                name: rule.rule_name().to_owned(),
            });
        }
    }
    Ok(())
}
