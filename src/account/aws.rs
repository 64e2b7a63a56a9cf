//! The [`Account`] port over the official AWS SDK for Rust. Every client is built from one
//! `SdkConfig` loaded through the standard chain, so profiles, IAM Identity Center (SSO),
//! `aws login`, environment variables and CloudShell all work the way the AWS CLI does.
//! This is the only module that names SDK types; errors leave it as [`AccountError`].

use super::Password;
use super::{
    Account, AccountError, AccountSummary, AdvisorCheck, AlternateContact, BudgetAlert, BudgetNotification, BudgetPlan,
    ConfigRecorder, ConfigSetup, ContactKind, CostBudget, Detector, Identity, NewVirtualMfa, Organization,
    PasswordPolicy, Trail,
};
use crate::journal::Resource;
use crate::mfa::MfaSeed;
use async_trait::async_trait;
use aws_config::{BehaviorVersion, Region, SdkConfig, timeout::TimeoutConfig};
use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_iam::error::ProvideErrorMetadata;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
pub use aws_smithy_runtime_api::client::interceptors::SharedInterceptor;
use aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::{ConnectorError, SdkError};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::date_time::{DateTime, Format as DateFormat};
use futures::{StreamExt, TryStreamExt, stream};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

/// How many per-user or per-item calls run at once when a check fans out.
const FAN_OUT: usize = 8;

/// Where to find AWS: the same knobs the AWS CLI has.
#[derive(Clone, Debug, Default)]
pub struct ConnectOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    /// A custom endpoint for every service (an emulator such as moto, or a proxy).
    /// `AWS_ENDPOINT_URL` is honoured by the SDK itself when this is `None`.
    pub endpoint_url: Option<String>,
}

/// What the AWS config files say about the profile a command asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    /// Named by `--profile` or `AWS_PROFILE` (not the implicit `default`).
    pub chosen: bool,
    pub exists: bool,
    /// It signs in through IAM Identity Center (`sso_session` or `sso_start_url`).
    pub uses_sso: bool,
    /// Every profile the files define, for the message when `name` is not one.
    pub known: Vec<String>,
}

/// Read the config and credentials files (where `AWS_CONFIG_FILE` and
/// `AWS_SHARED_CREDENTIALS_FILE` say, else under `~/.aws`) for the chosen profile.
/// Unreadable or missing files define no profiles.
pub async fn profile(options: &ConnectOptions) -> Profile {
    use aws_types::os_shim_internal::{Env, Fs};
    let env = Env::real();
    let from_env = env.get("AWS_PROFILE").ok().filter(|name| !name.is_empty());
    let chosen = options.profile.clone().or(from_env);
    let name = chosen.clone().unwrap_or_else(|| "default".to_owned());
    let files = aws_runtime::env_config::file::EnvConfigFiles::default();
    let set = aws_config::profile::load(&Fs::real(), &env, &files, Some(name.clone().into()))
        .await
        .ok();
    let found = set.as_ref().and_then(|set| set.get_profile(&name));
    Profile {
        chosen: chosen.is_some(),
        exists: found.is_some(),
        uses_sso: found.is_some_and(|p| p.get("sso_session").is_some() || p.get("sso_start_url").is_some()),
        known: set
            .as_ref()
            .map(|set| set.profiles().map(str::to_owned).collect())
            .unwrap_or_default(),
        name,
    }
}

/// Load the shared SDK configuration through the standard credential and region chain.
pub async fn load_config(options: &ConnectOptions) -> SdkConfig {
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(3))
        .operation_attempt_timeout(Duration::from_secs(10))
        .operation_timeout(Duration::from_secs(25))
        .build();
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).timeout_config(timeouts);
    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = &options.region {
        loader = loader.region(Region::new(region.clone()));
    }
    if let Some(url) = &options.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    loader.load().await
}

/// The region whose endpoint serves a global service such as AWS Budgets.
fn global_service_region(region: Option<&Region>) -> Region {
    match region.map(Region::as_ref) {
        Some(name) if name.starts_with("cn-") => Region::from_static("cn-northwest-1"),
        _ => Region::from_static("us-east-1"),
    }
}

/// Records how far AWS's clock (the `Date` header of each answer) is from ours.
#[derive(Debug, Clone, Default)]
struct ClockSkewRecorder {
    skew_seconds: Arc<Mutex<Option<i64>>>,
}

impl Intercept for ClockSkewRecorder {
    fn name(&self) -> &'static str {
        "ClockSkewRecorder"
    }

    fn read_after_transmit(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _config: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let local = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs() as i64);
        let server = context
            .response()
            .headers()
            .get("date")
            .and_then(|date| DateTime::from_str(date, DateFormat::HttpDate).ok());
        if let (Some(server), Ok(mut skew)) = (server, self.skew_seconds.lock()) {
            *skew = Some(server.secs() - local);
        }
        Ok(())
    }
}

/// An AWS account reached through the SDK.
/// A service client from the shared configuration, with the extra interceptors and
/// any per-service settings.
macro_rules! client {
    ($sdk:ident, $config:expr, $interceptors:expr) => {
        client!($sdk, $config, $interceptors, |b| b)
    };
    ($sdk:ident, $config:expr, $interceptors:expr, |$builder:ident| $settings:expr) => {{
        let mut $builder = $sdk::config::Builder::from($config);
        for interceptor in $interceptors {
            $builder.push_interceptor(interceptor.clone());
        }
        let $builder = $settings;
        $sdk::Client::from_conf($builder.build())
    }};
}

pub struct AwsAccount {
    config: SdkConfig,
    sts: aws_sdk_sts::Client,
    skew: ClockSkewRecorder,
    iam: aws_sdk_iam::Client,
    budgets: aws_sdk_budgets::Client,
    cloudtrail: aws_sdk_cloudtrail::Client,
    config_service: aws_sdk_config::Client,
    guardduty: aws_sdk_guardduty::Client,
    account: aws_sdk_account::Client,
    organizations: aws_sdk_organizations::Client,
    s3: aws_sdk_s3::Client,
    support: aws_sdk_support::Client,
    /// Extra interceptors, for clients made later (other regions).
    interceptors: Vec<SharedInterceptor>,
    /// The profile in use, when it signs in through IAM Identity Center (SSO).
    sso_profile: Option<String>,
}

impl AwsAccount {
    /// Clients for every service the checks use, sharing one configuration.
    pub fn new(config: &SdkConfig) -> AwsAccount {
        AwsAccount::with_interceptors(config, Vec::new())
    }

