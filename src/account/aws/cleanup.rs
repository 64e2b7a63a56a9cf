//! Cleanup through the SDK: whether a journaled resource still exists, and removing it.
//! Regional resources are asked of the region they were made in, whatever region this
//! run uses.

use super::{AwsAccount, budget_notification, build_error, is_not_found, to_account_error};
use crate::account::{Account, AccountError};
use crate::journal::Resource;
use aws_config::Region;

impl AwsAccount {
    fn guardduty_in(&self, region: &str) -> aws_sdk_guardduty::Client {
        let region = Region::new(region.to_owned());
        client!(aws_sdk_guardduty, &self.config, &self.interceptors, |b| b
            .region(region))
    }

    fn config_in(&self, region: &str) -> aws_sdk_config::Client {
        let region = Region::new(region.to_owned());
        client!(aws_sdk_config, &self.config, &self.interceptors, |b| b.region(region))
    }

    pub(super) async fn resource_exists(&self, account_id: &str, resource: &Resource) -> Result<bool, AccountError> {
        match resource {
            Resource::AccountAlias { alias } => Ok(self.account_alias().await?.as_deref() == Some(alias.as_str())),
            Resource::PasswordPolicy => Ok(self.password_policy().await?.is_some()),
            Resource::Group { name } => match self.iam.get_group().group_name(name).send().await {
                Ok(_) => Ok(true),
                Err(e) if is_not_found(&e, "NoSuchEntity") => Ok(false),
                Err(e) => Err(to_account_error("iam:GetGroup", e)),
            },
            Resource::GroupPolicy { group, policy_arn } => {
                Ok(self.groups_with_policy(policy_arn).await?.contains(group))
            }
            Resource::User { name } => match self.iam.get_user().user_name(name).send().await {
                Ok(_) => Ok(true),
                Err(e) if is_not_found(&e, "NoSuchEntity") => Ok(false),
                Err(e) => Err(to_account_error("iam:GetUser", e)),
            },
            Resource::LoginProfile { user } => self.has_console_password(user).await,
            Resource::GroupMembership { user, group } => match self.group_members(group).await {
                Ok(members) => Ok(members.contains(user)),
                Err(AccountError::Service { code, .. }) if code == "NoSuchEntity" => Ok(false),
                Err(error) => Err(error),
            },
            Resource::VirtualMfaDevice { serial_number } => {
                let devices: Vec<_> = self
                    .iam
                    .list_virtual_mfa_devices()
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect()
                    .await
                    .map_err(|e| to_account_error("iam:ListVirtualMFADevices", e))?;
                Ok(devices.iter().any(|d| d.serial_number == *serial_number))
            }
            Resource::MfaAssignment { user, serial_number } => match self.mfa_devices(user).await {
                Ok(devices) => Ok(devices.contains(serial_number)),
                Err(AccountError::Service { code, .. }) if code == "NoSuchEntity" => Ok(false),
                Err(error) => Err(error),
            },
            Resource::Budget { name } => Ok(self.cost_budgets(account_id).await?.iter().any(|b| b.name == *name)),
            Resource::BudgetAlert {
                budget,
                kind,
                threshold,
            } => {
                let threshold: f64 = threshold.parse().unwrap_or(f64::NAN);
                Ok(self.cost_budgets(account_id).await?.iter().any(|b| {
                    b.name == *budget
                        && b.notifications
                            .iter()
                            .any(|n| n.kind == *kind && n.threshold == threshold)
                }))
            }
            Resource::GuardDutyDetector { region, id } => {
                let ids: Vec<String> = self
                    .guardduty_in(region)
                    .list_detectors()
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect()
                    .await
                    .map_err(|e| to_account_error("guardduty:ListDetectors", e))?;
                Ok(ids.contains(id))
            }
            Resource::AlternateContact { kind } => match contact_kind(kind) {
                Some(kind) => Ok(self.alternate_contact(kind).await?.is_some()),
                None => Ok(false),
            },
            Resource::Organization { id } => Ok(self.organization().await?.is_some_and(|o| o.id == *id)),
            Resource::Bucket { name } => self.bucket_exists(name).await,
            Resource::Trail { region, arn } => {
                let out = self
                    .cloudtrail_in(region)
                    .describe_trails()
                    .trail_name_list(arn)
                    .send()
                    .await
                    .map_err(|e| to_account_error("cloudtrail:DescribeTrails", e))?;
                Ok(out.trail_list().iter().any(|t| t.trail_arn() == Some(arn.as_str())))
            }
            Resource::ServiceLinkedRole { name } => match self.iam.get_role().role_name(name).send().await {
                Ok(_) => Ok(true),
                Err(e) if is_not_found(&e, "NoSuchEntity") => Ok(false),
                Err(e) => Err(to_account_error("iam:GetRole", e)),
            },
            Resource::ConfigRecorder { region, name } => {
                let out = self
                    .config_in(region)
                    .describe_configuration_recorders()
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:DescribeConfigurationRecorders", e))?;
                Ok(out
                    .configuration_recorders()
                    .iter()
                    .any(|r| r.name() == Some(name.as_str())))
            }
            Resource::DeliveryChannel { region, name } => {
                let out = self
                    .config_in(region)
                    .describe_delivery_channels()
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:DescribeDeliveryChannels", e))?;
                Ok(out.delivery_channels().iter().any(|c| c.name() == Some(name.as_str())))
            }
            Resource::ConfigRule { region, name } => {
                match self
                    .config_in(region)
                    .describe_config_rules()
                    .config_rule_names(name)
                    .send()
                    .await
                {
                    Ok(out) => Ok(!out.config_rules().is_empty()),
                    Err(e) if is_not_found(&e, "NoSuchConfigRuleException") => Ok(false),
                    Err(e) => Err(to_account_error("config:DescribeConfigRules", e)),
                }
            }
        }
    }

