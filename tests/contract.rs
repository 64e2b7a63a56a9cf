//! The contract between the two implementations of the account port: every scenario
//! here runs once against the practice account and once against moto through the real
//! AWS SDK, and must give the same answers. This is what keeps the practice account
//! from drifting away from AWS.

mod support;

use aws_day_one::account::aws::AwsAccount;
use aws_day_one::account::practice::PracticeAccount;
use aws_day_one::account::{
    ADMINISTRATOR_ACCESS_ARN, Account, AccountError, AlternateContact, BudgetAlert, BudgetPlan, ContactKind, Password,
    PasswordPolicy,
};
use aws_day_one::checklist::{Status, StepId};
use aws_day_one::clock::{Clock, FixedClock};
use aws_day_one::journal::{Journal, Resource};
use aws_day_one::mfa::totp;
use aws_day_one::steps::{self, fix};
use std::sync::Arc;
use support::moto::Moto;

/// A fixed moment for the practice account's TOTP checks.
const NOW: u64 = 1_795_435_210;

/// Run `scenario` against both implementations.
macro_rules! contract {
    ($name:ident, $scenario:ident) => {
        mod $name {
            use super::*;

            #[tokio::test]
            async fn practice() {
                let clock = FixedClock::at(NOW);
                let account = PracticeAccount::new(Arc::new(clock.clone()));
                $scenario(&account, &clock).await;
            }

            #[tokio::test]
            async fn moto() {
                let mut moto = Moto::start();
                // A brand-new account, as the practice account starts: one root key.
                moto.set_root_access_keys(true);
                let account = AwsAccount::new(&moto.sdk_config());
                $scenario(&account, &FixedClock::at(NOW)).await;
            }
        }
    };
}

async fn statuses(account: &dyn Account) -> Vec<(StepId, Status)> {
    let identity = account.identity().await.expect("identity");
    steps::check_everything(account, &identity)
        .await
        .into_iter()
        .map(|r| (r.id, r.status))
        .collect()
}

async fn status_of(account: &dyn Account, step: StepId) -> Status {
    let found = statuses(account).await.into_iter().find(|(id, _)| *id == step);
    found.map(|(_, status)| status).expect("every step is checked")
}

async fn a_brand_new_account(account: &dyn Account, _clock: &FixedClock) {
    use Status::*;
    let expected = [
        Manual, Fail, Fail, Fail, Fail, Fail, Fail, Fail, Manual, Fail, Manual, Fail, Fail, Fail, Fail, Manual, Skipped,
    ];
    let expected: Vec<(StepId, Status)> = StepId::ALL.into_iter().zip(expected).collect();
    assert_eq!(statuses(account).await, expected);
    assert!(account.users().await.expect("users").is_empty());
    assert_eq!(account.password_policy().await.expect("policy"), None);
}
contract!(brand_new, a_brand_new_account);

async fn the_iam_path(account: &dyn Account, clock: &FixedClock) {
    account.create_account_alias("day-one-team").await.expect("alias");
    assert_eq!(
        account.account_alias().await.expect("alias"),
        Some("day-one-team".into())
    );

    let policy = PasswordPolicy {
        minimum_length: 14,
        require_uppercase: true,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: true,
        allow_users_to_change: true,
        reuse_prevention: Some(24),
        max_age_days: None,
    };
    account.update_password_policy(&policy).await.expect("policy");
    assert_eq!(account.password_policy().await.expect("policy"), Some(policy));

    account.create_group("Administrators").await.expect("group");
    account
        .attach_group_policy("Administrators", ADMINISTRATOR_ACCESS_ARN)
        .await
        .expect("attach");
    account.create_user("ada").await.expect("user");
    let password = Password::new("Example-Passw0rd-For-Tests!");
    account
        .create_login_profile("ada", &password, true)
        .await
        .expect("console password");
    account
        .add_user_to_group("ada", "Administrators")
        .await
        .expect("membership");
    assert_eq!(status_of(account, StepId::AdminUser).await, Status::Pass);
    assert_eq!(status_of(account, StepId::UserMfa).await, Status::Fail);

    let device = account.create_virtual_mfa("ada").await.expect("virtual MFA");
    assert!(device.serial_number.ends_with(":mfa/ada"), "{}", device.serial_number);
    assert_eq!(
        account.unassigned_virtual_mfas().await.expect("list"),
        std::slice::from_ref(&device.serial_number)
    );
    let now = clock.now_unix();
    let first = totp::code_at(&device.seed, now - totp::STEP_SECONDS).expect("code");
    let second = totp::code_at(&device.seed, now).expect("code");
    account
        .enable_mfa_device("ada", &device.serial_number, &first, &second)
        .await
        .expect("enable");

    assert!(account.unassigned_virtual_mfas().await.expect("list").is_empty());
    assert_eq!(
        account.mfa_devices("ada").await.expect("devices"),
        [device.serial_number]
    );
    for step in [
        StepId::AccountAlias,
        StepId::PasswordPolicy,
        StepId::AdminGroup,
        StepId::AdminUser,
        StepId::UserMfa,
    ] {
        assert_eq!(status_of(account, step).await, Status::Pass, "{step}");
    }
}
contract!(iam_path, the_iam_path);

