//! The wizard's state and its one `update` function. Keys, ticks and answers from the
//! worker all arrive as a [`Msg`]; `update` changes the state and returns the AWS work
//! to start as [`Command`]s instead of doing it, so the whole flow is testable without a
//! terminal, tokio or AWS.

use super::forms::Form;
use crate::account::{
    AccountError, AdvisorCheck, AlternateContact, BudgetPlan, ContactKind, Identity, NewVirtualMfa, Password,
    PasswordPolicy,
};
use crate::checklist::{CheckKind, CheckResult, Finding, Status, StepId};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::journal::Resource;
use crate::mfa::totp::{self, CodeField, CodeRejection};
use crate::steps::fix::{BudgetOutcome, OwnKeys, TrailPlan, baseline_password_policy};
use crate::steps::password::{PasswordRule, broken_rules};
use crate::steps::validate::{self, NameProblem};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A clock this far from AWS's (in seconds) makes a code of the wrong 30-second step.
pub const CLOCK_SKEW_WARNING_SECONDS: i64 = 30;

/// How long the log bucket keeps logs, as offered on the CloudTrail screen (`None`:
/// for ever). A year is the default: enough for an investigation, and logs stop piling up.
pub const LOG_RETENTION_DAYS: [Option<i32>; 5] = [None, Some(90), Some(365), Some(730), Some(2555)];

/// How often a console-only step is re-checked while it is on screen and not yet done.
pub const POLL_SECONDS: u64 = 5;

/// Rows of the password policy editor: length, four classes, self-service change, reuse.
pub const POLICY_FIELDS: usize = 7;

/// Change one row of the policy by `step` (numbers) or toggle it (yes/no), within the
/// ranges IAM accepts: length 6 to 128, reuse prevention off or 1 to 24.
pub fn adjust_policy(plan: &mut PasswordPolicy, field: usize, step: i32) {
    match field {
        0 => plan.minimum_length = (plan.minimum_length + step).clamp(6, 128),
        1 => plan.require_uppercase = !plan.require_uppercase,
        2 => plan.require_lowercase = !plan.require_lowercase,
        3 => plan.require_numbers = !plan.require_numbers,
        4 => plan.require_symbols = !plan.require_symbols,
        5 => plan.allow_users_to_change = !plan.allow_users_to_change,
        _ => {
            let reuse = (plan.reuse_prevention.unwrap_or(0) + step).clamp(0, 24);
            plan.reuse_prevention = (reuse > 0).then_some(reuse);
        }
    }
}

/// A one-field name form: a key edits the name; Enter checks it and, if it is valid,
/// submits it, otherwise shows what is wrong.
fn name_form(
    mut input: Input,
    problem: Option<NameProblem>,
    key: &KeyEvent,
    validate: fn(&str) -> Result<(), NameProblem>,
    screen: impl Fn(Input, Option<NameProblem>) -> Screen,
    submit: impl FnOnce(String) -> (Screen, Command),
) -> (Screen, Vec<Command>) {
    if key.code != KeyCode::Enter {
        let problem = if input.edit(key) { None } else { problem };
        return (screen(input, problem), Vec::new());
    }
    match validate(&input.value) {
        Ok(()) => {
            let (next, command) = submit(input.value);
            (next, vec![command])
        }
        Err(problem) => (screen(input, Some(problem)), Vec::new()),
    }
}

/// Everything that can happen to the wizard.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// A second passed (countdowns, polling).
    Tick,
    /// The worker finished something.
    Backend(Backend),
    /// The process was asked to stop (SIGTERM, SIGHUP): the same as Ctrl-C.
    Interrupt,
}

/// Answers from the worker.
#[derive(Debug)]
pub enum Backend {
    Identity(Result<Identity, AccountError>),
    /// How far AWS's clock is ahead of ours, in seconds.
    ClockSkew(i64),
    /// Manual steps confirmed in an earlier run.
    Confirmed(Vec<StepId>),
    /// Remembering a confirmation failed (the step stays confirmed for this run).
    NotRemembered(String),
    /// Writing down what a fix created failed (cleanup will not know about it).
    NotJournaled(String),
    /// What this run has made so far (from the journal), after it changed.
    Made(Vec<Resource>),
    Checked(CheckResult),
    /// These steps could not be checked (the account could not be reached).
    Unchecked(Vec<StepId>),
    PasswordPolicyLoaded(Result<Option<PasswordPolicy>, AccountError>),
    Fixed {
        step: StepId,
        result: Result<(), AccountError>,
    },
    AdminUserCreated {
        user: String,
        password: Password,
        /// The user typed the password (so it is not shown back).
        typed: bool,
        result: Result<bool, AccountError>,
    },
    RootKeys(Result<OwnKeys, AccountError>),
    /// The region the account's regional resources are made in.
    Region(String),
    BudgetDone {
        name: String,
        result: Result<BudgetOutcome, AccountError>,
    },
    /// A contact the account has already, to prefill the contact form.
    ContactKnown(Option<AlternateContact>),
    TrailPlanned(Result<TrailPlan, AccountError>),
    Advisor(Result<Vec<AdvisorCheck>, AccountError>),
    /// What cleanup would remove, and the account's alias (which confirms it).
    CleanupSurvey(Result<(Vec<crate::cleanup::Item>, Option<String>), AccountError>),
    /// How many journaled resources were removed, and how many could not be; or why
    /// the cleanup could not start.
    CleanedUp(Result<(usize, usize), AccountError>),
    RootKeysDeleted {
        include_in_use: bool,
        /// The keys left.
        result: Result<OwnKeys, AccountError>,
    },
    MfaCandidates(Result<Vec<String>, AccountError>),
    MfaCreated {
        user: String,
        result: Result<NewVirtualMfa, AccountError>,
    },
    MfaEnabled {
        user: String,
        result: Result<(), AccountError>,
    },
    MfaDeleted(Result<(), AccountError>),
}

