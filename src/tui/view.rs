//! Drawing. Reads the [`App`] and never changes it; every screen is a function of the
//! state, so tests can draw to a test backend and compare.

use super::app::{App, CLOCK_SKEW_WARNING_SECONDS, Input, MfaStage, Notice, Screen, UserField, UserForm, UserProblem};
use super::forms::{FieldValue, Form, FormKind, budget_row};
use super::qr::QrWidget;
use super::text::Ui;
use super::theme;
use crate::account::{AccountError, AdvisorCheck};
use crate::checklist::{Group, Status, StepId};
use crate::i18n::{Lang, Localize};
use crate::mfa::otpauth::otpauth_uri;
use crate::mfa::qr::QrMatrix;
use crate::mfa::totp;
use crate::steps::fix::{BudgetOutcome, TRAIL_NAME, TrailPlan};
use crate::steps::password::describe_broken_rules;
use crate::textwrap::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// The width of the step page in the smallest terminal (80 minus list and separators).
pub const MIN_PAGE_WIDTH: usize = 43;
/// The height of the step page in the smallest terminal (24 minus header and footer).
pub const MIN_PAGE_HEIGHT: usize = 22;
const LIST_WIDTH: u16 = 34;

/// Draw the whole wizard.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let lines = wrap(Ui::TooSmall.text(app.lang), area.width.max(1) as usize);
        frame.render_widget(
            Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>()),
            area,
        );
        return;
    }
    if let Screen::Mfa(MfaStage::Codes { .. }) = &app.screen {
        draw_mfa_codes(app, frame, area);
        return;
    }
    let [header, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
    draw_header(app, frame, header);
    let [list, page] = Layout::horizontal([Constraint::Length(LIST_WIDTH), Constraint::Min(1)]).areas(body);
    draw_list(app, frame, list);
    let separator = Block::new().borders(Borders::LEFT).border_style(theme::dim());
    let inner = separator.inner(page);
    frame.render_widget(separator, page);
    let page = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    match &app.screen {
        Screen::Checklist | Screen::Working(_) => draw_step_page(app, frame, page),
        _ => draw_form(app, frame, page),
    }
    let footer_line = if app.stopping && !matches!(app.screen, Screen::PasswordOnce { .. }) {
        Line::styled(Ui::Stopping.text(app.lang), theme::warn())
    } else {
        Line::styled(footer_keys(app), theme::dim())
    };
    frame.render_widget(Paragraph::new(footer_line), footer);
    if app.help {
        draw_help(app, frame, area);
    }
}

fn footer_keys(app: &App) -> &'static str {
    let key = match &app.screen {
        Screen::Checklist | Screen::Working(_) => Ui::KeysChecklist,
        Screen::PasswordOnce { .. } => Ui::KeysPassword,
        Screen::Mfa(MfaStage::Choose { .. } | MfaStage::Loading | MfaStage::Creating { .. }) => Ui::KeysChooseUser,
        Screen::Mfa(_) => Ui::KeysMfaCodes,
        Screen::AdminUser(_) => Ui::KeysUserForm,
        Screen::Form(_) => Ui::KeysFieldForm,
        Screen::Confirm(StepId::Organizations) => Ui::KeysConfirmYes,
        Screen::Confirm(step) if step.kind() == crate::checklist::CheckKind::Manual => Ui::KeysConfirmManual,
        Screen::Confirm(_) => Ui::KeysConfirm,
        Screen::Trail {
            plan: TrailPlan::Create { .. },
            ..
        } => Ui::KeysTrail,
        Screen::Trail { .. } => Ui::KeysConfirm,
        Screen::Advisor(_) => Ui::KeysAdvisor,
        Screen::WrapUp { .. } => Ui::KeysWrapUp,
        Screen::HalfDone { .. } => Ui::KeysHalfDone,
        Screen::NoAccount(AccountError::NoCredentials) => Ui::KeysNoAccountPractice,
        Screen::NoAccount(_) => Ui::KeysNoAccount,
        Screen::RootKeys { confirming: true, .. } => Ui::KeysRootKeysConfirm,
        Screen::RootKeys { .. } => Ui::KeysRootKeys,
        _ => Ui::KeysForm,
    };
    key.text(app.lang)
}

