//! The QR code drawn with half blocks: each terminal cell holds two modules, one above
//! the other, which keeps modules square on ordinary terminal fonts. Colours are forced
//! to black on white, whatever the theme, because scanners expect dark modules on a
//! light background.

use crate::mfa::qr::QrMatrix;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

/// The upper half block: its foreground is the top module, its background the bottom.
pub const UPPER_HALF: &str = "\u{2580}";

pub struct QrWidget<'a> {
    matrix: &'a QrMatrix,
}

impl<'a> QrWidget<'a> {
    pub fn new(matrix: &'a QrMatrix) -> QrWidget<'a> {
        QrWidget { matrix }
    }
}

fn colour(dark: bool) -> Color {
    if dark { Color::Black } else { Color::White }
}

impl Widget for QrWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let size = self.matrix.size();
        for row in 0..size.div_ceil(2) {
            for x in 0..size {
                let (cx, cy) = (area.x + x as u16, area.y + row as u16);
                if cx >= area.right() || cy >= area.bottom() {
                    continue;
                }
                let top = self.matrix.is_dark(x, row * 2);
                let bottom = self.matrix.is_dark(x, row * 2 + 1);
                buf[(cx, cy)]
                    .set_symbol(UPPER_HALF)
                    .set_fg(colour(top))
                    .set_bg(colour(bottom));
            }
        }
    }
}