/// Work for the worker. Nothing here has happened yet when `update` returns it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    LoadIdentity,
    Check(Vec<StepId>),
    CreateAlias(String),
    LoadPasswordPolicy,
    ApplyPasswordPolicy(PasswordPolicy),
    CreateAdminGroup(String),
    CreateAdminUser {
        user: String,
        reset_required: bool,
        /// `None`: generate one that satisfies the account's policy.
        password: Option<Password>,
    },
    /// List the caller's (the root user's) access keys.
    LoadRootKeys,
    CreateBudget(BudgetPlan),
    /// Read the alternate contacts the account has, to prefill the form.
    LoadContacts,
    SetContacts {
        kinds: Vec<ContactKind>,
        contact: AlternateContact,
    },
    EnableGuardDuty,
    CreateOrganization,
    /// List what cleanup would remove.
    SurveyCleanup,
    /// Remove what aws-day-one made in this account.
    RunCleanup,
    /// Ask Trusted Advisor for its security checks, named in this language.
    LoadTrustedAdvisor(Lang),
    /// Look at the trails to decide what the CloudTrail fix will do.
    PlanTrail,
    FixCloudtrail {
        expire_after_days: Option<i32>,
    },
    FixConfig,
    /// Delete the root user's keys; the one in use only with `include_in_use`.
    DeleteRootKeys {
        include_in_use: bool,
    },
    ListMfaCandidates,
    CreateVirtualMfa {
        user: String,
    },
    EnableMfa {
        user: String,
        serial_number: String,
        code1: String,
        code2: String,
    },
    DeleteVirtualMfa {
        serial_number: String,
    },
    /// Remember that the user confirmed a manual step.
    RememberConfirmation(StepId),
    /// Practice only: do what the user would do in the console.
    ConsoleDone(StepId),
}

impl Command {
    /// The step whose fix this command changes the account for, if it changes the
    /// account at all. Each such command is answered by exactly one answer whose
    /// `Backend::ends_change` is the same.
    pub fn changes(&self) -> Option<Option<StepId>> {
        let step = match self {
            Command::CreateAlias(_) => StepId::AccountAlias,
            Command::ApplyPasswordPolicy(_) => StepId::PasswordPolicy,
            Command::CreateAdminGroup(_) => StepId::AdminGroup,
            Command::CreateAdminUser { .. } => StepId::AdminUser,
            Command::CreateBudget(_) => StepId::Budget,
            Command::SetContacts { .. } => StepId::SecurityContact,
            Command::EnableGuardDuty => StepId::Guardduty,
            Command::CreateOrganization => StepId::Organizations,
            Command::FixCloudtrail { .. } => StepId::Cloudtrail,
            Command::FixConfig => StepId::Config,
            Command::DeleteRootKeys { .. } => StepId::RootAccessKeys,
            Command::CreateVirtualMfa { .. } | Command::EnableMfa { .. } | Command::DeleteVirtualMfa { .. } => {
                StepId::UserMfa
            }
            Command::RunCleanup => return Some(None),
            Command::LoadIdentity
            | Command::Check(_)
            | Command::LoadPasswordPolicy
            | Command::LoadRootKeys
            | Command::LoadContacts
            | Command::SurveyCleanup
            | Command::LoadTrustedAdvisor(_)
            | Command::PlanTrail
            | Command::ListMfaCandidates
            | Command::RememberConfirmation(_)
            | Command::ConsoleDone(_) => return None,
        };
        Some(Some(step))
    }
}

impl Backend {
    /// When this answers a command that changes the account: that command's
    /// [`Command::changes`].
    fn ends_change(&self) -> Option<Option<StepId>> {
        let step = match self {
            Backend::Fixed { step, .. } => *step,
            Backend::AdminUserCreated { .. } => StepId::AdminUser,
            Backend::BudgetDone { .. } => StepId::Budget,
            Backend::RootKeysDeleted { .. } => StepId::RootAccessKeys,
            Backend::MfaCreated { .. } | Backend::MfaEnabled { .. } | Backend::MfaDeleted(_) => StepId::UserMfa,
            Backend::CleanedUp(_) => return Some(None),
            _ => return None,
        };
        Some(Some(step))
    }
}

/// A one-line text field.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Input {
    pub value: String,
}

impl Input {
    pub fn with(value: &str) -> Input {
        Input {
            value: value.to_owned(),
        }
    }

    /// Apply an editing key; true when the key was for the field.
    fn edit(&mut self, key: &KeyEvent) -> bool {
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.value.push(c);
                true
            }
            KeyCode::Backspace => {
                self.value.pop();
                true
            }
            _ => false,
        }
    }
}

/// Where the user is in the MFA enrolment.
#[derive(Debug)]
pub enum MfaStage {
    /// Waiting for the list of console users without MFA.
    Loading,
    Choose {
        users: Vec<String>,
        selected: usize,
    },
    /// CreateVirtualMFADevice is running.
    Creating {
        user: String,
    },
    /// The QR code is on screen; the user types two codes.
    Codes {
        user: String,
        device: NewVirtualMfa,
        first: String,
        second: String,
        on_second: bool,
        show_secret: bool,
        problem: Option<CodeRejection>,
    },
    /// EnableMFADevice is running.
    Enabling {
        user: String,
        serial_number: String,
    },
}

/// The rows of the admin user form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserField {
    Name,
    Password,
    ResetRequired,
}

/// What is wrong with the admin user form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserProblem {
    Name(NameProblem),
    Password(Vec<PasswordRule>),
}

/// The admin user form: a name, a password generated or typed, and whether it must be
/// changed at first sign-in.
#[derive(Debug)]
pub struct UserForm {
    pub name: Input,
    /// `None`: generate one; `Some`: the password being typed.
    pub typed: Option<Password>,
    pub reset_required: bool,
    pub focus: UserField,
    /// The account's policy once loaded (`Some(None)`: the account has none).
    pub policy: Option<Option<PasswordPolicy>>,
    pub problem: Option<UserProblem>,
}

