//! The fixes against partial states a real account can be in, seeded into moto through
//! the SDK: each is repaired in place, never duplicated, and the journal names only
//! what the fix itself made.

mod support;

use aws_day_one::account::aws::AwsAccount;
use aws_day_one::account::{Account, BudgetAlert, BudgetPlan};
use aws_day_one::journal::{Journal, Resource};
use aws_day_one::steps::fix::{self, BudgetOutcome};
use support::moto::{ACCOUNT_ID, Moto};
use support::seed;

fn plan(name: &str) -> BudgetPlan {
    BudgetPlan {
        name: name.into(),
        amount_usd: "25.50".into(),
        alert: BudgetAlert {
            kind: "FORECASTED".into(),
            threshold: 100.0,
            emails: vec!["billing@example.com".into(), "ops@example.com".into()],
        },
    }
}

fn journaled(journal: &Journal) -> Vec<Resource> {
    journal.entries().into_iter().map(|entry| entry.resource).collect()
}

#[tokio::test]
async fn a_disabled_detector_is_enabled_not_doubled() {
    let moto = Moto::start();
    seed::guardduty(&moto.sdk_config(), false).await;
    let account = AwsAccount::new(&moto.sdk_config());
    let journal = Journal::in_memory();
    fix::guardduty(&account, &journal).await.expect("enable");
    let detectors = account.guardduty_detectors().await.expect("detectors");
    assert_eq!(detectors.len(), 1);
    assert!(detectors[0].enabled);
    assert!(journaled(&journal).is_empty(), "the detector was the owner's");
}

#[tokio::test]
async fn an_existing_budget_of_the_same_name_gets_the_alert_and_is_not_replaced() {
    let moto = Moto::start();
    seed::budget(&moto.sdk_config(), "team-budget", false).await;
    let account = AwsAccount::new(&moto.sdk_config());
    let journal = Journal::in_memory();

    let first = fix::budget(&account, &journal, ACCOUNT_ID, &plan("team-budget")).await;
    assert_eq!(first.expect("alert added"), BudgetOutcome::AlertAdded);
    let again = fix::budget(&account, &journal, ACCOUNT_ID, &plan("team-budget")).await;
    assert_eq!(again.expect("nothing to do"), BudgetOutcome::AlreadyThere);

    let budgets = account.cost_budgets(ACCOUNT_ID).await.expect("budgets");
    assert_eq!(budgets.len(), 1);
    assert_eq!(budgets[0].notifications.len(), 1);
    assert_eq!(budgets[0].notifications[0].kind, "FORECASTED");
    assert_eq!(
        journaled(&journal),
        [Resource::BudgetAlert {
            budget: "team-budget".into(),
            kind: "FORECASTED".into(),
            threshold: "100".into()
        }]
    );
    let limit = aws_sdk_budgets::Client::new(&moto.sdk_config())
        .describe_budget()
        .account_id(ACCOUNT_ID)
        .budget_name("team-budget")
        .send()
        .await
        .expect("describe")
        .budget
        .and_then(|b| b.budget_limit)
        .map(|spend| spend.amount);
    assert_eq!(limit.as_deref(), Some("10"), "the owner's amount is kept");
}

#[tokio::test]
async fn a_new_budget_emails_every_address_given() {
    let moto = Moto::start();
    let account = AwsAccount::new(&moto.sdk_config());
    let journal = Journal::in_memory();
    fix::budget(&account, &journal, ACCOUNT_ID, &plan("monthly"))
        .await
        .expect("create");
    let budgets = aws_sdk_budgets::Client::new(&moto.sdk_config());
    let described = budgets
        .describe_budget()
        .account_id(ACCOUNT_ID)
        .budget_name("monthly")
        .send()
        .await
        .expect("describe");
    let budget = described.budget.expect("budget");
    let limit = budget.budget_limit.expect("limit");
    assert_eq!((limit.amount.as_str(), limit.unit.as_str()), ("25.50", "USD"));
    assert_eq!(budget.time_unit.as_str(), "MONTHLY");
    let notifications = budgets
        .describe_notifications_for_budget()
        .account_id(ACCOUNT_ID)
        .budget_name("monthly")
        .send()
        .await
        .expect("notifications");
    let alert = &notifications.notifications()[0];
    assert_eq!(alert.threshold, 100.0);
    assert_eq!(alert.notification_type.as_str(), "FORECASTED");
}

#[tokio::test]
async fn a_single_region_or_stopped_trail_is_repaired_not_doubled() {
    for (multi_region, logging) in [(false, true), (true, false), (false, false)] {
        let moto = Moto::start();
        seed::trail(&moto.sdk_config(), "owners-trail", multi_region, logging).await;
        let account = AwsAccount::new(&moto.sdk_config());
        let journal = Journal::in_memory();
        fix::cloudtrail(&account, &journal, ACCOUNT_ID, None)
            .await
            .expect("repair");
        let trails = account.trails().await.expect("trails");
        assert_eq!(trails.len(), 1, "{multi_region} {logging}: {trails:?}");
        assert_eq!(trails[0].name, "owners-trail");
        assert!(trails[0].multi_region && trails[0].is_logging, "{trails:?}");
        assert!(journaled(&journal).is_empty(), "nothing was created");
    }
}