    /// Clients whose every call also passes through `interceptors` (the tests inject
    /// throttling and outages into real SDK calls this way).
    pub fn with_interceptors(config: &SdkConfig, interceptors: Vec<SharedInterceptor>) -> AwsAccount {
        let skew = ClockSkewRecorder::default();
        let global = global_service_region(config.region());
        AwsAccount {
            config: config.clone(),
            sts: client!(aws_sdk_sts, config, &interceptors, |b| b.interceptor(skew.clone())),
            skew,
            iam: client!(aws_sdk_iam, config, &interceptors),
            budgets: client!(aws_sdk_budgets, config, &interceptors, |b| b.region(global.clone())),
            cloudtrail: client!(aws_sdk_cloudtrail, config, &interceptors),
            config_service: client!(aws_sdk_config, config, &interceptors),
            guardduty: client!(aws_sdk_guardduty, config, &interceptors),
            account: client!(aws_sdk_account, config, &interceptors),
            organizations: client!(aws_sdk_organizations, config, &interceptors),
            // The support API answers in the partition's global region only.
            support: client!(aws_sdk_support, config, &interceptors, |b| b.region(global.clone())),
            // With a custom endpoint (an emulator, a VPC endpoint) bucket names cannot
            // become host names: address buckets by path there.
            s3: client!(aws_sdk_s3, config, &interceptors, |b| b
                .force_path_style(config.endpoint_url().is_some())),
            interceptors,
            sso_profile: None,
        }
    }

    /// Say that the credentials come from `profile`'s SSO sign-in (see [`Profile`]),
    /// so a failure to get them says how to sign in again.
    pub fn signing_in_with(mut self, profile: &Profile) -> AwsAccount {
        if profile.uses_sso {
            self.sso_profile = Some(profile.name.clone());
        }
        self
    }

    /// The region the checks run in, if the chain found one.
    pub fn current_region(&self) -> Option<&str> {
        self.config.region().map(Region::as_ref)
    }

    /// A CloudTrail client for a trail's home region (status calls must go there).
    fn cloudtrail_in(&self, region: &str) -> aws_sdk_cloudtrail::Client {
        if self.current_region() == Some(region) {
            return self.cloudtrail.clone();
        }
        let region = Region::new(region.to_owned());
        client!(aws_sdk_cloudtrail, &self.config, &self.interceptors, |b| b
            .region(region))
    }
}

mod cleanup;

const IDENTITY_ACTION: &str = "sts:GetCallerIdentity";

/// Reads the wizard makes that `status` never does, so its policy leaves them out.
#[cfg(test)]
const WIZARD_ONLY_READS: &[&str] = &[
    "iam:ListVirtualMFADevices",
    "iam:ListAccessKeys",
    "s3:ListBucket",
    "s3:GetBucketPolicy",
    "support:DescribeTrustedAdvisorChecks",
    // Cleanup's check that a journaled resource is still there (it also uses
    // iam:GetGroup and config:DescribeConfigRules, which `status` needs anyway).
    "iam:GetUser",
    "iam:GetRole",
];

/// Service error codes that mean "these credentials may not do that".
const DENIED_CODES: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "UnauthorizedAccess",
    "AuthorizationError",
];
/// Service error codes that mean the credentials themselves are no good.
const CREDENTIAL_CODES: &[&str] = &[
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "InvalidToken",
];
const THROTTLE_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "SlowDown",
];
const SUBSCRIPTION_CODES: &[&str] = &["SubscriptionRequiredException", "OptInRequired"];
const EXISTS_CODES: &[&str] = &[
    "EntityAlreadyExists",
    "DuplicateRecordException",
    "AlreadyExistsException",
    "AlreadyInOrganizationException",
];
const INPUT_CODES: &[&str] = &[
    "PasswordPolicyViolation",
    "InvalidAuthenticationCode",
    "ValidationError",
    "ValidationException",
    "InvalidParameterValue",
    "InvalidParameterException",
    "InvalidInputException",
    "MalformedPolicyDocument",
];

/// Turn an SDK error into our error, naming the IAM action that was attempted.
fn to_account_error<E>(action: &'static str, error: SdkError<E, HttpResponse>) -> AccountError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let code = error.code().unwrap_or_default().to_owned();
    let message = error.message().unwrap_or_default().to_owned();
    if let Some(credentials_error) = credentials_error(&error) {
        return match credentials_error {
            CredentialsError::CredentialsNotLoaded(_) => AccountError::NoCredentials,
            // Fetching credentials (from SSO, STS, a container) could not reach its
            // endpoint: a network problem, not a sign-in one.
            _ if sources(credentials_error)
                .filter_map(|e| e.downcast_ref::<ConnectorError>())
                .any(|e| e.is_io() || e.is_timeout()) =>
            {
                AccountError::Network {
                    action,
                    message: innermost_message(&error),
                }
            }
            _ => AccountError::Credentials {
                message: innermost_message(&error),
            },
        };
    }
    match &error {
        // Some answers carry no error code we can read (an emulator's, or a proxy's
        // page); the HTTP status still says what kind of problem it is.
        SdkError::ServiceError(service) if code.is_empty() => {
            classify_http_status(action, service.raw().status().as_u16(), message)
        }
        SdkError::ServiceError(_) => classify_service_error(action, code, message),
        SdkError::TimeoutError(_) => AccountError::Network {
            action,
            message: "the request timed out".into(),
        },
        SdkError::DispatchFailure(_) => AccountError::Network {
            action,
            message: innermost_message(&error),
        },
        _ => AccountError::Service {
            action,
            code: "ClientError".into(),
            message: innermost_message(&error),
        },
    }
}

fn classify_service_error(action: &'static str, code: String, message: String) -> AccountError {
    let code_is = |codes: &[&str]| codes.contains(&code.as_str());
    if code_is(DENIED_CODES) {
        AccountError::Denied { action }
    } else if code_is(CREDENTIAL_CODES) {
        AccountError::Credentials {
            message: if message.is_empty() { code } else { message },
        }
    } else if code_is(THROTTLE_CODES) {
        AccountError::Throttled { action }
    } else if code_is(SUBSCRIPTION_CODES) {
        AccountError::SubscriptionRequired { action }
    } else if code_is(EXISTS_CODES) {
        AccountError::AlreadyExists { action }
    } else if code_is(INPUT_CODES) {
        AccountError::InvalidInput {
            action,
            message: if message.is_empty() { code } else { message },
        }
    } else {
        AccountError::Service { action, code, message }
    }
}

