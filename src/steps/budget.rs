//! `budget`: a monthly cost budget whose alert emails someone, so a surprise bill is
//! noticed days before the invoice. AWS deletes an alert together with its last
//! subscriber, so a budget with an alert is a budget that emails someone.

use super::{Facts, Outcome};
use crate::checklist::{Finding, Status};

pub async fn check(facts: &Facts<'_>) -> Outcome {
    let budgets = facts.account.cost_budgets(&facts.identity.account_id).await?;
    let alerting = budgets.iter().find(|budget| !budget.notifications.is_empty());
    Ok(match alerting {
        Some(budget) => (
            Status::Pass,
            Finding::BudgetAlerting {
                name: budget.name.clone(),
            },
        ),
        None if budgets.is_empty() => (Status::Fail, Finding::BudgetMissing),
        None => (
            Status::Fail,
            Finding::BudgetWithoutAlert {
                names: budgets.into_iter().map(|b| b.name).collect(),
            },
        ),
    })
}