fn draw_header(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let (done, counted) = app.progress();
    let mut spans = vec![Span::styled(Ui::AppName.text(lang), theme::title())];
    if app.practice {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {} ", Ui::Practice.text(lang)), theme::badge()));
    }
    if let Some(Ok(identity)) = &app.identity {
        let who = if identity.is_root() {
            "root"
        } else {
            identity.principal_arn.rsplit('/').next().unwrap_or("")
        };
        spans.push(Span::raw(format!("  {} {}", identity.account_id, who)));
    }
    let progress = match lang {
        Lang::En => format!("  {done} of {counted} {}", Ui::Done.text(lang)),
        Lang::Ja => format!("  {counted} 項目中 {done} 項目{}", Ui::Done.text(lang)),
    };
    spans.push(Span::styled(progress, theme::title()));
    if !app.checking.is_empty() {
        spans.push(Span::styled(format!("  {}", Ui::Checking.text(lang)), theme::dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn group_title(group: Group) -> Ui {
    match group {
        Group::RootUser => Ui::GroupRootUser,
        Group::Iam => Ui::GroupIam,
        Group::Billing => Ui::GroupBilling,
        Group::Monitoring => Ui::GroupMonitoring,
        Group::MultiAccount => Ui::GroupMultiAccount,
    }
}

fn draw_list(app: &App, frame: &mut Frame, area: Rect) {
    let mut lines = Vec::new();
    let mut group = None;
    for step in StepId::ALL {
        if group != Some(step.group()) {
            group = Some(step.group());
            lines.push(Line::styled(group_title(step.group()).text(app.lang), theme::heading()));
        }
        let (word, style) = match app.status(step) {
            _ if app.checking.contains(&step) && app.status(step).is_none() => ("..".to_owned(), theme::dim()),
            Some(status) => (status.word(app.lang).to_owned(), theme::status(status)),
            None => ("..".to_owned(), theme::dim()),
        };
        let marker = if step == app.selected { ">" } else { " " };
        let title = truncate(step.title(app.lang), (LIST_WIDTH as usize).saturating_sub(9));
        let row_style = if step == app.selected {
            theme::selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(marker, row_style),
            Span::styled(pad(&word, 6), style),
            Span::styled(format!(" {title}"), row_style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(Line::from(text).width());
    format!("{text}{}", " ".repeat(fill))
}

fn truncate(text: &str, width: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if Line::from(format!("{out}{c}")).width() > width {
            break;
        }
        out.push(c);
    }
    out
}

/// `label: text` wrapped to the page width, the label in bold.
fn labelled(lines: &mut Vec<Line<'static>>, label: &str, text: &str, width: usize) {
    let first = format!("{label}: {text}");
    for (index, line) in wrap(&first, width).into_iter().enumerate() {
        if index == 0 && line.starts_with(label) {
            let rest = line[label.len()..].to_owned();
            lines.push(Line::from(vec![
                Span::styled(label.to_owned(), theme::heading()),
                Span::raw(rest),
            ]));
        } else {
            lines.push(Line::from(line));
        }
    }
}

fn paragraph(lines: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    for line in wrap(text, width) {
        lines.extend(
            hard_break(&line, width)
                .into_iter()
                .map(|part| Line::styled(part, style)),
        );
    }
}

/// Split a line that is still too wide (a URL has no place to break) by display width.
fn hard_break(line: &str, width: usize) -> Vec<String> {
    let mut parts = vec![String::new()];
    for c in line.chars() {
        let current = parts.last_mut().expect("never empty");
        if !current.is_empty() && Line::from(format!("{current}{c}")).width() > width.max(1) {
            parts.push(c.to_string());
        } else {
            current.push(c);
        }
    }
    parts
}

/// An address cut at the panel's edge rather than at a word, so it can be selected and
/// copied whole.
fn link_lines(lines: &mut Vec<Line<'static>>, url: &str, width: usize) {
    let chars: Vec<char> = url.chars().collect();
    for chunk in chars.chunks(width.max(1)) {
        lines.push(Line::styled(chunk.iter().collect::<String>(), theme::link()));
    }
}

fn notice_text(notice: &Notice, lang: Lang) -> (String, Style) {
    match notice {
        Notice::Applied(_) => (Ui::Applied.text(lang).to_owned(), theme::good()),
        Notice::Failed(error) => (error.localize(lang), theme::bad()),
        Notice::MfaEnabled(user) => (format!("{} ({user})", Ui::MfaEnabled.text(lang)), theme::good()),
        Notice::MfaDiscarded => (Ui::MfaDiscarded.text(lang).to_owned(), theme::dim()),
        Notice::PasswordUnchanged(user) => (format!("{user}: {}", Ui::PasswordUnchanged.text(lang)), theme::dim()),
        Notice::NoMfaCandidates => (Ui::MfaNoUsers.text(lang).to_owned(), theme::dim()),
        Notice::NotRemembered(reason) => (format!("{} ({reason})", Ui::NotRemembered.text(lang)), theme::warn()),
        Notice::NotJournaled(reason) => (format!("{} ({reason})", Ui::NotJournaled.text(lang)), theme::warn()),
        Notice::KeyInUseDeleted => (Ui::KeyInUseDeleted.text(lang).to_owned(), theme::good()),
        Notice::NothingToClean => (Ui::NothingToClean.text(lang).to_owned(), theme::dim()),
        Notice::CleanedUp { failed: 0 } => (Ui::CleanedUp.text(lang).to_owned(), theme::good()),
        Notice::CleanedUp { failed } => (format!("{failed} {}", Ui::CleanupLeft.text(lang)), theme::bad()),
        Notice::Budget { name, outcome } => {
            let text = match outcome {
                BudgetOutcome::Created => Ui::BudgetCreated,
                BudgetOutcome::AlertAdded => Ui::BudgetAlertAdded,
                BudgetOutcome::AlreadyThere => Ui::BudgetAlreadyThere,
            };
            (format!("{name}: {}", text.text(lang)), theme::good())
        }
    }
}

fn action_hint(app: &App, step: StepId) -> Option<Ui> {
    use crate::checklist::{CheckKind, Status};
    if app.status(step) == Some(Status::Pass) && step != StepId::UserMfa {
        return Some(if app.confirmed.contains(&step) {
            Ui::ConfirmedByYou
        } else {
            Ui::AlreadyDone
        });
    }
    Some(match step {
        StepId::AccountAlias => Ui::ActFixAlias,
        StepId::PasswordPolicy => Ui::ActFixPolicy,
        StepId::AdminGroup => Ui::ActFixGroup,
        StepId::AdminUser => Ui::ActFixUser,
        StepId::UserMfa => Ui::ActFixMfa,
        StepId::Budget => Ui::ActFixBudget,
        StepId::SecurityContact => Ui::ActFixContacts,
        StepId::Guardduty => Ui::ActFixGuardDuty,
        StepId::Organizations => Ui::ActFixOrganization,
        StepId::Cloudtrail => Ui::ActFixTrail,
        StepId::Config => Ui::ActFixConfig,
        StepId::TrustedAdvisor => Ui::ActOpenAdvisor,
        StepId::RootAccessKeys if app.is_root() => Ui::ActFixRootKeys,
        StepId::RootMfa | StepId::RootAccessKeys if app.practice => Ui::ActPracticeConsole,
        StepId::RootMfa | StepId::RootAccessKeys => Ui::ActWatching,
        _ if step.kind() == CheckKind::Manual => Ui::ActConfirmManual,
        _ => Ui::ActConsoleOnly,
    })
}

fn draw_step_page(app: &App, frame: &mut Frame, area: Rect) {
    let lines = step_page(app, area.width.saturating_sub(1) as usize);
    frame.render_widget(Paragraph::new(lines), area);
}

/// The selected step's page as lines `width` columns wide.
pub fn step_page(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let step = app.selected;
    let guide = step.guide(lang);
    let mut lines: Vec<Line<'static>> = vec![Line::styled(step.title(lang).to_owned(), theme::title())];
    if let Some(result) = app.results.get(&step) {
        let status = app.status(step).unwrap_or(result.status);
        let detail = format!("{} {}", status.word(lang), result.detail(lang));
        paragraph(&mut lines, &detail, width, theme::status(status));
    }
    if let Some(Ok(identity)) = &app.identity
        && identity.is_root()
        && matches!(step, StepId::AuthenticatorApp | StepId::AdminUser)
    {
        paragraph(&mut lines, Ui::RootWarning.text(lang), width, theme::warn());
    }
    labelled(&mut lines, Ui::Why.text(lang), guide.why, width);
    labelled(&mut lines, Ui::Risk.text(lang), guide.risk, width);
    labelled(&mut lines, Ui::Answer.text(lang), guide.answer, width);
    if let Some(price) = guide.price {
        labelled(&mut lines, Ui::Price.text(lang), price, width);
    }
    for (number, instruction) in guide.console_steps.iter().enumerate() {
        paragraph(
            &mut lines,
            &format!("{}. {instruction}", number + 1),
            width,
            Style::new(),
        );
    }
    if let Some(url) = step.console_url() {
        let label = format!("{}: ", Ui::Console.text(lang));
        let first = width.saturating_sub(Line::from(label.as_str()).width());
        let (head, tail) = url.split_at(url.char_indices().nth(first).map_or(url.len(), |(i, _)| i));
        lines.push(Line::from(vec![
            Span::styled(label, theme::heading()),
            Span::styled(head.to_owned(), theme::link()),
        ]));
        link_lines(&mut lines, tail, width);
    }
    if let Screen::Working(_) = app.screen {
        lines.push(Line::styled(Ui::Working.text(lang), theme::warn()));
    } else if let Some(notice) = &app.notice {
        let (text, style) = notice_text(notice, lang);
        paragraph(&mut lines, &text, width, style);
    } else if let Some(hint) = action_hint(app, step) {
        lines.push(Line::styled(hint.text(lang), theme::action()));
    }
    lines
}

fn policy_labels(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => [
            "minimum length",
            "uppercase required",
            "lowercase required",
            "digit required",
            "symbol required",
            "users may change it",
            "no reuse of last",
        ],
        Lang::Ja => [
            "最小文字数",
            "大文字を必須",
            "小文字を必須",
            "数字を必須",
            "記号を必須",
            "ユーザーによる変更",
            "再利用禁止 (直近)",
        ],
    }
}

fn policy_value(policy: &crate::account::PasswordPolicy, row: usize, lang: Lang) -> String {
    let yes_no = |value: bool| match (value, lang) {
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
        (true, Lang::Ja) => "はい",
        (false, Lang::Ja) => "いいえ",
    };
    match row {
        0 => policy.minimum_length.to_string(),
        1 => yes_no(policy.require_uppercase).to_owned(),
        2 => yes_no(policy.require_lowercase).to_owned(),
        3 => yes_no(policy.require_numbers).to_owned(),
        4 => yes_no(policy.require_symbols).to_owned(),
        5 => yes_no(policy.allow_users_to_change).to_owned(),
        _ => policy
            .reuse_prevention
            .map_or_else(|| yes_no(false).to_owned(), |n| n.to_string()),
    }
}

fn input_line(label: &str, input: &Input) -> Vec<Line<'static>> {
    vec![
        Line::styled(label.to_owned(), theme::heading()),
        Line::from(vec![
            Span::raw("> "),
            Span::styled(format!("{}_", input.value), theme::input()),
        ]),
    ]
}

fn draw_form(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let width = area.width.saturating_sub(1) as usize;
    let title = match &app.screen {
        Screen::WrapUp { .. } => Ui::WrapUpHeading.text(lang),
        Screen::HalfDone { step, .. } => step.title(lang),
        Screen::NoAccount(_) => Ui::NoAccountTitle.text(lang),
        _ => app.selected.title(lang),
    };
    let mut lines: Vec<Line<'static>> = vec![Line::styled(title.to_owned(), theme::title())];
    match &app.screen {
        Screen::Alias { input, problem } => {
            lines.extend(input_line(Ui::AliasPrompt.text(lang), input));
            lines.push(Line::raw(""));
            lines.push(Line::raw(Ui::AliasWillCreate.text(lang)));
            let alias = if input.value.is_empty() { "ALIAS" } else { &input.value };
            link_lines(&mut lines, &crate::checklist::sign_in_url(alias), width);
            if let Some(problem) = problem {
                paragraph(&mut lines, &problem.localize(lang), width, theme::bad());
            }
        }
        Screen::PasswordPolicy { current, plan, field } => {
            paragraph(&mut lines, Ui::PolicyWillSet.text(lang), width, Style::new());
            let (now, new) = match lang {
                Lang::En => ("now", "new"),
                Lang::Ja => ("現在", "変更後"),
            };
            lines.push(Line::styled(
                format!("  {} {} {new}", pad("", 20), pad(now, 8)),
                theme::dim(),
            ));
            for (index, label) in policy_labels(lang).iter().enumerate() {
                let before = current
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), |p| policy_value(p, index, lang));
                let after = policy_value(plan, index, lang);
                let style = if index == *field {
                    theme::selected()
                } else {
                    Style::new()
                };
                let changed = if before == after { " " } else { "*" };
                lines.push(Line::styled(
                    format!("{changed} {} {} {after}", pad(label, 20), pad(&before, 8)),
                    style,
                ));
            }
            lines.push(Line::raw(""));
            paragraph(&mut lines, Ui::PolicyKeys.text(lang), width, theme::dim());
        }
        Screen::AdminGroup { input, problem } => {
            lines.extend(input_line(Ui::GroupPrompt.text(lang), input));
            paragraph(&mut lines, Ui::GroupWillCreate.text(lang), width, Style::new());
            if let Some(problem) = problem {
                paragraph(&mut lines, &problem.localize(lang), width, theme::bad());
            }
        }
        Screen::AdminUser(form) => user_form(&mut lines, form, lang, width),
        Screen::Form(form) => field_form(&mut lines, form, lang, width),
        Screen::Advisor(result) => advisor(&mut lines, result, lang, width),
        Screen::WrapUp {
            items,
            input,
            wrong_name,
            ..
        } => {
            paragraph(&mut lines, Ui::WrapUpTitle.text(lang), width, theme::heading());
            let present: Vec<_> = items.iter().filter(|item| item.present).collect();
            for item in present.iter().take(WRAP_UP_ROWS) {
                let line = crate::cleanup::describe(&item.entry.resource, lang);
                paragraph(&mut lines, &format!("- {line}"), width, Style::new());
            }
            if present.len() > WRAP_UP_ROWS {
                lines.push(Line::styled(
                    format!("  +{} {}", present.len() - WRAP_UP_ROWS, Ui::WrapUpMore.text(lang)),
                    theme::dim(),
                ));
            }
            paragraph(&mut lines, Ui::WrapUpType.text(lang), width, theme::heading());
            lines.push(Line::from(vec![
                Span::raw("> "),
                Span::styled(format!("{}_", input.value), theme::input()),
            ]));
            if *wrong_name {
                paragraph(&mut lines, Ui::WrapUpWrongName.text(lang), width, theme::bad());
            }
        }
        Screen::Trail {
            plan,
            expire_after_days,
        } => trail_plan(&mut lines, plan, *expire_after_days, app, width),
        Screen::Confirm(step) if step.kind() == crate::checklist::CheckKind::Manual => {
            lines.push(Line::styled(Ui::SuccessLooksLike.text(lang), theme::heading()));
            let sign = step.guide(lang).success_sign.unwrap_or(Ui::SuccessGeneric.text(lang));
            paragraph(&mut lines, sign, width, Style::new());
            lines.push(Line::raw(""));
            paragraph(&mut lines, Ui::ConfirmManualDone.text(lang), width, theme::action());
        }
        Screen::Confirm(step) => {
            let (plan, price, ask) = match step {
                StepId::Organizations => (Ui::OrganizationsPlan, None, Ui::OrganizationsConfirm),
                StepId::Config => (Ui::ConfigPlan, Some(Ui::ConfigPrice), Ui::KeysConfirm),
                _ => (Ui::GuardDutyPlan, Some(Ui::GuardDutyPrice), Ui::ActFixGuardDuty),
            };
            if let (Some(region), StepId::Guardduty | StepId::Config) = (&app.region, step) {
                lines.push(Line::styled(
                    format!("{}: {region}", Ui::Region.text(lang)),
                    theme::heading(),
                ));
            }
            paragraph(&mut lines, plan.text(lang), width, Style::new());
            if let Some(price) = price {
                labelled(&mut lines, Ui::Price.text(lang), price.text(lang), width);
            }
            paragraph(&mut lines, ask.text(lang), width, theme::action());
        }
        Screen::RootKeys { keys, confirming } => {
            lines.push(Line::raw(Ui::RootKeysListed.text(lang)));
            for key in &keys.keys {
                if keys.in_use.as_ref() == Some(key) {
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {key} "), theme::input()),
                        Span::styled(Ui::RootKeyInUse.text(lang), theme::warn()),
                    ]));
                } else {
                    lines.push(Line::styled(format!("  {key}"), theme::input()));
                }
            }
            lines.push(Line::raw(""));
            paragraph(&mut lines, Ui::RootKeysWhy.text(lang), width, Style::new());
            let (next, style) = if *confirming {
                (Ui::RootKeysConfirm, theme::bad())
            } else if keys.others().next().is_some() {
                (Ui::RootKeysDeleteOthers, theme::action())
            } else {
                (Ui::RootKeysOnlyInUse, theme::warn())
            };
            paragraph(&mut lines, next.text(lang), width, style);
        }
        Screen::PasswordOnce { user, password } => {
            lines.push(Line::styled(Ui::PasswordOnceTitle.text(lang), theme::heading()));
            lines.push(Line::raw(""));
            lines.push(Line::from(format!("  {user}")));
            lines.push(Line::styled(format!("  {}", password.expose()), theme::input()));
            lines.push(Line::raw(""));
            paragraph(&mut lines, Ui::PasswordOnceBody.text(lang), width, theme::warn());
        }
        Screen::Mfa(MfaStage::Choose { users, selected }) => {
            lines.push(Line::raw(Ui::MfaChooseUser.text(lang)));
            for (index, user) in users.iter().enumerate() {
                let style = if index == *selected {
                    theme::selected()
                } else {
                    Style::new()
                };
                lines.push(Line::styled(
                    format!("{} {user}", if index == *selected { ">" } else { " " }),
                    style,
                ));
            }
        }
        Screen::HalfDone { step, error } => {
            paragraph(&mut lines, Ui::HalfDoneHeading.text(lang), width, theme::heading());
            paragraph(&mut lines, &error.localize(lang), width, theme::bad());
            lines.push(Line::raw(""));
            paragraph(&mut lines, Ui::HalfDoneMade.text(lang), width, Style::new());
            for resource in app.made_for(*step) {
                let line = crate::cleanup::name(resource, lang);
                paragraph(&mut lines, &format!("- {line}"), width, theme::input());
            }
            lines.push(Line::raw(""));
            paragraph(&mut lines, Ui::HalfDoneAgain.text(lang), width, theme::action());
        }
        Screen::NoAccount(error) => {
            paragraph(&mut lines, &error.localize(lang), width, theme::bad());
            lines.push(Line::raw(""));
            if *error == AccountError::NoCredentials {
                paragraph(&mut lines, Ui::NoAccountPractice.text(lang), width, theme::action());
            }
            paragraph(&mut lines, Ui::NoAccountQuit.text(lang), width, Style::new());
        }
        Screen::Mfa(_) => lines.push(Line::styled(Ui::Working.text(lang), theme::warn())),
        Screen::Checklist | Screen::Working(_) => {}
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A form of several fields: each label, then its value (text with a cursor when in
/// focus, a box, or the chosen option), then what the fix will do and any problem.
fn field_form(lines: &mut Vec<Line<'static>>, form: &Form, lang: Lang, width: usize) {
    for (row, field) in form.fields.iter().enumerate() {
        let focused = row == form.focus;
        let label_style = if focused { theme::selected() } else { theme::heading() };
        let marker = if focused { ">" } else { " " };
        let label = pad(field.label.text(lang), FORM_LABEL_WIDTH);
        let room = width.saturating_sub(FORM_LABEL_WIDTH + 1);
        let value = match &field.value {
            FieldValue::Text(text) if focused => tail(&format!("{text}_"), room),
            FieldValue::Text(text) => tail(text, room),
            FieldValue::Toggle(on) => (if *on { "[x]" } else { "[ ]" }).to_owned(),
            FieldValue::Choice { options, index } => format!("< {} >", options[*index]),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{label}"), label_style),
            Span::styled(value, theme::input()),
        ]));
    }
    lines.push(Line::raw(""));
    match form.kind {
        FormKind::Budget => {
            paragraph(lines, &budget_explanation(form, lang), width, Style::new());
            paragraph(lines, Ui::BudgetWillCreate.text(lang), width, theme::dim());
            labelled(lines, Ui::Price.text(lang), Ui::BudgetPrice.text(lang), width);
        }
        FormKind::Contacts => paragraph(lines, Ui::ContactsWillSet.text(lang), width, theme::dim()),
    }
    if let Some((_, problem)) = &form.problem {
        paragraph(lines, &problem.localize(lang), width, theme::bad());
    }
}