fn classify_http_status(action: &'static str, status: u16, message: String) -> AccountError {
    match status {
        // GetCallerIdentity needs no permission, so a refusal there is about the
        // credentials themselves.
        401 | 403 if action == IDENTITY_ACTION => AccountError::Credentials {
            message: format!("HTTP {status}"),
        },
        401 | 403 => AccountError::Denied { action },
        429 => AccountError::Throttled { action },
        500..=599 => AccountError::Unavailable { action, status },
        _ => AccountError::Service {
            action,
            code: format!("HTTP {status}"),
            message,
        },
    }
}

fn sources<'e>(
    error: &'e (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'e (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(error), |e| e.source())
}

/// The credential provider's error, when resolving credentials is what failed.
fn credentials_error<'e>(error: &'e (dyn std::error::Error + 'static)) -> Option<&'e CredentialsError> {
    sources(error).find_map(|e| e.downcast_ref::<CredentialsError>())
}

/// The most specific message in an error chain: the one a person can act on.
fn innermost_message(error: &(dyn std::error::Error + 'static)) -> String {
    sources(error)
        .map(|e| e.to_string())
        .filter(|text| !text.is_empty())
        .last()
        .unwrap_or_else(|| "unknown error".into())
}

/// Whether the error is the service saying a thing does not exist (by its error code).
fn is_not_found<E: ProvideErrorMetadata>(error: &SdkError<E, HttpResponse>, code: &str) -> bool {
    matches!(error, SdkError::ServiceError(_)) && error.code() == Some(code)
}

#[async_trait]
impl Account for AwsAccount {
    async fn identity(&self) -> Result<Identity, AccountError> {
        let out = self.sts.get_caller_identity().send().await.map_err(|e| {
            match (to_account_error(IDENTITY_ACTION, e), &self.sso_profile) {
                // An SSO profile's credentials fail for one reason the user can fix.
                (AccountError::Credentials { .. } | AccountError::NoCredentials, Some(profile)) => {
                    AccountError::SsoSignIn {
                        profile: profile.clone(),
                    }
                }
                (error, _) => error,
            }
        })?;
        Ok(Identity {
            account_id: out.account().unwrap_or_default().to_owned(),
            principal_arn: out.arn().unwrap_or_default().to_owned(),
        })
    }

    async fn clock_skew_seconds(&self) -> Option<i64> {
        self.skew.skew_seconds.lock().ok().and_then(|skew| *skew)
    }

    async fn account_summary(&self) -> Result<AccountSummary, AccountError> {
        use aws_sdk_iam::types::SummaryKeyType;
        let out = self
            .iam
            .get_account_summary()
            .send()
            .await
            .map_err(|e| to_account_error("iam:GetAccountSummary", e))?;
        let flag = |key: SummaryKeyType| out.summary_map().and_then(|map| map.get(&key)).copied().unwrap_or(0) > 0;
        Ok(AccountSummary {
            root_mfa_enabled: flag(SummaryKeyType::AccountMfaEnabled),
            root_access_keys_present: flag(SummaryKeyType::AccountAccessKeysPresent),
        })
    }

    async fn account_alias(&self) -> Result<Option<String>, AccountError> {
        let out = self
            .iam
            .list_account_aliases()
            .send()
            .await
            .map_err(|e| to_account_error("iam:ListAccountAliases", e))?;
        Ok(out.account_aliases().first().cloned())
    }

    async fn password_policy(&self) -> Result<Option<PasswordPolicy>, AccountError> {
        let out = match self.iam.get_account_password_policy().send().await {
            Ok(out) => out,
            Err(e) if is_not_found(&e, "NoSuchEntity") => return Ok(None),
            Err(e) => return Err(to_account_error("iam:GetAccountPasswordPolicy", e)),
        };
        Ok(out.password_policy().map(|p| PasswordPolicy {
            minimum_length: p.minimum_password_length().unwrap_or(6),
            require_uppercase: p.require_uppercase_characters(),
            require_lowercase: p.require_lowercase_characters(),
            require_numbers: p.require_numbers(),
            require_symbols: p.require_symbols(),
            allow_users_to_change: p.allow_users_to_change_password(),
            reuse_prevention: p.password_reuse_prevention(),
            // Valid ages are 1 to 1095 days; some answers say 0 for "never expires".
            max_age_days: p.max_password_age().filter(|days| *days > 0),
        }))
    }

    async fn groups_with_policy(&self, policy_arn: &str) -> Result<Vec<String>, AccountError> {
        let pages: Vec<_> = self
            .iam
            .list_entities_for_policy()
            .policy_arn(policy_arn)
            .entity_filter(aws_sdk_iam::types::EntityType::Group)
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("iam:ListEntitiesForPolicy", e))?;
        Ok(pages
            .iter()
            .flat_map(|page| page.policy_groups())
            .filter_map(|group| group.group_name().map(str::to_owned))
            .collect())
    }

    async fn group_members(&self, group: &str) -> Result<Vec<String>, AccountError> {
        let users: Vec<_> = self
            .iam
            .get_group()
            .group_name(group)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("iam:GetGroup", e))?;
        Ok(users.into_iter().map(|user| user.user_name).collect())
    }

    async fn users(&self) -> Result<Vec<String>, AccountError> {
        let users: Vec<_> = self
            .iam
            .list_users()
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("iam:ListUsers", e))?;
        Ok(users.into_iter().map(|user| user.user_name).collect())
    }

    async fn has_console_password(&self, user: &str) -> Result<bool, AccountError> {
        match self.iam.get_login_profile().user_name(user).send().await {
            Ok(_) => Ok(true),
            Err(e) if is_not_found(&e, "NoSuchEntity") => Ok(false),
            Err(e) => Err(to_account_error("iam:GetLoginProfile", e)),
        }
    }

    async fn mfa_devices(&self, user: &str) -> Result<Vec<String>, AccountError> {
        let devices: Vec<_> = self
            .iam
            .list_mfa_devices()
            .user_name(user)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("iam:ListMFADevices", e))?;
        Ok(devices.into_iter().map(|device| device.serial_number).collect())
    }

    async fn cost_budgets(&self, account_id: &str) -> Result<Vec<CostBudget>, AccountError> {
        use aws_sdk_budgets::types::BudgetType;
        let budgets: Vec<_> = match self
            .budgets
            .describe_budgets()
            .account_id(account_id)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
        {
            Ok(budgets) => budgets,
            Err(e) if is_not_found(&e, "NotFoundException") => Vec::new(),
            Err(e) => return Err(to_account_error("budgets:ViewBudget", e)),
        };
        let cost_names = budgets
            .into_iter()
            .filter(|budget| budget.budget_type == BudgetType::Cost)
            .map(|budget| budget.budget_name);
        stream::iter(cost_names)
            .map(|name| self.cost_budget(account_id, name))
            .buffered(FAN_OUT)
            .try_collect()
            .await
    }

    async fn trails(&self) -> Result<Vec<Trail>, AccountError> {
        let out = self
            .cloudtrail
            .describe_trails()
            .include_shadow_trails(true)
            .send()
            .await
            .map_err(|e| to_account_error("cloudtrail:DescribeTrails", e))?;
        let current_region = self.current_region().unwrap_or_default().to_owned();
        stream::iter(out.trail_list().to_vec())
            .map(|trail| {
                let current_region = current_region.clone();
                async move {
                    let arn = trail.trail_arn().unwrap_or_default().to_owned();
                    let home_region = trail.home_region().unwrap_or(&current_region).to_owned();
                    let status = self
                        .cloudtrail_in(&home_region)
                        .get_trail_status()
                        .name(if arn.is_empty() {
                            trail.name().unwrap_or_default()
                        } else {
                            &arn
                        })
                        .send()
                        .await
                        .map_err(|e| to_account_error("cloudtrail:GetTrailStatus", e))?;
                    Ok(Trail {
                        name: trail.name().unwrap_or_default().to_owned(),
                        arn,
                        home_region,
                        multi_region: trail.is_multi_region_trail().unwrap_or(false),
                        is_logging: status.is_logging().unwrap_or(false),
                    })
                }
            })
            .buffered(FAN_OUT)
            .try_collect()
            .await
    }

    async fn config_setup(&self) -> Result<ConfigSetup, AccountError> {
        let client = &self.config_service;
        let recorders = async {
            client
                .describe_configuration_recorders()
                .send()
                .await
                .map_err(|e| to_account_error("config:DescribeConfigurationRecorders", e))
        };
        let statuses = async {
            client
                .describe_configuration_recorder_status()
                .send()
                .await
                .map_err(|e| to_account_error("config:DescribeConfigurationRecorderStatus", e))
        };
        let channels = async {
            client
                .describe_delivery_channels()
                .send()
                .await
                .map_err(|e| to_account_error("config:DescribeDeliveryChannels", e))
        };
        let rules = async {
            let rules: Result<Vec<_>, _> = client
                .describe_config_rules()
                .into_paginator()
                .items()
                .send()
                .try_collect()
                .await
                .map_err(|e| to_account_error("config:DescribeConfigRules", e));
            rules
        };
        let (recorders, statuses, channels, rules) = futures::try_join!(recorders, statuses, channels, rules)?;
        let is_recording = |name: &str| {
            statuses
                .configuration_recorders_status()
                .iter()
                .any(|status| status.name() == Some(name) && status.recording())
        };
        Ok(ConfigSetup {
            recorders: recorders
                .configuration_recorders()
                .iter()
                .map(|recorder| {
                    let name = recorder.name().unwrap_or_default().to_owned();
                    let group = recorder.recording_group();
                    ConfigRecorder {
                        recording: is_recording(&name),
                        all_supported: group.is_some_and(|g| g.all_supported()),
                        include_global_resources: group.is_some_and(|g| g.include_global_resource_types()),
                        name,
                    }
                })
                .collect(),
            delivery_channels: channels
                .delivery_channels()
                .iter()
                .filter_map(|channel| channel.name().map(str::to_owned))
                .collect(),
            managed_rules: rules
                .iter()
                .filter_map(|rule| rule.source().and_then(|source| source.source_identifier()))
                .map(str::to_owned)
                .collect(),
        })
    }

    async fn guardduty_detectors(&self) -> Result<Vec<Detector>, AccountError> {
        let ids: Vec<String> = self
            .guardduty
            .list_detectors()
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("guardduty:ListDetectors", e))?;
        stream::iter(ids)
            .map(|id| async move {
                let out = self
                    .guardduty
                    .get_detector()
                    .detector_id(&id)
                    .send()
                    .await
                    .map_err(|e| to_account_error("guardduty:GetDetector", e))?;
                let enabled = out.status() == Some(&aws_sdk_guardduty::types::DetectorStatus::Enabled);
                Ok(Detector { id, enabled })
            })
            .buffered(FAN_OUT)
            .try_collect()
            .await
    }

    async fn alternate_contact(&self, kind: ContactKind) -> Result<Option<AlternateContact>, AccountError> {
        let kind = contact_type(kind);
        let out = match self
            .account
            .get_alternate_contact()
            .alternate_contact_type(kind)
            .send()
            .await
        {
            Ok(out) => out,
            Err(e) if is_not_found(&e, "ResourceNotFoundException") => return Ok(None),
            Err(e) => return Err(to_account_error("account:GetAlternateContact", e)),
        };
        Ok(out.alternate_contact().map(|contact| AlternateContact {
            name: contact.name().unwrap_or_default().to_owned(),
            title: contact.title().unwrap_or_default().to_owned(),
            email: contact.email_address().unwrap_or_default().to_owned(),
            phone: contact.phone_number().unwrap_or_default().to_owned(),
        }))
    }

    async fn organization(&self) -> Result<Option<Organization>, AccountError> {
        let out = match self.organizations.describe_organization().send().await {
            Ok(out) => out,
            Err(e) if is_not_found(&e, "AWSOrganizationsNotInUseException") => return Ok(None),
            Err(e) => return Err(to_account_error("organizations:DescribeOrganization", e)),
        };
        Ok(out.organization().map(|org| Organization {
            id: org.id().unwrap_or_default().to_owned(),
            management_account_id: org.master_account_id().unwrap_or_default().to_owned(),
        }))
    }
    async fn create_account_alias(&self, alias: &str) -> Result<(), AccountError> {
        self.iam
            .create_account_alias()
            .account_alias(alias)
            .send()
            .await
            .map_err(|e| to_account_error("iam:CreateAccountAlias", e))?;
        Ok(())
    }

    async fn update_password_policy(&self, policy: &PasswordPolicy) -> Result<(), AccountError> {
        self.iam
            .update_account_password_policy()
            .minimum_password_length(policy.minimum_length)
            .require_uppercase_characters(policy.require_uppercase)
            .require_lowercase_characters(policy.require_lowercase)
            .require_numbers(policy.require_numbers)
            .require_symbols(policy.require_symbols)
            .allow_users_to_change_password(policy.allow_users_to_change)
            .set_password_reuse_prevention(policy.reuse_prevention)
            .set_max_password_age(policy.max_age_days)
            .send()
            .await
            .map_err(|e| to_account_error("iam:UpdateAccountPasswordPolicy", e))?;
        Ok(())
    }

    async fn create_group(&self, group: &str) -> Result<(), AccountError> {
        self.iam
            .create_group()
            .group_name(group)
            .send()
            .await
            .map_err(|e| to_account_error("iam:CreateGroup", e))?;
        Ok(())
    }

    async fn attach_group_policy(&self, group: &str, policy_arn: &str) -> Result<(), AccountError> {
        self.iam
            .attach_group_policy()
            .group_name(group)
            .policy_arn(policy_arn)
            .send()
            .await
            .map_err(|e| to_account_error("iam:AttachGroupPolicy", e))?;
        Ok(())
    }

    async fn create_user(&self, user: &str) -> Result<(), AccountError> {
        self.iam
            .create_user()
            .user_name(user)
            .send()
            .await
            .map_err(|e| to_account_error("iam:CreateUser", e))?;
        Ok(())
    }

    async fn create_login_profile(
        &self,
        user: &str,
        password: &Password,
        reset_required: bool,
    ) -> Result<(), AccountError> {
        // The SDK marks the password sensitive: its Debug output redacts it.
        self.iam
            .create_login_profile()
            .user_name(user)
            .password(password.expose())
            .password_reset_required(reset_required)
            .send()
            .await
            .map_err(|e| to_account_error("iam:CreateLoginProfile", e))?;
        Ok(())
    }

    async fn add_user_to_group(&self, user: &str, group: &str) -> Result<(), AccountError> {
        self.iam
            .add_user_to_group()
            .user_name(user)
            .group_name(group)
            .send()
            .await
            .map_err(|e| to_account_error("iam:AddUserToGroup", e))?;
        Ok(())
    }

    async fn create_virtual_mfa(&self, device_name: &str) -> Result<NewVirtualMfa, AccountError> {
        let out = self
            .iam
            .create_virtual_mfa_device()
            .virtual_mfa_device_name(device_name)
            .send()
            .await
            .map_err(|e| to_account_error("iam:CreateVirtualMFADevice", e))?;
        let device = out.virtual_mfa_device();
        let serial_number = device.map(|d| d.serial_number().to_owned()).unwrap_or_default();
        let seed = device
            .and_then(|d| d.base32_string_seed())
            .and_then(|blob| std::str::from_utf8(blob.as_ref()).ok())
            .map(MfaSeed::from_base32);
        match seed {
            Some(seed) if !serial_number.is_empty() => Ok(NewVirtualMfa { serial_number, seed }),
            _ => Err(AccountError::Service {
                action: "iam:CreateVirtualMFADevice",
                code: "IncompleteResponse".into(),
                message: "the answer had no serial number or seed".into(),
            }),
        }
    }

    async fn enable_mfa_device(
        &self,
        user: &str,
        serial_number: &str,
        code1: &str,
        code2: &str,
    ) -> Result<(), AccountError> {
        self.iam
            .enable_mfa_device()
            .user_name(user)
            .serial_number(serial_number)
            .authentication_code1(code1)
            .authentication_code2(code2)
            .send()
            .await
            .map_err(|e| to_account_error("iam:EnableMFADevice", e))?;
        Ok(())
    }

    async fn delete_virtual_mfa(&self, serial_number: &str) -> Result<(), AccountError> {
        self.iam
            .delete_virtual_mfa_device()
            .serial_number(serial_number)
            .send()
            .await
            .map_err(|e| to_account_error("iam:DeleteVirtualMFADevice", e))?;
        Ok(())
    }

    async fn create_cost_budget(&self, account_id: &str, plan: &BudgetPlan) -> Result<(), AccountError> {
        use aws_sdk_budgets::types::{Budget, BudgetType, Spend, TimeUnit};
        let action = "budgets:ModifyBudget";
        let spend = Spend::builder()
            .amount(&plan.amount_usd)
            .unit("USD")
            .build()
            .map_err(|e| build_error(action, e))?;
        let budget = Budget::builder()
            .budget_name(&plan.name)
            .budget_limit(spend)
            .time_unit(TimeUnit::Monthly)
            .budget_type(BudgetType::Cost)
            .build()
            .map_err(|e| build_error(action, e))?;
        self.budgets
            .create_budget()
            .account_id(account_id)
            .budget(budget)
            .notifications_with_subscribers(budget_alert(&plan.alert)?)
            .send()
            .await
            .map_err(|e| to_account_error(action, e))?;
        Ok(())
    }

    async fn add_budget_alert(&self, account_id: &str, budget: &str, alert: &BudgetAlert) -> Result<(), AccountError> {
        let alert = budget_alert(alert)?;
        self.budgets
            .create_notification()
            .account_id(account_id)
            .budget_name(budget)
            .set_notification(alert.notification)
            .set_subscribers(Some(alert.subscribers))
            .send()
            .await
            .map_err(|e| to_account_error("budgets:ModifyBudget", e))?;
        Ok(())
    }

    async fn create_detector(&self) -> Result<String, AccountError> {
        let out = self
            .guardduty
            .create_detector()
            .enable(true)
            .send()
            .await
            .map_err(|e| to_account_error("guardduty:CreateDetector", e))?;
        Ok(out.detector_id().unwrap_or_default().to_owned())
    }

    async fn enable_detector(&self, id: &str) -> Result<(), AccountError> {
        self.guardduty
            .update_detector()
            .detector_id(id)
            .enable(true)
            .send()
            .await
            .map_err(|e| to_account_error("guardduty:UpdateDetector", e))?;
        Ok(())
    }

    async fn put_alternate_contact(&self, kind: ContactKind, contact: &AlternateContact) -> Result<(), AccountError> {
        self.account
            .put_alternate_contact()
            .alternate_contact_type(contact_type(kind))
            .name(&contact.name)
            .title(&contact.title)
            .email_address(&contact.email)
            .phone_number(&contact.phone)
            .send()
            .await
            .map_err(|e| to_account_error("account:PutAlternateContact", e))?;
        Ok(())
    }

    async fn create_organization(&self) -> Result<Organization, AccountError> {
        let out = self
            .organizations
            .create_organization()
            .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
            .send()
            .await
            .map_err(|e| to_account_error("organizations:CreateOrganization", e))?;
        Ok(out
            .organization()
            .map(|org| Organization {
                id: org.id().unwrap_or_default().to_owned(),
                management_account_id: org.master_account_id().unwrap_or_default().to_owned(),
            })
            .unwrap_or(Organization {
                id: String::new(),
                management_account_id: String::new(),
            }))
    }

    fn region(&self) -> String {
        self.config.region().map(|r| r.to_string()).unwrap_or_default()
    }

    async fn trusted_advisor_security_checks(&self, language: &str) -> Result<Vec<AdvisorCheck>, AccountError> {
        let out = self
            .support
            .describe_trusted_advisor_checks()
            .language(language)
            .send()
            .await
            .map_err(|e| to_account_error("support:DescribeTrustedAdvisorChecks", e))?;
        let security: Vec<_> = out
            .checks()
            .iter()
            .filter(|check| check.category().eq_ignore_ascii_case("security"))
            .collect();
        let ids: Vec<Option<String>> = security.iter().map(|check| Some(check.id().to_owned())).collect();
        // The results are a second call; without them the names alone still guide.
        let statuses: std::collections::HashMap<String, String> = match self
            .support
            .describe_trusted_advisor_check_summaries()
            .set_check_ids(Some(ids))
            .send()
            .await
        {
            Ok(summaries) => summaries
                .summaries()
                .iter()
                .map(|s| (s.check_id().to_owned(), s.status().to_owned()))
                .collect(),
            Err(_) => std::collections::HashMap::new(),
        };
        Ok(security
            .into_iter()
            .map(|check| AdvisorCheck {
                name: check.name().to_owned(),
                status: statuses.get(check.id()).cloned(),
            })
            .collect())
    }

    async fn still_exists(&self, account_id: &str, resource: &Resource) -> Result<bool, AccountError> {
        self.resource_exists(account_id, resource).await
    }

    async fn remove(&self, account_id: &str, resource: &Resource) -> Result<(), AccountError> {
        self.remove_resource(account_id, resource).await
    }

    async fn bucket_exists(&self, bucket: &str) -> Result<bool, AccountError> {
        match self.s3.head_bucket().bucket(bucket).send().await {
            Ok(_) => Ok(true),
            Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 404) => Ok(false),
            Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 403) => {
                Err(AccountError::AlreadyExists {
                    action: "s3:CreateBucket",
                })
            }
            Err(e) => Err(to_account_error("s3:ListBucket", e)),
        }
    }

    async fn create_bucket(&self, bucket: &str) -> Result<(), AccountError> {
        use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
        let mut request = self.s3.create_bucket().bucket(bucket);
        // us-east-1 is the default location and must not be named.
        let region = self.current_region().unwrap_or("us-east-1");
        if region != "us-east-1" {
            request = request.create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::from(region))
                    .build(),
            );
        }
        request
            .send()
            .await
            .map_err(|e| to_account_error("s3:CreateBucket", e))?;
        Ok(())
    }

    async fn block_public_access(&self, bucket: &str) -> Result<(), AccountError> {
        let block = aws_sdk_s3::types::PublicAccessBlockConfiguration::builder()
            .block_public_acls(true)
            .ignore_public_acls(true)
            .block_public_policy(true)
            .restrict_public_buckets(true)
            .build();
        self.s3
            .put_public_access_block()
            .bucket(bucket)
            .public_access_block_configuration(block)
            .send()
            .await
            .map_err(|e| to_account_error("s3:PutBucketPublicAccessBlock", e))?;
        Ok(())
    }

    async fn bucket_policy(&self, bucket: &str) -> Result<Option<String>, AccountError> {
        match self.s3.get_bucket_policy().bucket(bucket).send().await {
            Ok(out) => Ok(out.policy),
            Err(e) if is_not_found(&e, "NoSuchBucketPolicy") => Ok(None),
            Err(e) => Err(to_account_error("s3:GetBucketPolicy", e)),
        }
    }

    async fn put_bucket_policy(&self, bucket: &str, policy: &str) -> Result<(), AccountError> {
        self.s3
            .put_bucket_policy()
            .bucket(bucket)
            .policy(policy)
            .send()
            .await
            .map_err(|e| to_account_error("s3:PutBucketPolicy", e))?;
        Ok(())
    }

    async fn expire_objects_after(&self, bucket: &str, days: i32) -> Result<(), AccountError> {
        use aws_sdk_s3::types::{
            BucketLifecycleConfiguration, ExpirationStatus, LifecycleExpiration, LifecycleRule, LifecycleRuleFilter,
        };
        let action = "s3:PutLifecycleConfiguration";
        let rule = LifecycleRule::builder()
            .id("aws-day-one-expire-logs")
            .status(ExpirationStatus::Enabled)
            .filter(LifecycleRuleFilter::builder().prefix("").build())
            .expiration(LifecycleExpiration::builder().days(days).build())
            .build()
            .map_err(|e| build_error(action, e))?;
        let lifecycle = BucketLifecycleConfiguration::builder()
            .rules(rule)
            .build()
            .map_err(|e| build_error(action, e))?;
        self.s3
            .put_bucket_lifecycle_configuration()
            .bucket(bucket)
            .lifecycle_configuration(lifecycle)
            .send()
            .await
            .map_err(|e| to_account_error(action, e))?;
        Ok(())
    }

    async fn create_trail(&self, name: &str, bucket: &str) -> Result<Trail, AccountError> {
        let out = self
            .cloudtrail
            .create_trail()
            .name(name)
            .s3_bucket_name(bucket)
            .is_multi_region_trail(true)
            .include_global_service_events(true)
            .enable_log_file_validation(true)
            .send()
            .await
            .map_err(|e| to_account_error("cloudtrail:CreateTrail", e))?;
        Ok(Trail {
            name: out.name().unwrap_or(name).to_owned(),
            arn: out.trail_arn().unwrap_or_default().to_owned(),
            home_region: self.region(),
            multi_region: out.is_multi_region_trail().unwrap_or(true),
            is_logging: false,
        })
    }

    async fn make_trail_multi_region(&self, trail: &Trail) -> Result<(), AccountError> {
        self.cloudtrail_in(&trail.home_region)
            .update_trail()
            .name(trail_id(trail))
            .is_multi_region_trail(true)
            .include_global_service_events(true)
            .send()
            .await
            .map_err(|e| to_account_error("cloudtrail:UpdateTrail", e))?;
        Ok(())
    }

    async fn start_logging(&self, trail: &Trail) -> Result<(), AccountError> {
        self.cloudtrail_in(&trail.home_region)
            .start_logging()
            .name(trail_id(trail))
            .send()
            .await
            .map_err(|e| to_account_error("cloudtrail:StartLogging", e))?;
        Ok(())
    }

    async fn create_config_role(&self) -> Result<String, AccountError> {
        match self
            .iam
            .create_service_linked_role()
            .aws_service_name("config.amazonaws.com")
            .send()
            .await
        {
            Ok(out) => Ok(out.role().map(|role| role.arn().to_owned()).unwrap_or_default()),
            // IAM says "has been taken in this account" as InvalidInput.
            Err(e) if is_not_found(&e, "InvalidInput") => Err(AccountError::AlreadyExists {
                action: "iam:CreateServiceLinkedRole",
            }),
            Err(e) => Err(to_account_error("iam:CreateServiceLinkedRole", e)),
        }
    }

    async fn put_config_recorder(&self, name: &str, role_arn: &str) -> Result<(), AccountError> {
        use aws_sdk_config::types::{ConfigurationRecorder, RecordingGroup};
        let recorder = ConfigurationRecorder::builder()
            .name(name)
            .role_arn(role_arn)
            .recording_group(
                RecordingGroup::builder()
                    .all_supported(true)
                    .include_global_resource_types(true)
                    .build(),
            )
            .build();
        self.config_service
            .put_configuration_recorder()
            .configuration_recorder(recorder)
            .send()
            .await
            .map_err(|e| to_account_error("config:PutConfigurationRecorder", e))?;
        Ok(())
    }

    async fn put_delivery_channel(&self, name: &str, bucket: &str, prefix: &str) -> Result<(), AccountError> {
        let channel = aws_sdk_config::types::DeliveryChannel::builder()
            .name(name)
            .s3_bucket_name(bucket)
            .s3_key_prefix(prefix)
            .build();
        self.config_service
            .put_delivery_channel()
            .delivery_channel(channel)
            .send()
            .await
            .map_err(|e| to_account_error("config:PutDeliveryChannel", e))?;
        Ok(())
    }

    async fn start_config_recorder(&self, name: &str) -> Result<(), AccountError> {
        self.config_service
            .start_configuration_recorder()
            .configuration_recorder_name(name)
            .send()
            .await
            .map_err(|e| to_account_error("config:StartConfigurationRecorder", e))?;
        Ok(())
    }

    async fn put_managed_rule(
        &self,
        rule_name: &str,
        source_identifier: &str,
        periodic: bool,
    ) -> Result<(), AccountError> {
        use aws_sdk_config::types::{ConfigRule, MaximumExecutionFrequency, Owner, Source};
        let action = "config:PutConfigRule";
        let source = Source::builder()
            .owner(Owner::Aws)
            .source_identifier(source_identifier)
            .build()
            .map_err(|e| build_error(action, e))?;
        let mut rule = ConfigRule::builder().config_rule_name(rule_name).source(source);
        if periodic {
            rule = rule.maximum_execution_frequency(MaximumExecutionFrequency::TwentyFourHours);
        }
        let rule = rule.build();
        self.config_service
            .put_config_rule()
            .config_rule(rule)
            .send()
            .await
            .map_err(|e| to_account_error(action, e))?;
        Ok(())
    }

    async fn access_key_in_use(&self) -> Option<String> {
        use aws_credential_types::provider::ProvideCredentials;
        let provider = self.config.credentials_provider()?;
        let credentials = provider.provide_credentials().await.ok()?;
        Some(credentials.access_key_id().to_owned())
    }

    async fn own_access_keys(&self) -> Result<Vec<String>, AccountError> {
        // No user name: IAM answers for the caller, which is how the root user's own
        // keys are listed.
        let keys: Vec<_> = self
            .iam
            .list_access_keys()
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("iam:ListAccessKeys", e))?;
        Ok(keys.into_iter().filter_map(|key| key.access_key_id).collect())
    }

    async fn delete_own_access_key(&self, access_key_id: &str) -> Result<(), AccountError> {
        self.iam
            .delete_access_key()
            .access_key_id(access_key_id)
            .send()
            .await
            .map_err(|e| to_account_error("iam:DeleteAccessKey", e))?;
        Ok(())
    }

    async fn unassigned_virtual_mfas(&self) -> Result<Vec<String>, AccountError> {
        let devices: Vec<_> = self
            .iam
            .list_virtual_mfa_devices()
            .assignment_status(aws_sdk_iam::types::AssignmentStatusType::Unassigned)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("iam:ListVirtualMFADevices", e))?;
        Ok(devices.into_iter().map(|device| device.serial_number).collect())
    }
}

