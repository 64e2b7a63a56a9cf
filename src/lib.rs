//! aws-day-one: a terminal guide through the first-day security and billing setup of a
//! new AWS account. The binary in `main.rs` is a thin shell over this library, so the
//! integration tests and benchmarks drive exactly the code users run.

pub mod account;
pub mod checklist;
pub mod cleanup;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod i18n;
pub mod journal;
pub mod mfa;
pub mod state;
pub mod steps;
pub mod textwrap;
pub mod tui;
