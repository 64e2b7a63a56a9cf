//! The worker: runs the wizard's [`Command`]s against the account on tokio tasks and
//! reports back as [`Msg`]s, so the screen never waits on AWS.

use super::app::{Backend, Command, Msg};
use crate::account::practice::PracticeAccount;
use crate::account::{ADMINISTRATOR_ACCESS_ARN, Account, AccountError, ContactKind, Identity, Password};
use crate::checklist::StepId;
use crate::i18n::Lang;
use crate::journal::Journal;
use crate::state::AccountMemory;
use crate::steps::{self, CHECK_TIMEOUT, Facts, fix, password};
use futures::future::{self, BoxFuture, Shared};
use futures::{FutureExt, StreamExt};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::OnceCell;
use tokio::sync::mpsc::UnboundedSender;

/// What the worker needs: the account, and the practice account's console when the
/// account is the practice one.
#[derive(Clone)]
pub struct Worker {
    /// The account, once connected: building the SDK clients (and the TLS roots they
    /// load) happens off the screen's path, so the first frame does not wait for it.
    account: Shared<BoxFuture<'static, Arc<dyn Account>>>,
    pub practice: Option<PracticeAccount>,
    pub messages: UnboundedSender<Msg>,
    /// Who we are does not change during a run: asked once, shared by every task.
    identity: Arc<OnceCell<Identity>>,
    /// Where the fixes write down what they create; opened once the account is known.
    journal: Arc<OnceCell<Journal>>,
    /// The journal version the screen last heard of.
    journal_seen: Arc<AtomicU64>,
    /// Where confirmations and the journal are kept (none: this run only).
    state_dir: Option<PathBuf>,
    /// The language of what the worker words itself (a refused typed password).
    lang: Lang,
}

impl Worker {
    pub fn new(
        account: Arc<dyn Account>,
        practice: Option<PracticeAccount>,
        messages: UnboundedSender<Msg>,
        lang: Lang,
    ) -> Worker {
        Worker::connecting(future::ready(account), practice, messages, lang)
    }

    /// A worker whose account is still being connected; commands wait for it.
    pub fn connecting(
        account: impl Future<Output = Arc<dyn Account>> + Send + 'static,
        practice: Option<PracticeAccount>,
        messages: UnboundedSender<Msg>,
        lang: Lang,
    ) -> Worker {
        Worker {
            account: account.boxed().shared(),
            practice,
            messages,
            identity: Arc::new(OnceCell::new()),
            journal: Arc::new(OnceCell::new()),
            journal_seen: Arc::new(AtomicU64::new(0)),
            state_dir: crate::state::state_dir(),
            lang,
        }
    }

    /// Keep confirmations and the journal under `dir` instead of the usual place.
    pub fn with_state_dir(mut self, dir: PathBuf) -> Worker {
        self.state_dir = Some(dir);
        self
    }

    fn memory(&self, account_id: &str) -> Option<AccountMemory> {
        self.state_dir.as_deref().map(|dir| AccountMemory::new(dir, account_id))
    }

    /// The account (waiting, the first time, for it to be connected).
    pub async fn account(&self) -> Arc<dyn Account> {
        self.account.clone().await
    }

    /// What this run has made so far, as the journal says now.
    pub fn made_this_run(&self) -> Vec<crate::journal::Resource> {
        self.journal.get().map(Journal::made_this_run).unwrap_or_default()
    }

    /// Start `command` in the background.
    pub fn spawn(&self, command: Command) {
        let worker = self.clone();
        tokio::spawn(async move { worker.run(command).await });
    }

    /// Answer the screen; any change to the journal is told first, so the screen
    /// knows what exists when it reads the answer.
    fn send(&self, answer: Backend) {
        if let Some(journal) = self.journal.get() {
            self.report_journal(journal);
        }
        self.tell(answer);
    }