async fn an_abandoned_enrolment_leaves_nothing(account: &dyn Account, _clock: &FixedClock) {
    let device = account.create_virtual_mfa("grace").await.expect("virtual MFA");
    account.delete_virtual_mfa(&device.serial_number).await.expect("delete");
    assert!(account.unassigned_virtual_mfas().await.expect("list").is_empty());
    // The same name can be used again once the unused device is gone.
    let again = account.create_virtual_mfa("grace").await.expect("virtual MFA again");
    assert_eq!(again.serial_number, device.serial_number);
}
contract!(abandoned_enrolment, an_abandoned_enrolment_leaves_nothing);

async fn creating_twice_is_an_already_exists_error(account: &dyn Account, _clock: &FixedClock) {
    account.create_group("Administrators").await.expect("group");
    account.create_user("ada").await.expect("user");
    account.create_virtual_mfa("ada").await.expect("virtual MFA");
    assert!(matches!(
        account.create_group("Administrators").await,
        Err(AccountError::AlreadyExists { .. })
    ));
    assert!(matches!(
        account.create_user("ada").await,
        Err(AccountError::AlreadyExists { .. })
    ));
    assert!(matches!(
        account.create_virtual_mfa("ada").await,
        Err(AccountError::AlreadyExists { .. })
    ));
}
contract!(duplicates, creating_twice_is_an_already_exists_error);

fn journaled(journal: &Journal) -> Vec<Resource> {
    journal.entries().into_iter().map(|entry| entry.resource).collect()
}

async fn fixes_are_idempotent_and_journal_only_what_they_made(account: &dyn Account, clock: &FixedClock) {
    // Something the owner made before: a group without the admin policy.
    account.create_group("Owners").await.expect("owner's group");
    let journal = Journal::in_memory();
    let policy = fix::baseline_password_policy(None);
    let password = Password::new("Example-Passw0rd-For-Tests!");
    for round in 0..2 {
        fix::account_alias(account, &journal, "day-one-team")
            .await
            .expect("alias");
        fix::password_policy(account, &journal, &policy).await.expect("policy");
        fix::admin_group(account, &journal, "Owners")
            .await
            .expect("admin group");
        let password_set = fix::admin_user(account, &journal, "ada", "Owners", &password, true)
            .await
            .expect("admin user");
        assert_eq!(password_set, round == 0, "the second run keeps the first password");
    }
    let device = fix::create_virtual_mfa(account, &journal, "ada").await.expect("device");
    let now = clock.now_unix();
    let first = totp::code_at(&device.seed, now - totp::STEP_SECONDS).expect("code");
    let second = totp::code_at(&device.seed, now).expect("code");
    fix::enable_mfa(account, &journal, "ada", &device.serial_number, (&first, &second))
        .await
        .expect("enable");
    let spare = fix::create_virtual_mfa(account, &journal, "spare")
        .await
        .expect("device");
    fix::discard_virtual_mfa(account, &journal, &spare.serial_number)
        .await
        .expect("discard");

    assert_eq!(
        journaled(&journal),
        [
            Resource::AccountAlias {
                alias: "day-one-team".into()
            },
            Resource::PasswordPolicy,
            // Not the group itself: it was the owner's.
            Resource::GroupPolicy {
                group: "Owners".into(),
                policy_arn: ADMINISTRATOR_ACCESS_ARN.into()
            },
            Resource::User { name: "ada".into() },
            Resource::LoginProfile { user: "ada".into() },
            Resource::GroupMembership {
                user: "ada".into(),
                group: "Owners".into()
            },
            Resource::VirtualMfaDevice {
                serial_number: device.serial_number.clone()
            },
            Resource::MfaAssignment {
                user: "ada".into(),
                serial_number: device.serial_number.clone()
            },
        ]
    );
    assert_eq!(account.users().await.expect("users"), ["ada"]);
    assert_eq!(account.group_members("Owners").await.expect("members"), ["ada"]);
    assert_eq!(
        account
            .groups_with_policy(ADMINISTRATOR_ACCESS_ARN)
            .await
            .expect("groups"),
        ["Owners"]
    );
    assert!(account.unassigned_virtual_mfas().await.expect("list").is_empty());
}
contract!(journal, fixes_are_idempotent_and_journal_only_what_they_made);