/// Trusted Advisor's security checks with a word per result, or why the API gave
/// none and where to look instead.
fn advisor(lines: &mut Vec<Line<'static>>, result: &Result<Vec<AdvisorCheck>, AccountError>, lang: Lang, width: usize) {
    match result {
        Ok(checks) => {
            paragraph(lines, Ui::AdvisorChecks.text(lang), width, Style::new());
            for check in checks {
                let (word, style) = match check.status.as_deref() {
                    Some("ok") => (Status::Pass.word(lang), theme::good()),
                    Some("warning") => (if lang == Lang::En { "WARN" } else { "注意" }, theme::warn()),
                    Some("error") => (Status::Fail.word(lang), theme::bad()),
                    Some(_) => ("-", theme::dim()),
                    None => (Ui::AdvisorUnknown.text(lang), theme::dim()),
                };
                let name = tail_cut(&check.name, width.saturating_sub(6));
                lines.push(Line::from(vec![
                    Span::styled(format!("{} ", pad(word, 4)), style),
                    Span::raw(name),
                ]));
            }
        }
        Err(AccountError::SubscriptionRequired { .. }) => {
            paragraph(lines, Ui::AdvisorNeedsPlan.text(lang), width, Style::new());
        }
        Err(error) => {
            paragraph(lines, &error.localize(lang), width, theme::bad());
            paragraph(lines, Ui::AdvisorFailed.text(lang), width, Style::new());
        }
    }
    if result.is_err()
        && let Some(url) = StepId::TrustedAdvisor.console_url()
    {
        link_lines(lines, url, width);
    }
    lines.push(Line::styled(Ui::AdvisorReviewed.text(lang), theme::action()));
}