    fn tell(&self, answer: Backend) {
        // The UI has gone when this fails: nothing is left to tell.
        let _ = self.messages.send(Msg::Backend(answer));
    }

    /// Run one command to the end. Public so tests can await it directly.
    pub async fn run(&self, command: Command) {
        self.execute(command).await;
        if let Some(journal) = self.journal.get() {
            self.report_journal(journal);
        }
    }

    async fn execute(&self, command: Command) {
        let account = self.account().await;
        let account = account.as_ref();
        match command {
            Command::LoadIdentity => {
                let identity = self.identity().await;
                if let (Ok(identity), None) = (&identity, &self.practice) {
                    let memory = self.memory(&identity.account_id);
                    self.send(Backend::Confirmed(memory.map(|m| m.confirmed()).unwrap_or_default()));
                }
                self.send(Backend::Identity(identity));
                self.send(Backend::Region(account.region()));
                if let Some(seconds) = account.clock_skew_seconds().await {
                    self.send(Backend::ClockSkew(seconds));
                }
            }
            Command::RememberConfirmation(step) => {
                // The practice account is new every time: nothing to remember.
                if self.practice.is_none() {
                    let remembered = match self.identity().await {
                        Ok(identity) => match self.memory(&identity.account_id) {
                            Some(memory) => memory.confirm(step).map_err(|error| error.to_string()),
                            None => Err("no state directory".to_owned()),
                        },
                        Err(error) => Err(error.to_string()),
                    };
                    if let Err(reason) = remembered {
                        self.send(Backend::NotRemembered(reason));
                    }
                }
            }
            Command::Check(steps) => self.check(&steps).await,
            Command::CreateAlias(alias) => {
                let result = fix::account_alias(account, self.journal().await, &alias).await;
                self.send(Backend::Fixed {
                    step: StepId::AccountAlias,
                    result,
                });
            }
            Command::LoadPasswordPolicy => {
                self.send(Backend::PasswordPolicyLoaded(account.password_policy().await));
            }
            Command::ApplyPasswordPolicy(policy) => {
                let result = fix::password_policy(account, self.journal().await, &policy).await;
                self.send(Backend::Fixed {
                    step: StepId::PasswordPolicy,
                    result,
                });
            }
            Command::CreateAdminGroup(group) => {
                let result = fix::admin_group(account, self.journal().await, &group).await;
                self.send(Backend::Fixed {
                    step: StepId::AdminGroup,
                    result,
                });
            }
            Command::CreateAdminUser {
                user,
                reset_required,
                password,
            } => self.create_admin_user(user, reset_required, password).await,
            Command::CreateBudget(plan) => {
                let result = match self.identity().await {
                    Ok(identity) => fix::budget(account, self.journal().await, &identity.account_id, &plan).await,
                    Err(error) => Err(error),
                };
                self.send(Backend::BudgetDone {
                    name: plan.name,
                    result,
                });
            }
            Command::LoadContacts => {
                // Any contact the account has is a good start for the others.
                let mut known = None;
                for kind in [ContactKind::Security, ContactKind::Billing, ContactKind::Operations] {
                    if let Ok(Some(contact)) = account.alternate_contact(kind).await {
                        known = Some(contact);
                        break;
                    }
                }
                self.send(Backend::ContactKnown(known));
            }
            Command::SetContacts { kinds, contact } => {
                let result = fix::alternate_contacts(account, self.journal().await, &kinds, &contact).await;
                self.send(Backend::Fixed {
                    step: StepId::SecurityContact,
                    result,
                });
            }
            Command::EnableGuardDuty => {
                let result = fix::guardduty(account, self.journal().await).await;
                self.send(Backend::Fixed {
                    step: StepId::Guardduty,
                    result,
                });
            }
            Command::CreateOrganization => {
                let result = fix::organization(account, self.journal().await).await.map(|_| ());
                self.send(Backend::Fixed {
                    step: StepId::Organizations,
                    result,
                });
            }
            Command::SurveyCleanup => {
                let survey = async {
                    let identity = self.identity().await?;
                    let entries = self.journal().await.entries();
                    let items = crate::cleanup::survey(account, &identity.account_id, &entries).await?;
                    let alias = account.account_alias().await?;
                    Ok((items, alias))
                };
                self.send(Backend::CleanupSurvey(survey.await));
            }
            Command::RunCleanup => {
                let cleaned = async {
                    let identity = self.identity().await?;
                    let journal = self.journal().await;
                    // Asked again: the account may have changed while the list was shown.
                    let items = crate::cleanup::survey(account, &identity.account_id, &journal.entries()).await?;
                    Ok::<_, AccountError>(
                        crate::cleanup::remove_all(account, &identity.account_id, &items, journal).await,
                    )
                };
                let counted = cleaned.await.map(|outcomes| {
                    let failed = outcomes.iter().filter(|(_, result)| result.is_err()).count();
                    (outcomes.len() - failed, failed)
                });
                self.send(Backend::CleanedUp(counted));
            }
            Command::LoadTrustedAdvisor(lang) => {
                let language = match lang {
                    Lang::En => "en",
                    Lang::Ja => "ja",
                };
                self.send(Backend::Advisor(
                    account.trusted_advisor_security_checks(language).await,
                ));
            }
            Command::PlanTrail => {
                let result = match self.identity().await {
                    Ok(identity) => fix::trail_plan(account, &identity.account_id).await,
                    Err(error) => Err(error),
                };
                self.send(Backend::TrailPlanned(result));
            }
            Command::FixCloudtrail { expire_after_days } => {
                let result = match self.identity().await {
                    Ok(identity) => {
                        let journal = self.journal().await;
                        fix::cloudtrail(account, journal, &identity.account_id, expire_after_days).await
                    }
                    Err(error) => Err(error),
                };
                self.send(Backend::Fixed {
                    step: StepId::Cloudtrail,
                    result,
                });
            }
            Command::FixConfig => {
                let result = match self.identity().await {
                    Ok(identity) => fix::config(account, self.journal().await, &identity.account_id).await,
                    Err(error) => Err(error),
                };
                self.send(Backend::Fixed {
                    step: StepId::Config,
                    result,
                });
            }
            Command::LoadRootKeys => self.send(Backend::RootKeys(fix::own_access_keys(account).await)),
            Command::DeleteRootKeys { include_in_use } => {
                let result = fix::delete_own_access_keys(account, include_in_use).await;
                self.send(Backend::RootKeysDeleted { include_in_use, result });
            }
            Command::ListMfaCandidates => self.send(Backend::MfaCandidates(self.mfa_candidates().await)),
            Command::CreateVirtualMfa { user } => {
                let result = fix::create_virtual_mfa(account, self.journal().await, &user).await;
                self.send(Backend::MfaCreated { user, result });
            }
            Command::EnableMfa {
                user,
                serial_number,
                code1,
                code2,
            } => {
                let journal = self.journal().await;
                let result = fix::enable_mfa(account, journal, &user, &serial_number, (&code1, &code2)).await;
                self.send(Backend::MfaEnabled { user, result });
            }
            Command::DeleteVirtualMfa { serial_number } => {
                let result = fix::discard_virtual_mfa(account, self.journal().await, &serial_number).await;
                self.send(Backend::MfaDeleted(result));
            }
            Command::ConsoleDone(step) => {
                if let Some(practice) = &self.practice {
                    match step {
                        StepId::RootMfa => practice.console_enable_root_mfa(),
                        StepId::RootAccessKeys => practice.console_delete_root_access_keys(),
                        _ => {}
                    }
                }
                self.check(&[step]).await;
            }
        }
    }

