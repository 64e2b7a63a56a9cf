//! Put an emulated account into a given state through the real AWS SDK, the same way
//! a person would with the AWS CLI.

use super::moto::ACCOUNT_ID;
use aws_config::SdkConfig;

pub const ADMIN_POLICY: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

pub async fn alias(config: &SdkConfig, alias: &str) {
    let iam = aws_sdk_iam::Client::new(config);
    iam.create_account_alias()
        .account_alias(alias)
        .send()
        .await
        .expect("create alias");
}

pub async fn password_policy(config: &SdkConfig, min_length: i32, all_classes: bool) {
    let iam = aws_sdk_iam::Client::new(config);
    iam.update_account_password_policy()
        .minimum_password_length(min_length)
        .require_uppercase_characters(all_classes)
        .require_lowercase_characters(all_classes)
        .require_numbers(all_classes)
        .require_symbols(all_classes)
        .send()
        .await
        .expect("set password policy");
}

pub async fn group(config: &SdkConfig, name: &str, admin: bool) {
    let iam = aws_sdk_iam::Client::new(config);
    iam.create_group().group_name(name).send().await.expect("create group");
    if admin {
        iam.attach_group_policy()
            .group_name(name)
            .policy_arn(ADMIN_POLICY)
            .send()
            .await
            .expect("attach policy");
    }
}

/// A user, with a console password when `console`, in `group` when given.
pub async fn user(config: &SdkConfig, name: &str, console: bool, group: Option<&str>) {
    let iam = aws_sdk_iam::Client::new(config);
    iam.create_user().user_name(name).send().await.expect("create user");
    if console {
        iam.create_login_profile()
            .user_name(name)
            .password("Example-Passw0rd-For-Tests!")
            .send()
            .await
            .expect("create login profile");
    }
    if let Some(group) = group {
        iam.add_user_to_group()
            .user_name(name)
            .group_name(group)
            .send()
            .await
            .expect("add to group");
    }
}

/// A virtual MFA device enabled for the user (moto accepts any codes).
pub async fn mfa(config: &SdkConfig, user: &str) {
    let iam = aws_sdk_iam::Client::new(config);
    let device = iam
        .create_virtual_mfa_device()
        .virtual_mfa_device_name(user)
        .send()
        .await
        .expect("create virtual MFA device");
    let serial = device
        .virtual_mfa_device()
        .map(|d| d.serial_number().to_owned())
        .expect("serial number");
    iam.enable_mfa_device()
        .user_name(user)
        .serial_number(serial)
        .authentication_code1("123456")
        .authentication_code2("654321")
        .send()
        .await
        .expect("enable MFA");
}

/// A monthly COST budget, with an 80 % email alert when `alert`.
pub async fn budget(config: &SdkConfig, name: &str, alert: bool) {
    use aws_sdk_budgets::types::{
        Budget, BudgetType, ComparisonOperator, Notification, NotificationType, NotificationWithSubscribers, Spend,
        Subscriber, SubscriptionType, ThresholdType, TimeUnit,
    };
    let budgets = aws_sdk_budgets::Client::new(config);
    let budget = Budget::builder()
        .budget_name(name)
        .budget_limit(Spend::builder().amount("10").unit("USD").build().expect("spend"))
        .time_unit(TimeUnit::Monthly)
        .budget_type(BudgetType::Cost)
        .build()
        .expect("budget");
    let mut request = budgets.create_budget().account_id(ACCOUNT_ID).budget(budget);
    if alert {
        let notification = Notification::builder()
            .notification_type(NotificationType::Actual)
            .comparison_operator(ComparisonOperator::GreaterThan)
            .threshold(80.0)
            .threshold_type(ThresholdType::Percentage)
            .build()
            .expect("notification");
        let subscriber = Subscriber::builder()
            .subscription_type(SubscriptionType::Email)
            .address("alerts@example.com")
            .build()
            .expect("subscriber");
        request = request.notifications_with_subscribers(
            NotificationWithSubscribers::builder()
                .notification(notification)
                .subscribers(subscriber)
                .build()
                .expect("notification with subscribers"),
        );
    }
    request.send().await.expect("create budget");
}

pub async fn bucket(config: &SdkConfig, name: &str) {
    let s3 = aws_sdk_s3::Client::new(config);
    s3.create_bucket().bucket(name).send().await.expect("create bucket");
}

pub async fn trail(config: &SdkConfig, name: &str, multi_region: bool, logging: bool) {
    let bucket_name = format!("{name}-logs-{ACCOUNT_ID}");
    bucket(config, &bucket_name).await;
    let cloudtrail = aws_sdk_cloudtrail::Client::new(config);
    cloudtrail
        .create_trail()
        .name(name)
        .s3_bucket_name(bucket_name)
        .is_multi_region_trail(multi_region)
        .send()
        .await
        .expect("create trail");
    if logging {
        cloudtrail
            .start_logging()
            .name(name)
            .send()
            .await
            .expect("start logging");
    }
}

