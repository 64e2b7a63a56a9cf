//! How long `status` takes against moto: the full concurrent run next to its slowest
//! single check and the sum of all checks run one after another, the API calls one full
//! status makes (and whether any is repeated), the same status done the way workshop
//! scripts do it (the AWS CLI, one call after another), the wizard's first frame in a
//! real terminal, and peak memory. Run it with `scripts/bench-status`; it prints numbers
//! and asserts nothing.
//!
//! moto answers every request from one Python process, so on its own it measures
//! mostly the emulator's CPU time. The second column puts a small relay in front of
//! moto that holds each request for a fixed delay, like the round trip to a distant
//! AWS region, which is where the concurrency of real runs pays off.

#[path = "../tests/support"]
#[allow(dead_code)]
mod support {
    pub mod env;
    pub mod moto;
    pub mod pty;
    pub mod seed;
}

use aws_day_one::account::Account;
use aws_day_one::account::aws::{AwsAccount, SharedInterceptor};
use aws_day_one::checklist::StepId;
use aws_day_one::steps::{self, CHECK_TIMEOUT, Facts};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::moto::Moto;
use support::seed;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const ROUNDS: usize = 5;
/// Starts of the binary per first-frame measurement.
const STARTS: usize = 15;
const ADDED_LATENCY: Duration = Duration::from_millis(40);

struct Measurement {
    per_check: Vec<Duration>,
    full: Duration,
}

impl Measurement {
    fn slowest(&self) -> (StepId, Duration) {
        StepId::ALL
            .into_iter()
            .zip(self.per_check.iter().copied())
            .max_by_key(|(_, duration)| *duration)
            .expect("at least one check")
    }

    fn sequential(&self) -> Duration {
        self.per_check.iter().sum()
    }
}

#[tokio::main]
async fn main() {
    let mut moto = Moto::start();
    let config = moto.sdk_config();
    seed_a_half_done_account(&mut moto, &config).await;

    let direct = measure(&AwsAccount::new(&config)).await;
    let relay_port = start_latency_relay(moto.port, ADDED_LATENCY).await;
    let far_config = config
        .to_builder()
        .endpoint_url(format!("http://127.0.0.1:{relay_port}"))
        .build();
    let far = measure(&AwsAccount::new(&far_config)).await;

    let calls = count_calls(&config).await;
    let frame = first_frame().await;
    let moto_url = moto.url();
    let relay_url = format!("http://127.0.0.1:{relay_port}");
    let binary = binary_path();
    let practice_frame = binary_first_frame(&binary, &["--practice"], &[]);
    let moto_frame = binary_first_frame(&binary, &["--endpoint-url", &moto_url], &CREDENTIALS);
    let relay_frame = binary_first_frame(&binary, &["--endpoint-url", &relay_url], &CREDENTIALS);
    let (moto_run, moto_rss) = binary_status(&binary, &moto_url);
    let (relay_run, relay_rss) = binary_status(&binary, &relay_url);
    let cli = aws_cli_status(&moto_url, &relay_url);

    let added = ADDED_LATENCY.as_millis();
    println!("aws-day-one status against moto: median of {ROUNDS} rounds, debug build");
    println!("{:<30} {:>10} {:>16}", "", "moto", format!("moto + {added} ms"));
    for (index, step) in StepId::ALL.iter().enumerate() {
        println!(
            "  {:<28} {:>7.1} ms {:>13.1} ms",
            step.as_str(),
            ms(direct.per_check[index]),
            ms(far.per_check[index])
        );
    }
    println!(
        "{:<30} {:>7.1} ms {:>13.1} ms",
        "full status (concurrent)",
        ms(direct.full),
        ms(far.full)
    );
    let ((direct_id, direct_slowest), (far_id, far_slowest)) = (direct.slowest(), far.slowest());
    println!(
        "{:<30} {:>7.1} ms {:>13.1} ms",
        "slowest single check",
        ms(direct_slowest),
        ms(far_slowest)
    );
    println!("{:<30} {:>10} {:>16}", "  (which)", direct_id.as_str(), far_id.as_str());
    println!(
        "{:<30} {:>7.1} ms {:>13.1} ms",
        "sum of checks, one by one",
        ms(direct.sequential()),
        ms(far.sequential())
    );
    println!(
        "{:<30} {:>9.2}x {:>15.2}x",
        "full / slowest",
        direct.full.as_secs_f64() / direct_slowest.as_secs_f64(),
        far.full.as_secs_f64() / far_slowest.as_secs_f64()
    );
    let repeated: Vec<&String> = calls
        .iter()
        .enumerate()
        .filter(|(index, call)| calls[..*index].contains(call))
        .map(|(_, call)| call)
        .collect();
    println!("{:<30} {:>10}", "API calls per full status", calls.len());
    println!("{:<30} {:>10}", "  of which repeated", repeated.len());
    for call in repeated {
        println!("    {call}");
    }
    println!("{:<30} {:>7.1} ms", "wizard first draw (library)", ms(frame));
    println!();
    println!("the binary, median of {STARTS} starts in an 80x24 terminal, until its first frame is on screen");
    println!("{:<30} {:>7.1} ms", "  --practice", ms(practice_frame));
    println!(
        "{:<30} {:>7.1} ms {:>13.1} ms",
        "  against the account",
        ms(moto_frame),
        ms(relay_frame)
    );
    println!(
        "{:<30} {:>7.1} ms {:>13.1} ms",
        "`status` process, start to exit",
        ms(moto_run),
        ms(relay_run)
    );
    println!(
        "{:<30} {:>7.1} MiB {:>12.1} MiB",
        "  its peak RSS",
        moto_rss as f64 / 1024.0,
        relay_rss as f64 / 1024.0
    );
    println!();
    match cli {
        Some((calls, direct, far)) => {
            println!("the AWS CLI, the same checks one call after another ({calls} commands)");
            println!("{:<30} {:>7.1} ms {:>13.1} ms", "  total", ms(direct), ms(far));
        }
        None => println!("the AWS CLI: not installed (scripts/bench-status installs it)"),
    }
    match peak_rss_kib() {
        Some(kib) => println!(
            "{:<30} {:>7.1} MiB",
            "peak RSS of this bench process",
            kib as f64 / 1024.0
        ),
        None => println!("{:<30} {:>10}", "peak RSS of this bench process", "unknown"),
    }
}