    async fn identity(&self) -> Result<Identity, AccountError> {
        self.identity
            .get_or_try_init(|| async { self.account().await.identity().await })
            .await
            .cloned()
    }

    /// The journal of this account: on disk for a real account, in memory for the
    /// practice one (or when the identity or the state directory is unknown; the
    /// fixes still run, and the user is told the journal is not kept).
    async fn journal(&self) -> &Journal {
        self.journal
            .get_or_init(|| async {
                if self.practice.is_some() {
                    return Journal::in_memory();
                }
                let memory = match self.identity().await {
                    Ok(identity) => self.memory(&identity.account_id),
                    Err(_) => None,
                };
                match memory {
                    Some(memory) => Journal::on_disk(memory),
                    None => {
                        self.tell(Backend::NotJournaled("no state directory".to_owned()));
                        Journal::in_memory()
                    }
                }
            })
            .await
    }

    /// Tell the screen what this run has made, when that changed, and when the journal
    /// could not be written.
    fn report_journal(&self, journal: &Journal) {
        let version = journal.version();
        if self.journal_seen.swap(version, Ordering::SeqCst) != version {
            self.tell(Backend::Made(journal.made_this_run()));
        }
        if let Some(reason) = journal.take_problem() {
            self.tell(Backend::NotJournaled(reason));
        }
    }

