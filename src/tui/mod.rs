//! The wizard: a ratatui app in which data flows one way. Keys and worker answers
//! become [`app::Msg`]s, [`app::App::update`] turns them into state and
//! [`app::Command`]s, the [`worker`] runs those against the account, and [`view`] draws
//! the state. The terminal is restored on every way out, panics included.

pub mod app;
pub mod forms;
pub mod qr;
pub mod text;
pub mod theme;
pub mod view;
pub mod worker;

use crate::account::Account;
use crate::account::practice::PracticeAccount;
use crate::checklist::StepId;
use crate::clock::Clock;
use crate::i18n::Lang;
use app::{App, Msg};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use worker::Worker;

/// Restores the terminal when dropped, so an early return or an error cannot leave
/// the user's shell in raw mode. (A panic hook set by `ratatui::init` covers panics.)
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Where the wizard starts and what it talks to.
pub struct Options {
    pub lang: Lang,
    pub start_at: StepId,
    pub clock: Arc<dyn Clock>,
}

/// Run the wizard until the user quits.
pub async fn run(
    account: Arc<dyn Account>,
    practice: Option<PracticeAccount>,
    options: Options,
) -> std::io::Result<()> {
    let (sender, mut messages) = mpsc::unbounded_channel();
    let worker = Worker::new(account, practice.clone(), sender.clone());
    let mut app = App::new(options.lang, practice.is_some(), options.clock, options.start_at);

    // Keys are read on their own thread: crossterm's reader blocks.
    let keys = sender.clone();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            let message = match event {
                Event::Key(key) if key.kind == KeyEventKind::Press => Msg::Key(key),
                Event::Resize(..) => Msg::Tick,
                _ => continue,
            };
            if keys.send(message).is_err() {
                break;
            }
        }
    });
    let ticks = sender;
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(1));
        loop {
            interval.tick().await;
            if ticks.send(Msg::Tick).is_err() {
                break;
            }
        }
    });

    let mut terminal = ratatui::init();
    let _guard = TerminalGuard;
    for command in app.start() {
        worker.spawn(command);
    }
    terminal.draw(|frame| view::draw(&app, frame))?;
    while let Some(message) = messages.recv().await {
        let quitting_commands = {
            let commands = app.update(message);
            if app.quit {
                commands
            } else {
                for command in commands {
                    worker.spawn(command);
                }
                Vec::new()
            }
        };
        if app.quit {
            // Finish the clean-up (an unused MFA device) before leaving.
            for command in quitting_commands {
                worker.run(command).await;
            }
            break;
        }
        terminal.draw(|frame| view::draw(&app, frame))?;
    }
    Ok(())
}