/// How CloudTrail calls name a trail: its ARN when known (it works from any region).
fn trail_id(trail: &Trail) -> &str {
    if trail.arn.is_empty() { &trail.name } else { &trail.arn }
}

fn contact_type(kind: ContactKind) -> aws_sdk_account::types::AlternateContactType {
    use aws_sdk_account::types::AlternateContactType;
    match kind {
        ContactKind::Billing => AlternateContactType::Billing,
        ContactKind::Operations => AlternateContactType::Operations,
        ContactKind::Security => AlternateContactType::Security,
    }
}

/// A request the SDK would not build (a required field missing): our bug, named.
fn build_error(action: &'static str, error: aws_smithy_types::error::operation::BuildError) -> AccountError {
    AccountError::InvalidInput {
        action,
        message: error.to_string(),
    }
}

/// An alert's trigger: spend (`ACTUAL` or `FORECASTED`) above `threshold` percent.
fn budget_notification(kind: &str, threshold: f64) -> Result<aws_sdk_budgets::types::Notification, AccountError> {
    use aws_sdk_budgets::types::{ComparisonOperator, Notification, NotificationType, ThresholdType};
    Notification::builder()
        .notification_type(NotificationType::from(kind))
        .comparison_operator(ComparisonOperator::GreaterThan)
        .threshold(threshold)
        .threshold_type(ThresholdType::Percentage)
        .build()
        .map_err(|e| build_error("budgets:ModifyBudget", e))
}