pub async fn config_recorder(
    config: &SdkConfig,
    all_supported: bool,
    include_global: bool,
    recording: bool,
    channel: bool,
) {
    use aws_sdk_config::types::{ConfigurationRecorder, DeliveryChannel, RecordingGroup};
    let service = aws_sdk_config::Client::new(config);
    let group = RecordingGroup::builder()
        .all_supported(all_supported)
        .include_global_resource_types(include_global)
        .set_resource_types((!all_supported).then(|| vec![aws_sdk_config::types::ResourceType::Bucket]))
        .build();
    service
        .put_configuration_recorder()
        .configuration_recorder(
            ConfigurationRecorder::builder()
                .name("default")
                .role_arn(format!(
                    "arn:aws:iam::{ACCOUNT_ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
                ))
                .recording_group(group)
                .build(),
        )
        .send()
        .await
        .expect("put configuration recorder");
    if channel {
        let bucket_name = format!("config-bucket-{ACCOUNT_ID}");
        bucket(config, &bucket_name).await;
        service
            .put_delivery_channel()
            .delivery_channel(
                DeliveryChannel::builder()
                    .name("default")
                    .s3_bucket_name(bucket_name)
                    .build(),
            )
            .send()
            .await
            .expect("put delivery channel");
    }
    if recording {
        service
            .start_configuration_recorder()
            .configuration_recorder_name("default")
            .send()
            .await
            .expect("start recorder");
    }
}

pub async fn config_rule(config: &SdkConfig, name: &str, source_identifier: &str) {
    use aws_sdk_config::types::{ConfigRule, Owner, Source};
    let service = aws_sdk_config::Client::new(config);
    service
        .put_config_rule()
        .config_rule(
            ConfigRule::builder()
                .config_rule_name(name)
                .source(
                    Source::builder()
                        .owner(Owner::Aws)
                        .source_identifier(source_identifier)
                        .build()
                        .expect("source"),
                )
                .build(),
        )
        .send()
        .await
        .expect("put config rule");
}

pub async fn guardduty(config: &SdkConfig, enabled: bool) {
    let guardduty = aws_sdk_guardduty::Client::new(config);
    guardduty
        .create_detector()
        .enable(enabled)
        .send()
        .await
        .expect("create detector");
}

pub async fn security_contact(config: &SdkConfig, email: &str) {
    use aws_sdk_account::types::AlternateContactType;
    let account = aws_sdk_account::Client::new(config);
    account
        .put_alternate_contact()
        .alternate_contact_type(AlternateContactType::Security)
        .name("Security Team")
        .title("CISO")
        .email_address(email)
        .phone_number("+81-3-0000-0000")
        .send()
        .await
        .expect("put alternate contact");
}

pub async fn organization(config: &SdkConfig) {
    let organizations = aws_sdk_organizations::Client::new(config);
    organizations
        .create_organization()
        .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
        .send()
        .await
        .expect("create organization");
}

/// A user who may do everything except `denied_action`, with an access key the app can use.
pub async fn user_denied(config: &SdkConfig, name: &str, denied_action: &str) -> (String, String) {
    let iam = aws_sdk_iam::Client::new(config);
    iam.create_user().user_name(name).send().await.expect("create user");
    let policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"*","Resource":"*"}},{{"Effect":"Deny","Action":"{denied_action}","Resource":"*"}}]}}"#
    );
    iam.put_user_policy()
        .user_name(name)
        .policy_name("all-but-one")
        .policy_document(policy)
        .send()
        .await
        .expect("put user policy");
    let key = iam
        .create_access_key()
        .user_name(name)
        .send()
        .await
        .expect("create access key");
    let key = key.access_key().expect("access key");
    (key.access_key_id().to_owned(), key.secret_access_key().to_owned())
}

/// A plain user with `count` access keys (id and secret of each).
pub async fn user_with_access_keys(config: &SdkConfig, name: &str, count: usize) -> Vec<(String, String)> {
    let iam = aws_sdk_iam::Client::new(config);
    iam.create_user().user_name(name).send().await.expect("create user");
    let mut keys = Vec::new();
    for _ in 0..count {
        let created = iam
            .create_access_key()
            .user_name(name)
            .send()
            .await
            .expect("create access key");
        let key = created.access_key().expect("access key");
        keys.push((key.access_key_id().to_owned(), key.secret_access_key().to_owned()));
    }
    keys
}
