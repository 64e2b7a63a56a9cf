//! The environment the real binary runs in under test: nothing of this machine's AWS
//! setup (no profile, no config files, no instance metadata), only what a test gives.

use std::process::Command;

/// Clear `command`'s environment down to PATH and AWS settings that lead nowhere.
pub fn clean(command: &mut Command) -> &mut Command {
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", "/nonexistent")
        .env("AWS_CONFIG_FILE", "/nonexistent/config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
}
