//! The multi-field forms of the billing and monitoring fixes (budget, alternate
//! contacts). A form is a list of fields with one in focus; Enter checks every field
//! and, when all are good, turns the form into the command that applies it.

use super::app::Command;
use super::text::Ui;
use crate::account::{AlternateContact, BudgetAlert, BudgetPlan, ContactKind};
use crate::steps::validate_fields::{self as check, FieldProblem};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a field holds and how keys change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    /// A yes/no box; Space or left/right flips it.
    Toggle(bool),
    /// One of fixed options; left/right steps through them.
    Choice {
        options: &'static [&'static str],
        index: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: Ui,
    pub value: FieldValue,
}

impl Field {
    fn text(label: Ui, value: &str) -> Field {
        Field {
            label,
            value: FieldValue::Text(value.to_owned()),
        }
    }

    fn toggle(label: Ui, on: bool) -> Field {
        Field {
            label,
            value: FieldValue::Toggle(on),
        }
    }

    /// The text typed into a text field (empty for other kinds).
    pub fn typed(&self) -> &str {
        match &self.value {
            FieldValue::Text(text) => text,
            _ => "",
        }
    }
}

/// Which fix the form is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Budget,
    Contacts,
}

/// A form on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The first problem found on Enter, with the field it is about.
    pub problem: Option<(usize, FieldProblem)>,
}

/// Budget form rows.
pub mod budget_row {
    pub const NAME: usize = 0;
    pub const AMOUNT: usize = 1;
    pub const THRESHOLD: usize = 2;
    pub const BASIS: usize = 3;
    pub const EMAILS: usize = 4;
}

/// Contact form rows: the person, then the kinds of contact to set.
pub mod contact_row {
    pub const NAME: usize = 0;
    pub const TITLE: usize = 1;
    pub const EMAIL: usize = 2;
    pub const PHONE: usize = 3;
    pub const BILLING: usize = 4;
    pub const OPERATIONS: usize = 5;
    pub const SECURITY: usize = 6;
}

/// Alert bases as Budgets names them.
pub const BUDGET_BASES: &[&str] = &["ACTUAL", "FORECASTED"];

impl Form {
    /// A monthly budget of USD 10 that emails at 80 % of actual spend, as the
    /// workshops set it up; only the addresses have to be typed.
    pub fn budget() -> Form {
        Form {
            kind: FormKind::Budget,
            fields: vec![
                Field::text(Ui::BudgetName, "monthly-budget"),
                Field::text(Ui::BudgetAmount, "10"),
                Field::text(Ui::BudgetThreshold, "80"),
                Field {
                    label: Ui::BudgetBasis,
                    value: FieldValue::Choice {
                        options: BUDGET_BASES,
                        index: 0,
                    },
                },
                Field::text(Ui::BudgetEmails, ""),
            ],
            focus: budget_row::EMAILS,
            problem: None,
        }
    }

    /// One person for all three alternate contacts unless unticked: most new accounts
    /// have one owner, and it saves typing the same details three times.
    pub fn contacts() -> Form {
        Form {
            kind: FormKind::Contacts,
            fields: vec![
                Field::text(Ui::ContactName, ""),
                Field::text(Ui::ContactTitle, ""),
                Field::text(Ui::ContactEmail, ""),
                Field::text(Ui::ContactPhone, ""),
                Field::toggle(Ui::ContactBilling, true),
                Field::toggle(Ui::ContactOperations, true),
                Field::toggle(Ui::ContactSecurity, true),
            ],
            focus: contact_row::NAME,
            problem: None,
        }
    }