/// moto's keys, as the tests use them.
const CREDENTIALS: [(&str, &str); 4] = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
    ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("AWS_REGION", support::moto::REGION),
    // The AWS CLI v1 reads only this one.
    ("AWS_DEFAULT_REGION", support::moto::REGION),
];

/// The binary next to this example (`scripts/bench-status` builds both).
fn binary_path() -> std::path::PathBuf {
    let example = std::env::current_exe().expect("this example's path");
    let dir = example
        .parent()
        .and_then(std::path::Path::parent)
        .expect("target/<profile>/examples");
    dir.join("aws-day-one")
}

/// From starting the binary in a terminal to its first full frame (the footer is the
/// last line drawn), median of several starts.
fn binary_first_frame(binary: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Duration {
    let mut samples = Vec::new();
    for _ in 0..STARTS {
        let mut pty = support::pty::Pty::spawn(binary, args, env, 80, 24);
        samples.push(pty.wait_for("q quit", Duration::from_secs(20)));
        pty.send(b"q");
        let _ = pty.exit_code(Duration::from_secs(20));
    }
    median(&mut samples)
}

/// `aws-day-one status` as a process: wall time from start to exit (median), and the
/// peak resident memory of one run.
fn binary_status(binary: &std::path::Path, endpoint: &str) -> (Duration, u64) {
    let mut samples = Vec::new();
    let mut peak = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let mut child = support::env::clean(&mut std::process::Command::new(binary))
            .args(["status", "--output", "json", "--endpoint-url", endpoint])
            .envs(CREDENTIALS)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("run status");
        peak = peak.max(wait_with_peak_rss(&mut child));
        samples.push(started.elapsed());
    }
    (median(&mut samples), peak)
}