    async fn check(&self, steps: &[StepId]) {
        // Without the account nothing can be checked; the identity's own answer tells
        // the screen why.
        let Ok(identity) = self.identity().await else {
            self.send(Backend::Unchecked(steps.to_vec()));
            return;
        };
        let account = self.account().await;
        let facts = Facts::new(account.as_ref(), &identity);
        let mut results = steps::check_all(steps, &facts, CHECK_TIMEOUT);
        while let Some(result) = results.next().await {
            self.send(Backend::Checked(result));
        }
    }

    async fn create_admin_user(&self, user: String, reset_required: bool, typed: Option<Password>) {
        let account = self.account().await;
        let account = account.as_ref();
        let is_typed = typed.is_some();
        let prepared = async {
            let group = account
                .groups_with_policy(ADMINISTRATOR_ACCESS_ARN)
                .await?
                .into_iter()
                .next()
                .ok_or(AccountError::Service {
                    action: "iam:ListEntitiesForPolicy",
                    code: "NoAdminGroup".into(),
                    message: "create the admin group first".into(),
                })?;
            let policy = account.password_policy().await?;
            let password = match typed {
                // Checked against the live policy before anything is created, so a
                // refused password never leaves a user without one behind.
                Some(typed) => match password::describe_broken_rules(
                    &password::broken_rules(typed.expose(), policy.as_ref()),
                    self.lang,
                ) {
                    Some(message) => {
                        return Err(AccountError::InvalidInput {
                            action: "iam:CreateLoginProfile",
                            message,
                        });
                    }
                    None => typed,
                },
                None => password::generate(policy.as_ref()).map_err(|error| AccountError::Service {
                    action: "iam:CreateLoginProfile",
                    code: "NoRandomness".into(),
                    message: error.to_string(),
                })?,
            };
            Ok::<_, AccountError>((group, password))
        }
        .await;
        let (group, password) = match prepared {
            Ok(ready) => ready,
            Err(error) => {
                self.send(Backend::AdminUserCreated {
                    user,
                    password: Password::empty(),
                    typed: is_typed,
                    result: Err(error),
                });
                return;
            }
        };
        let journal = self.journal().await;
        let result = fix::admin_user(account, journal, &user, &group, &password, reset_required).await;
        self.send(Backend::AdminUserCreated {
            user,
            password,
            typed: is_typed,
            result,
        });
    }

    /// Console users without MFA: the ones the MFA step can help.
    async fn mfa_candidates(&self) -> Result<Vec<String>, AccountError> {
        let identity = self.identity().await?;
        let account = self.account().await;
        let facts = Facts::new(account.as_ref(), &identity);
        steps::user_mfa::console_users_without_mfa(&facts).await
    }
}
