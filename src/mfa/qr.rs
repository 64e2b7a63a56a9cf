//! The QR code as a grid of modules, with the four-module quiet zone scanners need.
//! Drawing it is the terminal's job; this only decides which modules are dark.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of empty border on each side, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw: `size × size` modules, quiet zone included.
#[derive(Clone, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    dark: Vec<bool>,
}

impl std::fmt::Debug for QrMatrix {
    /// Only the size: the modules encode the seed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "QrMatrix({0}×{0})", self.size)
    }
}

/// The text does not fit in a QR code.
#[derive(Debug, thiserror::Error)]
#[error("the text is too long for a QR code")]
pub struct QrTooLong;

impl QrMatrix {
    /// Encode `text` with low error correction (a screen shows a clean code, and the
    /// smallest code fits the most terminals) and surround it with the quiet zone.
    pub fn encode(text: &str) -> Result<QrMatrix, QrTooLong> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).map_err(|_| QrTooLong)?;
        let inner = code.width();
        let colors = code.to_colors();
        let size = inner + 2 * QUIET_ZONE;
        let mut dark = vec![false; size * size];
        for (index, color) in colors.iter().enumerate() {
            let (x, y) = (index % inner + QUIET_ZONE, index / inner + QUIET_ZONE);
            dark[y * size + x] = *color == Color::Dark;
        }
        Ok(QrMatrix { size, dark })
    }

    /// Modules per side, quiet zone included.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark; outside the code is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_decodes_back_to_the_text() {
        let text = "otpauth://totp/ada%40my-team?secret=FAKEFAKEFAKEFAKE&issuer=Amazon%20Web%20Services";
        let matrix = QrMatrix::encode(text).expect("fits");
        let mut image = rqrr::PreparedImage::prepare_from_bitmap(matrix.size() * 4, matrix.size() * 4, |x, y| {
            matrix.is_dark(x / 4, y / 4)
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, decoded) = grids[0].decode().expect("decodes");
        assert_eq!(decoded, text);
    }

    #[test]
    fn the_quiet_zone_is_light() {
        let matrix = QrMatrix::encode("otpauth://totp/x?secret=FAKE").expect("fits");
        for i in 0..matrix.size() {
            for border in 0..QUIET_ZONE {
                assert!(!matrix.is_dark(i, border) && !matrix.is_dark(border, i));
                assert!(!matrix.is_dark(i, matrix.size() - 1 - border));
            }
        }
        assert!(matrix.is_dark(QUIET_ZONE, QUIET_ZONE), "finder pattern corner");
    }
}