/// One alert with its email subscribers, as Budgets takes it.
fn budget_alert(alert: &BudgetAlert) -> Result<aws_sdk_budgets::types::NotificationWithSubscribers, AccountError> {
    use aws_sdk_budgets::types::{NotificationWithSubscribers, Subscriber, SubscriptionType};
    let action = "budgets:ModifyBudget";
    let notification = budget_notification(&alert.kind, alert.threshold)?;
    let subscribers = alert
        .emails
        .iter()
        .map(|email| {
            Subscriber::builder()
                .subscription_type(SubscriptionType::Email)
                .address(email)
                .build()
                .map_err(|e| build_error(action, e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    NotificationWithSubscribers::builder()
        .notification(notification)
        .set_subscribers(Some(subscribers))
        .build()
        .map_err(|e| build_error(action, e))
}

impl AwsAccount {
    /// One budget's alerts. AWS Budgets keeps no notification without a subscriber
    /// (deleting the last subscriber deletes the notification), so every alert listed
    /// here reaches someone.
    async fn cost_budget(&self, account_id: &str, name: String) -> Result<CostBudget, AccountError> {
        let notifications: Vec<_> = self
            .budgets
            .describe_notifications_for_budget()
            .account_id(account_id)
            .budget_name(&name)
            .into_paginator()
            .items()
            .send()
            .try_collect()
            .await
            .map_err(|e| to_account_error("budgets:ViewBudget", e))?;
        let notifications = notifications
            .into_iter()
            .map(|notification| BudgetNotification {
                kind: notification.notification_type.as_str().to_owned(),
                threshold: notification.threshold,
            })
            .collect();
        Ok(CostBudget { name, notifications })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_are_asked_in_the_partitions_global_region() {
        assert_eq!(
            global_service_region(Some(&Region::from_static("ap-northeast-1"))).as_ref(),
            "us-east-1"
        );
        assert_eq!(global_service_region(None).as_ref(), "us-east-1");
        assert_eq!(
            global_service_region(Some(&Region::from_static("cn-north-1"))).as_ref(),
            "cn-northwest-1"
        );
    }

    /// Every action this module calls, read from its source: the `action` argument of
    /// each `to_account_error` call.
    fn actions_called() -> std::collections::BTreeSet<String> {
        let source = include_str!("aws.rs");
        source
            .split("to_account_error(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_status_policy_allows_exactly_the_read_actions_the_checks_call() {
        let policy: serde_json::Value =
            serde_json::from_str(include_str!("../../assets/status-policy.json")).expect("valid JSON");
        let allowed: std::collections::BTreeSet<String> = policy["Statement"][0]["Action"]
            .as_array()
            .expect("an action list")
            .iter()
            .map(|action| action.as_str().expect("action name").to_owned())
            .collect();
        let reads_only = |action: &String| {
            let verb = action.split(':').nth(1).unwrap_or_default();
            ["Get", "List", "Describe", "View"]
                .iter()
                .any(|prefix| verb.starts_with(prefix))
        };
        let called: std::collections::BTreeSet<String> = actions_called()
            .into_iter()
            .filter(reads_only)
            // Used by the wizard's steps, not by `status`.
            .filter(|action| !WIZARD_ONLY_READS.contains(&action.as_str()))
            .collect();
        assert!(called.len() >= 19, "found only {called:?}");
        // GetCallerIdentity needs no permission, so the policy leaves it out.
        assert!(!called.contains(IDENTITY_ACTION));
        assert_eq!(allowed, called);
    }

    /// Every action named in the AWS implementation (cleanup's included), each quoted
    /// `service:Action` outside the tests.
    fn actions_named() -> std::collections::BTreeSet<String> {
        let code = [include_str!("aws.rs"), include_str!("aws/cleanup.rs")]
            .map(|source| source.split("\nmod tests {").next().unwrap_or_default().to_owned())
            .join("\n");
        code.split('"')
            .skip(1)
            .step_by(2)
            .filter(|quoted| {
                quoted.split_once(':').is_some_and(|(service, action)| {
                    !service.is_empty()
                        && service
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        && action.starts_with(|c: char| c.is_ascii_uppercase())
                        && action.chars().all(|c| c.is_ascii_alphanumeric())
                })
            })
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_setup_policy_allows_every_action_the_tool_calls() {
        let policy: serde_json::Value =
            serde_json::from_str(include_str!("../../assets/setup-policy.json")).expect("valid JSON");
        let mut allowed = std::collections::BTreeSet::new();
        for statement in policy["Statement"].as_array().expect("statements") {
            for action in statement["Action"].as_array().expect("an action list") {
                allowed.insert(action.as_str().expect("action name").to_owned());
            }
        }
        let mut needed = actions_named();
        assert!(needed.len() >= 70, "found only {needed:?}");
        needed.remove(IDENTITY_ACTION);
        // PutConfigurationRecorder hands AWS Config its role.
        needed.insert("iam:PassRole".to_owned());
        assert_eq!(allowed, needed);
    }

    #[test]
    fn unreadable_refusals_are_classified_by_http_status() {
        assert_eq!(
            classify_http_status("iam:ListUsers", 403, String::new()),
            AccountError::Denied {
                action: "iam:ListUsers"
            }
        );
        assert!(matches!(
            classify_http_status(IDENTITY_ACTION, 403, String::new()),
            AccountError::Credentials { .. }
        ));
        assert!(matches!(
            classify_http_status("iam:ListUsers", 503, String::new()),
            AccountError::Unavailable {
                action: "iam:ListUsers",
                status: 503
            }
        ));
        assert!(matches!(
            classify_http_status("iam:ListUsers", 418, String::new()),
            AccountError::Service { code, .. } if code == "HTTP 418"
        ));
    }

    #[test]
    fn service_codes_map_to_our_errors() {
        let denied = classify_service_error("iam:ListUsers", "AccessDenied".into(), "no".into());
        assert_eq!(
            denied,
            AccountError::Denied {
                action: "iam:ListUsers"
            }
        );
        let expired = classify_service_error("sts:GetCallerIdentity", "ExpiredToken".into(), "old".into());
        assert_eq!(expired, AccountError::Credentials { message: "old".into() });
        let throttled = classify_service_error("iam:ListUsers", "Throttling".into(), String::new());
        assert_eq!(
            throttled,
            AccountError::Throttled {
                action: "iam:ListUsers"
            }
        );
        let plan = classify_service_error(
            "support:DescribeTrustedAdvisorChecks",
            "SubscriptionRequiredException".into(),
            String::new(),
        );
        assert_eq!(
            plan,
            AccountError::SubscriptionRequired {
                action: "support:DescribeTrustedAdvisorChecks"
            }
        );
        let other = classify_service_error("iam:ListUsers", "ServiceFailure".into(), "boom".into());
        assert!(matches!(other, AccountError::Service { code, .. } if code == "ServiceFailure"));
    }
}