    pub(super) async fn remove_resource(&self, account_id: &str, resource: &Resource) -> Result<(), AccountError> {
        match resource {
            Resource::AccountAlias { alias } => {
                self.iam
                    .delete_account_alias()
                    .account_alias(alias)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeleteAccountAlias", e))?;
            }
            Resource::PasswordPolicy => {
                self.iam
                    .delete_account_password_policy()
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeleteAccountPasswordPolicy", e))?;
            }
            Resource::Group { name } => {
                self.iam
                    .delete_group()
                    .group_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeleteGroup", e))?;
            }
            Resource::GroupPolicy { group, policy_arn } => {
                self.iam
                    .detach_group_policy()
                    .group_name(group)
                    .policy_arn(policy_arn)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DetachGroupPolicy", e))?;
            }
            Resource::User { name } => {
                self.iam
                    .delete_user()
                    .user_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeleteUser", e))?;
            }
            Resource::LoginProfile { user } => {
                self.iam
                    .delete_login_profile()
                    .user_name(user)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeleteLoginProfile", e))?;
            }
            Resource::GroupMembership { user, group } => {
                self.iam
                    .remove_user_from_group()
                    .user_name(user)
                    .group_name(group)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:RemoveUserFromGroup", e))?;
            }
            Resource::VirtualMfaDevice { serial_number } => self.delete_virtual_mfa(serial_number).await?,
            Resource::MfaAssignment { user, serial_number } => {
                self.iam
                    .deactivate_mfa_device()
                    .user_name(user)
                    .serial_number(serial_number)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeactivateMFADevice", e))?;
            }
            Resource::Budget { name } => {
                self.budgets
                    .delete_budget()
                    .account_id(account_id)
                    .budget_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("budgets:ModifyBudget", e))?;
            }
            Resource::BudgetAlert {
                budget,
                kind,
                threshold,
            } => {
                let action = "budgets:ModifyBudget";
                let notification = budget_notification(kind, threshold.parse().unwrap_or_default())?;
                self.budgets
                    .delete_notification()
                    .account_id(account_id)
                    .budget_name(budget)
                    .notification(notification)
                    .send()
                    .await
                    .map_err(|e| to_account_error(action, e))?;
            }
            Resource::GuardDutyDetector { region, id } => {
                self.guardduty_in(region)
                    .delete_detector()
                    .detector_id(id)
                    .send()
                    .await
                    .map_err(|e| to_account_error("guardduty:DeleteDetector", e))?;
            }
            Resource::AlternateContact { kind } => {
                let Some(kind) = contact_kind(kind) else {
                    return Ok(());
                };
                self.account
                    .delete_alternate_contact()
                    .alternate_contact_type(super::contact_type(kind))
                    .send()
                    .await
                    .map_err(|e| to_account_error("account:DeleteAlternateContact", e))?;
            }
            Resource::Organization { .. } => {
                self.organizations
                    .delete_organization()
                    .send()
                    .await
                    .map_err(|e| to_account_error("organizations:DeleteOrganization", e))?;
            }
            Resource::Bucket { name } => self.delete_bucket_and_objects(name).await?,
            Resource::Trail { region, arn } => {
                // By name, in the trail's home region: AWS takes the ARN too, but moto
                // only the name.
                let name = arn.rsplit_once(":trail/").map_or(arn.as_str(), |(_, name)| name);
                self.cloudtrail_in(region)
                    .delete_trail()
                    .name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("cloudtrail:DeleteTrail", e))?;
            }
            Resource::ServiceLinkedRole { name } => {
                self.iam
                    .delete_service_linked_role()
                    .role_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("iam:DeleteServiceLinkedRole", e))?;
            }
            Resource::ConfigRecorder { region, name } => {
                let config = self.config_in(region);
                // A recording recorder cannot be deleted; stopping an idle one is harmless.
                config
                    .stop_configuration_recorder()
                    .configuration_recorder_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:StopConfigurationRecorder", e))?;
                config
                    .delete_configuration_recorder()
                    .configuration_recorder_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:DeleteConfigurationRecorder", e))?;
            }
            Resource::DeliveryChannel { region, name } => {
                let config = self.config_in(region);
                // The channel of a running recorder cannot go: stop the recorder first.
                let recorders = config
                    .describe_configuration_recorders()
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:DescribeConfigurationRecorders", e))?;
                for recorder in recorders.configuration_recorders() {
                    if let Some(recorder_name) = recorder.name() {
                        config
                            .stop_configuration_recorder()
                            .configuration_recorder_name(recorder_name)
                            .send()
                            .await
                            .map_err(|e| to_account_error("config:StopConfigurationRecorder", e))?;
                    }
                }
                config
                    .delete_delivery_channel()
                    .delivery_channel_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:DeleteDeliveryChannel", e))?;
            }
            Resource::ConfigRule { region, name } => {
                self.config_in(region)
                    .delete_config_rule()
                    .config_rule_name(name)
                    .send()
                    .await
                    .map_err(|e| to_account_error("config:DeleteConfigRule", e))?;
            }
        }
        Ok(())
    }

    /// A bucket must be empty to be deleted: its logs go first, a thousand at a time.
    async fn delete_bucket_and_objects(&self, bucket: &str) -> Result<(), AccountError> {
        use aws_sdk_s3::types::{Delete, ObjectIdentifier};
        let action = "s3:DeleteObject";
        loop {
            let listed = self
                .s3
                .list_objects_v2()
                .bucket(bucket)
                .send()
                .await
                .map_err(|e| to_account_error("s3:ListBucket", e))?;
            let keys: Vec<ObjectIdentifier> = listed
                .contents()
                .iter()
                .filter_map(|object| object.key())
                .map(|key| {
                    ObjectIdentifier::builder()
                        .key(key)
                        .build()
                        .map_err(|e| build_error(action, e))
                })
                .collect::<Result<_, _>>()?;
            if keys.is_empty() {
                break;
            }
            let delete = Delete::builder()
                .set_objects(Some(keys))
                .quiet(true)
                .build()
                .map_err(|e| build_error(action, e))?;
            self.s3
                .delete_objects()
                .bucket(bucket)
                .delete(delete)
                .send()
                .await
                .map_err(|e| to_account_error(action, e))?;
        }
        self.s3
            .delete_bucket()
            .bucket(bucket)
            .send()
            .await
            .map_err(|e| to_account_error("s3:DeleteBucket", e))?;
        Ok(())
    }
}

/// The journal's contact kind names back to the kind.
fn contact_kind(name: &str) -> Option<crate::account::ContactKind> {
    use crate::account::ContactKind;
    [ContactKind::Billing, ContactKind::Operations, ContactKind::Security]
        .into_iter()
        .find(|kind| crate::steps::fix::contact_kind_name(*kind) == name)
}
