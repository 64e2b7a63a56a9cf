//! The wizard driven like a person drives it: key presses into `App::update`, the
//! commands it returns run by the real worker, and the screen drawn to a test terminal.

use aws_day_one::account::Account;
use aws_day_one::account::practice::PracticeAccount;
use aws_day_one::checklist::StepId;
use aws_day_one::clock::FixedClock;
use aws_day_one::i18n::Lang;
use aws_day_one::tui::app::{App, Command, Msg};
use aws_day_one::tui::view;
use aws_day_one::tui::worker::Worker;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::VecDeque;
use std::sync::Arc;
use tokio::sync::mpsc;

/// 2026-11-23 12:00:10 UTC: ten seconds into a TOTP step.
pub const NOW: u64 = 1_795_435_210;

pub struct Wizard {
    pub app: App,
    pub worker: Worker,
    pub answers: mpsc::UnboundedReceiver<Msg>,
    pub terminal: Terminal<TestBackend>,
    pub clock: FixedClock,
    /// Every command the app asked for, in order.
    pub commands: Vec<Command>,
    /// Every answer the worker sent, in its debug form (what a log would hold).
    pub answers_seen: Vec<String>,
    /// This wizard's own state directory (journal, confirmations), removed on drop.
    pub state_dir: std::path::PathBuf,
}

impl Drop for Wizard {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.state_dir);
    }
}

/// A state directory no other wizard of any test shares.
fn fresh_state_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let number = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("aws-day-one-wizard-{}-{number}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl Wizard {
    pub async fn open(lang: Lang, width: u16, height: u16) -> Wizard {
        let clock = FixedClock::at(NOW);
        let practice = PracticeAccount::new(Arc::new(clock.clone()));
        Wizard::open_on(Arc::new(practice.clone()), Some(practice), clock, lang, width, height).await
    }

    pub async fn open_on(
        account: Arc<dyn Account>,
        practice: Option<PracticeAccount>,
        clock: FixedClock,
        lang: Lang,
        width: u16,
        height: u16,
    ) -> Wizard {
        let (sender, answers) = mpsc::unbounded_channel();
        let is_practice = practice.is_some();
        let state_dir = fresh_state_dir();
        let worker = Worker::new(account, practice, sender, lang).with_state_dir(state_dir.clone());
        let app = App::new(lang, is_practice, Arc::new(clock.clone()), StepId::AuthenticatorApp);
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        let mut wizard = Wizard {
            app,
            worker,
            answers,
            terminal,
            clock,
            commands: Vec::new(),
            answers_seen: Vec::new(),
            state_dir,
        };
        let first = wizard.app.start();
        wizard.settle(first).await;
        wizard
    }

    /// Run commands, feed their answers back, until nothing is left to do.
    pub async fn settle(&mut self, commands: Vec<Command>) {
        let mut queue: VecDeque<Command> = commands.into();
        while let Some(command) = queue.pop_front() {
            self.commands.push(command.clone());
            self.worker.run(command).await;
            while let Ok(answer) = self.answers.try_recv() {
                self.answers_seen.push(format!("{answer:?}"));
                queue.extend(self.app.update(answer));
            }
        }
    }

    /// Start commands without waiting for them, as the real event loop does.
    fn start(&mut self, commands: Vec<Command>) {
        for command in commands {
            self.commands.push(command.clone());
            self.worker.spawn(command);
        }
    }

    /// A key handled as the real event loop handles it: its commands start, and the
    /// test goes on while they run.
    pub fn press_live(&mut self, key: KeyEvent) {
        let commands = self.app.update(Msg::Key(key));
        self.start(commands);
    }

    /// Feed the worker's answers to the app as they come (starting what they ask for)
    /// until `done` holds.
    pub async fn until(&mut self, what: &str, done: impl Fn(&App) -> bool) {
        while !done(&self.app) {
            let answer = tokio::time::timeout(std::time::Duration::from_secs(20), self.answers.recv())
                .await
                .unwrap_or_else(|_| panic!("waited 20 s for {what}; the screen is {:?}", self.app.screen))
                .expect("the worker's channel is open");
            self.answers_seen.push(format!("{answer:?}"));
            let commands = self.app.update(answer);
            self.start(commands);
        }
    }

    pub async fn press(&mut self, code: KeyCode) {
        let commands = self.app.update(Msg::Key(KeyEvent::from(code)));
        self.settle(commands).await;
    }

    pub async fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c)).await;
        }
    }

    pub async fn select(&mut self, step: StepId) {
        while self.app.selected != step {
            let before = self.app.selected;
            let key = if before < step { KeyCode::Down } else { KeyCode::Up };
            self.press(key).await;
            assert_ne!(self.app.selected, before, "cannot reach {step}");
        }
    }

    pub fn draw(&mut self) -> &ratatui::buffer::Buffer {
        // Start from a blank test screen: its buffer keeps cells that a real terminal
        // overwrites when a wide character is drawn over them.
        self.terminal.clear().expect("clear");
        let app = &self.app;
        self.terminal.draw(|frame| view::draw(app, frame)).expect("draw");
        self.terminal.backend().buffer()
    }

    /// The screen as text, one line per row, trailing spaces removed.
    pub fn screen(&mut self) -> String {
        let buffer = self.draw().clone();
        let area = buffer.area;
        let mut out = String::new();
        for y in 0..area.height {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                // A wide character covers the next cell too.
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}