/// `text` cut to `room` columns (the start kept, for names).
fn tail_cut(text: &str, room: usize) -> String {
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    kept
}

/// The CloudTrail plan: the bucket and trail to create (with how long logs stay), or
/// the existing trail and what will be repaired on it.
fn trail_plan(lines: &mut Vec<Line<'static>>, plan: &TrailPlan, expire: Option<i32>, app: &App, width: usize) {
    let lang = app.lang;
    match plan {
        TrailPlan::Create { bucket } => {
            lines.push(Line::raw(Ui::TrailCreates.text(lang)));
            lines.push(Line::styled(
                format!("{}:", Ui::TrailBucket.text(lang)),
                theme::heading(),
            ));
            link_lines(lines, bucket, width);
            paragraph(
                lines,
                &format!("  {}", Ui::TrailBucketPrivate.text(lang)),
                width,
                Style::new(),
            );
            lines.push(Line::styled(
                format!("{}: {TRAIL_NAME}", Ui::TrailLabel.text(lang)),
                theme::heading(),
            ));
            paragraph(lines, &format!("  {}", Ui::TrailNew.text(lang)), width, Style::new());
            let kept = match expire {
                Some(days) => format!("{days} {}", Ui::TrailDays.text(lang)),
                None => Ui::TrailKeepForever.text(lang).to_owned(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", Ui::TrailRetention.text(lang)), theme::heading()),
                Span::styled(format!("< {kept} >"), theme::selected()),
            ]));
            labelled(lines, Ui::Price.text(lang), Ui::TrailPrice.text(lang), width);
        }
        TrailPlan::Repair(trail) => {
            paragraph(lines, Ui::TrailRepair.text(lang), width, Style::new());
            lines.push(Line::styled(
                format!("  {} ({})", trail.name, trail.home_region),
                theme::input(),
            ));
            if !trail.multi_region {
                lines.push(Line::raw(format!("  - {}", Ui::TrailMakeMultiRegion.text(lang))));
            }
            if !trail.is_logging {
                lines.push(Line::raw(format!("  - {}", Ui::TrailStart.text(lang))));
            }
        }
        TrailPlan::Nothing => {}
    }
}