/// Wait for a child and read its peak resident memory (KiB) from the kernel.
fn wait_with_peak_rss(child: &mut std::process::Child) -> u64 {
    let pid = i32::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    u64::try_from(usage.ru_maxrss).unwrap_or(0)
}

/// The checks as a workshop script makes them: one AWS CLI command after another, the
/// per-user and per-item ones after the list they need. (commands, time against moto,
/// time through the relay), or `None` without an AWS CLI (`AWS_CLI` names it).
fn aws_cli_status(direct: &str, far: &str) -> Option<(usize, Duration, Duration)> {
    let cli = std::env::var_os("AWS_CLI")?;
    let run = |endpoint: &str| {
        let mut commands = 0;
        let started = Instant::now();
        let mut aws = |args: &[&str]| -> String {
            commands += 1;
            let output = support::env::clean(&mut std::process::Command::new(&cli))
                .args(args)
                .args(["--endpoint-url", endpoint, "--output", "text"])
                .envs(CREDENTIALS)
                .output()
                .expect("run the AWS CLI");
            String::from_utf8_lossy(&output.stdout).into_owned()
        };
        let account = support::moto::ACCOUNT_ID;
        aws(&["sts", "get-caller-identity"]);
        aws(&["iam", "get-account-summary"]);
        aws(&["iam", "list-account-aliases"]);
        aws(&["iam", "get-account-password-policy"]);
        let groups = aws(&[
            "iam",
            "list-entities-for-policy",
            "--policy-arn",
            "arn:aws:iam::aws:policy/AdministratorAccess",
            "--entity-filter",
            "Group",
            "--query",
            "PolicyGroups[].GroupName",
        ]);
        for group in groups.split_whitespace() {
            aws(&["iam", "get-group", "--group-name", group]);
        }
        let users = aws(&["iam", "list-users", "--query", "Users[].UserName"]);
        for user in users.split_whitespace() {
            aws(&["iam", "get-login-profile", "--user-name", user]);
            aws(&["iam", "list-mfa-devices", "--user-name", user]);
        }
        let budgets = aws(&[
            "budgets",
            "describe-budgets",
            "--account-id",
            account,
            "--query",
            "Budgets[].BudgetName",
        ]);
        for budget in budgets.split_whitespace() {
            aws(&[
                "budgets",
                "describe-notifications-for-budget",
                "--account-id",
                account,
                "--budget-name",
                budget,
            ]);
        }
        let trails = aws(&["cloudtrail", "describe-trails", "--query", "trailList[].TrailARN"]);
        for trail in trails.split_whitespace() {
            aws(&["cloudtrail", "get-trail-status", "--name", trail]);
        }
        aws(&["configservice", "describe-configuration-recorders"]);
        aws(&["configservice", "describe-configuration-recorder-status"]);
        aws(&["configservice", "describe-delivery-channels"]);
        aws(&["configservice", "describe-config-rules"]);
        let detectors = aws(&["guardduty", "list-detectors", "--query", "DetectorIds"]);
        for detector in detectors.split_whitespace() {
            aws(&["guardduty", "get-detector", "--detector-id", detector]);
        }
        aws(&[
            "account",
            "get-alternate-contact",
            "--alternate-contact-type",
            "SECURITY",
        ]);
        aws(&["organizations", "describe-organization"]);
        (commands, started.elapsed())
    };
    let (commands, direct) = run(direct);
    let (_, far) = run(far);
    Some((commands, direct, far))
}

async fn measure(account: &AwsAccount) -> Measurement {
    let identity = account.identity().await.expect("moto answers GetCallerIdentity");
    // moto imports each service lazily on its first request: warm them all first.
    steps::check_everything(account, &identity).await;

    let mut full = Vec::new();
    let mut per_check = vec![Vec::new(); StepId::ALL.len()];
    for _ in 0..ROUNDS {
        let started = Instant::now();
        steps::check_everything(account, &identity).await;
        full.push(started.elapsed());
        for (index, step) in StepId::ALL.into_iter().enumerate() {
            // A fresh fact cache each time: a check alone pays for every call it needs.
            let facts = Facts::new(account, &identity);
            let started = Instant::now();
            steps::check(step, &facts, CHECK_TIMEOUT).await;
            per_check[index].push(started.elapsed());
        }
    }
    Measurement {
        per_check: per_check.iter_mut().map(|samples| median(samples)).collect(),
        full: median(&mut full),
    }
}

