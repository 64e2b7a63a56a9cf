//! The README's screenshots, drawn from the real screens: the practice account, a fixed
//! clock and an obviously fake MFA seed, in English and Japanese. This test fails when
//! a screen no longer renders or no longer matches the committed picture;
//! `scripts/screenshots` redraws them all.

mod support;

use aws_day_one::account::Account;
use aws_day_one::account::practice::PracticeAccount;
use aws_day_one::checklist::{Status, StepId};
use aws_day_one::clock::FixedClock;
use aws_day_one::commands::status::Report;
use aws_day_one::i18n::Lang;
use aws_day_one::mfa::MfaSeed;
use aws_day_one::tui::app::{MfaStage, Screen};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use std::path::PathBuf;
use std::sync::Arc;
use support::wizard::{NOW, Wizard};

/// Set to redraw the committed pictures instead of comparing with them.
const UPDATE: &str = "UPDATE_SCREENSHOTS";
/// Not a secret: a seed made of the word FAKESEED, used only for the pictures.
const FAKE_SEED: &str = "FAKESEEDFAKESEEDFAKESEEDFAKESEED";

fn suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ja => "ja",
    }
}

/// Compare `svg` with the committed picture, or write it when updating.
fn picture(name: &str, svg: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("screenshots")
        .join(format!("{name}.svg"));
    if std::env::var_os(UPDATE).is_some() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("screenshots dir");
        std::fs::write(&path, svg).expect("write screenshot");
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(committed) if committed == svg => None,
        Ok(_) => Some(format!("{name}: the screen changed")),
        Err(_) => Some(format!("{name}: no committed picture")),
    }
}

/// The status table as a terminal would show it, status words in their colours.
fn status_buffer(text: &str) -> Buffer {
    let lines: Vec<&str> = text.lines().collect();
    let mut buffer = Buffer::empty(Rect::new(0, 0, 80, lines.len() as u16));
    for (y, line) in lines.iter().enumerate() {
        buffer.set_string(0, y as u16, line, Style::new());
        let word = line.split_whitespace().next().unwrap_or_default();
        let colour = [
            (Status::Pass, Color::Green),
            (Status::Fail, Color::Red),
            (Status::Manual, Color::Yellow),
            (Status::Error, Color::Magenta),
            (Status::Skipped, Color::DarkGray),
        ]
        .into_iter()
        .find(|(status, _)| {
            [Lang::En, Lang::Ja].iter().any(|lang| status.word(*lang) == word) && line.starts_with(word)
        })
        .map(|(_, colour)| colour);
        if let Some(colour) = colour {
            buffer.set_string(0, y as u16, word, Style::new().fg(colour));
        }
    }
    buffer
}

async fn pictures(lang: Lang) -> Vec<String> {
    let name = |what: &str| format!("{what}-{}", suffix(lang));
    let mut problems = Vec::new();

    let mut w = Wizard::open(lang, 80, 24).await;
    problems.extend(picture(&name("checklist"), &support::svg::render(w.draw())));
    w.select(StepId::Cloudtrail).await;
    w.press(KeyCode::Enter).await;
    problems.extend(picture(&name("step"), &support::svg::render(w.draw())));

    let mut w = Wizard::open(lang, 100, 32).await;
    w.select(StepId::AdminGroup).await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;
    w.select(StepId::AdminUser).await;
    w.press(KeyCode::Enter).await;
    w.type_text("ada").await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;
    w.select(StepId::UserMfa).await;
    w.press(KeyCode::Enter).await;
    w.press(KeyCode::Enter).await;
    let Screen::Mfa(MfaStage::Codes {
        device, show_secret, ..
    }) = &mut w.app.screen
    else {
        panic!("not on the MFA screen: {:?}", w.app.screen)
    };
    device.seed = MfaSeed::from_base32(FAKE_SEED);
    *show_secret = true;
    w.type_text("123").await;
    problems.extend(picture(&name("mfa"), &support::svg::render(w.draw())));

    let account = PracticeAccount::new(Arc::new(FixedClock::at(NOW)));
    let identity = account.identity().await.expect("identity");
    let results = aws_day_one::steps::check_everything(&account, &identity).await;
    let report = Report {
        identity,
        region: account.region(),
        results,
    };
    let table = status_buffer(&report.text(lang, false));
    problems.extend(picture(&name("status"), &support::svg::render(&table)));
    problems
}

#[tokio::test]
async fn the_committed_screenshots_match_the_screens() {
    let mut problems = pictures(Lang::En).await;
    problems.extend(pictures(Lang::Ja).await);
    assert!(
        problems.is_empty(),
        "{}\nRun scripts/screenshots to redraw them, and review the change.",
        problems.join("\n")
    );
}