impl UserForm {
    fn new() -> UserForm {
        UserForm {
            name: Input::default(),
            typed: None,
            reset_required: true,
            focus: UserField::Name,
            policy: None,
            problem: None,
        }
    }

    /// Handle a key; a finished form becomes the command that creates the user.
    fn on_key(&mut self, key: &KeyEvent) -> Option<Command> {
        let next = |focus| match focus {
            UserField::Name => UserField::Password,
            UserField::Password => UserField::ResetRequired,
            UserField::ResetRequired => UserField::Name,
        };
        match (key.code, self.focus) {
            (KeyCode::Enter, _) => return self.submit(),
            (KeyCode::Tab | KeyCode::Down, focus) => self.focus = next(focus),
            (KeyCode::BackTab | KeyCode::Up, focus) => self.focus = next(next(focus)),
            (_, UserField::Name) if self.name.edit(key) => self.problem = None,
            (KeyCode::Left | KeyCode::Right, UserField::Password) => {
                self.typed = match self.typed {
                    Some(_) => None,
                    None => Some(Password::empty()),
                };
                self.problem = None;
            }
            (KeyCode::Char(c), UserField::Password) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.typed.get_or_insert_with(Password::empty).push(c);
                self.problem = None;
            }
            (KeyCode::Backspace, UserField::Password) => {
                if let Some(typed) = &mut self.typed {
                    typed.pop();
                }
            }
            (KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right, UserField::ResetRequired) => {
                self.reset_required = !self.reset_required;
            }
            _ => {}
        }
        None
    }

    fn submit(&mut self) -> Option<Command> {
        if let Err(problem) = validate::user_name(&self.name.value) {
            self.focus = UserField::Name;
            self.problem = Some(UserProblem::Name(problem));
            return None;
        }
        if let Some(typed) = &self.typed {
            // Before the policy has loaded, IAM's default rules; the worker checks
            // again against the live policy before anything is created.
            let broken = broken_rules(typed.expose(), self.policy.clone().flatten().as_ref());
            if !broken.is_empty() {
                self.focus = UserField::Password;
                self.problem = Some(UserProblem::Password(broken));
                return None;
            }
        }
        Some(Command::CreateAdminUser {
            user: self.name.value.clone(),
            reset_required: self.reset_required,
            password: self.typed.clone(),
        })
    }
}

/// The screen on top.
#[derive(Debug)]
pub enum Screen {
    Checklist,
    Alias {
        input: Input,
        problem: Option<NameProblem>,
    },
    /// The policy as it is and as it will be; `field` is the row being edited.
    PasswordPolicy {
        current: Option<PasswordPolicy>,
        plan: PasswordPolicy,
        field: usize,
    },
    AdminGroup {
        input: Input,
        problem: Option<NameProblem>,
    },
    AdminUser(UserForm),
    /// A form of several fields (budget, contacts).
    Form(Form),
    /// A fix with nothing to type, shown before it is applied.
    Confirm(StepId),
    /// Trusted Advisor's security checks, or why the API did not answer.
    Advisor(Result<Vec<AdvisorCheck>, AccountError>),
    /// The wrap-up: what would be deleted, and the confirmation being typed.
    WrapUp {
        items: Vec<crate::cleanup::Item>,
        alias: Option<String>,
        input: Input,
        wrong_name: bool,
    },
    /// What the CloudTrail fix will do, with how long logs are kept.
    Trail {
        plan: TrailPlan,
        expire_after_days: Option<i32>,
    },
    /// The root user's access keys, and whether the user is being asked about the last
    /// one (the key these credentials sign with).
    RootKeys {
        keys: OwnKeys,
        confirming: bool,
    },
    /// The generated password, shown once.
    PasswordOnce {
        user: String,
        password: Password,
    },
    Mfa(MfaStage),
    /// A fix is running.
    Working(StepId),
    /// A fix stopped halfway: why, and (drawn from [`App::made`]) what it made so far.
    HalfDone {
        step: StepId,
        error: AccountError,
    },
    /// The account could not be reached (no credentials, expired ones, no network):
    /// why, and the practice account when there are no credentials at all.
    NoAccount(AccountError),
}

/// A message under the page: what just happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Applied(StepId),
    Failed(AccountError),
    MfaEnabled(String),
    MfaDiscarded,
    PasswordUnchanged(String),
    NoMfaCandidates,
    /// The root user's key in use is gone: these credentials no longer work.
    KeyInUseDeleted,
    NothingToClean,
    CleanedUp {
        failed: usize,
    },
    Budget {
        name: String,
        outcome: BudgetOutcome,
    },
    /// The confirmation could not be saved; the reason is the system's.
    NotRemembered(String),
    /// The journal could not be saved; the reason is the system's.
    NotJournaled(String),
}

/// The wizard's whole state.
pub struct App {
    pub lang: Lang,
    pub practice: bool,
    pub clock: Arc<dyn Clock>,
    pub identity: Option<Result<Identity, AccountError>>,
    pub results: HashMap<StepId, CheckResult>,
    pub checking: HashSet<StepId>,
    /// Manual steps the user said are done.
    pub confirmed: HashSet<StepId>,
    pub selected: StepId,
    pub screen: Screen,
    pub help: bool,
    pub notice: Option<Notice>,
    pub quit: bool,
    /// AWS's clock minus ours, once an answer has shown it.
    pub clock_skew: Option<i64>,
    /// Where regional fixes (GuardDuty, CloudTrail, Config) act.
    pub region: Option<String>,
    /// What this run has made in the account (the journal's view).
    pub made: Vec<Resource>,
    /// The user asked to leave while AWS was changing something: the wizard leaves as
    /// soon as the change answers.
    pub stopping: bool,
    /// The user left without waiting: this step's change was still running.
    pub left_mid_change: Option<StepId>,
    /// The user chose the practice account on the no-account screen.
    pub practice_requested: bool,
    /// Steps whose last fix failed (their half-made resources are said on leaving).
    failed_fixes: HashSet<StepId>,
    /// Commands that change the account and have not answered yet, with their step.
    changes_in_flight: Vec<Option<StepId>>,
    seconds_since_poll: u64,
}

