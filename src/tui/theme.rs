//! Colours and emphasis. Status never rests on colour alone: every status has a word
//! (OK / NG / 手動 …) beside its colour, which also reads on light and dark terminals.

use crate::checklist::Status;
use ratatui::style::{Color, Modifier, Style};

pub fn status(status: Status) -> Style {
    let colour = match status {
        Status::Pass => Color::Green,
        Status::Fail => Color::Red,
        Status::Manual => Color::Yellow,
        Status::Error => Color::Magenta,
        Status::Skipped => Color::DarkGray,
    };
    Style::new().fg(colour).add_modifier(Modifier::BOLD)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn badge() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow)
}

pub fn link() -> Style {
    Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED)
}

pub fn good() -> Style {
    Style::new().fg(Color::Green)
}

pub fn bad() -> Style {
    Style::new().fg(Color::Red)
}

pub fn warn() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn action() -> Style {
    Style::new().fg(Color::Cyan)
}

pub fn input() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}
