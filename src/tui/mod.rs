//! The wizard: a ratatui app in which data flows one way. Keys and worker answers
//! become [`app::Msg`]s, [`app::App::update`] turns them into state and
//! [`app::Command`]s, the [`worker`] runs those against the account, and [`view`] draws
//! the state. The terminal is restored on every way out, panics included.

pub mod app;
pub mod farewell;
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
use std::sync::atomic::{AtomicBool, Ordering};
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

/// How a wizard run ended, beyond the user leaving.
#[derive(Debug, Default)]
pub struct Ending {
    /// The user asked for the practice account (there were no credentials).
    pub practice: bool,
    /// The account could not be reached; the caller says why and exits 2.
    pub cannot_reach: Option<crate::account::AccountError>,
}

/// Where the wizard starts and what it talks to.
pub struct Options {
    pub lang: Lang,
    pub start_at: StepId,
    pub clock: Arc<dyn Clock>,
}

/// Run the wizard until the user quits; then, with the terminal restored, say what a
/// fix left half-done, if anything. The first frame is drawn at once: who the account
/// is, and every check, arrive as the worker learns them.
pub async fn run(
    account: impl Future<Output = Arc<dyn Account>> + Send + 'static,
    practice: Option<PracticeAccount>,
    options: Options,
) -> std::io::Result<Ending> {
    let (sender, messages) = mpsc::unbounded_channel();
    let worker = Worker::connecting(account, practice.clone(), sender.clone(), options.lang);
    let mut app = App::new(options.lang, practice.is_some(), options.clock, options.start_at);

    // Keys are read on their own thread: crossterm's reader blocks. It stops with the
    // wizard, so a wizard opened next (the practice account) gets every key.
    let keys = sender.clone();
    let stop_keys = Arc::new(AtomicBool::new(false));
    let key_reader = std::thread::spawn({
        let stop = stop_keys.clone();
        move || {
            while !stop.load(Ordering::SeqCst) {
                match event::poll(Duration::from_millis(50)) {
                    Ok(false) => continue,
                    Ok(true) => {}
                    Err(_) => break,
                }
                let message = match event::read() {
                    Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => Msg::Key(key),
                    Ok(Event::Resize(..)) => Msg::Tick,
                    Ok(_) => continue,
                    Err(_) => break,
                };
                if keys.send(message).is_err() {
                    break;
                }
            }
        }
    });
    forward_stop_signals(sender.clone());
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

    let drawn = {
        let mut terminal = ratatui::init();
        let _guard = TerminalGuard;
        event_loop(&mut terminal, &mut app, &worker, messages).await
    };
    stop_keys.store(true, Ordering::SeqCst);
    // The reader notices within one poll.
    let _ = tokio::task::spawn_blocking(move || key_reader.join()).await;
    // A change left running may have journaled more since the screen last heard.
    app.made = worker.made_this_run();
    if let Some(words) = farewell::farewell(&app) {
        eprintln!("{words}");
    }
    drawn.map(|()| Ending {
        practice: app.practice_requested,
        cannot_reach: app.cannot_reach().cloned(),
    })
}

/// Draw, read a message, update, start the commands; until the app quits.
async fn event_loop<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    worker: &Worker,
    mut messages: mpsc::UnboundedReceiver<Msg>,
) -> std::io::Result<()>
where
    std::io::Error: From<B::Error>,
{
    for command in app.start() {
        worker.spawn(command);
    }
    terminal.draw(|frame| view::draw(app, frame))?;
    while let Some(message) = messages.recv().await {
        for command in app.update(message) {
            worker.spawn(command);
        }
        if app.quit {
            break;
        }
        terminal.draw(|frame| view::draw(app, frame))?;
    }
    Ok(())
}

/// A polite request to stop (SIGTERM from `kill`, SIGHUP from a closed window) is
/// handled like Ctrl-C, so the terminal is restored and no change is cut off unsaid.
#[cfg(unix)]
fn forward_stop_signals(sender: mpsc::UnboundedSender<Msg>) {
    use tokio::signal::unix::{SignalKind, signal};
    for kind in [SignalKind::terminate(), SignalKind::hangup()] {
        let Ok(mut stream) = signal(kind) else {
            continue;
        };
        let sender = sender.clone();
        tokio::spawn(async move {
            while stream.recv().await.is_some() {
                if sender.send(Msg::Interrupt).is_err() {
                    break;
                }
            }
        });
    }
}

/// Elsewhere the console's own close event ends the process.
#[cfg(not(unix))]
fn forward_stop_signals(_sender: mpsc::UnboundedSender<Msg>) {}
