//! Run the real `aws-day-one` binary the way a user would, but in a clean environment.

use super::moto::REGION;
use std::process::Command;

/// What a run of the binary printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `aws-day-one` with a clean environment: no profile, no config files, no instance
/// metadata, only the variables given.
fn app(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aws-day-one"));
    super::env::clean(&mut command)
        .args(args)
        .env("LANG", "C")
        .envs(env.iter().copied());
    command
}

/// Start `aws-day-one` (clean environment) with its output piped, for commands that run
/// until stopped.
pub fn spawn_app(args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
    app(args, env)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start aws-day-one")
}

/// Run `aws-day-one` (clean environment) to the end.
pub fn run_app(args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = app(args, env).output().expect("run aws-day-one");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The environment of a user whose credentials moto accepts.
pub const TEST_CREDENTIALS: [(&str, &str); 3] = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
    ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("AWS_REGION", REGION),
];
