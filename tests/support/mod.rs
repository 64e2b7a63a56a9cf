//! Shared test support: the moto emulator and the seeding of account states.
#![allow(dead_code)]

pub mod app;
pub mod env;
pub mod faults;
pub mod moto;
pub mod proxy;
#[cfg(unix)]
pub mod pty;
pub mod seed;
pub mod svg;
pub mod wizard;