/// A TCP relay to moto that holds every chunk for `delay` in each direction's first
/// read, adding one round trip of latency per request.
async fn start_latency_relay(target_port: u16, delay: Duration) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind relay");
    let port = listener.local_addr().expect("relay address").port();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            tokio::spawn(async move {
                let Ok(server) = TcpStream::connect(("127.0.0.1", target_port)).await else {
                    return;
                };
                let (client_read, client_write) = client.into_split();
                let (server_read, server_write) = server.into_split();
                let half = delay / 2;
                tokio::join!(
                    pipe(client_read, server_write, half),
                    pipe(server_read, client_write, half)
                );
            });
        }
    });
    port
}

async fn pipe(mut from: tokio::net::tcp::OwnedReadHalf, mut to: tokio::net::tcp::OwnedWriteHalf, delay: Duration) {
    let mut buffer = vec![0; 64 * 1024];
    let mut first = true;
    while let Ok(read) = from.read(&mut buffer).await {
        if read == 0 {
            break;
        }
        if first {
            tokio::time::sleep(delay).await;
            first = false;
        }
        if to.write_all(&buffer[..read]).await.is_err() {
            break;
        }
    }
    let _ = to.shutdown().await;
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// A realistic mid-workshop account: some steps done, a few users, one trail.
async fn seed_a_half_done_account(moto: &mut Moto, config: &aws_config::SdkConfig) {
    moto.set_root_mfa(true);
    seed::alias(config, "bench-team").await;
    seed::password_policy(config, 14, true).await;
    seed::group(config, "Administrators", true).await;
    for user in ["ada", "grace", "linus", "margaret"] {
        seed::user(config, user, true, Some("Administrators")).await;
    }
    seed::user(config, "ci-robot", false, None).await;
    seed::mfa(config, "ada").await;
    seed::budget(config, "monthly", true).await;
    seed::trail(config, "management-events", true, true).await;
    seed::guardduty(config, true).await;
}

/// Records every operation a client sends, with the request that identifies it.
#[derive(Debug, Default)]
struct CallLog(Arc<Mutex<Vec<String>>>);

impl Intercept for CallLog {
    fn name(&self) -> &'static str {
        "CallLog"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let operation = cfg
            .load::<Metadata>()
            .map(|m| format!("{}:{}", m.service(), m.name()))
            .unwrap_or_default();
        let request = context.request();
        let body = request.body().bytes().map(String::from_utf8_lossy).unwrap_or_default();
        let mut log = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        log.push(format!("{operation} {} {body}", request.uri()));
        Ok(())
    }
}

/// Every call of one full status (operation, address and body, so the same operation
/// for two users counts as two calls, and a true repeat shows).
async fn count_calls(config: &aws_config::SdkConfig) -> Vec<String> {
    let log = Arc::new(Mutex::new(Vec::new()));
    let account = AwsAccount::with_interceptors(config, vec![SharedInterceptor::new(CallLog(log.clone()))]);
    let identity = account.identity().await.expect("identity");
    log.lock().expect("log").clear();
    steps::check_everything(&account, &identity).await;
    log.lock().expect("log").clone()
}

/// From a new wizard to its first drawn frame (the checks still running), median.
async fn first_frame() -> Duration {
    use aws_day_one::account::practice::PracticeAccount;
    use aws_day_one::clock::SystemClock;
    use aws_day_one::i18n::Lang;
    use aws_day_one::tui::app::App;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut samples = Vec::new();
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let _account = PracticeAccount::new(Arc::new(SystemClock));
        let mut app = App::new(Lang::Ja, true, Arc::new(SystemClock), StepId::AuthenticatorApp);
        let _commands = app.start();
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|frame| aws_day_one::tui::view::draw(&app, frame))
            .expect("draw");
        samples.push(started.elapsed());
    }
    median(&mut samples)
}

/// The high-water mark of this process's resident memory, from /proc (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
