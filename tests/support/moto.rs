//! A moto AWS emulator for one test: started on 127.0.0.1 on a free port by
//! `tests/moto/launcher.py` (from the project's venv, see `scripts/test`), steered over
//! its stdin, and stopped when dropped.

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::Credentials;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// moto's fixed account id.
pub const ACCOUNT_ID: &str = "123456789012";
pub const REGION: &str = "us-east-1";

pub struct Moto {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    pub port: u16,
}

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Python that has moto installed: `AWS_DAY_ONE_PYTHON`, else the project's venv.
fn python() -> PathBuf {
    if let Some(path) = std::env::var_os("AWS_DAY_ONE_PYTHON") {
        return PathBuf::from(path);
    }
    let venv = project_root().join(".venv/bin/python");
    assert!(
        venv.exists(),
        "moto is not installed: run `scripts/test` (it creates .venv with the pinned moto), \
         or point AWS_DAY_ONE_PYTHON at a Python that has moto[server]"
    );
    venv
}

impl Moto {
    /// Start a fresh emulator; every test gets its own, so tests never share state.
    pub fn start() -> Moto {
        let mut child = Command::new(python())
            .arg(project_root().join("tests/moto/launcher.py"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the moto launcher");
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().expect("launcher stdout"));
        let mut moto = Moto {
            child,
            stdin,
            stdout,
            port: 0,
        };
        let line = moto.read_line();
        moto.port = line
            .strip_prefix("READY ")
            .and_then(|port| port.trim().parse().ok())
            .unwrap_or_else(|| panic!("moto launcher said {line:?} instead of READY <port>"));
        moto
    }

    fn read_line(&mut self) -> String {
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("read from the moto launcher");
        line.trim_end().to_owned()
    }

    fn command(&mut self, command: &str) {
        let stdin = self.stdin.as_mut().expect("launcher stdin is open");
        writeln!(stdin, "{command}").expect("write to the moto launcher");
        stdin.flush().expect("flush the moto launcher's stdin");
        let answer = self.read_line();
        assert_eq!(answer, "OK", "moto launcher refused {command:?}");
    }

    /// Turn root MFA on or off (no API can; moto keeps it in the account summary).
    pub fn set_root_mfa(&mut self, on: bool) {
        self.command(&format!("root-mfa {}", u8::from(on)));
    }

    /// Say whether the root user has access keys.
    pub fn set_root_access_keys(&mut self, present: bool) {
        self.command(&format!("root-keys {}", u8::from(present)));
    }

    /// From now on, requests must be signed by an IAM user's key and are checked
    /// against that user's policies.
    pub fn enforce_auth(&mut self) {
        self.command("enforce-auth");
    }

    /// Every service back to a brand-new account (much faster than a new emulator).
    pub fn reset(&mut self) {
        self.command("reset");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// SDK configuration for seeding the emulator from a test.
    pub fn sdk_config(&self) -> SdkConfig {
        SdkConfig::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::from_static(REGION))
            .endpoint_url(self.url())
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(
                Credentials::for_tests(),
            ))
            .build()
    }
}

impl Moto {
    /// The same configuration, signing with this access key instead of the test one.
    pub fn sdk_config_signed_by(&self, key_id: &str, secret: &str) -> SdkConfig {
        self.sdk_config()
            .to_builder()
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(
                Credentials::new(key_id, secret, None, None, "test"),
            ))
            .build()
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        // Closing stdin asks the launcher to stop; kill in case it does not.
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