    /// Fill the person's fields from a contact the account already has, unless the
    /// user has started typing.
    pub fn prefill_contact(&mut self, contact: &AlternateContact) {
        let untouched = (contact_row::NAME..=contact_row::PHONE).all(|row| self.fields[row].typed().is_empty());
        if self.kind != FormKind::Contacts || !untouched {
            return;
        }
        for (row, value) in [
            (contact_row::NAME, &contact.name),
            (contact_row::TITLE, &contact.title),
            (contact_row::EMAIL, &contact.email),
            (contact_row::PHONE, &contact.phone),
        ] {
            self.fields[row].value = FieldValue::Text(value.clone());
        }
    }

    /// Handle a key; a completed form becomes its command.
    pub fn on_key(&mut self, key: &KeyEvent) -> Option<Command> {
        let count = self.fields.len();
        match key.code {
            KeyCode::Enter => return self.submit(),
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % count,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + count - 1) % count,
            _ => self.edit(key),
        }
        None
    }

    fn edit(&mut self, key: &KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let changed = match (&mut field.value, key.code) {
            (FieldValue::Text(text), KeyCode::Char(c)) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                text.push(c);
                true
            }
            (FieldValue::Text(text), KeyCode::Backspace) => text.pop().is_some(),
            (FieldValue::Toggle(on), KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right) => {
                *on = !*on;
                true
            }
            (FieldValue::Choice { options, index }, KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')) => {
                *index = (*index + 1) % options.len();
                true
            }
            _ => false,
        };
        if changed {
            self.problem = None;
        }
    }

    fn text(&self, row: usize) -> &str {
        self.fields.get(row).map_or("", Field::typed)
    }

    fn on(&self, row: usize) -> bool {
        matches!(self.fields.get(row).map(|f| &f.value), Some(FieldValue::Toggle(true)))
    }

    /// The chosen option of a choice field.
    pub fn chosen(&self, row: usize) -> &'static str {
        match self.fields.get(row).map(|f| &f.value) {
            Some(FieldValue::Choice { options, index }) => options[*index],
            _ => "",
        }
    }

    fn submit(&mut self) -> Option<Command> {
        match self.build() {
            Ok(command) => Some(command),
            Err((row, problem)) => {
                self.focus = row;
                self.problem = Some((row, problem));
                None
            }
        }
    }

    fn build(&self) -> Result<Command, (usize, FieldProblem)> {
        match self.kind {
            FormKind::Budget => {
                use budget_row::*;
                let name = self.text(NAME).trim().to_owned();
                check::budget_name(&name).map_err(|p| (NAME, p))?;
                let amount = self.text(AMOUNT).trim().to_owned();
                check::amount_usd(&amount).map_err(|p| (AMOUNT, p))?;
                let threshold = check::threshold_percent(self.text(THRESHOLD)).map_err(|p| (THRESHOLD, p))?;
                let emails = check::emails(self.text(EMAILS)).map_err(|p| (EMAILS, p))?;
                Ok(Command::CreateBudget(BudgetPlan {
                    name,
                    amount_usd: amount,
                    alert: BudgetAlert {
                        kind: self.chosen(BASIS).to_owned(),
                        threshold: f64::from(threshold),
                        emails,
                    },
                }))
            }
            FormKind::Contacts => {
                use contact_row::*;
                let trimmed = |row| self.text(row).trim().to_owned();
                check::text(&trimmed(NAME), 64).map_err(|p| (NAME, p))?;
                check::text(&trimmed(TITLE), 50).map_err(|p| (TITLE, p))?;
                check::email(&trimmed(EMAIL)).map_err(|p| (EMAIL, p))?;
                check::phone(&trimmed(PHONE)).map_err(|p| (PHONE, p))?;
                let kinds: Vec<ContactKind> = [
                    (BILLING, ContactKind::Billing),
                    (OPERATIONS, ContactKind::Operations),
                    (SECURITY, ContactKind::Security),
                ]
                .into_iter()
                .filter(|(row, _)| self.on(*row))
                .map(|(_, kind)| kind)
                .collect();
                if kinds.is_empty() {
                    return Err((SECURITY, FieldProblem::NothingChosen));
                }
                Ok(Command::SetContacts {
                    kinds,
                    contact: AlternateContact {
                        name: trimmed(NAME),
                        title: trimmed(TITLE),
                        email: trimmed(EMAIL),
                        phone: trimmed(PHONE),
                    },
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(form: &mut Form, code: KeyCode) -> Option<Command> {
        form.on_key(&KeyEvent::from(code))
    }

    fn type_text(form: &mut Form, text: &str) {
        for c in text.chars() {
            press(form, KeyCode::Char(c));
        }
    }

    #[test]
    fn the_budget_form_needs_only_an_address() {
        let mut form = Form::budget();
        assert_eq!(press(&mut form, KeyCode::Enter), None);
        assert_eq!(form.problem, Some((budget_row::EMAILS, FieldProblem::NoEmail)));
        type_text(&mut form, "billing@example.com");
        assert_eq!(form.problem, None, "typing clears the problem");
        let Some(Command::CreateBudget(plan)) = press(&mut form, KeyCode::Enter) else {
            panic!("no budget command")
        };
        assert_eq!((plan.name.as_str(), plan.amount_usd.as_str()), ("monthly-budget", "10"));
        assert_eq!((plan.alert.kind.as_str(), plan.alert.threshold), ("ACTUAL", 80.0));
        assert_eq!(plan.alert.emails, ["billing@example.com"]);
    }

    #[test]
    fn a_bad_budget_field_takes_the_focus() {
        let mut form = Form::budget();
        form.focus = budget_row::AMOUNT;
        press(&mut form, KeyCode::Backspace);
        press(&mut form, KeyCode::Backspace);
        type_text(&mut form, "1.005");
        form.focus = budget_row::BASIS;
        press(&mut form, KeyCode::Right);
        assert_eq!(form.chosen(budget_row::BASIS), "FORECASTED");
        form.focus = budget_row::EMAILS;
        type_text(&mut form, "a@example.com");
        assert_eq!(press(&mut form, KeyCode::Enter), None);
        assert_eq!(form.focus, budget_row::AMOUNT);
        assert_eq!(form.problem, Some((budget_row::AMOUNT, FieldProblem::TooManyDecimals)));
    }

    #[test]
    fn the_contact_form_sets_the_chosen_kinds_and_prefills_once() {
        let mut form = Form::contacts();
        let known = AlternateContact {
            name: "Grace Hopper".into(),
            title: "Owner".into(),
            email: "grace@example.com".into(),
            phone: "+1 555 0100".into(),
        };
        form.prefill_contact(&known);
        form.focus = contact_row::OPERATIONS;
        press(&mut form, KeyCode::Char(' '));
        let Some(Command::SetContacts { kinds, contact }) = press(&mut form, KeyCode::Enter) else {
            panic!("no contacts command")
        };
        assert_eq!(kinds, [ContactKind::Billing, ContactKind::Security]);
        assert_eq!(contact, known);

        let mut typed = Form::contacts();
        type_text(&mut typed, "A");
        typed.prefill_contact(&known);
        assert_eq!(
            typed.fields[contact_row::NAME].typed(),
            "A",
            "typing is never overwritten"
        );
        for row in [contact_row::BILLING, contact_row::OPERATIONS, contact_row::SECURITY] {
            typed.focus = row;
            press(&mut typed, KeyCode::Char(' '));
        }
        typed.fields[contact_row::NAME].value = FieldValue::Text("Ada".into());
        typed.fields[contact_row::TITLE].value = FieldValue::Text("Owner".into());
        typed.fields[contact_row::EMAIL].value = FieldValue::Text("ada@example.com".into());
        typed.fields[contact_row::PHONE].value = FieldValue::Text("+81 3-0000-0000".into());
        assert_eq!(press(&mut typed, KeyCode::Enter), None);
        assert_eq!(
            typed.problem,
            Some((contact_row::SECURITY, FieldProblem::NothingChosen))
        );
    }
}
