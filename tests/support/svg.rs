//! A terminal screen as an SVG picture: one cell per character on a dark background,
//! in the colours the terminal would use. Block characters (the QR code's half
//! blocks) are drawn as rectangles, so the code in the picture scans like the one on
//! screen whatever font the viewer has.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

const CELL_WIDTH: u32 = 9;
const CELL_HEIGHT: u32 = 18;
const BACKGROUND: &str = "#1e1e1e";
const FOREGROUND: &str = "#d4d4d4";

fn colour(color: Color, fallback: &'static str) -> String {
    match color {
        Color::Reset => fallback.to_owned(),
        Color::Black => "#000000".into(),
        Color::Red | Color::LightRed => "#f14c4c".into(),
        Color::Green | Color::LightGreen => "#23d18b".into(),
        Color::Yellow | Color::LightYellow => "#f5f543".into(),
        Color::Blue | Color::LightBlue => "#3b8eea".into(),
        Color::Magenta | Color::LightMagenta => "#d670d6".into(),
        Color::Cyan | Color::LightCyan => "#29b8db".into(),
        Color::Gray => "#cccccc".into(),
        Color::DarkGray => "#767676".into(),
        Color::White => "#ffffff".into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => fallback.to_owned(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The buffer as an SVG document.
pub fn render(buffer: &Buffer) -> String {
    let area = buffer.area;
    let (width, height) = (u32::from(area.width) * CELL_WIDTH, u32::from(area.height) * CELL_HEIGHT);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         font-family=\"'DejaVu Sans Mono','Noto Sans Mono CJK JP',monospace\" font-size=\"15\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>\n"
    );
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            let cells = UnicodeWidthStr::width(symbol).max(1) as u16;
            let (px, py) = (u32::from(x) * CELL_WIDTH, u32::from(y) * CELL_HEIGHT);
            let mut fg = colour(cell.fg, FOREGROUND);
            let mut bg = colour(cell.bg, BACKGROUND);
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let cell_width = u32::from(cells) * CELL_WIDTH;
            if bg != BACKGROUND {
                svg.push_str(&format!(
                    "<rect x=\"{px}\" y=\"{py}\" width=\"{cell_width}\" height=\"{CELL_HEIGHT}\" fill=\"{bg}\"/>\n"
                ));
            }
            let half = CELL_HEIGHT / 2;
            match symbol {
                "█" => svg.push_str(&format!(
                    "<rect x=\"{px}\" y=\"{py}\" width=\"{CELL_WIDTH}\" height=\"{CELL_HEIGHT}\" fill=\"{fg}\"/>\n"
                )),
                "▀" => svg.push_str(&format!(
                    "<rect x=\"{px}\" y=\"{py}\" width=\"{CELL_WIDTH}\" height=\"{half}\" fill=\"{fg}\"/>\n"
                )),
                "▄" => svg.push_str(&format!(
                    "<rect x=\"{px}\" y=\"{}\" width=\"{CELL_WIDTH}\" height=\"{half}\" fill=\"{fg}\"/>\n",
                    py + half
                )),
                " " | "" => {}
                text => {
                    let weight = if cell.modifier.contains(Modifier::BOLD) {
                        " font-weight=\"bold\""
                    } else {
                        ""
                    };
                    let underline = if cell.modifier.contains(Modifier::UNDERLINED) {
                        " text-decoration=\"underline\""
                    } else {
                        ""
                    };
                    svg.push_str(&format!(
                        "<text x=\"{px}\" y=\"{}\" fill=\"{fg}\"{weight}{underline} textLength=\"{cell_width}\">{}</text>\n",
                        py + CELL_HEIGHT - 5,
                        escape(text)
                    ));
                }
            }
            x += cells;
        }
    }
    svg.push_str("</svg>\n");
    svg
}
