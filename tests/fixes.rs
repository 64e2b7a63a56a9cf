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