#[tokio::test]
async fn a_stopped_recorder_is_started_and_its_channel_kept() {
    let moto = Moto::start();
    seed::config_recorder(&moto.sdk_config(), true, true, false, true).await;
    let account = AwsAccount::new(&moto.sdk_config());
    let journal = Journal::in_memory();
    fix::config(&account, &journal, ACCOUNT_ID).await.expect("repair");
    let setup = account.config_setup().await.expect("config");
    assert_eq!(setup.recorders.len(), 1);
    assert!(setup.recorders[0].recording);
    assert_eq!(setup.delivery_channels, ["default"]);
    let created: Vec<Resource> = journaled(&journal);
    assert!(
        !created
            .iter()
            .any(|r| matches!(r, Resource::Bucket { .. } | Resource::DeliveryChannel { .. })),
        "the owner's channel and bucket are used: {created:?}"
    );
}

/// Outside us-east-1 the bucket is made in the region (LocationConstraint), and its
/// policy and public access block are what AWS-FACTS.md documents.
#[tokio::test]
async fn the_log_bucket_is_regional_private_and_lets_only_our_trail_write() {
    let moto = Moto::start();
    let config = moto
        .sdk_config()
        .to_builder()
        .region(aws_config::Region::from_static("eu-west-1"))
        .build();
    let account = AwsAccount::new(&config);
    let journal = Journal::in_memory();
    fix::cloudtrail(&account, &journal, ACCOUNT_ID, Some(90))
        .await
        .expect("create");
    let bucket = fix::log_bucket_name(ACCOUNT_ID, "eu-west-1");
    let s3 = aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::config::Builder::from(&config)
            .force_path_style(true)
            .build(),
    );
    let location = s3.get_bucket_location().bucket(&bucket).send().await.expect("location");
    assert_eq!(location.location_constraint().map(|c| c.as_str()), Some("eu-west-1"));
    let block = s3
        .get_public_access_block()
        .bucket(&bucket)
        .send()
        .await
        .expect("public access block")
        .public_access_block_configuration
        .expect("configuration");
    assert_eq!(
        (
            block.block_public_acls,
            block.ignore_public_acls,
            block.block_public_policy,
            block.restrict_public_buckets
        ),
        (Some(true), Some(true), Some(true), Some(true))
    );
    let lifecycle = s3
        .get_bucket_lifecycle_configuration()
        .bucket(&bucket)
        .send()
        .await
        .expect("lifecycle");
    assert_eq!(lifecycle.rules()[0].expiration().and_then(|e| e.days()), Some(90));
    let policy = s3.get_bucket_policy().bucket(&bucket).send().await.expect("policy");
    let policy: serde_json::Value = serde_json::from_str(policy.policy().expect("text")).expect("json");
    let trail_arn = format!("arn:aws:cloudtrail:eu-west-1:{ACCOUNT_ID}:trail/{}", fix::TRAIL_NAME);
    let write = policy["Statement"]
        .as_array()
        .and_then(|list| list.iter().find(|s| s["Sid"] == "AWSCloudTrailWrite"))
        .expect("write statement");
    assert_eq!(
        write["Resource"],
        format!("arn:aws:s3:::{bucket}/AWSLogs/{ACCOUNT_ID}/*")
    );
    assert_eq!(write["Condition"]["StringEquals"]["aws:SourceArn"], trail_arn.as_str());
    let trails = account.trails().await.expect("trails");
    assert_eq!(trails[0].arn, trail_arn);
    assert_eq!(trails[0].home_region, "eu-west-1");
}

/// moto answers the support API as a Business plan would: the security checks come
/// back by name (moto keeps no results, so their status is unknown).
#[tokio::test]
async fn trusted_advisor_lists_only_its_security_checks() {
    let moto = Moto::start();
    let account = AwsAccount::new(&moto.sdk_config());
    let checks = account.trusted_advisor_security_checks("en").await.expect("checks");
    assert!(!checks.is_empty());
    let names: Vec<&str> = checks.iter().map(|c| c.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("MFA on Root Account")), "{names:?}");
    assert!(
        !names.iter().any(|n| n.contains("Low Utilization")),
        "cost checks are left out: {names:?}"
    );
}

/// A fix the credentials may not make names the missing action and the policy that
/// allows it, and makes nothing.
#[tokio::test]
async fn a_denied_fix_names_the_action_and_the_setup_policy() {
    use aws_day_one::account::AccountError;
    use aws_day_one::i18n::{Lang, Localize};

    let mut moto = Moto::start();
    let (key, secret) = seed::user_denied(&moto.sdk_config(), "trainee", "iam:CreateAccountAlias").await;
    moto.enforce_auth();
    let config = moto.sdk_config_signed_by(&key, &secret);
    let account = AwsAccount::new(&config);
    let journal = Journal::in_memory();
    let error = fix::account_alias(&account, &journal, "day-one-denied")
        .await
        .expect_err("denied");
    assert_eq!(
        error,
        AccountError::Denied {
            action: "iam:CreateAccountAlias"
        }
    );
    for lang in [Lang::En, Lang::Ja] {
        let text = error.localize(lang);
        assert!(text.contains("assets/setup-policy.json"), "{text}");
    }
    assert!(journaled(&journal).is_empty());
    assert_eq!(account.account_alias().await.expect("read"), None);
}