/// moto has no root access keys, so the calls the root user's key deletion makes
/// (ListAccessKeys and DeleteAccessKey without a user name: "my own keys") are proven
/// here with a user signing with one of its two keys.
#[tokio::test]
async fn own_keys_are_deleted_with_the_one_in_use_last() {
    let moto = Moto::start();
    let keys = support::seed::user_with_access_keys(&moto.sdk_config(), "keyholder", 2).await;
    let (in_use, other) = (&keys[0], &keys[1]);
    let config = moto.sdk_config_signed_by(&in_use.0, &in_use.1);
    let account = AwsAccount::new(&config);

    let found = fix::own_access_keys(&account).await.expect("list");
    assert_eq!(found.in_use.as_ref(), Some(&in_use.0));
    let mut listed = found.keys.clone();
    listed.sort();
    let mut expected = vec![in_use.0.clone(), other.0.clone()];
    expected.sort();
    assert_eq!(listed, expected);

    let left = fix::delete_own_access_keys(&account, false)
        .await
        .expect("delete others");
    assert_eq!(left.keys, std::slice::from_ref(&in_use.0), "the key in use stays");
    let left = fix::delete_own_access_keys(&account, false).await.expect("again");
    assert_eq!(
        left.keys,
        std::slice::from_ref(&in_use.0),
        "a second run changes nothing"
    );

    let left = fix::delete_own_access_keys(&account, true)
        .await
        .expect("delete the last");
    assert!(left.keys.is_empty());
    let iam = aws_sdk_iam::Client::new(&moto.sdk_config());
    let remaining = iam
        .list_access_keys()
        .user_name("keyholder")
        .send()
        .await
        .expect("list as admin");
    assert!(remaining.access_key_metadata().is_empty());
}

fn budget_plan() -> BudgetPlan {
    BudgetPlan {
        name: "monthly-budget".into(),
        amount_usd: "10".into(),
        alert: BudgetAlert {
            kind: "ACTUAL".into(),
            threshold: 80.0,
            emails: vec!["billing@example.com".into()],
        },
    }
}

fn a_contact() -> AlternateContact {
    AlternateContact {
        name: "Ada Lovelace".into(),
        title: "Owner".into(),
        email: "security@example.com".into(),
        phone: "+81 3-0000-0000".into(),
    }
}

