//! The budget fix: one monthly cost budget with an email alert. A budget the owner
//! already has under that name is kept as it is; at most an alert is added to it.

use crate::account::{Account, AccountError, BudgetPlan};
use crate::journal::{Journal, Resource};

/// What the budget fix did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetOutcome {
    Created,
    /// A budget of that name existed; the alert was added to it.
    AlertAdded,
    /// A budget of that name existed with this very alert: nothing to do.
    AlreadyThere,
}

/// Create the budget, or complete the one of the same name with the alert.
pub async fn budget(
    account: &dyn Account,
    journal: &Journal,
    account_id: &str,
    plan: &BudgetPlan,
) -> Result<BudgetOutcome, AccountError> {
    let existing = account.cost_budgets(account_id).await?;
    let Some(same_name) = existing.iter().find(|b| b.name == plan.name) else {
        account.create_cost_budget(account_id, plan).await?;
        journal.record(Resource::Budget {
            name: plan.name.clone(),
        });
        return Ok(BudgetOutcome::Created);
    };
    let has_alert = same_name
        .notifications
        .iter()
        .any(|n| n.kind == plan.alert.kind && n.threshold == plan.alert.threshold);
    if has_alert {
        return Ok(BudgetOutcome::AlreadyThere);
    }
    account.add_budget_alert(account_id, &plan.name, &plan.alert).await?;
    journal.record(Resource::BudgetAlert {
        budget: plan.name.clone(),
        kind: plan.alert.kind.clone(),
        threshold: plan.alert.threshold.to_string(),
    });
    Ok(BudgetOutcome::AlertAdded)
}