/// Ctrl-C, which in the terminal's raw mode arrives as a key.
fn is_interrupt(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// The steps whose fix happens in the console and whose check can watch for it.
fn watched_in_console(step: StepId) -> bool {
    matches!(step, StepId::RootMfa | StepId::RootAccessKeys)
}

impl App {
    pub fn new(lang: Lang, practice: bool, clock: Arc<dyn Clock>, start_at: StepId) -> App {
        App {
            lang,
            practice,
            clock,
            identity: None,
            results: HashMap::new(),
            checking: HashSet::new(),
            confirmed: HashSet::new(),
            selected: start_at,
            screen: Screen::Checklist,
            help: false,
            notice: None,
            quit: false,
            clock_skew: None,
            region: None,
            made: Vec::new(),
            stopping: false,
            left_mid_change: None,
            practice_requested: false,
            failed_fixes: HashSet::new(),
            changes_in_flight: Vec::new(),
            seconds_since_poll: 0,
        }
    }

    /// What this run made for `step` and has not deleted again.
    pub fn made_for(&self, step: StepId) -> Vec<&Resource> {
        self.made.iter().filter(|resource| resource.serves(step)).collect()
    }

    /// Why the account could not be used, when the wizard ends on that screen (the
    /// caller says it again after the terminal is restored).
    pub fn cannot_reach(&self) -> Option<&AccountError> {
        match &self.screen {
            Screen::NoAccount(error) if !self.practice_requested => Some(error),
            _ => None,
        }
    }

    /// Whether a change to the account is running.
    pub fn changing(&self) -> bool {
        !self.changes_in_flight.is_empty()
    }

    /// Steps left half-made on leaving: a fix failed after making something, or the
    /// user left while it ran. Each with what this run made for it.
    pub fn unfinished(&self) -> Vec<(StepId, Vec<&Resource>)> {
        StepId::ALL
            .into_iter()
            .filter(|step| self.failed_fixes.contains(step) || self.left_mid_change == Some(*step))
            .map(|step| (step, self.made_for(step)))
            .filter(|(step, made)| !made.is_empty() || self.left_mid_change == Some(*step))
            .collect()
    }

    /// Whether the wizard runs as the root user.
    pub fn is_root(&self) -> bool {
        matches!(&self.identity, Some(Ok(identity)) if identity.is_root())
    }

    /// What to do first: learn who we are and check everything.
    pub fn start(&mut self) -> Vec<Command> {
        self.checking.extend(StepId::ALL);
        vec![Command::LoadIdentity, Command::Check(StepId::ALL.to_vec())]
    }

    /// The status shown for a step: a manual step the user confirmed counts as done.
    pub fn status(&self, step: StepId) -> Option<Status> {
        if self.confirmed.contains(&step) {
            return Some(Status::Pass);
        }
        self.results.get(&step).map(|result| result.status)
    }

    /// (done, counted): automatic checks that pass plus confirmed manual steps, out of
    /// every step that is not optional.
    pub fn progress(&self) -> (usize, usize) {
        let counted: Vec<StepId> = StepId::ALL
            .into_iter()
            .filter(|s| s.kind() != CheckKind::Optional)
            .collect();
        let done = counted
            .iter()
            .filter(|s| self.status(**s) == Some(Status::Pass))
            .count();
        (done, counted.len())
    }

    fn recheck(&mut self, steps: Vec<StepId>) -> Vec<Command> {
        self.checking.extend(steps.iter().copied());
        vec![Command::Check(steps)]
    }

    /// Handle one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Command> {
        let mut commands = match msg {
            // While leaving, only a second Ctrl-C counts, and the key that says a new
            // password was seen.
            Msg::Key(key)
                if self.stopping && !is_interrupt(&key) && !matches!(self.screen, Screen::PasswordOnce { .. }) =>
            {
                Vec::new()
            }
            Msg::Key(key) => self.on_key(key),
            Msg::Interrupt => self.leave(),
            Msg::Tick => self.on_tick(),
            Msg::Backend(answer) => {
                let ended = answer.ends_change();
                if let Some(index) = self.changes_in_flight.iter().position(|change| Some(*change) == ended) {
                    self.changes_in_flight.remove(index);
                }
                self.on_backend(answer)
            }
        };
        if self.stopping && !self.quit {
            commands.extend(self.stop_when_quiet());
        }
        if self.quit {
            // Nothing new starts once the wizard has decided to leave.
            commands.clear();
        }
        self.changes_in_flight
            .extend(commands.iter().filter_map(Command::changes));
        commands
    }

    /// Ctrl-C, `q` or a signal: leave now if nothing is changing the account, else
    /// once the change answers; a second request leaves at once. An MFA device shown
    /// but not enabled is deleted first.
    fn leave(&mut self) -> Vec<Command> {
        if self.stopping {
            self.quit = true;
            self.left_mid_change = self.changes_in_flight.iter().rev().flatten().next().copied();
            return Vec::new();
        }
        self.stopping = true;
        self.help = false;
        Vec::new()
    }

    /// While stopping: undo what would be left unused, then quit once nothing runs.
    fn stop_when_quiet(&mut self) -> Vec<Command> {
        if self.changing() {
            return Vec::new();
        }
        match &self.screen {
            Screen::Mfa(MfaStage::Codes { device, .. }) => {
                let serial_number = device.serial_number.clone();
                self.screen = Screen::Checklist;
                vec![Command::DeleteVirtualMfa { serial_number }]
            }
            // A new password is shown once: stay until the user has seen it.
            Screen::PasswordOnce { .. } => Vec::new(),
            _ => {
                self.quit = true;
                Vec::new()
            }
        }
    }

    fn on_tick(&mut self) -> Vec<Command> {
        self.seconds_since_poll += 1;
        let watching = matches!(self.screen, Screen::Checklist)
            && !self.practice
            && watched_in_console(self.selected)
            && self.status(self.selected) != Some(Status::Pass)
            && !self.checking.contains(&self.selected);
        if watching && self.seconds_since_poll >= POLL_SECONDS {
            self.seconds_since_poll = 0;
            return self.recheck(vec![self.selected]);
        }
        Vec::new()
    }

    fn on_backend(&mut self, answer: Backend) -> Vec<Command> {
        match answer {
            Backend::Identity(identity) => {
                // Nothing works without knowing the account: say why, and what to do.
                if let Err(error) = &identity {
                    self.help = false;
                    self.screen = Screen::NoAccount(error.clone());
                }
                self.identity = Some(identity);
                Vec::new()
            }
            Backend::Confirmed(steps) => {
                for step in steps {
                    self.confirm(step);
                }
                Vec::new()
            }
            Backend::ClockSkew(seconds) => {
                self.clock_skew = Some(seconds);
                Vec::new()
            }
            Backend::NotRemembered(reason) => {
                self.notice = Some(Notice::NotRemembered(reason));
                Vec::new()
            }
            Backend::NotJournaled(reason) => {
                self.notice = Some(Notice::NotJournaled(reason));
                Vec::new()
            }
            Backend::Unchecked(steps) => {
                for step in steps {
                    self.checking.remove(&step);
                }
                Vec::new()
            }
            Backend::Made(made) => {
                self.made = made;
                Vec::new()
            }
            Backend::Checked(mut result) => {
                self.checking.remove(&result.id);
                if self.confirmed.contains(&result.id) && result.status == Status::Manual {
                    result.status = Status::Pass;
                    result.finding = Finding::ConfirmedByYou;
                }
                self.results.insert(result.id, result);
                Vec::new()
            }
            Backend::PasswordPolicyLoaded(loaded) if matches!(self.screen, Screen::AdminUser(_)) => {
                if let (Screen::AdminUser(form), Ok(policy)) = (&mut self.screen, loaded) {
                    form.policy = Some(policy);
                }
                Vec::new()
            }
            Backend::PasswordPolicyLoaded(_) if !matches!(self.screen, Screen::Working(StepId::PasswordPolicy)) => {
                Vec::new()
            }
            Backend::PasswordPolicyLoaded(Ok(current)) => {
                let plan = baseline_password_policy(current.as_ref());
                self.screen = Screen::PasswordPolicy {
                    current,
                    plan,
                    field: 0,
                };
                Vec::new()
            }
            Backend::PasswordPolicyLoaded(Err(error)) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::Fixed { step, result } => {
                self.screen = Screen::Checklist;
                self.finish(step, result.map(|()| Notice::Applied(step)))
            }
            Backend::AdminUserCreated {
                user,
                password,
                typed,
                result,
            } => match result {
                Ok(true) if typed => {
                    self.screen = Screen::Checklist;
                    self.notice = Some(Notice::Applied(StepId::AdminUser));
                    self.recheck(vec![StepId::AdminUser, StepId::UserMfa])
                }
                Ok(true) => {
                    self.screen = Screen::PasswordOnce { user, password };
                    self.recheck(vec![StepId::AdminUser, StepId::UserMfa])
                }
                Ok(false) => {
                    self.screen = Screen::Checklist;
                    self.finish(StepId::AdminUser, Ok(Notice::PasswordUnchanged(user)))
                }
                Err(error) => {
                    self.screen = Screen::Checklist;
                    self.finish(StepId::AdminUser, Err(error))
                }
            },
            Backend::MfaCandidates(Ok(users)) if users.is_empty() => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::NoMfaCandidates);
                Vec::new()
            }
            Backend::MfaCandidates(Ok(users)) => {
                self.screen = Screen::Mfa(MfaStage::Choose { users, selected: 0 });
                Vec::new()
            }
            Backend::MfaCandidates(Err(error)) | Backend::MfaDeleted(Err(error)) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::MfaCreated {
                user,
                result: Ok(device),
            } => {
                self.screen = Screen::Mfa(MfaStage::Codes {
                    user,
                    device,
                    first: String::new(),
                    second: String::new(),
                    on_second: false,
                    show_secret: false,
                    problem: None,
                });
                Vec::new()
            }
            Backend::MfaCreated { result: Err(error), .. } => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::MfaEnabled { user, result } => {
                let serial_number = match &self.screen {
                    Screen::Mfa(MfaStage::Enabling { serial_number, .. }) => serial_number.clone(),
                    _ => String::new(),
                };
                self.screen = Screen::Checklist;
                match result {
                    Ok(()) => self.finish(StepId::UserMfa, Ok(Notice::MfaEnabled(user))),
                    Err(error) => {
                        // A device AWS would not enable is of no use: remove it.
                        self.notice = Some(Notice::Failed(error));
                        vec![Command::DeleteVirtualMfa { serial_number }]
                    }
                }
            }
            Backend::Region(region) => {
                self.region = Some(region);
                Vec::new()
            }
            Backend::ContactKnown(contact) => {
                if let (Screen::Form(form), Some(contact)) = (&mut self.screen, contact) {
                    form.prefill_contact(&contact);
                }
                Vec::new()
            }
            Backend::BudgetDone { name, result } => {
                self.screen = Screen::Checklist;
                self.finish(StepId::Budget, result.map(|outcome| Notice::Budget { name, outcome }))
            }
            Backend::CleanupSurvey(Ok((items, _))) if !items.iter().any(|item| item.present) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::NothingToClean);
                Vec::new()
            }
            Backend::CleanupSurvey(Ok((items, alias))) => {
                self.screen = Screen::WrapUp {
                    items,
                    alias,
                    input: Input::default(),
                    wrong_name: false,
                };
                Vec::new()
            }
            Backend::CleanupSurvey(Err(error)) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::CleanedUp(Ok((_, failed))) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::CleanedUp { failed });
                self.recheck(StepId::ALL.to_vec())
            }
            Backend::CleanedUp(Err(error)) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::Advisor(result) => {
                self.screen = Screen::Advisor(result);
                Vec::new()
            }
            Backend::TrailPlanned(Ok(TrailPlan::Nothing)) => {
                self.screen = Screen::Checklist;
                self.recheck(vec![StepId::Cloudtrail])
            }
            Backend::TrailPlanned(Ok(plan)) => {
                self.screen = Screen::Trail {
                    plan,
                    expire_after_days: LOG_RETENTION_DAYS[2],
                };
                Vec::new()
            }
            Backend::TrailPlanned(Err(error)) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::RootKeys(Ok(keys)) if keys.keys.is_empty() => {
                self.screen = Screen::Checklist;
                self.recheck(vec![StepId::RootAccessKeys])
            }
            Backend::RootKeys(Ok(keys)) => {
                self.screen = Screen::RootKeys {
                    keys,
                    confirming: false,
                };
                Vec::new()
            }
            Backend::RootKeys(Err(error)) => {
                self.screen = Screen::Checklist;
                self.notice = Some(Notice::Failed(error));
                Vec::new()
            }
            Backend::RootKeysDeleted {
                include_in_use,
                result: Ok(left),
            } => {
                if !left.keys.is_empty() {
                    // The key in use is still there: offer it as the last step.
                    self.screen = Screen::RootKeys {
                        keys: left,
                        confirming: false,
                    };
                    return self.recheck(vec![StepId::RootAccessKeys]);
                }
                self.screen = Screen::Checklist;
                if include_in_use && !self.practice {
                    // These credentials are gone: another check would only fail. The
                    // deletion succeeded and nothing is left, which is the check's pass.
                    self.notice = Some(Notice::KeyInUseDeleted);
                    self.results.insert(
                        StepId::RootAccessKeys,
                        CheckResult {
                            id: StepId::RootAccessKeys,
                            status: Status::Pass,
                            finding: Finding::RootKeysAbsent,
                        },
                    );
                    return Vec::new();
                }
                let notice = if include_in_use {
                    Notice::KeyInUseDeleted
                } else {
                    Notice::Applied(StepId::RootAccessKeys)
                };
                self.finish(StepId::RootAccessKeys, Ok(notice))
            }
            Backend::RootKeysDeleted { result: Err(error), .. } => {
                self.screen = Screen::Checklist;
                self.finish(StepId::RootAccessKeys, Err(error))
            }
            Backend::MfaDeleted(Ok(())) => {
                if !matches!(self.notice, Some(Notice::Failed(_))) {
                    self.notice = Some(Notice::MfaDiscarded);
                }
                Vec::new()
            }
        }
    }

    fn confirm(&mut self, step: StepId) {
        self.confirmed.insert(step);
        self.results.insert(
            step,
            CheckResult {
                id: step,
                status: Status::Pass,
                finding: Finding::ConfirmedByYou,
            },
        );
    }

    /// After a fix: say what happened and re-check the step. A fix that failed after
    /// making something gets a page of its own listing what exists now.
    fn finish(&mut self, step: StepId, outcome: Result<Notice, AccountError>) -> Vec<Command> {
        match outcome {
            Ok(notice) => {
                self.failed_fixes.remove(&step);
                self.notice = Some(notice);
            }
            Err(error) => {
                self.failed_fixes.insert(step);
                if self.made_for(step).is_empty() {
                    self.notice = Some(Notice::Failed(error));
                } else {
                    self.notice = None;
                    self.screen = Screen::HalfDone { step, error };
                }
            }
        }
        self.recheck(vec![step])
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Command> {
        if is_interrupt(&key) {
            return self.leave();
        }
        if self.help {
            self.help = false;
            return Vec::new();
        }
        match &mut self.screen {
            Screen::Checklist => self.on_checklist_key(key),
            Screen::Working(_)
            | Screen::Mfa(MfaStage::Loading | MfaStage::Creating { .. } | MfaStage::Enabling { .. }) => Vec::new(),
            Screen::PasswordOnce { .. } => {
                if key.code == KeyCode::Enter {
                    self.screen = Screen::Checklist;
                    self.notice = Some(Notice::Applied(StepId::AdminUser));
                }
                Vec::new()
            }
            Screen::Mfa(_) => self.on_mfa_key(key),
            Screen::RootKeys { .. } => self.on_root_keys_key(key),
            Screen::Confirm(step) => {
                let step = *step;
                self.on_confirm_key(step, key)
            }
            Screen::WrapUp { .. } => self.on_wrap_up_key(key),
            Screen::NoAccount(error) => {
                match key.code {
                    KeyCode::Char('p') if *error == AccountError::NoCredentials => {
                        self.practice_requested = true;
                        self.quit = true;
                    }
                    KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
                    _ => {}
                }
                Vec::new()
            }
            Screen::HalfDone { step, .. } => {
                let step = *step;
                match key.code {
                    KeyCode::Enter => {
                        self.screen = Screen::Checklist;
                        self.selected = step;
                        self.act()
                    }
                    KeyCode::Esc => {
                        if let Screen::HalfDone { error, .. } = std::mem::replace(&mut self.screen, Screen::Checklist) {
                            self.notice = Some(Notice::Failed(error));
                        }
                        Vec::new()
                    }
                    _ => Vec::new(),
                }
            }
            Screen::Advisor(_) => match key.code {
                KeyCode::Esc => {
                    self.screen = Screen::Checklist;
                    Vec::new()
                }
                KeyCode::Enter => {
                    self.screen = Screen::Checklist;
                    self.confirm(StepId::TrustedAdvisor);
                    vec![Command::RememberConfirmation(StepId::TrustedAdvisor)]
                }
                _ => Vec::new(),
            },
            Screen::Trail { expire_after_days, .. } => match key.code {
                KeyCode::Esc => {
                    self.screen = Screen::Checklist;
                    Vec::new()
                }
                KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
                    let index = LOG_RETENTION_DAYS
                        .iter()
                        .position(|days| days == expire_after_days)
                        .unwrap_or(0);
                    let step = if key.code == KeyCode::Left {
                        LOG_RETENTION_DAYS.len() - 1
                    } else {
                        1
                    };
                    *expire_after_days = LOG_RETENTION_DAYS[(index + step) % LOG_RETENTION_DAYS.len()];
                    Vec::new()
                }
                KeyCode::Enter => {
                    let expire_after_days = *expire_after_days;
                    self.screen = Screen::Working(StepId::Cloudtrail);
                    vec![Command::FixCloudtrail { expire_after_days }]
                }
                _ => Vec::new(),
            },
            _ => self.on_form_key(key),
        }
    }

    fn move_selection(&mut self, forward: bool) {
        let index = StepId::ALL.iter().position(|s| *s == self.selected).unwrap_or(0);
        let next = if forward {
            (index + 1).min(StepId::ALL.len() - 1)
        } else {
            index.saturating_sub(1)
        };
        self.selected = StepId::ALL[next];
        self.seconds_since_poll = 0;
    }

    fn on_checklist_key(&mut self, key: KeyEvent) -> Vec<Command> {
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => self.leave(),
            KeyCode::Char('?') => {
                self.help = true;
                Vec::new()
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.move_selection(false);
                Vec::new()
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.move_selection(true);
                Vec::new()
            }
            KeyCode::Char('r') => {
                self.notice = None;
                self.recheck(StepId::ALL.to_vec())
            }
            KeyCode::Char('x') => {
                self.notice = None;
                self.screen = Screen::Working(self.selected);
                vec![Command::SurveyCleanup]
            }
            KeyCode::Char('c') if self.practice && watched_in_console(self.selected) => {
                let step = self.selected;
                self.checking.insert(step);
                vec![Command::ConsoleDone(step)]
            }
            KeyCode::Enter => self.act(),
            _ => Vec::new(),
        }
    }

    /// Enter on the checklist: start the selected step's fix.
    fn act(&mut self) -> Vec<Command> {
        self.notice = None;
        let step = self.selected;
        if self.status(step) == Some(Status::Pass) && step != StepId::UserMfa {
            return Vec::new();
        }
        match step {
            StepId::AccountAlias => {
                self.screen = Screen::Alias {
                    input: Input::default(),
                    problem: None,
                }
            }
            StepId::PasswordPolicy => {
                self.screen = Screen::Working(StepId::PasswordPolicy);
                return vec![Command::LoadPasswordPolicy];
            }
            StepId::AdminGroup => {
                self.screen = Screen::AdminGroup {
                    input: Input::with("Administrators"),
                    problem: None,
                }
            }
            StepId::AdminUser => {
                self.screen = Screen::AdminUser(UserForm::new());
                return vec![Command::LoadPasswordPolicy];
            }
            StepId::Budget => self.screen = Screen::Form(Form::budget()),
            StepId::SecurityContact => {
                self.screen = Screen::Form(Form::contacts());
                return vec![Command::LoadContacts];
            }
            StepId::Guardduty | StepId::Organizations | StepId::Config => self.screen = Screen::Confirm(step),
            StepId::Cloudtrail => {
                self.screen = Screen::Working(step);
                return vec![Command::PlanTrail];
            }
            StepId::TrustedAdvisor => {
                self.screen = Screen::Working(step);
                return vec![Command::LoadTrustedAdvisor(self.lang)];
            }
            StepId::RootAccessKeys if self.is_root() => {
                self.screen = Screen::Working(StepId::RootAccessKeys);
                return vec![Command::LoadRootKeys];
            }
            StepId::UserMfa => {
                self.screen = Screen::Mfa(MfaStage::Loading);
                return vec![Command::ListMfaCandidates];
            }
            // A manual step is confirmed on a second screen that says what success
            // looks like, so a stray Enter does not mark it done.
            _ if step.kind() == CheckKind::Manual => self.screen = Screen::Confirm(step),
            _ => {}
        }
        Vec::new()
    }

    fn on_form_key(&mut self, key: KeyEvent) -> Vec<Command> {
        if key.code == KeyCode::Esc {
            self.screen = Screen::Checklist;
            return Vec::new();
        }
        let screen = std::mem::replace(&mut self.screen, Screen::Checklist);
        let (screen, commands) = match screen {
            Screen::Alias { input, problem } => name_form(
                input,
                problem,
                &key,
                validate::account_alias,
                |input, problem| Screen::Alias { input, problem },
                |alias| (Screen::Working(StepId::AccountAlias), Command::CreateAlias(alias)),
            ),
            Screen::AdminGroup { input, problem } => name_form(
                input,
                problem,
                &key,
                validate::group_name,
                |input, problem| Screen::AdminGroup { input, problem },
                |group| (Screen::Working(StepId::AdminGroup), Command::CreateAdminGroup(group)),
            ),
            Screen::Form(mut form) => match form.on_key(&key) {
                Some(command) => (Screen::Working(self.selected), vec![command]),
                None => (Screen::Form(form), Vec::new()),
            },
            Screen::AdminUser(mut form) => match form.on_key(&key) {
                Some(command) => (Screen::Working(StepId::AdminUser), vec![command]),
                None => (Screen::AdminUser(form), Vec::new()),
            },
            Screen::PasswordPolicy {
                current,
                mut plan,
                mut field,
            } => {
                let mut commands = Vec::new();
                match key.code {
                    KeyCode::Up | KeyCode::Char('k') => field = field.saturating_sub(1),
                    KeyCode::Down | KeyCode::Char('j') => field = (field + 1).min(POLICY_FIELDS - 1),
                    KeyCode::Left | KeyCode::Char('-') => adjust_policy(&mut plan, field, -1),
                    KeyCode::Right | KeyCode::Char('+' | ' ') => adjust_policy(&mut plan, field, 1),
                    KeyCode::Enter => commands.push(Command::ApplyPasswordPolicy(plan.clone())),
                    _ => {}
                }
                if commands.is_empty() {
                    (Screen::PasswordPolicy { current, plan, field }, commands)
                } else {
                    (Screen::Working(StepId::PasswordPolicy), commands)
                }
            }
            other => (other, Vec::new()),
        };
        self.screen = screen;
        commands
    }

    /// The wrap-up screen: typing the account's alias or id, then Enter, deletes.
    fn on_wrap_up_key(&mut self, key: KeyEvent) -> Vec<Command> {
        let account_id = match &self.identity {
            Some(Ok(identity)) => identity.account_id.clone(),
            _ => String::new(),
        };
        let Screen::WrapUp {
            alias,
            input,
            wrong_name,
            ..
        } = &mut self.screen
        else {
            return Vec::new();
        };
        match key.code {
            KeyCode::Esc => {
                self.screen = Screen::Checklist;
                Vec::new()
            }
            KeyCode::Enter => {
                let typed = input.value.trim();
                let matches = !typed.is_empty() && (typed == account_id || Some(typed) == alias.as_deref());
                if !matches {
                    *wrong_name = true;
                    return Vec::new();
                }
                self.screen = Screen::Working(self.selected);
                vec![Command::RunCleanup]
            }
            _ => {
                if input.edit(&key) {
                    *wrong_name = false;
                }
                Vec::new()
            }
        }
    }

    /// A plan with nothing to type: Enter applies it; creating an organization asks for
    /// an explicit `y`, since it changes how the account is governed.
    fn on_confirm_key(&mut self, step: StepId, key: KeyEvent) -> Vec<Command> {
        let command = match (step, key.code) {
            (_, KeyCode::Esc) => {
                self.screen = Screen::Checklist;
                return Vec::new();
            }
            (_, KeyCode::Enter) if step.kind() == CheckKind::Manual => {
                self.screen = Screen::Checklist;
                self.confirm(step);
                return vec![Command::RememberConfirmation(step)];
            }
            (StepId::Organizations, KeyCode::Char('y' | 'Y')) => Command::CreateOrganization,
            (StepId::Guardduty, KeyCode::Enter) => Command::EnableGuardDuty,
            (StepId::Config, KeyCode::Enter) => Command::FixConfig,
            _ => return Vec::new(),
        };
        self.screen = Screen::Working(step);
        vec![command]
    }

    /// The root keys screen: Enter deletes the keys not in use; the key in use goes
    /// only after a second, explicit `y`.
    fn on_root_keys_key(&mut self, key: KeyEvent) -> Vec<Command> {
        let Screen::RootKeys { keys, confirming } = &mut self.screen else {
            return Vec::new();
        };
        let delete = |include_in_use| {
            (
                Screen::Working(StepId::RootAccessKeys),
                vec![Command::DeleteRootKeys { include_in_use }],
            )
        };
        let (screen, commands) = match (key.code, *confirming) {
            (KeyCode::Esc, true) => {
                *confirming = false;
                return Vec::new();
            }
            (KeyCode::Esc, false) => (Screen::Checklist, Vec::new()),
            (KeyCode::Char('y' | 'Y'), true) => delete(true),
            (KeyCode::Enter, false) if keys.others().next().is_some() => delete(false),
            (KeyCode::Enter, false) => {
                *confirming = keys.in_use.is_some();
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        self.screen = screen;
        commands
    }

    fn on_mfa_key(&mut self, key: KeyEvent) -> Vec<Command> {
        let now = self.clock.now_unix();
        let Screen::Mfa(stage) = &mut self.screen else {
            return Vec::new();
        };
        match stage {
            MfaStage::Choose { users, selected } => match key.code {
                KeyCode::Esc => {
                    self.screen = Screen::Checklist;
                    Vec::new()
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    *selected = selected.saturating_sub(1);
                    Vec::new()
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(users.len().saturating_sub(1));
                    Vec::new()
                }
                KeyCode::Enter => {
                    let user = users.get(*selected).cloned().unwrap_or_default();
                    self.screen = Screen::Mfa(MfaStage::Creating { user: user.clone() });
                    vec![Command::CreateVirtualMfa { user }]
                }
                _ => Vec::new(),
            },
            MfaStage::Codes {
                user,
                device,
                first,
                second,
                on_second,
                show_secret,
                problem,
            } => match key.code {
                KeyCode::Esc => {
                    let serial_number = device.serial_number.clone();
                    self.screen = Screen::Checklist;
                    vec![Command::DeleteVirtualMfa { serial_number }]
                }
                KeyCode::Char('s') => {
                    *show_secret = !*show_secret;
                    Vec::new()
                }
                KeyCode::Char(digit) if digit.is_ascii_digit() => {
                    let field = if *on_second { &mut *second } else { &mut *first };
                    if field.len() < totp::DIGITS {
                        field.push(digit);
                    }
                    if !*on_second && first.len() == totp::DIGITS {
                        *on_second = true;
                    }
                    *problem = None;
                    Vec::new()
                }
                KeyCode::Backspace => {
                    if *on_second && second.is_empty() {
                        *on_second = false;
                    }
                    let field = if *on_second { &mut *second } else { &mut *first };
                    field.pop();
                    Vec::new()
                }
                KeyCode::Tab => {
                    *on_second = !*on_second;
                    Vec::new()
                }
                KeyCode::Enter => match totp::check_consecutive(&device.seed, first, second, now) {
                    Ok(()) => {
                        let command = Command::EnableMfa {
                            user: user.clone(),
                            serial_number: device.serial_number.clone(),
                            code1: first.clone(),
                            code2: second.clone(),
                        };
                        let (user, serial_number) = (user.clone(), device.serial_number.clone());
                        self.screen = Screen::Mfa(MfaStage::Enabling { user, serial_number });
                        vec![command]
                    }
                    Err(rejection) => {
                        *problem = Some(rejection);
                        // Start again on the field that was wrong.
                        match rejection {
                            CodeRejection::NotSixDigits(CodeField::First) => *on_second = false,
                            CodeRejection::NotSixDigits(CodeField::Second) => *on_second = true,
                            _ => {
                                first.clear();
                                second.clear();
                                *on_second = false;
                            }
                        }
                        Vec::new()
                    }
                },
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}