/// How many items the wrap-up screen lists before "and N more".
const WRAP_UP_ROWS: usize = 6;

/// Room for a form field's label.
const FORM_LABEL_WIDTH: usize = 19;

/// The end of `text` if it is wider than `room` (where the typing happens), with "<"
/// in front to say there is more.
fn tail(text: &str, room: usize) -> String {
    if Line::from(text).width() <= room {
        return text.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('<').chain(kept.into_iter().rev()).collect()
}

/// What the alert will do with the numbers on the form: "80 % of USD 10 is USD 8.00".
fn budget_explanation(form: &Form, lang: Lang) -> String {
    let amount: f64 = form.fields[budget_row::AMOUNT].typed().trim().parse().unwrap_or(0.0);
    let percent: f64 = form.fields[budget_row::THRESHOLD].typed().trim().parse().unwrap_or(0.0);
    let at = amount * percent / 100.0;
    let actual = form.chosen(budget_row::BASIS) == "ACTUAL";
    match (lang, actual) {
        (Lang::En, true) => format!(
            "ACTUAL: an email once this month's charges pass {percent} % of USD {amount:.2}, that is USD {at:.2}.              FORECASTED would warn earlier, when AWS predicts the month will end above it."
        ),
        (Lang::En, false) => format!(
            "FORECASTED: an email as soon as AWS predicts this month will end above {percent} % of USD              {amount:.2}, that is USD {at:.2}, before it is spent. ACTUAL would wait for the charges."
        ),
        (Lang::Ja, true) => format!(
            "ACTUAL: 今月の請求額が USD {amount:.2} の {percent} %、つまり USD {at:.2} を超えたらメールします。             FORECASTED なら、月末の予測額が超えそうな時点で早めに知らせます。"
        ),
        (Lang::Ja, false) => format!(
            "FORECASTED: 今月の予測額が USD {amount:.2} の {percent} %、つまり USD {at:.2} を超えそうになった             時点でメールします。ACTUAL は実際の請求額を待ちます。"
        ),
    }
}

/// The admin user form: the name, the password choice (a typed one shown as dots),
/// the first sign-in toggle; the row with the focus is highlighted.
fn user_form(lines: &mut Vec<Line<'static>>, form: &UserForm, lang: Lang, width: usize) {
    let focused = |field: UserField| {
        if form.focus == field {
            theme::selected()
        } else {
            theme::heading()
        }
    };
    lines.push(Line::styled(Ui::UserPrompt.text(lang), focused(UserField::Name)));
    lines.push(Line::from(vec![
        Span::raw("> "),
        Span::styled(format!("{}_", form.name.value), theme::input()),
    ]));
    paragraph(lines, Ui::UserWillCreate.text(lang), width, Style::new());
    lines.push(Line::styled(
        Ui::UserPasswordLabel.text(lang),
        focused(UserField::Password),
    ));
    let choice = |chosen: bool, label: Ui| format!("{} {}", if chosen { "(*)" } else { "( )" }, label.text(lang));
    lines.push(Line::raw(format!(
        "  {}",
        choice(form.typed.is_none(), Ui::UserPasswordGenerate)
    )));
    lines.push(Line::raw(format!(
        "  {}",
        choice(form.typed.is_some(), Ui::UserPasswordType)
    )));
    if let Some(typed) = &form.typed {
        lines.push(Line::from(vec![
            Span::raw("> "),
            Span::styled(format!("{}_", "*".repeat(typed.chars())), theme::input()),
        ]));
    }
    let mark = if form.reset_required { "[x]" } else { "[ ]" };
    let toggle = format!("{mark} {}", Ui::ResetRequired.text(lang));
    let style = if form.focus == UserField::ResetRequired {
        theme::selected()
    } else {
        Style::new()
    };
    paragraph(lines, &toggle, width, style);
    match &form.problem {
        Some(UserProblem::Name(problem)) => paragraph(lines, &problem.localize(lang), width, theme::bad()),
        Some(UserProblem::Password(rules)) => {
            if let Some(text) = describe_broken_rules(rules, lang) {
                paragraph(lines, &text, width, theme::bad());
            }
        }
        None => {}
    }
}

/// The enrolment screen: the QR code as large as it must be, the codes beside it.
fn draw_mfa_codes(app: &App, frame: &mut Frame, area: Rect) {
    let Screen::Mfa(MfaStage::Codes {
        user,
        device,
        first,
        second,
        on_second,
        show_secret,
        problem,
    }) = &app.screen
    else {
        return;
    };
    let lang = app.lang;
    let account = match &app.identity {
        Some(Ok(identity)) => identity.account_id.clone(),
        _ => String::new(),
    };
    let uri = otpauth_uri(user, &account, &device.seed);
    let matrix = QrMatrix::encode(&uri);
    let qr_size = matrix.as_ref().map_or(0, |m| m.size() as u16);
    let qr_fits = qr_size > 0 && qr_size + 30 <= area.width && qr_size.div_ceil(2) <= area.height;
    let side = if qr_fits {
        let [qr_area, side] = Layout::horizontal([Constraint::Length(qr_size), Constraint::Min(1)]).areas(area);
        if let Ok(matrix) = &matrix {
            frame.render_widget(QrWidget::new(matrix), qr_area);
        }
        side.inner(ratatui::layout::Margin::new(1, 0))
    } else {
        area
    };
    let width = side.width.saturating_sub(1) as usize;
    let mut lines: Vec<Line<'static>> = vec![Line::styled(
        format!("{} ({user})", StepId::UserMfa.title(lang)),
        theme::title(),
    )];
    if !qr_fits {
        paragraph(&mut lines, Ui::QrTooSmall.text(lang), width, theme::warn());
    }
    if let Some(skew) = app.clock_skew.filter(|skew| skew.abs() >= CLOCK_SKEW_WARNING_SECONDS) {
        paragraph(
            &mut lines,
            &format!("{} ({skew:+} s)", Ui::ClockSkew.text(lang)),
            width,
            theme::bad(),
        );
    }
    paragraph(&mut lines, Ui::MfaScan.text(lang), width, Style::new());
    lines.push(Line::raw(""));
    let field = |label: Ui, value: &str, active: bool| {
        let shown = format!("{value:_<6}");
        let style = if active { theme::input() } else { Style::new() };
        Line::from(vec![
            Span::raw(format!("{} ", pad(label.text(lang), 8))),
            Span::styled(shown, style),
        ])
    };
    lines.push(field(Ui::MfaFirstCode, first, !*on_second));
    lines.push(field(Ui::MfaSecondCode, second, *on_second));
    let seconds = totp::seconds_until_next_code(app.clock.now_unix());
    lines.push(Line::styled(
        format!("{} {seconds:>2}s", Ui::MfaNextCodeIn.text(lang)),
        theme::dim(),
    ));
    if let Some(problem) = problem {
        paragraph(&mut lines, &problem.localize(lang), width, theme::bad());
    }
    lines.push(Line::raw(""));
    if *show_secret {
        lines.push(Line::raw(Ui::MfaSecretShown.text(lang)));
        paragraph(&mut lines, device.seed.grouped().as_str(), width, theme::input());
    } else {
        lines.push(Line::styled(Ui::MfaSecretHidden.text(lang), theme::dim()));
    }
    lines.push(Line::raw(""));
    paragraph(&mut lines, Ui::KeysMfaCodes.text(lang), width, theme::dim());
    frame.render_widget(Paragraph::new(lines), side);
}

fn draw_help(app: &App, frame: &mut Frame, area: Rect) {
    let popup = Rect {
        x: area.x + 14,
        y: area.y + 4,
        width: 52.min(area.width),
        height: 14.min(area.height),
    };
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Ui::HelpTitle.text(app.lang))
        .style(Style::new().add_modifier(Modifier::empty()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let lines: Vec<Line> = Ui::Help.text(app.lang).lines().map(Line::raw).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