async fn billing_and_monitoring_fixes_from_empty(account: &dyn Account, _clock: &FixedClock) {
    let identity = account.identity().await.expect("identity");
    let journal = Journal::in_memory();
    let kinds = [ContactKind::Billing, ContactKind::Operations, ContactKind::Security];
    for round in 0..2 {
        let outcome = fix::budget(account, &journal, &identity.account_id, &budget_plan())
            .await
            .expect("budget");
        let expected = if round == 0 {
            fix::BudgetOutcome::Created
        } else {
            fix::BudgetOutcome::AlreadyThere
        };
        assert_eq!(outcome, expected);
        fix::guardduty(account, &journal).await.expect("guardduty");
        fix::alternate_contacts(account, &journal, &kinds, &a_contact())
            .await
            .expect("contacts");
        fix::organization(account, &journal).await.expect("organization");
    }
    for step in [
        StepId::Budget,
        StepId::Guardduty,
        StepId::SecurityContact,
        StepId::Organizations,
    ] {
        assert_eq!(status_of(account, step).await, Status::Pass, "{step}");
    }
    let budgets = account.cost_budgets(&identity.account_id).await.expect("budgets");
    assert_eq!(budgets.len(), 1, "a second run adds no budget");
    assert_eq!(budgets[0].notifications.len(), 1, "nor an alert");
    assert_eq!(account.guardduty_detectors().await.expect("detectors").len(), 1);
    for kind in kinds {
        assert_eq!(
            account.alternate_contact(kind).await.expect("contact"),
            Some(a_contact())
        );
    }
    let organization = account.organization().await.expect("organization").expect("made");
    assert_eq!(organization.management_account_id, identity.account_id);
    let detector = account.guardduty_detectors().await.expect("detectors").remove(0).id;
    assert_eq!(
        journaled(&journal),
        [
            Resource::Budget {
                name: "monthly-budget".into()
            },
            Resource::GuardDutyDetector {
                region: account.region(),
                id: detector
            },
            Resource::AlternateContact { kind: "billing".into() },
            Resource::AlternateContact {
                kind: "operations".into()
            },
            Resource::AlternateContact {
                kind: "security".into()
            },
            Resource::Organization { id: organization.id },
        ]
    );
}
contract!(billing_and_monitoring, billing_and_monitoring_fixes_from_empty);

async fn logging_fixes_from_empty(account: &dyn Account, _clock: &FixedClock) {
    let identity = account.identity().await.expect("identity");
    let id = identity.account_id.as_str();
    let journal = Journal::in_memory();
    for _ in 0..2 {
        fix::cloudtrail(account, &journal, id, Some(365))
            .await
            .expect("cloudtrail");
        fix::config(account, &journal, id).await.expect("config");
    }
    for step in [StepId::Cloudtrail, StepId::Config] {
        assert_eq!(status_of(account, step).await, Status::Pass, "{step}");
    }
    let trails = account.trails().await.expect("trails");
    assert_eq!(trails.len(), 1, "a second run adds no trail");
    assert!(trails[0].multi_region && trails[0].is_logging);
    let setup = account.config_setup().await.expect("config");
    assert_eq!(setup.recorders.len(), 1);
    assert_eq!(setup.delivery_channels, ["default"]);
    let mut rules = setup.managed_rules.clone();
    rules.sort();
    assert_eq!(rules, ["CLOUD_TRAIL_ENABLED", "ROOT_ACCOUNT_MFA_ENABLED"]);

    let region = account.region();
    let bucket = fix::log_bucket_name(id, &region);
    let policy = account.bucket_policy(&bucket).await.expect("policy").expect("set");
    for sid in ["AWSCloudTrailWrite", "AWSConfigBucketDelivery"] {
        assert!(policy.contains(sid), "{sid} missing from {policy}");
    }
    // moto spells the role AWSServiceRoleForconfig; AWS, AWSServiceRoleForConfig.
    let made: Vec<Resource> = journaled(&journal)
        .into_iter()
        .map(|resource| match resource {
            Resource::ServiceLinkedRole { name } if name.eq_ignore_ascii_case("AWSServiceRoleForConfig") => {
                Resource::ServiceLinkedRole {
                    name: "AWSServiceRoleForConfig".into(),
                }
            }
            other => other,
        })
        .collect();
    assert_eq!(
        made,
        [
            Resource::Bucket { name: bucket },
            Resource::Trail {
                region: region.clone(),
                arn: trails[0].arn.clone()
            },
            Resource::ServiceLinkedRole {
                name: "AWSServiceRoleForConfig".into()
            },
            Resource::ConfigRecorder {
                region: region.clone(),
                name: "default".into()
            },
            Resource::DeliveryChannel {
                region: region.clone(),
                name: "default".into()
            },
            Resource::ConfigRule {
                region: region.clone(),
                name: "root-account-mfa-enabled".into()
            },
            Resource::ConfigRule {
                region,
                name: "cloudtrail-enabled".into()
            },
        ]
    );
}
contract!(logging, logging_fixes_from_empty);
